package review

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/mssc/recert/catalog"
)

// BulkFormat is the format a bulk catalog file is written in.
type BulkFormat string

// The formats of a bulk catalog file.
const (
	// BulkCSV is comma-separated values with a header line.
	BulkCSV BulkFormat = "CSV"
	// BulkYAML is a YAML list of changes.
	BulkYAML BulkFormat = "YAML"
)

// MaxBulkFileBytes bounds a bulk catalog file.
const MaxBulkFileBytes = 512 << 10

// MaxBulkRows bounds the changes of one bulk catalog file.
const MaxBulkRows = 1000

// BulkAction is what one line of a bulk catalog file does.
type BulkAction string

// The actions of a bulk catalog file.
const (
	// BulkCreate adds an entry under a new key.
	BulkCreate BulkAction = "CREATE"
	// BulkUpdate changes the columns it fills of an existing entry.
	BulkUpdate BulkAction = "UPDATE"
	// BulkRetire retires an existing certification from a day on.
	BulkRetire BulkAction = "RETIRE"
)

// bulkColumns are the columns a bulk catalog file may have, in the
// documented order.
var bulkColumns = []string{
	"action", "kind", "key", "organization", "name", "displayName", "acronym", "group", "level",
	"recognitionBases", "eligiblePrograms", "aliases", "approvedOn", "retiredOn",
	"description", "url", "ctid", "renewalPeriodMonths", "note",
}

// bulkRow is one change of a bulk catalog file: its line and the columns
// it fills, lists already split.
type bulkRow struct {
	line   int
	values map[string]string
	lists  map[string][]string
}

// has reports whether the row fills the column.
func (r *bulkRow) has(column string) bool {
	if _, ok := r.lists[column]; ok {
		return true
	}
	return r.values[column] != ""
}

// bulkListColumns hold several values, separated by ";" in CSV.
var bulkListColumns = []string{"recognitionBases", "eligiblePrograms", "aliases"}

// readBulkFile splits a bulk catalog file into rows; a malformed file is
// reported as problems with line numbers.
func readBulkFile(format BulkFormat, content string) ([]bulkRow, []BulkProblem) {
	if len(content) > MaxBulkFileBytes {
		return nil, []BulkProblem{{Line: 1, Code: catalog.CodeBadUserInput, Message: "the file is longer than " + strconv.Itoa(MaxBulkFileBytes) + " bytes"}}
	}
	if strings.ContainsRune(content, 0) {
		return nil, []BulkProblem{{Line: 1, Code: catalog.CodeBadUserInput, Message: "the file holds a NUL character; send text"}}
	}
	var rows []bulkRow
	var problems []BulkProblem
	if format == BulkYAML {
		rows, problems = readBulkYAML(content)
	} else {
		rows, problems = readBulkCSV(content)
	}
	if len(problems) == 0 && len(rows) == 0 {
		problems = append(problems, BulkProblem{Line: 1, Code: catalog.CodeBadUserInput, Message: "the file holds no changes"})
	}
	if len(rows) > MaxBulkRows {
		problems = append(problems, BulkProblem{Line: rows[MaxBulkRows].line, Code: catalog.CodeBadUserInput, Message: "a file holds at most " + strconv.Itoa(MaxBulkRows) + " changes"})
	}
	return rows, problems
}

func readBulkCSV(content string) ([]bulkRow, []BulkProblem) {
	r := csv.NewReader(strings.NewReader(content))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, []BulkProblem{{Line: 1, Code: catalog.CodeBadUserInput, Message: "the file is empty; its first line names the columns"}}
	}
	if err != nil {
		return nil, []BulkProblem{csvProblem(err, 1)}
	}
	var problems []BulkProblem
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		header[i] = h
		switch {
		case !slices.Contains(bulkColumns, h):
			problems = append(problems, BulkProblem{Line: 1, Field: h, Code: catalog.CodeBadUserInput, Message: "unknown column " + strconv.Quote(h) + "; the columns are " + strings.Join(bulkColumns, ", ")})
		case seen[h]:
			problems = append(problems, BulkProblem{Line: 1, Field: h, Code: catalog.CodeBadUserInput, Message: "the column " + strconv.Quote(h) + " appears twice"})
		}
		seen[h] = true
	}
	if len(problems) > 0 {
		return nil, problems
	}
	var rows []bulkRow
	for len(rows) <= MaxBulkRows {
		line, _ := r.FieldPos(0)
		record, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return rows, append(problems, csvProblem(err, line))
		}
		line, _ = r.FieldPos(0)
		if len(record) != len(header) {
			problems = append(problems, BulkProblem{Line: line, Code: catalog.CodeBadUserInput, Message: "the line has " + strconv.Itoa(len(record)) + " values; the header has " + strconv.Itoa(len(header))})
			continue
		}
		row := bulkRow{line: line, values: map[string]string{}, lists: map[string][]string{}}
		for i, h := range header {
			v := strings.TrimSpace(record[i])
			if slices.Contains(bulkListColumns, h) {
				if v != "" {
					row.lists[h] = splitList(v)
				}
				continue
			}
			row.values[h] = v
		}
		rows = append(rows, row)
	}
	return rows, problems
}

func csvProblem(err error, line int) BulkProblem {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line = pe.Line
		err = pe.Err
	}
	return BulkProblem{Line: max(line, 1), Code: catalog.CodeBadUserInput, Message: "not valid CSV: " + err.Error()}
}

func splitList(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ";") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// bulkYAMLRow is one change of a YAML bulk file.
type bulkYAMLRow struct {
	Action           string   `yaml:"action"`
	Kind             string   `yaml:"kind"`
	Key              string   `yaml:"key"`
	Organization     string   `yaml:"organization"`
	Name             string   `yaml:"name"`
	DisplayName      string   `yaml:"displayName"`
	Acronym          string   `yaml:"acronym"`
	Group            string   `yaml:"group"`
	Level            string   `yaml:"level"`
	RecognitionBases []string `yaml:"recognitionBases"`
	EligiblePrograms []string `yaml:"eligiblePrograms"`
	Aliases          []struct {
		Kind  string `yaml:"kind"`
		Value string `yaml:"value"`
	} `yaml:"aliases"`
	ApprovedOn          string `yaml:"approvedOn"`
	RetiredOn           string `yaml:"retiredOn"`
	Description         string `yaml:"description"`
	URL                 string `yaml:"url"`
	CTID                string `yaml:"ctid"`
	RenewalPeriodMonths string `yaml:"renewalPeriodMonths"`
	Note                string `yaml:"note"`
}

func readBulkYAML(content string) ([]bulkRow, []BulkProblem) {
	file, err := parser.ParseBytes([]byte(content), 0)
	if err != nil {
		return nil, []BulkProblem{yamlProblem(err, 1)}
	}
	if len(file.Docs) != 1 || file.Docs[0].Body == nil {
		return nil, []BulkProblem{{Line: 1, Code: catalog.CodeBadUserInput, Message: "the file must hold one YAML document: a list of changes"}}
	}
	finder := &anchorFinder{}
	ast.Walk(finder, file.Docs[0].Body)
	if finder.line > 0 {
		return nil, []BulkProblem{{Line: finder.line, Code: catalog.CodeBadUserInput, Message: "YAML anchors and aliases are not accepted; write each change out"}}
	}
	seq, ok := file.Docs[0].Body.(*ast.SequenceNode)
	if !ok {
		return nil, []BulkProblem{{Line: 1, Code: catalog.CodeBadUserInput, Message: "the file must be a YAML list of changes, each starting with \"- action:\""}}
	}
	var rows []bulkRow
	var problems []BulkProblem
	for i, item := range seq.Values {
		if i > MaxBulkRows {
			break
		}
		line := item.GetToken().Position.Line
		var y bulkYAMLRow
		if err := yaml.NodeToValue(item, &y, yaml.DisallowUnknownField()); err != nil {
			problems = append(problems, yamlProblem(err, line))
			continue
		}
		row := bulkRow{line: line, lists: map[string][]string{}, values: map[string]string{
			"action": y.Action, "kind": y.Kind, "key": y.Key, "organization": y.Organization, "name": y.Name,
			"displayName": y.DisplayName, "acronym": y.Acronym, "group": y.Group, "level": y.Level,
			"approvedOn": y.ApprovedOn, "retiredOn": y.RetiredOn, "description": y.Description, "url": y.URL,
			"ctid": y.CTID, "renewalPeriodMonths": y.RenewalPeriodMonths, "note": y.Note,
		}}
		for k, v := range row.values {
			row.values[k] = strings.TrimSpace(v)
		}
		if y.RecognitionBases != nil {
			row.lists["recognitionBases"] = y.RecognitionBases
		}
		if y.EligiblePrograms != nil {
			row.lists["eligiblePrograms"] = y.EligiblePrograms
		}
		if y.Aliases != nil {
			aliases := []string{}
			for _, a := range y.Aliases {
				aliases = append(aliases, a.Kind+":"+a.Value)
			}
			row.lists["aliases"] = aliases
		}
		rows = append(rows, row)
	}
	return rows, problems
}

func yamlProblem(err error, line int) BulkProblem {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	var se yaml.Error
	if errors.As(err, &se) {
		msg = se.GetMessage()
		if se.GetToken() != nil {
			line = se.GetToken().Position.Line
		}
	}
	return BulkProblem{Line: max(line, 1), Code: catalog.CodeBadUserInput, Message: "not valid YAML: " + msg}
}

// anchorFinder finds the first YAML anchor or alias, which a bulk file
// does not need and which could make a small file expand enormously.
type anchorFinder struct{ line int }

// Visit records the line of an anchor or alias and stops there.
func (f *anchorFinder) Visit(n ast.Node) ast.Visitor {
	if f.line > 0 {
		return nil
	}
	if t := n.Type(); t == ast.AnchorType || t == ast.AliasType {
		f.line = max(n.GetToken().Position.Line, 1)
		return nil
	}
	return f
}
