package catalogfeed

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/csvcell"
)

// csvColumns are the columns of /catalog.csv, one line per ACTIVE entry.
var csvColumns = []string{
	"key", "name", "displayName", "organizationKey", "organization", "group", "level",
	"recognitionBases", "eligiblePrograms", "aliases", "approvedOn",
	"description", "url", "ctid", "renewalPeriodMonths", "points",
}

// writeCSV renders the ACTIVE entries of the snapshot as CSV; lists are
// separated by "; ", as in a bulk catalog file. Every text cell goes
// through csvcell.Text, so that a spreadsheet shows a staff-entered value
// starting with "=" as text rather than running it; the two last columns
// are written from integers and get no quote in front. Every field, the
// header's and the integers' included, is written in double quotes
// (csvcell.Writer), so that a spreadsheet reading the file at semicolons
// does not start a cell after a semicolon inside one. The catalog's checks
// refuse control characters in staff edits, so no cell holds a line break.
func writeCSV(snap *catalog.Snapshot) []byte {
	var buf bytes.Buffer
	w := csvcell.NewWriter(&buf)
	_ = w.Write(csvColumns)
	points := strconv.Itoa(snap.CertificationPoints())
	for _, c := range snap.ActiveCertifications() {
		orgName := ""
		if c.Organization != nil {
			orgName = c.Organization.Name
		}
		aliases := make([]string, len(c.Aliases))
		for i, a := range c.Aliases {
			aliases[i] = string(a.Kind) + ":" + a.Value
		}
		approved, renewal := "", ""
		if c.ApprovedOn != nil {
			approved = c.ApprovedOn.String()
		}
		if c.RenewalPeriodMonths > 0 {
			renewal = strconv.Itoa(c.RenewalPeriodMonths)
		}
		row := []string{
			c.Key, c.Name, c.DisplayName, c.OrganizationKey, orgName, c.Group, c.Level,
			joinStrings(c.RecognitionBases), joinStrings(c.EligiblePrograms), strings.Join(aliases, "; "), approved,
			c.Description, c.URL, c.CTID,
		}
		for i, cell := range row {
			row[i] = csvcell.Text(cell)
		}
		_ = w.Write(append(row, renewal, points))
	}
	_ = w.Flush()
	return buf.Bytes()
}

func joinStrings[T ~string](values []T) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return strings.Join(out, "; ")
}
