package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
)

// similaritySynonym rates a query word that matches a synonym's phrase
// exactly against the words of its meaning: a little below the words
// themselves, so that an entry named with the typed word ranks first.
const similaritySynonym = 0.9

// maxExactSynonym is the longest one-word phrase matched without typos.
const maxExactSynonym = 5

// minSynonymPrefix is the least number of letters of a word being typed
// that matches a synonym's phrase it begins.
const minSynonymPrefix = 3

// synonymRule is a synonym as the matcher uses it.
type synonymRule struct {
	// phrase is the catalog.Compact phrase, as a word outside the index.
	phrase *term
	// meaning is the normalized meaning.
	meaning string
	// terms are the indexed words of the meaning.
	terms []*term
	// cover holds the entries that have every word of the meaning, each
	// with the least weight of those words in it.
	cover []posting
	// idf is the rarest meaning word's inverse document frequency.
	idf float64
}

// synonymMatch is a synonym whose phrase a query's words match.
type synonymMatch struct {
	rule *synonymRule
	sim  float64
}

// setSynonyms prepares the synonyms that are not removed and whose
// meaning the catalog has: a meaning no entry is named with finds nothing
// until one is.
func (m *matcher) setSynonyms(synonyms []*catalog.Synonym) {
	m.synonyms, m.synonymsOf = nil, map[*term][]int{}
	// The phrases are indexed as the catalog's words are, so that a typed
	// word finds the phrases it matches as it finds words.
	phrases := &matcher{terms: map[string]*term{}, byLength: map[int][]*term{}}
	for _, s := range synonyms {
		words, meaning := catalog.ContentTokens(catalog.NormalizeText(s.Phrase)), catalog.NormalizeText(s.Meaning)
		phrase := strings.Join(words, "")
		if s.Removed || phrase == "" || meaning == "" {
			continue
		}
		x := phrases.terms[phrase]
		if x == nil {
			x = &term{text: phrase, runes: []rune(phrase), mask: letterMask(phrase), numeral: isNumeral(phrase)}
			// A short word, such as an abbreviation ("lssgb"), is matched
			// as written or as a prefix, never with a typo.
			x.exactOnly = len(words) == 1 && len(x.runes) <= maxExactSynonym
			phrases.terms[phrase] = x
			phrases.sorted = append(phrases.sorted, x)
			phrases.byLength[len(x.runes)] = append(phrases.byLength[len(x.runes)], x)
		}
		r := synonymRule{phrase: x, meaning: meaning}
		cover := map[int]float64{}
		for k, w := range strings.Fields(meaning) {
			x := m.terms[w]
			if x == nil {
				cover = nil
				break
			}
			r.terms = append(r.terms, x)
			r.idf = max(r.idf, x.idf)
			next := map[int]float64{}
			for _, p := range x.postings {
				if have, ok := cover[p.doc]; ok || k == 0 {
					if k == 0 {
						have = p.weight
					}
					next[p.doc] = min(have, p.weight)
				}
			}
			cover = next
		}
		for doc, weight := range cover {
			r.cover = append(r.cover, posting{doc: doc, weight: weight})
		}
		if len(r.cover) == 0 {
			continue
		}
		slices.SortFunc(r.cover, func(a, b posting) int { return a.doc - b.doc })
		m.synonymsOf[x] = append(m.synonymsOf[x], len(m.synonyms))
		m.synonyms = append(m.synonyms, r)
	}
	slices.SortFunc(phrases.sorted, func(a, b *term) int { return strings.Compare(a.text, b.text) })
	m.synonymPhrases = phrases
	phrases.longest = longestWord(phrases.byLength)
	m.longest = longestWord(m.byLength)
}

// longestWord is the length of the longest word of an index: a query
// word longer by more than two letters matches none of them.
func longestWord(byLength map[int][]*term) int {
	n := 0
	for length := range byLength {
		n = max(n, length)
	}
	return n
}

// matchSynonyms finds, for each word of a typed text, the synonyms whose
// phrase the word matches with the words around it, stop words aside:
// written as the phrase, joined or split ("lift truck", "lifttruck",
// "fork lift"), with the typos its length allows (none in a one-word
// phrase of up to five letters, such as an abbreviation), and the word being typed as a prefix of
// three letters or more. A synonym that the whole text matches adds its
// meaning as another wording of the text, and the issuers it names.
func (m *matcher) matchSynonyms(tokens []string, q *query) [][]synonymMatch {
	out := make([][]synonymMatch, len(tokens))
	if len(m.synonyms) == 0 {
		return out
	}
	scratch := &catalog.DistanceScratch{}
	for start := range tokens {
		joined := ""
		for end := start; end < len(tokens) && end < start+catalog.MaxSynonymWords; end++ {
			joined += tokens[end]
			if utf8.RuneCountInString(joined) > m.synonymPhrases.longest+2 {
				break
			}
			qt := newTypedTerm(joined, end == len(tokens)-1)
			m.synonymPhrases.matchWord(qt, scratch, func(x *term, sim float64) {
				if sim == similarityPrefix && len(qt.runes) < minSynonymPrefix {
					return
				}
				for _, k := range m.synonymsOf[x] {
					r := &m.synonyms[k]
					for i := start; i <= end; i++ {
						out[i] = append(out[i], synonymMatch{rule: r, sim: sim})
					}
					if start == 0 && end == len(tokens)-1 {
						q.phrasings = append(q.phrasings, r.meaning)
					}
					m.findOrgs(r.meaning, q.orgs)
				}
			})
		}
	}
	return out
}

// applySynonyms lets a query word find the entries its synonyms' meanings
// name, and returns the weight the word earns from them.
func (q *query) applySynonyms(matches []synonymMatch, w *queryWord, docs int) float64 {
	best := 0.0
	for _, s := range matches {
		sim := s.sim * similaritySynonym
		for _, x := range s.rule.terms {
			q.matched[x.id] = max(q.matched[x.id], sim)
		}
		for _, p := range s.rule.cover {
			w.raise(p.doc, docs, sim*p.weight)
		}
		best = max(best, s.rule.idf*sim)
	}
	return best
}
