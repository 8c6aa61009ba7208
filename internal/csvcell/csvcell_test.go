package csvcell

import "testing"

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
		{"already quoted", "'=1+1", "'=1+1"},
		{"empty", "", ""},
		{"plain name", "Certified Welding Inspector", "Certified Welding Inspector"},
		{"formula character inside", "A=B, 1+1, a@b.example", "A=B, 1+1, a@b.example"},
		{"leading space", " =1+1", " =1+1"},
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
