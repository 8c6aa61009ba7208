package credtext

import (
	"strings"
	"unicode"

	"github.com/mssc/recert/catalog"
)

// Segment is a part of a credential's text between separators.
type Segment struct {
	// Text is the part as written.
	Text string
	// Led says an issuer word ("from", "by") introduced it.
	Led bool
}

// SplitSegments splits a credential's text at dashes, commas, semicolons,
// bars and parentheses, and before the words that introduce an issuer.
func SplitSegments(text string) []Segment {
	var out []Segment
	var cur strings.Builder
	flush := func(led bool) {
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, Segment{Text: s, Led: led})
		}
		cur.Reset()
	}
	runes := []rune(text)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case r == ',' || r == ';' || r == '|' || r == '(' || r == ')' || r == '–' || r == '—':
			flush(false)
		case r == '-' && i > 0 && i+1 < len(runes) && unicode.IsSpace(runes[i-1]) && unicode.IsSpace(runes[i+1]):
			flush(false)
		default:
			cur.WriteRune(r)
		}
	}
	flush(false)
	var split []Segment
	for _, s := range out {
		split = append(split, splitAtLeadWord(s)...)
	}
	return split
}

// splitAtLeadWord splits a Segment before a word that introduces an
// issuer, when words come before it and after it.
func splitAtLeadWord(s Segment) []Segment {
	words := strings.Fields(s.Text)
	for i := 1; i < len(words); i++ {
		for _, lead := range IssuerLeadWords {
			parts := strings.Fields(lead)
			if i+len(parts) >= len(words) || !equalWords(words[i:i+len(parts)], parts) {
				continue
			}
			return []Segment{
				{Text: strings.Join(words[:i], " "), Led: s.Led},
				{Text: strings.Join(words[i+len(parts):], " "), Led: true},
			}
		}
	}
	return []Segment{s}
}

// equalWords reports whether two lists of words are the same, ignoring case.
func equalWords(a, b []string) bool {
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return len(a) == len(b)
}

// OnlyYear returns the one calendar year in normalized text, or 0 when
// there is none or more than one.
func OnlyYear(text string) int {
	year := 0
	for _, t := range strings.Fields(text) {
		if !catalog.IsYear(t) {
			continue
		}
		y := 0
		for _, r := range t {
			y = y*10 + int(r-'0')
		}
		if year != 0 && year != y {
			return 0
		}
		year = y
	}
	return year
}
