package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
)

// maxNeighbours is how many near neighbours a search adds after its tight
// matches.
const maxNeighbours = 5

// searchOutcome is what a search found: the relevance of each entry, the
// near neighbours among them, and the analysed text for highlights.
type searchOutcome struct {
	scores     map[int64]int
	neighbours map[int64]bool
	query      *query
	// docs are the entries with a score, in entry order, which is the
	// snapshot's order of certifications.
	docs []int
}

// nearNeighbours returns up to maxNeighbours entries beside the first
// tight match: entries of its group (the other levels of a family), then
// entries of its issuer that share a word of its name (CHMP beside CHMM).
func (m *matcher) nearNeighbours(first int, tight map[int64]int) []int {
	doc := &m.docs[first]
	var out []int
	// The entries of the group come first, in entry order.
	if doc.cert.Group != "" {
		for _, i := range m.byGroup[doc.cert.Group] {
			if len(out) == maxNeighbours {
				return out
			}
			if _, ok := tight[m.docs[i].cert.ID]; ok || i == first {
				continue
			}
			out = append(out, i)
		}
	}
	// Then the issuer's entries outside the group that share a name word.
	for _, i := range m.byOrg[doc.cert.OrganizationID] {
		if len(out) == maxNeighbours {
			return out
		}
		other := &m.docs[i]
		if i == first || (doc.cert.Group != "" && other.cert.Group == doc.cert.Group) {
			continue
		}
		if _, ok := tight[other.cert.ID]; ok || !sharesNameWord(doc, other) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// sharesNameWord reports whether two entries' first names share a word
// that is neither noise nor a numeral.
func sharesNameWord(a, b *matchDoc) bool {
	if len(a.names) == 0 || len(b.names) == 0 {
		return false
	}
	for _, x := range a.names[0] {
		if !x.noise && !x.numeral && slices.Contains(b.names[0], x) {
			return true
		}
	}
	return false
}

// highlights returns the spans of the entry's names and aliases that the
// analysed text matched, in code points.
func (m *matcher) highlights(c *catalog.Certification, q *query) []catalog.SearchHighlight {
	var out []catalog.SearchHighlight
	add := func(source catalog.HighlightSource, text string) {
		for _, w := range wordSpans(text) {
			x := m.terms[w.text]
			if x == nil || q.matchedSim(x) == 0 {
				continue
			}
			length := w.length
			for _, qw := range q.words {
				if qw.text != w.text && strings.HasPrefix(w.text, qw.text) {
					length = utf8.RuneCountInString(qw.text)
				}
			}
			out = append(out, catalog.SearchHighlight{Source: source, Text: text, Start: w.start, Length: length})
		}
	}
	add(catalog.HighlightName, c.Name)
	if c.DisplayName != c.Name {
		add(catalog.HighlightDisplayName, c.DisplayName)
	}
	for _, a := range c.Aliases {
		add(catalog.HighlightAlias, a.Value)
	}
	return out
}

// wordSpan is a word of a text, lower-cased, with its place in code points.
type wordSpan struct {
	text          string
	start, length int
}

// wordSpans splits a text as normalizeText does (runs of letters or of
// digits) and keeps each word's place.
func wordSpans(text string) []wordSpan {
	var (
		out  []wordSpan
		cur  []rune
		from int
	)
	flush := func() {
		if len(cur) > 0 {
			out = append(out, wordSpan{text: string(cur), start: from, length: len(cur)})
			cur = cur[:0]
		}
	}
	pos := 0
	for _, r := range text {
		switch {
		case r == '\'' || r == '’':
			flush()
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(cur) > 0 && unicode.IsDigit(r) != unicode.IsDigit(cur[len(cur)-1]) {
				flush()
			}
			if len(cur) == 0 {
				from = pos
			}
			cur = append(cur, unicode.ToLower(r))
		default:
			flush()
		}
		pos++
	}
	flush()
	return out
}

// Highlights returns the spans of the entry's names and aliases the
// search matched; none without a search, and none for a near neighbour,
// which the text itself did not find.
func (r CertificationResult) Highlights(c *catalog.Certification) []catalog.SearchHighlight {
	if r.search.query == nil || r.snapshot == nil || r.search.neighbours[c.ID] {
		return nil
	}
	return matcherOf(r.snapshot).highlights(c, r.search.query)
}

// NearNeighbour reports whether the entry was found beside the search's
// tight matches (another level of the same family, or the same issuer's
// entry on the same subject) rather than matching the text itself.
func (r CertificationResult) NearNeighbour(c *catalog.Certification) bool {
	return r.search.neighbours[c.ID]
}
