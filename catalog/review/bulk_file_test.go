package review

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestReadBulkFile(t *testing.T) {
	for _, tc := range []struct {
		name    string
		format  BulkFormat
		content string
		// want is each row's line and values, as "line:column=value;...".
		want    []string
		problem string
	}{
		{
			name: "CSV with a byte-order mark, quotes and lists", format: BulkCSV,
			content: "\ufeffaction,key,name,recognitionBases\ncreate,a-b,\"Name, with comma\",NCCA; ANSI_ISO_17024\n\nupdate,c-d,\"two\nlines\",\n",
			want:    []string{"2:action=create;key=a-b;name=Name, with comma;recognitionBases=NCCA|ANSI_ISO_17024", "4:action=update;key=c-d;name=two\nlines"},
		},
		{
			name: "YAML with numbers and dates unquoted", format: BulkYAML,
			content: "# a comment\n- action: retire\n  key: a-b\n  retiredOn: 2026-07-01\n- action: update\n  key: c-d\n  renewalPeriodMonths: 36\n  eligiblePrograms: [CPT]\n",
			want:    []string{"2:action=retire;key=a-b;retiredOn=2026-07-01", "5:action=update;eligiblePrograms=CPT;key=c-d;renewalPeriodMonths=36"},
		},
		{name: "YAML that is not a list", format: BulkYAML, content: "action: create\n", problem: "a YAML list of changes"},
		{name: "YAML with a syntax error", format: BulkYAML, content: "- action: create\n  key: [unclosed\n", problem: "not valid YAML"},
		{name: "YAML with an unknown key", format: BulkYAML, content: "- action: create\n- action: update\n  colour: blue\n", problem: "line 3: not valid YAML: unknown field \"colour\""},
		{name: "YAML with an alias", format: BulkYAML, content: "- &x\n  action: create\n- *x\n", problem: "anchors and aliases are not accepted"},
		{name: "CSV with an unknown column", format: BulkCSV, content: "action,colour\n", problem: "unknown column"},
		{name: "an empty file", format: BulkCSV, content: "", problem: "line 1: the file is empty"},
		{name: "too many rows", format: BulkCSV, content: "action\n" + strings.Repeat("create\n", MaxBulkRows+5), problem: "at most 1000 changes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, problems := readBulkFile(tc.format, tc.content)
			if tc.problem != "" {
				var all []string
				for _, p := range problems {
					all = append(all, "line "+strconv.Itoa(p.Line)+": "+p.Message)
				}
				if !strings.Contains(strings.Join(all, "\n"), tc.problem) {
					t.Fatalf("problems = %v, want one with %q", all, tc.problem)
				}
				return
			}
			if len(problems) > 0 {
				t.Fatalf("problems = %v", problems)
			}
			var got []string
			for _, r := range rows {
				got = append(got, showRow(r))
			}
			if strings.Join(got, "\n---\n") != strings.Join(tc.want, "\n---\n") {
				t.Errorf("rows =\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// showRow writes the columns a row fills, sorted, lists joined by "|".
func showRow(r bulkRow) string {
	var parts []string
	for _, c := range bulkColumns {
		if l, ok := r.lists[c]; ok {
			parts = append(parts, c+"="+strings.Join(l, "|"))
		} else if v := r.values[c]; v != "" {
			parts = append(parts, c+"="+v)
		}
	}
	slices.Sort(parts)
	return strconv.Itoa(r.line) + ":" + strings.Join(parts, ";")
}
