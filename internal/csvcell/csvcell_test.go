package csvcell

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
)

// TestText checks that every cell a spreadsheet would run as a formula gets
// a single quote in front, and that every other cell is left as it is.
func TestText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"equals", `=HYPERLINK("https://evil.example","click")`, `'=HYPERLINK("https://evil.example","click")`},
		{"plus", "+1+1", "'+1+1"},
		{"minus in text", "-5 points", "'-5 points"},
		{"at", "@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"tab", "\t=1+1", "'\t=1+1"},
		{"carriage return", "\r=1+1", "'\r=1+1"},
		{"line feed", "\nname", "'\nname"},
		{"full-width equals", "＝HYPERLINK(\"https://evil.example\",\"click\")", "'＝HYPERLINK(\"https://evil.example\",\"click\")"},
		{"full-width plus", "＋1＋1", "'＋1＋1"},
		{"full-width minus", "－5 points", "'－5 points"},
		{"full-width at", "＠SUM(A1:A9)", "'＠SUM(A1:A9)"},
		{"leading space", " =1+1", "' =1+1"},
		{"leading spaces", "  =1+1", "'  =1+1"},
		{"no-break space", "\u00a0+1", "'\u00a0+1"},
		{"ideographic space before full-width equals", "\u3000＝1+1", "'\u3000＝1+1"},
		{"line feed before at", "\n@SUM(1)", "'\n@SUM(1)"},
		{"semicolon first", ";=1+1", "';=1+1"},
		{"semicolon first before a hyperlink", `;=HYPERLINK("https://evil.example","click")`, `';=HYPERLINK("https://evil.example","click")`},
		{"quote and semicolon first", `";=1+1`, `'";=1+1`},
		{"quotes and tab first", "\"\"\t=1+1", "'\"\"\t=1+1"},
		{"space before a semicolon", " ;=1+1", "' ;=1+1"},
		{"quote and space before a semicolon", `" ;=1+1`, `'" ;=1+1`},
		{"already quoted", "'=1+1", "'=1+1"},
		{"empty", "", ""},
		{"plain name", "Certified Welding Inspector", "Certified Welding Inspector"},
		{"formula character inside", "A=B, 1+1, a@b.example", "A=B, 1+1, a@b.example"},
		{"web address", "https://www.aws.org/certification", "https://www.aws.org/certification"},
		{"date", "2024-01-01", "2024-01-01"},
		{"non-ASCII first", "Évaluation", "Évaluation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Text(tc.in); got != tc.want {
				t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestTextLeavesText checks that the wider guard of white space and
// full-width characters leaves cells alone that no spreadsheet runs: the
// code before it left them alone too, and these cases keep it so. A
// semicolon inside a cell is left to the quoting of Writer.
func TestTextLeavesText(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"spaces only", "   "},
		{"leading space before text", " Welding"},
		{"full-width formula character inside", "A＝B"},
		{"full-width letter first", "ＡＷＳ"},
		{"semicolon before a formula", "x;=1+1"},
		{"quoted word", `"Certified" Welder`},
		{"quotes only", `""`},
		{"word before a semicolon", ` "a";=1+1`},
		{"invalid UTF-8", "\xff=1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Text(tc.in); got != tc.in {
				t.Errorf("Text(%q) = %q, want it as it is", tc.in, got)
			}
		})
	}
}

// TestWriter checks that every field is written in double quotes with its
// quotes doubled, lines ending in "\n", and that encoding/csv reads every
// record back as it was given.
func TestWriter(t *testing.T) {
	for _, tc := range []struct {
		name   string
		record []string
		want   string
	}{
		{"plain", []string{"key", "name"}, `"key","name"` + "\n"},
		{"number", []string{"36", "-5"}, `"36","-5"` + "\n"},
		{"empty fields", []string{"", "x", ""}, `"","x",""` + "\n"},
		{"one empty field", []string{""}, `""` + "\n"},
		{"semicolon before a formula", []string{"x;=1+1", "y"}, `"x;=1+1","y"` + "\n"},
		{"semicolon before a hyperlink", []string{"key", `x;=HYPERLINK("http://evil","click")`}, `"key","x;=HYPERLINK(""http://evil"",""click"")"` + "\n"},
		{"quotes", []string{`say "hi"`, `"`, "plain"}, `"say ""hi""","""","plain"` + "\n"},
		{"line breaks", []string{"a\nb", "c\r\nd", "plain"}, "\"a\nb\",\"c\r\nd\",\"plain\"\n"},
		{"leading space", []string{" a", "b "}, `" a","b "` + "\n"},
		{"guarded formula", []string{Text("=1+1")}, `"'=1+1"` + "\n"},
		{"non-ASCII", []string{"Évaluation", "＝1"}, `"Évaluation","＝1"` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := NewWriter(&buf)
			if err := w.Write(tc.record); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tc.want {
				t.Errorf("Write(%q) wrote %q, want %q", tc.record, buf.String(), tc.want)
			}
			r := csv.NewReader(&buf)
			r.FieldsPerRecord = -1
			got, err := r.Read()
			want := strings.ReplaceAll(strings.Join(tc.record, "\x00"), "\r\n", "\n")
			if err != nil || strings.Join(got, "\x00") != want {
				t.Errorf("encoding/csv reads %q back as %q (%v)", tc.record, got, err)
			}
		})
	}
}

// TestWriterLines checks that records follow one another, one a line.
func TestWriterLines(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	for _, r := range [][]string{{"key", "points"}, {"aws-cwi", "3"}, {"x;=1+1", ""}} {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if want := "\"key\",\"points\"\n\"aws-cwi\",\"3\"\n\"x;=1+1\",\"\"\n"; buf.String() != want {
		t.Errorf("wrote %q, want %q", buf.String(), want)
	}
}

// failing is a writer that refuses every write.
type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestWriterError checks that an error of the underlying writer is
// returned, at the latest by Flush.
func TestWriterError(t *testing.T) {
	w := NewWriter(failing{})
	err := w.Write([]string{strings.Repeat("x", 8192)})
	if err == nil {
		err = w.Flush()
	}
	if err == nil || err.Error() != "disk full" {
		t.Errorf("error = %v, want disk full", err)
	}
}
