package candidate

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/mssc/recert/catalog"
	"io"
	"slices"
	"strings"
)

// Limits of a candidate CSV import.
const (
	// MaxImportBytes is the largest CSV accepted.
	MaxImportBytes = 5 << 20
	// MaxImportRows is the most data rows one import may hold.
	MaxImportRows = 10000
)

// ImportColumns are the columns a candidate CSV must have, in any order.
var ImportColumns = []string{"candidate_id", "name", "email", "program", "certified_on", "expires_on"}

// RowError is a problem with one line of an import.
type RowError struct {
	// Line is the line of the file, counting the header as line 1.
	Line int
	// Column names the column at fault, if one is.
	Column string
	// Code classifies the problem.
	Code catalog.Code
	// Message says what is wrong.
	Message string
}

// ImportResult says what an import did.
type ImportResult struct {
	// Created counts the candidates registered.
	Created int
	// HeldAdded counts the held certifications added to candidates.
	HeldAdded int
	// Unchanged counts the rows already on record exactly as given.
	Unchanged int
	// Candidates are the candidates created or changed.
	Candidates []*Candidate
}

type importRow struct {
	line    int
	number  string
	contact ContactDetails
	held    HeldCertification
}

// Import registers candidates and their held certifications from CSV, one
// row per held certification; staff only. A file with any bad row imports
// nothing and returns an error for every bad row, with its line number.
// A row already on record exactly as given is counted as unchanged, so an
// import can be repeated.
func (s *Candidates) Import(ctx context.Context, text string) (ImportResult, []RowError, error) {
	p, err := catalog.Require(ctx, catalog.RoleStaff)
	if err != nil {
		return ImportResult{}, nil, err
	}
	if len(text) > MaxImportBytes {
		return ImportResult{}, []RowError{{Code: catalog.CodeBadUserInput, Message: fmt.Sprintf("an import file may be at most %d bytes", MaxImportBytes)}}, nil
	}
	rows, parseErrs := parseImport(strings.NewReader(text))
	numbers := make([]string, 0, len(rows))
	for _, row := range rows {
		numbers = append(numbers, row.number)
	}
	existing, err := s.store.CandidatesByNumber(ctx, numbers)
	if err != nil {
		return ImportResult{}, nil, err
	}
	res, planErrs := planImport(rows, existing)
	if rowErrs := append(parseErrs, planErrs...); len(rowErrs) > 0 {
		slices.SortStableFunc(rowErrs, func(a, b RowError) int { return a.Line - b.Line })
		return ImportResult{}, rowErrs, nil
	}
	if len(res.Candidates) == 0 {
		return res, nil, nil
	}
	if err := s.store.SaveCandidates(ctx, res.Candidates, s.change(p, "candidate.import")); err != nil {
		if catalog.ErrorCode(err) == catalog.CodeConflict {
			return ImportResult{}, []RowError{{Line: 1, Code: catalog.CodeConflict, Message: "candidates were registered by someone else at the same time; run the import again"}}, nil
		}
		return ImportResult{}, nil, err
	}
	return res, nil, nil
}

func parseImport(r io.Reader) ([]importRow, []RowError) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, []RowError{{Line: 1, Code: catalog.CodeBadUserInput, Message: "the file has no header line; the columns are " + strings.Join(ImportColumns, ",")}}
	}
	index := map[string]int{}
	for i, h := range header {
		index[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	var missing []string
	for _, c := range ImportColumns {
		if _, ok := index[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, []RowError{{Line: 1, Code: catalog.CodeBadUserInput, Message: "the header lacks the column(s) " + strings.Join(missing, ", ") + "; the columns are " + strings.Join(ImportColumns, ",")}}
	}
	var (
		rows   []importRow
		errs   []RowError
		counts int
	)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return nil, append(errs, RowError{Line: line, Code: catalog.CodeBadUserInput, Message: "the line is not valid CSV"})
		}
		line, _ := cr.FieldPos(0)
		counts++
		if counts > MaxImportRows {
			return nil, []RowError{{Line: line, Code: catalog.CodeBadUserInput, Message: fmt.Sprintf("an import holds at most %d rows", MaxImportRows)}}
		}
		field := func(name string) string {
			if i := index[name]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		row := importRow{
			line:    line,
			number:  field("candidate_id"),
			contact: ContactDetails{Name: field("name"), Email: field("email")},
			held:    HeldCertification{Program: catalog.Program(strings.ToUpper(field("program")))},
		}
		var bad []*catalog.Error
		if e := CheckCandidateNumber("candidate_id", row.number); e != nil {
			bad = append(bad, e)
		}
		bad = append(bad, row.contact.Normalize("")...)
		for _, d := range []struct {
			column string
			into   *catalog.Date
		}{{"certified_on", &row.held.CertifiedOn}, {"expires_on", &row.held.ExpiresOn}} {
			if v := field(d.column); v != "" {
				parsed, err := catalog.ParseDate(v)
				if err != nil {
					bad = append(bad, catalog.Invalid(d.column, "%s", err.Error()))
					continue
				}
				*d.into = parsed
			}
		}
		for _, e := range CheckHeld("", row.held) {
			if e.Field == "program" || !slices.ContainsFunc(bad, func(b *catalog.Error) bool { return b.Field == columnOf(e.Field) }) {
				bad = append(bad, e)
			}
		}
		for _, e := range bad {
			errs = append(errs, RowError{Line: line, Column: columnOf(e.Field), Code: e.Code, Message: e.Message})
		}
		if len(bad) == 0 {
			rows = append(rows, row)
		}
	}
	if counts == 0 {
		errs = append(errs, RowError{Line: 2, Code: catalog.CodeBadUserInput, Message: "the file has no data rows"})
	}
	return rows, errs
}

// columnOf maps a field of the domain checks to its CSV column.
func columnOf(field string) string {
	switch field {
	case "certifiedOn":
		return "certified_on"
	case "expiresOn":
		return "expires_on"
	}
	return field
}

// planImport decides what each row changes, and finds rows that contradict
// each other or the records.
func planImport(rows []importRow, existing map[string]*Candidate) (ImportResult, []RowError) {
	var (
		res     ImportResult
		errs    []RowError
		planned = map[string]*Candidate{}
		firstAt = map[string]int{}
	)
	for _, row := range rows {
		c := planned[row.number]
		if c == nil {
			if have := existing[row.number]; have != nil {
				clone := *have
				clone.Held = slices.Clone(have.Held)
				c = &clone
			} else {
				c = &Candidate{Number: row.number, Name: row.contact.Name, Email: row.contact.Email}
			}
			planned[row.number] = c
			firstAt[row.number] = row.line
		}
		if c.Name != row.contact.Name || c.Email != row.contact.Email {
			errs = append(errs, RowError{Line: row.line, Column: "name", Code: catalog.CodeConflict,
				Message: fmt.Sprintf("candidate %s has another name or email on record or on line %d; correct it there first", row.number, firstAt[row.number])})
			continue
		}
		if h := c.Holds(row.held.Program); h != nil {
			if h.ID != 0 && h.CertifiedOn.Equal(row.held.CertifiedOn) && h.ExpiresOn.Equal(row.held.ExpiresOn) {
				res.Unchanged++
				continue
			}
			errs = append(errs, RowError{Line: row.line, Column: "program", Code: catalog.CodeConflict,
				Message: fmt.Sprintf("candidate %s already holds %s with other dates", row.number, row.held.Program)})
			continue
		}
		c.Held = append(c.Held, row.held)
		if c.ID == 0 && len(c.Held) == 1 {
			res.Created++
		} else {
			res.HeldAdded++
		}
	}
	for _, row := range rows {
		if c := planned[row.number]; c != nil && firstAt[row.number] == row.line && changed(c, existing[row.number]) {
			res.Candidates = append(res.Candidates, c)
		}
	}
	return res, errs
}

func changed(c, have *Candidate) bool {
	return have == nil || len(c.Held) != len(have.Held)
}
