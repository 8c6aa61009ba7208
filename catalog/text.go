package catalog

import (
	"strings"
	"unicode"
)

// Compact removes the spaces of normalized text, so that "cmq oe" and
// "cmqoe" compare equal.
func Compact(normalized string) string { return strings.ReplaceAll(normalized, " ", "") }

// StopWords are the English words that tell no certification from
// another: "for" of "Certification for welding", "of" of "Manager of
// Quality", "the" of "the CWI". They are Lucene's English stop set
// (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), which Elasticsearch's english
// analyzer and its "_english_" stop list use, unchanged: 33 words, none of
// them a word of a name in the seeded catalog. This is the one list; the
// search and the credential check read it, and the search keeps a stop
// word the catalog writes as an abbreviation ("IT", "AS") where the text
// names it so.
var StopWords = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true, "be": true,
	"but": true, "by": true, "for": true, "if": true, "in": true, "into": true, "is": true,
	"it": true, "no": true, "not": true, "of": true, "on": true, "or": true, "such": true,
	"that": true, "the": true, "their": true, "then": true, "there": true, "these": true,
	"they": true, "this": true, "to": true, "was": true, "will": true, "with": true,
}

// IsYear reports whether a token is a calendar year, which a search ignores.
func IsYear(t string) bool {
	if len(t) != 4 || !IsNumber(t) {
		return false
	}
	return t >= "1950" && t <= "2099"
}

func IsNumber(t string) bool {
	for _, r := range t {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return t != ""
}

// ContentTokens splits normalized text into the tokens that carry meaning:
// stop words and years are dropped, unless nothing else is left.
func ContentTokens(normalized string) []string {
	all := strings.Fields(normalized)
	var out []string
	for _, t := range all {
		if !StopWords[t] && !IsYear(t) {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// DistanceScratch holds the rows of the edit-distance table, reused
// across comparisons so that matching allocates nothing per word.
type DistanceScratch struct {
	rows [3][]int
}

func (s *DistanceScratch) Distance(ra, rb []rune, limit int) int {
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	for i := range s.rows {
		if cap(s.rows[i]) < len(rb)+1 {
			s.rows[i] = make([]int, len(rb)+1)
		}
		s.rows[i] = s.rows[i][:len(rb)+1]
	}
	prev2, prev, cur := s.rows[0], s.rows[1], s.rows[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit+1)
}
