package catalog

import (
	"strings"
	"unicode/utf8"
)

// maxScore bounds the relevance score of one entry.
const maxScore = 1_000_000

// Weights of where a query word is found in an entry.
const (
	weightOwn          = 1.0 // the entry's name, display name, aliases, group or level
	weightOrganization = 0.6 // the issuing body's name or acronym only
)

// Similarities of a query word to an indexed word.
const (
	similarityExact  = 1.0
	similarityPrefix = 0.8
	similarityTypo   = 0.7
)

type posting struct {
	doc    int
	weight float64
}

type searchDoc struct {
	id         int64
	phrases    map[string]bool
	nameTokens []string
}

// searchIndex finds certifications by free text: case-insensitively, by
// name, display name, alias, acronym and issuer, tolerating small typos
// and prefixes, and ranks the matches.
type searchIndex struct {
	docs  []searchDoc
	terms map[string][]posting
}

func newSearchIndex(certs []*Certification, orgs map[int64]*Organization) *searchIndex {
	ix := &searchIndex{docs: make([]searchDoc, len(certs)), terms: map[string][]posting{}}
	for i, c := range certs {
		own := []string{c.Name, c.DisplayName, c.Group, c.Level}
		for _, a := range c.Aliases {
			own = append(own, a.Value)
		}
		doc := searchDoc{id: c.ID, phrases: map[string]bool{}, nameTokens: contentTokens(normalizeText(c.Name))}
		weights := map[string]float64{}
		for _, text := range own {
			n := normalizeText(text)
			if n == "" {
				continue
			}
			doc.phrases[n], doc.phrases[compact(n)] = true, true
			for _, t := range strings.Fields(n) {
				weights[t] = weightOwn
			}
		}
		if o := orgs[c.OrganizationID]; o != nil {
			for _, text := range []string{o.Name, o.Acronym} {
				for _, t := range strings.Fields(normalizeText(text)) {
					if weights[t] < weightOrganization {
						weights[t] = weightOrganization
					}
				}
			}
		}
		for t, w := range weights {
			ix.terms[t] = append(ix.terms[t], posting{doc: i, weight: w})
		}
		ix.docs[i] = doc
	}
	return ix
}

// similarity rates how well query word q matches indexed word t.
func similarity(q, t string) float64 {
	if q == t {
		return similarityExact
	}
	if isNumber(q) || isNumber(t) {
		return 0
	}
	n := utf8.RuneCountInString(q)
	if n >= 3 && strings.HasPrefix(t, q) {
		return similarityPrefix
	}
	if n >= 4 {
		limit := 1
		if n >= 8 {
			limit = 2
		}
		if editDistance(q, t, limit) <= limit {
			return similarityTypo
		}
	}
	return 0
}

// search returns the score of every entry that matches the text. An entry
// matches when every meaningful word of the text is found in it (exactly,
// as a prefix or with a small typo), or when the whole text is one of its
// names or aliases.
func (ix *searchIndex) search(text string) map[int64]int {
	normalized := normalizeText(text)
	words := contentTokens(normalized)
	scores := map[int64]int{}
	if len(words) == 0 {
		return scores
	}
	// best[doc][w] is the best weighted similarity of word w in doc.
	best := make(map[int][]float64)
	matchedName := make(map[int]map[string]bool)
	for w, q := range words {
		for term, postings := range ix.terms {
			sim := similarity(q, term)
			if sim == 0 {
				continue
			}
			for _, p := range postings {
				row := best[p.doc]
				if row == nil {
					row = make([]float64, len(words))
					best[p.doc] = row
				}
				if v := sim * p.weight; v > row[w] {
					row[w] = v
				}
				if matchedName[p.doc] == nil {
					matchedName[p.doc] = map[string]bool{}
				}
				matchedName[p.doc][term] = true
			}
		}
	}
	whole, wholeCompact := normalized, compact(normalized)
	for i, doc := range ix.docs {
		score := 0
		if doc.phrases[whole] || doc.phrases[wholeCompact] {
			score += maxScore / 2
		}
		if row := best[i]; row != nil && allPositive(row) {
			sum := 0.0
			for _, v := range row {
				sum += v
			}
			covered := 0
			for _, t := range doc.nameTokens {
				if matchedName[i][t] {
					covered++
				}
			}
			coverage := 1.0
			if len(doc.nameTokens) > 0 {
				coverage = float64(covered) / float64(len(doc.nameTokens))
			}
			score += int(300000*sum/float64(len(words)) + 100000*coverage)
		}
		if score > 0 {
			scores[doc.id] = min(score, maxScore)
		}
	}
	return scores
}

func allPositive(xs []float64) bool {
	for _, x := range xs {
		if x <= 0 {
			return false
		}
	}
	return true
}
