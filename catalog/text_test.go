package catalog

import (
	"slices"
	"testing"
)

func TestNormalizeText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "empty", in: "", want: ""},
		{name: "only punctuation", in: " !?-/ ", want: ""},
		{name: "hyphen and case", in: "OSHA-30", want: "osha 30"},
		{name: "letters then digits", in: "OSHA30", want: "osha 30"},
		{name: "digits glued to letters", in: "ISO9001", want: "iso 9001"},
		{name: "digits then letters", in: "30HOUR", want: "30 hour"},
		{name: "alternating", in: "A1B2", want: "a 1 b 2"},
		{name: "ampersand between words", in: "Tools & Dies", want: "tools and dies"},
		{name: "ampersand inside a word", in: "AT&T", want: "at and t"},
		{name: "lone ampersand", in: "&", want: "and"},
		{name: "double ampersand", in: "a&&b", want: "a and and b"},
		{name: "ascii apostrophe dropped", in: "Operator's Card", want: "operators card"},
		{name: "typographic apostrophe dropped", in: "Operator’s Card", want: "operators card"},
		{name: "slash", in: "CMQ/OE", want: "cmq oe"},
		{name: "spaces collapsed and trimmed", in: "  Certified \t Welding\n\nInspector  ", want: "certified welding inspector"},
		{name: "parentheses", in: "Inspector (CWI)", want: "inspector cwi"},
		{name: "accented letters kept", in: "Soldadura Certificación", want: "soldadura certificación"},
		{name: "upper-case accented letters lowered", in: "ÉCOLE", want: "école"},
		{name: "cyrillic", in: "Сварщик НАКС", want: "сварщик накс"},
		{name: "chinese", in: "焊接", want: "焊接"},
		{name: "chinese followed by digits", in: "焊接2024", want: "焊接 2024"},
		{name: "german sharp s", in: "Schweißer", want: "schweißer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeText(tt.in); got != tt.want {
				t.Errorf("normalizeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCompact(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: "cmq oe", want: "cmqoe"},
		{in: "osha 30", want: "osha30"},
		{in: "cwi", want: "cwi"},
		{in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Compact(tt.in); got != tt.want {
				t.Errorf("Compact(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestContentTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{name: "plain words", in: "certified welding inspector", want: []string{"certified", "welding", "inspector"}},
		{name: "stop words dropped", in: "the art of welding and cutting", want: []string{"art", "welding", "cutting"}},
		// Lucene's English stop set, which Elasticsearch's english analyzer uses.
		{name: "every stop word", in: "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with x", want: []string{"x"}},
		{name: "year dropped", in: "osha 30 2024", want: []string{"osha", "30"}},
		{name: "years at both ends of the range dropped", in: "1950 iso 2099", want: []string{"iso"}},
		{name: "numbers outside the year range kept", in: "1949 iso 2100", want: []string{"1949", "iso", "2100"}},
		{name: "standard number kept", in: "iso 9001", want: []string{"iso", "9001"}},
		{name: "short numbers kept", in: "osha 10", want: []string{"osha", "10"}},
		{name: "only stop words are kept", in: "the of", want: []string{"the", "of"}},
		{name: "only a year is kept", in: "2020", want: []string{"2020"}},
		{name: "stop words and years kept when nothing else", in: "in 2020", want: []string{"in", "2020"}},
		{name: "empty", in: "", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ContentTokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("ContentTokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsYearAndIsNumber(t *testing.T) {
	tests := []struct {
		in             string
		number, isYear bool
	}{
		{in: "2024", number: true, isYear: true},
		{in: "1950", number: true, isYear: true},
		{in: "1949", number: true, isYear: false},
		{in: "2099", number: true, isYear: true},
		{in: "2100", number: true, isYear: false},
		{in: "9001", number: true, isYear: false},
		{in: "30", number: true, isYear: false},
		{in: "20245", number: true, isYear: false},
		{in: "osha", number: false, isYear: false},
		{in: "", number: false, isYear: false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := IsNumber(tt.in); got != tt.number {
				t.Errorf("IsNumber(%q) = %v, want %v", tt.in, got, tt.number)
			}
			if got := IsYear(tt.in); got != tt.isYear {
				t.Errorf("IsYear(%q) = %v, want %v", tt.in, got, tt.isYear)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		name  string
		a, b  string
		limit int
		want  int
	}{
		{name: "equal", a: "welding", b: "welding", limit: 1, want: 0},
		{name: "both empty", a: "", b: "", limit: 0, want: 0},
		{name: "empty and word within limit", a: "", b: "abc", limit: 3, want: 3},
		{name: "one substitution", a: "inspecter", b: "inspector", limit: 2, want: 1},
		{name: "one deletion", a: "certfied", b: "certified", limit: 2, want: 1},
		{name: "one insertion", a: "weldding", b: "welding", limit: 1, want: 1},
		{name: "adjacent transposition counts one", a: "wledign", b: "welding", limit: 3, want: 2},
		{name: "transposition at the start", a: "ewlding", b: "welding", limit: 1, want: 1},
		{name: "transposition of two letters", a: "ab", b: "ba", limit: 1, want: 1},
		{name: "optimal string alignment, not full Damerau", a: "ca", b: "abc", limit: 5, want: 3},
		{name: "kitten sitting", a: "kitten", b: "sitting", limit: 5, want: 3},
		{name: "exactly at the limit", a: "kitten", b: "sitting", limit: 3, want: 3},
		{name: "over the limit returns limit+1", a: "kitten", b: "sitting", limit: 2, want: 3},
		{name: "well over the limit returns limit+1", a: "welding", b: "plumber", limit: 1, want: 2},
		{name: "zero limit with a difference", a: "ab", b: "ba", limit: 0, want: 1},
		{name: "length difference over the limit", a: "a", b: "abcd", limit: 1, want: 2},
		{name: "length difference over the limit, reversed", a: "abcdef", b: "ab", limit: 2, want: 3},
		{name: "runes, not bytes", a: "soldadura", b: "soldadüra", limit: 1, want: 1},
		{name: "chinese transposition", a: "焊接", b: "接焊", limit: 1, want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var scratch DistanceScratch
			if got := scratch.Distance([]rune(tt.a), []rune(tt.b), tt.limit); got != tt.want {
				t.Errorf("Distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
			}
			if got := scratch.Distance([]rune(tt.b), []rune(tt.a), tt.limit); got != tt.want {
				t.Errorf("Distance(%q, %q, %d) = %d, want %d (symmetric)", tt.b, tt.a, tt.limit, got, tt.want)
			}
		})
	}
}
