package search

import (
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
)

// minSplitLength is the least length of a typed word that the search
// tries as two words written as one ("sixsigma").
const minSplitLength = 5

// joinedMatch is an indexed word that two neighbouring query words,
// written as one, match.
type joinedMatch struct {
	term *term
	sim  float64
}

// matchJoined finds, for each pair of neighbouring query words, the
// indexed words they match written as one ("signal person" as
// "signalperson"): exactly in a credential check; in a search, when the
// catalog does not know one of the two words, also with the typos the
// joined word's length allows ("signal persn"), and the pair that ends
// the text as a prefix ("over hea").
func (m *matcher) matchJoined(tokens []string, typing bool, scratch *catalog.DistanceScratch) [][]joinedMatch {
	if len(tokens) < 2 {
		return nil
	}
	out := make([][]joinedMatch, len(tokens)-1)
	for i := range out {
		joined := tokens[i] + tokens[i+1]
		// Two words the catalog knows are joined only as written.
		if !typing || (m.terms[tokens[i]] != nil && m.terms[tokens[i+1]] != nil) {
			if x := m.terms[joined]; x != nil {
				out[i] = append(out[i], joinedMatch{term: x, sim: similarityExact})
			}
			continue
		}
		// The word matched must be longer than either word by two letters
		// or more: "weldingi" is "welding" with a typo, which says
		// nothing of the "i" being typed.
		least := max(utf8.RuneCountInString(tokens[i]), utf8.RuneCountInString(tokens[i+1])) + 2
		if utf8.RuneCountInString(joined) > m.longest+2 {
			continue
		}
		m.matchWord(newTypedTerm(joined, i+1 == len(tokens)-1), scratch, func(x *term, sim float64) {
			if len(x.runes) >= least {
				out[i] = append(out[i], joinedMatch{term: x, sim: sim})
			}
		})
	}
	return out
}

// visitJoined visits what the word at index i matches joined with the
// word before it and with the word after it.
func visitJoined(joined [][]joinedMatch, i int, visit func(*term, float64)) {
	for _, pair := range []int{i - 1, i} {
		if pair >= 0 && pair < len(joined) {
			for _, j := range joined[pair] {
				visit(j.term, j.sim)
			}
		}
	}
}

// matchSplit lets a typed word the catalog writes as two words match the
// entries that have both ("sixsigma" as "six sigma"): the first part must
// be an indexed word as written, the second may carry the typos its own
// length allows ("sixsigmma") and, in the word being typed, be a prefix
// ("sixsig"). It returns the weight the word earns from the two words.
func (m *matcher) matchSplit(qt queryTerm, scratch *catalog.DistanceScratch, q *query, w *queryWord) float64 {
	if len(qt.runes) < minSplitLength || qt.numeral || catalog.IsNumber(qt.text) {
		return 0
	}
	best := 0.0
	for k := 2; k <= len(qt.runes)-2; k++ {
		left := m.terms[string(qt.runes[:k])]
		if left == nil || left.noise {
			continue
		}
		leftWeight := make(map[int]float64, len(left.postings))
		for _, p := range left.postings {
			leftWeight[p.doc] = p.weight
		}
		rest := newTypedTerm(string(qt.runes[k:]), qt.minPrefix > 0)
		m.matchWord(rest, scratch, func(x *term, sim float64) {
			if x == left || x.noise {
				return
			}
			found := false
			for _, p := range x.postings {
				lw, ok := leftWeight[p.doc]
				if !ok {
					continue
				}
				w.raise(p.doc, len(m.docs), min(lw, sim*p.weight))
				found = true
			}
			if found {
				q.matched[left.id] = max(q.matched[left.id], sim)
				q.matched[x.id] = max(q.matched[x.id], sim)
				best = max(best, left.idf+x.idf*sim)
			}
		})
	}
	return best
}
