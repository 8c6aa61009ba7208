package search

import (
	"maps"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
)

// Weights and thresholds of the matcher.
const (
	// weightOwn is the weight of a word of the entry's own names.
	weightOwn = 1.0
	// weightOrganization is the weight of the issuer's acronym.
	weightOrganization = 0.9
	// weightOrganizationName is the weight of a word found only in the
	// issuer's full name ("quality" of the American Society for Quality).
	weightOrganizationName = 0.4
	// similarityExact, similarityPrefix and similarityTypo rate how a query
	// word matches an indexed word.
	similarityExact  = 1.0
	similarityPrefix = 0.8
	similarityTypo   = 0.7
	// noiseWeight is the weight of words that say little about which
	// certification is meant ("certified", "card", "hr").
	noiseWeight = 0.25
	// unknownWordWeight and unknownNumberWeight weigh query words found
	// nowhere in the catalog: they are evidence against every entry.
	unknownWordWeight   = 2.5
	unknownNumberWeight = 3.5
	// numeralWeight is the least weight of a number or roman numeral:
	// levels, standards and card hours tell certifications apart.
	numeralWeight = 2.0
	// numeralConflict scales an entry whose level or number differs from
	// the one the text names ("ISO 27001" against "ISO 9001").
	numeralConflict = 0.7
	// qualifierWeight caps the weight of a parenthesised word that is not
	// an acronym ("(Manual Lathe)"): it may confirm an entry, and counts
	// against none when the catalog does not know it.
	qualifierWeight = 1.0
	// maxScore scales relevance scores to whole numbers for ordering.
	maxScore = 1_000_000
)

// noiseWords carry little evidence for telling certifications apart.
var noiseWords = map[string]bool{
	"certified": true, "certification": true, "certificate": true, "certifications": true, "cert": true,
	"card": true, "program": true, "hr": true, "hrs": true, "hour": true, "hours": true, "holder": true,
	"credential": true, "credentials": true, "certs": true, "license": true, "licence": true, "level": true, "levels": true,
	"operator": true, "operators": true,
	// Parts and grades of a credential, and the welding process and
	// position a welder's certificate names, qualify it without naming another.
	"category": true, "cat": true, "part": true, "grade": true, "specialty": true, "endorsement": true,
	"smaw": true, "gmaw": true, "fcaw": true, "gtaw": true, "position": true, "plate": true,
	// The standing of a credential held says nothing of which it is: a
	// course or certification counts by the day it was completed
	// (DOMAIN.md, decision 9), whether or not it is current today.
	"expired": true, "lapsed": true, "inactive": true, "active": true, "current": true, "valid": true,
	"renewed": true, "renewal": true, "recertified": true, "recertification": true,
	// When it was earned, in words: the day earned is read from the date
	// and the year, not from these.
	"earned": true, "completed": true, "obtained": true, "passed": true, "achieved": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// numeralForms maps the small numbers to their other written form, so that
// "Level 2" finds "Level II" and "Electricity I" finds "Electricity 1".
var numeralForms = map[string]string{
	"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v", "6": "vi",
	"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6",
}

func isRoman(t string) bool {
	switch t {
	case "i", "ii", "iii", "iv", "v", "vi":
		return true
	}
	return false
}

func isNumeral(t string) bool { return catalog.IsNumber(t) || isRoman(t) }

// term is one distinct word of the index.
type term struct {
	id        int
	text      string
	runes     []rune
	mask      uint64
	numeral   bool
	exactOnly bool
	// noise marks noise and stop words, which weigh little in names.
	noise bool
	// stop marks a stop word the catalog does not abbreviate, which no
	// query word matches, whole, as a prefix or with a typo: "fo" being
	// typed does not find every issuer named "... for ...".
	stop bool
	// acronym marks a word of an entry's abbreviation.
	acronym bool
	idf     float64
	// alt is the other written form of a numeral, if indexed.
	alt      *term
	postings []posting
}

type posting struct {
	doc    int
	weight float64
}

// matchDoc is what the matcher knows of one certification.
type matchDoc struct {
	cert *catalog.Certification
	// names are the words of its names and aliases; ownNames are the same
	// without the display name, which adds the issuer and the group to
	// the name.
	names, ownNames [][]*term
	// group are the words of the heading the guide nests it under, if any.
	group []*term
	// words are all its indexed words, with the issuer's.
	words    []*term
	acronyms map[string]bool
}

// matcher finds and ranks the certifications a free text names. One
// matcher serves the catalog search and the credential check: it is
// acronym-, alias-, issuer- and level-aware, ignores case, punctuation,
// years and parenthesised acronyms, and tolerates typos and word order.
type matcher struct {
	docs  []matchDoc
	terms map[string]*term
	// phrases maps each normalized name and alias, spaced and catalog.Compact, to
	// the entries it names.
	phrases  map[string][]int
	sorted   []*term
	byLength map[int][]*term
	// orgWords maps an organization's acronym and full name, normalized, to it.
	orgWords map[string]int64
	// orgAcronyms maps an organization to its acronym, normalized, when it
	// has one.
	orgAcronyms map[int64]string
	// orgWordSet holds every word of the organizations' acronyms and names.
	orgWordSet map[string]bool
	// acronymStops are the stop words the catalog writes as abbreviations
	// (see abbreviatedStopWords): words that name something here.
	acronymStops map[string]bool
	// orgNames are the organizations' full names of ten letters or more,
	// catalog.Compact, for telling a misspelled one.
	orgNames [][]rune
	// synonyms are the synonyms a search applies.
	synonyms []synonymRule
	// synonymPhrases indexes the synonyms' catalog.Compact phrases as words, and
	// synonymsOf maps each phrase to its synonyms.
	synonymPhrases *matcher
	synonymsOf     map[*term][]int
	// longest is the length of the longest indexed word.
	longest int
	// byGroup and byOrg list the entries of each group and of each issuer,
	// in entry order, so that near neighbours are found without scanning
	// every entry.
	byGroup map[string][]int
	byOrg   map[int64][]int
}

// matcherKey keys a snapshot's matcher among its derived values.
type matcherKey struct{}

// matcherOf returns the snapshot's matcher, built once per snapshot.
func matcherOf(s *catalog.Snapshot) *matcher {
	m, _ := s.Derived(matcherKey{}, func(s *catalog.Snapshot) (any, error) {
		m := newMatcher(s.Certifications(), s.Organizations(), s.Organization)
		m.setSynonyms(s.Synonyms())
		return m, nil
	})
	return m.(*matcher)
}

func newMatcher(certs []*catalog.Certification, orgs []*catalog.Organization, orgOf func(int64) *catalog.Organization) *matcher {
	m := &matcher{docs: make([]matchDoc, len(certs)), terms: map[string]*term{}, phrases: map[string][]int{},
		byLength: map[int][]*term{}, orgWords: map[string]int64{}}
	m.orgWordSet = map[string]bool{}
	m.orgAcronyms = map[int64]string{}
	m.acronymStops = abbreviatedStopWords(certs, orgs)
	for _, o := range orgs {
		id := o.ID
		if a := catalog.NormalizeText(o.Acronym); a != "" {
			m.orgAcronyms[id] = a
		}
		for _, name := range append([]string{o.Acronym, o.Name}, o.OtherNames...) {
			if n := catalog.NormalizeText(name); n != "" {
				m.orgWords[n] = id
				for _, w := range strings.Fields(n) {
					m.orgWordSet[w] = true
				}
				if c := catalog.Compact(n); len(c) >= 10 {
					m.orgNames = append(m.orgNames, []rune(c))
				}
			}
		}
	}
	intern := func(t string) *term {
		x := m.terms[t]
		if x == nil {
			x = &term{id: len(m.terms), text: t, runes: []rune(t), mask: letterMask(t), numeral: isNumeral(t), stop: catalog.StopWords[t] && !m.acronymStops[t]}
			x.noise = noiseWords[t] || x.stop
			x.exactOnly = len(x.runes) < 3 || x.numeral
			m.terms[t] = x
		}
		return x
	}
	for i, c := range certs {
		doc := matchDoc{cert: c, acronyms: map[string]bool{}}
		phrases := map[string]bool{}
		weights := map[*term]float64{}
		// A level alone ("Lead Auditor", "Gold") names no certification:
		// such an entry is named with its group.
		name := c.Name
		if c.Level != "" && c.Group != "" {
			name = c.Group + " " + c.Name
		}
		names := []string{name, c.DisplayName}
		for _, a := range c.Aliases {
			names = append(names, a.Value)
			if a.Kind == catalog.AliasAcronym || looksLikeAcronym(a.Value) {
				doc.acronyms[catalog.Compact(catalog.NormalizeText(a.Value))] = true
				// Only the abbreviated words are matched exactly: "Green"
				// of "CPT Green" may still be misspelled.
				for _, raw := range strings.Fields(a.Value) {
					if a.Kind == catalog.AliasAcronym || looksLikeAcronym(raw) {
						for _, t := range strings.Fields(catalog.NormalizeText(raw)) {
							x := intern(t)
							x.exactOnly, x.acronym = true, true
						}
					}
				}
			}
		}
		for k, text := range append(names, c.Group, c.Level) {
			var words []*term
			for _, t := range strings.Fields(catalog.NormalizeText(text)) {
				x := intern(t)
				words = append(words, x)
				weights[x] = weightOwn
				if alt, ok := numeralForms[t]; ok {
					y := intern(alt)
					x.alt, y.alt = y, x
					weights[y] = weightOwn
				}
			}
			if k == len(names) {
				doc.group = words
			}
			if k < len(names) {
				doc.names = append(doc.names, words)
				if k != 1 { // names[1] is the display name
					doc.ownNames = append(doc.ownNames, words)
				}
				for _, n := range []string{catalog.NormalizeText(text), catalog.NormalizeText(catalog.StripParenthesised(text))} {
					if n != "" {
						phrases[n], phrases[catalog.Compact(n)] = true, true
					}
				}
			}
		}
		if o := orgOf(c.OrganizationID); o != nil {
			for _, t := range strings.Fields(catalog.NormalizeText(o.Name)) {
				x := intern(t)
				weights[x] = max(weights[x], weightOrganizationName)
			}
			for _, t := range strings.Fields(catalog.NormalizeText(o.Acronym)) {
				x := intern(t)
				weights[x] = max(weights[x], weightOrganization)
			}
			// An other name of one word ("CCO", "ASCM") weighs as the
			// acronym; the words of a longer one are left out, so that they
			// do not make common the words they share with entries' names
			// ("supply chain" of the Association for Supply Chain
			// Management and of PECB's ISO 28000).
			for _, other := range o.OtherNames {
				if words := strings.Fields(catalog.NormalizeText(other)); len(words) == 1 {
					x := intern(words[0])
					weights[x] = max(weights[x], weightOrganization)
				}
			}
		}
		for _, x := range slices.SortedFunc(maps.Keys(weights), func(a, b *term) int { return strings.Compare(a.text, b.text) }) {
			x.postings = append(x.postings, posting{doc: i, weight: weights[x]})
			doc.words = append(doc.words, x)
		}
		for p := range phrases {
			m.phrases[p] = append(m.phrases[p], i)
		}
		m.docs[i] = doc
	}
	m.byGroup, m.byOrg = map[string][]int{}, map[int64][]int{}
	for i, c := range certs {
		if c.Group != "" {
			m.byGroup[c.Group] = append(m.byGroup[c.Group], i)
		}
		m.byOrg[c.OrganizationID] = append(m.byOrg[c.OrganizationID], i)
	}
	for _, x := range m.terms {
		x.idf = math.Log(1 + float64(len(certs))/float64(max(1, len(x.postings))))
		m.sorted = append(m.sorted, x)
		m.byLength[len(x.runes)] = append(m.byLength[len(x.runes)], x)
	}
	slices.SortFunc(m.sorted, func(a, b *term) int { return strings.Compare(a.text, b.text) })
	for _, list := range m.byLength {
		slices.SortFunc(list, func(a, b *term) int { return strings.Compare(a.text, b.text) })
	}
	return m
}

// abbreviatedStopWords returns the stop words the catalog writes as
// abbreviations: a word of an entry's acronym alias or of an issuer's
// acronym, or a word of two letters or more that an entry's name, display
// name, alias, group or level writes in capitals among words in lower case
// ("IT" of "CompTIA IT Fundamentals"). A search keeps these where the text
// names them so (see queryWords).
func abbreviatedStopWords(certs []*catalog.Certification, orgs []*catalog.Organization) map[string]bool {
	out := map[string]bool{}
	add := func(words []string) {
		for _, w := range words {
			if catalog.StopWords[w] {
				out[w] = true
			}
		}
	}
	for _, o := range orgs {
		add(strings.Fields(catalog.NormalizeText(o.Acronym)))
	}
	for _, c := range certs {
		texts := []string{c.Name, c.DisplayName, c.Group, c.Level}
		for _, a := range c.Aliases {
			texts = append(texts, a.Value)
			if a.Kind == catalog.AliasAcronym || looksLikeAcronym(a.Value) {
				add(strings.Fields(catalog.NormalizeText(a.Value)))
			}
		}
		for _, text := range texts {
			if strings.ContainsFunc(text, unicode.IsLower) {
				add(capitalWords(text))
			}
		}
	}
	return out
}

// capitalWords returns the words of a text written in capitals, of two
// letters or more, lower-cased and split from digits as
// catalog.NormalizeText splits them ("IT", "AS" of "AS9100").
func capitalWords(text string) []string {
	var (
		out   []string
		word  []rune
		upper = true
	)
	flush := func() {
		if len(word) >= 2 && upper {
			out = append(out, strings.ToLower(string(word)))
		}
		word, upper = word[:0], true
	}
	for _, r := range text {
		switch {
		case r == '\'' || r == '’':
		case unicode.IsLetter(r):
			word = append(word, r)
			upper = upper && unicode.IsUpper(r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// letterMask sets one bit per distinct character, for a quick lower bound
// of the edit distance of two words.
func letterMask(t string) uint64 {
	var m uint64
	for _, r := range t {
		switch {
		case r >= 'a' && r <= 'z':
			m |= 1 << (r - 'a')
		case r >= '0' && r <= '9':
			m |= 1 << (26 + r - '0')
		default:
			m |= 1 << (36 + uint(r)%28)
		}
	}
	return m
}

// looksLikeAcronym reports whether a text is an abbreviation such as "CWI",
// "CMQ-OE", "CMfgT" or "CIMM": short, and mostly capital letters.
func looksLikeAcronym(text string) bool {
	words := strings.Fields(catalog.NormalizeText(text))
	c := catalog.Compact(catalog.NormalizeText(text))
	if len(words) == 0 || len(words) > 3 || utf8.RuneCountInString(c) < 2 || utf8.RuneCountInString(c) > 8 {
		return false
	}
	upper, letters := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 0 && 2*upper >= letters
}

// queryTerm is a query word prepared for comparison with indexed words.
type queryTerm struct {
	text    string
	runes   []rune
	mask    uint64
	numeral bool
	// typing says the word comes from a search box: its typo limit follows
	// the search engines' word lengths (none under 5 letters, one from 5,
	// two from 9), and only the last word is a prefix.
	typing bool
	// minPrefix is the least length at which the word matches the indexed
	// words it begins; 0 says it matches none as a prefix.
	minPrefix int
}

func newQueryTerm(q string) queryTerm {
	return queryTerm{text: q, runes: []rune(q), mask: letterMask(q), numeral: isNumeral(q), minPrefix: 3}
}

// newTypedTerm prepares a word typed in a search box; last says it is the
// word being typed, which matches as a prefix from its first letter.
func newTypedTerm(q string, last bool) queryTerm {
	t := newQueryTerm(q)
	t.typing, t.minPrefix = true, 0
	if last {
		t.minPrefix = 1
	}
	return t
}

// prefixes reports whether the word matches the indexed words it begins.
func (q queryTerm) prefixes() bool {
	return q.minPrefix > 0 && len(q.runes) >= q.minPrefix && (q.typing || (!q.numeral && !catalog.IsNumber(q.text)))
}

func (q queryTerm) typoLimit() int {
	n := len(q.runes)
	if q.typing {
		switch {
		case n >= 9:
			return 2
		case n >= 5:
			return 1
		}
		return 0
	}
	switch {
	case n >= 8:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// similarity rates how well the query word matches indexed word t.
func (q queryTerm) similarity(t *term, scratch *catalog.DistanceScratch) float64 {
	if q.text == t.text {
		return similarityExact
	}
	if q.prefixes() && strings.HasPrefix(t.text, q.text) && (q.typing || !t.exactOnly) {
		return similarityPrefix
	}
	if t.exactOnly || q.numeral || catalog.IsNumber(q.text) {
		return 0
	}
	limit := q.typoLimit()
	if limit == 0 {
		return 0
	}
	if d := len(t.runes) - len(q.runes); d > limit || -d > limit {
		return 0
	}
	if bits.OnesCount64(q.mask^t.mask) > 2*limit {
		return 0
	}
	if scratch.Distance(q.runes, t.runes, limit) <= limit {
		return similarityTypo
	}
	return 0
}

// query is a free text analysed for matching.
type query struct {
	normalized string
	words      []queryWord
	// matched is the best similarity of any query word to each indexed
	// word, by term id.
	matched []float64
	// acronyms are the parenthesised abbreviations of the text, such as "(CWI)".
	acronyms []string
	// orgs are the organizations the text or the issuer names.
	orgs map[int64]bool
	// issuerWords are the words of the acronyms and names of orgs.
	issuerWords map[string]bool
	// typing says the text comes from a search box.
	typing bool
	// phrasings are other wordings of the whole text, from synonyms.
	phrasings []string
}

type queryWord struct {
	text   string
	noise  bool
	weight float64
	// best is, per entry, the best weighted similarity of the word; nil
	// when the word matches nothing.
	best []float64
	// hits are the entries whose best is above zero, each once, in the
	// order found, so that scoring visits them rather than every entry.
	hits []int
}

// raise lifts the word's best similarity for an entry to v, out of n
// entries, and notes the entry the first time it rises above zero.
func (w *queryWord) raise(doc, n int, v float64) {
	if w.best == nil {
		w.best = make([]float64, n)
	}
	if v > w.best[doc] {
		if w.best[doc] == 0 {
			w.hits = append(w.hits, doc)
		}
		w.best[doc] = v
	}
}

func (w queryWord) in(doc int) float64 {
	if w.best == nil {
		return 0
	}
	return w.best[doc]
}

// matchedSim is how well the query matched an indexed word, in either
// written form of a numeral.
func (q *query) matchedSim(x *term) float64 {
	s := q.matched[x.id]
	if x.alt != nil {
		s = max(s, q.matched[x.alt.id])
	}
	return s
}

// analyse splits the text and the issuer into words and finds what each
// word matches in the index; words in drop are left out.
func (m *matcher) analyse(text, issuer string, drop map[string]bool) *query {
	return m.analyseText(text, issuer, drop, false)
}

// analyseTyped analyses a text typed in a search box: the last word is a
// prefix, the words before it are whole words, and typos follow the
// search engines' word lengths.
func (m *matcher) analyseTyped(text string) *query {
	return m.analyseText(text, "", nil, true)
}

func (m *matcher) analyseText(text, issuer string, drop map[string]bool, typing bool) *query {
	q := &query{typing: typing, orgs: map[int64]bool{}, matched: make([]float64, len(m.terms))}
	rest, parts := catalog.ParenthesisedParts(text)
	var qualifiers []string
	for _, p := range parts {
		inner := catalog.NormalizeText(p)
		m.findOrgs(inner, q.orgs)
		_, isOrg := m.orgWords[inner]
		switch {
		case isOrg:
		case (looksLikeAcronym(strings.TrimSpace(p)) || m.abbreviation(inner)) && !catalog.IsNumber(catalog.Compact(inner)):
			q.acronyms = append(q.acronyms, catalog.Compact(inner))
		default:
			qualifiers = append(qualifiers, m.queryWords(inner, capitalWords(p))...)
		}
	}
	q.normalized = catalog.NormalizeText(rest)
	m.findOrgs(q.normalized, q.orgs)
	if iss := catalog.NormalizeText(issuer); iss != "" {
		for words, id := range m.orgWords {
			if containsWords(iss, words) {
				q.orgs[id] = true
			}
		}
	}
	q.issuerWords = m.issuerWords(q.orgs)
	var tokens []string
	own := map[string]bool{}
	words := m.queryWords(q.normalized, capitalWords(rest))
	for _, t := range words {
		own[t] = true
	}
	for _, t := range append(words, qualifiers...) {
		if !drop[t] && !slices.Contains(tokens, t) {
			tokens = append(tokens, t)
		}
	}
	scratch := &catalog.DistanceScratch{}
	joined := m.matchJoined(tokens, typing, scratch)
	var synonyms [][]synonymMatch
	if typing {
		synonyms = m.matchSynonyms(tokens, q)
	}
	for i, t := range tokens {
		w := queryWord{text: t, noise: noiseWords[t]}
		bestIDF := 0.0
		visit := func(x *term, sim float64) {
			if sim == 0 || x.stop {
				return
			}
			q.matched[x.id] = max(q.matched[x.id], sim)
			bestIDF = max(bestIDF, x.idf*sim)
			for _, p := range x.postings {
				w.raise(p.doc, len(m.docs), sim*p.weight)
			}
		}
		qt := newQueryTerm(t)
		if typing {
			qt = newTypedTerm(t, i == len(tokens)-1)
		}
		switch {
		case catalog.StopWords[t]:
			// A stop word kept as an abbreviation matches as written, and
			// only as an entry's own word or its issuer's acronym: "IT"
			// is no prefix of "item", and "in" of an issuer's full name
			// says nothing.
			if x := m.terms[t]; x != nil {
				q.matched[x.id] = max(q.matched[x.id], similarityExact)
				for _, p := range x.postings {
					if p.weight >= weightOrganization {
						w.raise(p.doc, len(m.docs), p.weight)
						bestIDF = x.idf
					}
				}
			}
		default:
			m.matchWord(qt, scratch, visit)
			// A word written in two ("signal person") matches the word written in one.
			visitJoined(joined, i, visit)
			if typing {
				bestIDF = max(bestIDF, m.matchSplit(qt, scratch, q, &w), q.applySynonyms(synonyms[i], &w, len(m.docs)))
			}
		}
		switch {
		case !own[t]:
			w.weight = min(bestIDF, qualifierWeight)
		case noiseWords[t]:
			w.weight = noiseWeight
		case isNumeral(t) && bestIDF > 0:
			w.weight = max(bestIDF, numeralWeight)
		case bestIDF > 0:
			w.weight = bestIDF
		case catalog.IsNumber(t):
			w.weight = unknownNumberWeight
		case utf8.RuneCountInString(t) < 3:
			w.weight = noiseWeight
		default:
			w.weight = unknownWordWeight
		}
		q.words = append(q.words, w)
	}
	return q
}

// queryWords returns the words of normalized text that say which entry is
// meant: the text without its stop words and years, or its years alone
// when it has nothing else. A stop word stays only where the catalog
// writes it as an abbreviation (abbreviatedStopWords) and the text names
// it so: written in capitals (capitals holds the words the text writes in
// capitals: "IT Fundamentals"), or alone ("it"). A text of other stop
// words has no words, and finds only the entries it names whole.
func (m *matcher) queryWords(normalized string, capitals []string) []string {
	all := strings.Fields(normalized)
	keep := func(alone bool) []string {
		var out []string
		for _, t := range all {
			switch {
			case catalog.StopWords[t]:
				if m.acronymStops[t] && (alone || slices.Contains(capitals, t)) {
					out = append(out, t)
				}
			case catalog.IsYear(t):
				if alone {
					out = append(out, t)
				}
			default:
				out = append(out, t)
			}
		}
		return out
	}
	if out := keep(false); len(out) > 0 {
		return out
	}
	return keep(true)
}

// abbreviation reports whether a parenthesised part, normalized, is an
// abbreviation whatever its case: one short word that is an entry's
// abbreviation or no word of the catalog ("(cic)" as "(CIC)"), rather than
// a qualifier the catalog knows ("(gold)").
func (m *matcher) abbreviation(inner string) bool {
	if strings.ContainsRune(inner, ' ') {
		return false
	}
	if n := utf8.RuneCountInString(inner); n < 2 || n > 8 || noiseWords[inner] {
		return false
	}
	x := m.terms[inner]
	return x == nil || x.acronym
}

// matchWord visits every indexed word the query word matches: itself, the
// words it is a prefix of, and the words within its typo limit.
func (m *matcher) matchWord(q queryTerm, scratch *catalog.DistanceScratch, visit func(*term, float64)) {
	if x := m.terms[q.text]; x != nil {
		visit(x, similarityExact)
	}
	if !q.prefixes() && (q.numeral || catalog.IsNumber(q.text)) {
		return
	}
	for i := sort.Search(len(m.sorted), func(i int) bool { return m.sorted[i].text >= q.text }); q.prefixes() && i < len(m.sorted); i++ {
		x := m.sorted[i]
		if !strings.HasPrefix(x.text, q.text) {
			break
		}
		if x.text != q.text && (q.typing || !x.exactOnly) {
			visit(x, similarityPrefix)
		}
	}
	limit := q.typoLimit()
	if q.numeral || catalog.IsNumber(q.text) {
		limit = 0
	}
	for n := len(q.runes) - limit; limit > 0 && n <= len(q.runes)+limit; n++ {
		for _, x := range m.byLength[n] {
			if x.exactOnly || x.text == q.text || (q.prefixes() && strings.HasPrefix(x.text, q.text)) {
				continue
			}
			if bits.OnesCount64(q.mask^x.mask) > 2*limit {
				continue
			}
			if scratch.Distance(q.runes, x.runes, limit) <= limit {
				visit(x, similarityTypo)
			}
		}
	}
}

// findOrgs adds to orgs the organizations whose acronym or full name
// stands in normalized text as whole words.
func (m *matcher) findOrgs(text string, orgs map[int64]bool) {
	all := strings.Fields(text)
	for i := range all {
		for j := min(len(all), i+8); j > i; j-- {
			if id, ok := m.orgWords[strings.Join(all[i:j], " ")]; ok {
				orgs[id] = true
			}
		}
	}
}

func containsWords(text, words string) bool {
	return strings.Contains(" "+text+" ", " "+words+" ")
}

// scored is a certification with how well a text matches it.
type scored struct {
	doc   int
	score float64
	// all says every meaningful word of the text was found in the entry.
	all bool
	// phrase says the whole text is one of the entry's names or aliases.
	phrase bool
	// queryRecall is the share of the text's weight the entry explains.
	queryRecall float64
	// ownRecall is queryRecall without the words of the issuers the query
	// names: the share of what was earned that the entry explains ("Weld
	// Grinder" of "AWS Certified Weld Grinder", which AWS's Certified
	// Welder does not); 1 when the text has no other words.
	ownRecall float64
	// nameRecall is the share of the entry's best-covered name the text names.
	nameRecall float64
	// confirmed says the text names something only few entries have: a
	// rare word of the entry, its own acronym, or its issuer.
	confirmed bool
	// ownAcronym says the text names one of the entry's acronyms.
	ownAcronym bool
}

// rareWordEntries is how many entries at most may share a word for it to
// confirm a match on its own.
const rareWordEntries = 5

// score rates every entry against the query, from 0 to about 1, best first.
func (m *matcher) score(q *query) []scored {
	issuer := q.issuerWords
	total, ownTotal := 0.0, 0.0
	for _, w := range q.words {
		total += w.weight
		if !issuer[w.text] {
			ownTotal += w.weight
		}
	}
	phrase := map[int]bool{}
	for _, text := range append([]string{q.normalized}, q.phrasings...) {
		if text == "" {
			continue
		}
		for _, p := range []string{text, catalog.Compact(text)} {
			for _, i := range m.phrases[p] {
				phrase[i] = true
			}
		}
	}
	// A text of noise words only ("certified operator") counts them as
	// meaningful, so that it finds its best few rather than nothing.
	onlyNoise := !slices.ContainsFunc(q.words, func(w queryWord) bool { return !w.noise })
	// Only an entry that has a meaningful word or is the whole text can be
	// kept, so only those are visited, in entry order.
	var candidates []int
	for i := range phrase {
		candidates = append(candidates, i)
	}
	for _, w := range q.words {
		if !w.noise || onlyNoise {
			candidates = append(candidates, w.hits...)
		}
	}
	slices.Sort(candidates)
	candidates = slices.Compact(candidates)
	var out []scored
	for _, i := range candidates {
		doc := &m.docs[i]
		s := scored{doc: i, phrase: phrase[i]}
		matched, issuerMatched, meaningful, all := 0.0, 0.0, false, len(q.words) > 0
		for _, w := range q.words {
			b := w.in(i)
			matched += w.weight * b
			if issuer[w.text] {
				issuerMatched += w.weight * b
			}
			meaningful = meaningful || (b > 0 && (!w.noise || onlyNoise))
			if b == 0 && !w.noise {
				all = false
			}
		}
		s.all = all
		// A search keeps only the entries that have every word.
		if (!meaningful || (q.typing && !all)) && !s.phrase {
			continue
		}
		s.queryRecall = 1.0
		if total > 0 {
			s.queryRecall = matched / total
		}
		s.ownRecall = 1.0
		if ownTotal > 0 {
			s.ownRecall = (matched - issuerMatched) / ownTotal
		}
		s.nameRecall = m.nameRecall(doc, q)
		s.score = 0.55*s.queryRecall + 0.45*s.nameRecall
		s.ownAcronym = m.ownAcronym(doc, q)
		s.confirmed = s.phrase || q.orgs[doc.cert.OrganizationID] || s.ownAcronym || m.rareWordMatched(doc, q)
		if s.phrase {
			s.score = max(s.score, 0.98)
		}
		s.score *= m.evidence(i, q)
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b scored) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return a.doc - b.doc
	})
	return out
}

// nameRecall is how much of the best-covered name of the entry the query
// names, each word weighted by how rare it is.
func (m *matcher) nameRecall(doc *matchDoc, q *query) float64 {
	best := 0.0
	for _, name := range doc.names {
		have, want := 0.0, 0.0
		for _, x := range name {
			if x.noise {
				continue
			}
			weight := x.idf
			if x.numeral {
				weight = max(weight, numeralWeight)
			}
			want += weight
			have += weight * q.matchedSim(x)
		}
		if want > 0 {
			best = max(best, have/want)
		}
	}
	return best
}

// nameStretch reports whether the meaningful words of the text make up
// one unbroken stretch of one of the entry's own names (its display name
// aside), in any order, and whether that stretch is the whole name.
// Noise words count on neither side; a word the catalog knows matches
// only itself (in either written form of a numeral), a word it does not
// know also a word it misspells or begins; and two words may match one
// written as one ("signal person" and "Signalperson"), or one two.
// "Signal Person" is a stretch of "Rigger/Signal Person" and
// "Refrigeration Operator" of "Certified Industrial Refrigeration
// Operator"; "Boom Truck Crane" is none of "Lattice Boom Crawler/Truck
// Crane", which has "crawler" between its words, and "Quality Control
// Inspector" none of "Parts Inspection & Quality Control". With an
// issuer named, a word of its name (query.issuerWords) that a name does not
// have is passed over for that name ("RETA Refrigeration Operator" is a
// stretch of RETA's "Certified Industrial Refrigeration Operator"), and
// the heading the guide nests the entry under counts as one of its names,
// though never as a whole one ("NIMS Screw Machining" of each entry under
// "Screw Machining Levels II-III").
func (m *matcher) nameStretch(doc *matchDoc, q *query) (stretch, whole bool) {
	issuer := q.issuerWords
	var words []string
	for _, w := range q.words {
		if !w.noise {
			words = append(words, w.text)
		}
	}
	if len(words) == 0 {
		return false, false
	}
	scratch := &catalog.DistanceScratch{}
	names := doc.ownNames
	if len(issuer) > 0 && len(doc.group) > 0 {
		names = append(slices.Clip(names), doc.group)
	}
	for k, name := range names {
		heading := k == len(doc.ownNames)
		terms := slices.DeleteFunc(slices.Clone(name), func(x *term) bool { return x.noise })
		hits := m.stretchHits(words, terms, scratch)
		if len(issuer) > 0 {
			var own []string
			for i, w := range words {
				if len(hits[i]) > 0 || !issuer[w] {
					own = append(own, w)
				}
			}
			if len(own) == 0 {
				continue
			}
			hits = m.stretchHits(own, terms, scratch)
		}
		covered := make([]bool, len(terms))
		for _, h := range hits {
			for _, j := range h {
				covered[j] = true
			}
		}
		for start := 0; start < len(terms); {
			if !covered[start] {
				start++
				continue
			}
			end := start
			for end < len(terms) && covered[end] {
				end++
			}
			if !slices.ContainsFunc(hits, func(h []int) bool {
				return !slices.ContainsFunc(h, func(j int) bool { return j >= start && j < end })
			}) {
				stretch = true
				whole = whole || (!heading && start == 0 && end == len(terms))
			}
			start = end
		}
	}
	return stretch, whole
}

// issuerWords returns the words of the acronyms and names of the
// organizations orgs holds.
func (m *matcher) issuerWords(orgs map[int64]bool) map[string]bool {
	if len(orgs) == 0 {
		return nil
	}
	out := map[string]bool{}
	for words, id := range m.orgWords {
		if orgs[id] {
			for _, w := range strings.Fields(words) {
				out[w] = true
			}
		}
	}
	return out
}

// stretchHits returns, for each word, the positions of the terms it
// matches: alone, joined with the word before or after it, or split in
// two adjacent terms.
func (m *matcher) stretchHits(words []string, terms []*term, scratch *catalog.DistanceScratch) [][]int {
	hits := make([][]int, len(words))
	for i, w := range words {
		qt := newQueryTerm(w)
		known := m.terms[w] != nil
		for j, x := range terms {
			alike := x.text == w || (x.alt != nil && x.alt.text == w) || (!known && qt.similarity(x, scratch) > 0)
			matches := alike || (i > 0 && words[i-1]+w == x.text) || (i+1 < len(words) && w+words[i+1] == x.text)
			if matches {
				hits[i] = append(hits[i], j)
			}
			if j+1 < len(terms) && w == x.text+terms[j+1].text {
				hits[i] = append(hits[i], j, j+1)
			}
		}
	}
	return hits
}

// evidence scales a score by what the text says of the level, the issuer
// and the acronym: another number or level, another body named, or
// another acronym in parentheses count against the entry; its own count
// for it.
func (m *matcher) evidence(i int, q *query) float64 {
	doc := &m.docs[i]
	factor := 1.0
	if m.numeralsConflict(i, q) {
		factor *= numeralConflict
	}
	if len(q.orgs) > 0 {
		if q.orgs[doc.cert.OrganizationID] {
			factor *= 1.05
		} else {
			factor *= 0.5
		}
	}
	if len(q.acronyms) > 0 && len(doc.acronyms) > 0 {
		own := false
		for _, a := range q.acronyms {
			for b := range doc.acronyms {
				if a == b || (len(b) >= 3 && strings.HasPrefix(a, b)) {
					own = true
				}
			}
		}
		if own {
			factor *= 1.05
		} else {
			factor *= 0.6
		}
	}
	return factor
}

// ownAcronym reports whether the text names one of the entry's acronyms.
func (m *matcher) ownAcronym(doc *matchDoc, q *query) bool {
	for _, a := range q.acronyms {
		if doc.acronyms[a] {
			return true
		}
	}
	for _, w := range q.words {
		if doc.acronyms[w.text] {
			return true
		}
	}
	return false
}

// rareWordMatched reports whether the text names a word of the entry's
// names that few entries share.
func (m *matcher) rareWordMatched(doc *matchDoc, q *query) bool {
	for _, name := range doc.names {
		for _, x := range name {
			if !x.noise && !x.numeral && len(x.postings) <= rareWordEntries && q.matchedSim(x) > 0 {
				return true
			}
		}
	}
	return false
}

// numeralsConflict reports whether the text names a number or level the
// entry lacks while the entry's names hold one the text does not name.
func (m *matcher) numeralsConflict(i int, q *query) bool {
	queryOwn := false
	for _, w := range q.words {
		if isNumeral(w.text) && w.in(i) == 0 {
			queryOwn = true
			break
		}
	}
	if !queryOwn {
		return false
	}
	for _, name := range m.docs[i].names {
		for _, x := range name {
			if x.numeral && q.matchedSim(x) == 0 {
				return true
			}
		}
	}
	return false
}

// roleWords name the role a certification attests, which tells apart
// certifications that share their subject: a Maintenance & Reliability
// Professional is no Maintenance & Reliability Technician.
var roleWords = map[string]bool{
	"technician": true, "technologist": true, "professional": true, "engineer": true, "manager": true,
	"specialist": true, "associate": true, "inspector": true, "auditor": true, "mechanic": true,
	"practitioner": true, "designer": true, "educator": true, "implementer": true, "installer": true,
	"analyst": true, "representative": true, "supervisor": true, "leader": true, "instructor": true,
}

// roleConflict reports whether the text names a role that none of the
// entry's names has while they name another, outside the name of an
// issuer it names: "Certified Maintenance &
// Reliability Professional" is not ISA's Certified Maintenance and
// Reliability Technician, whatever else it shares with it.
func (m *matcher) roleConflict(doc *matchDoc, q *query) bool {
	entry := map[string]bool{}
	for _, name := range doc.names {
		for _, x := range name {
			if roleWords[x.text] {
				entry[x.text] = true
			}
		}
	}
	if len(entry) == 0 {
		return false
	}
	for _, w := range q.words {
		// A word of the issuer's name ("Professional Evaluation and
		// Certification Board") names no role.
		if roleWords[w.text] && !entry[w.text] && !q.issuerWords[w.text] {
			return true
		}
	}
	return false
}

// ownNamesHaveNumerals reports whether every numeral of the text is in
// one of the entry's own names, in either written form: a level written
// in the heading an entry is listed under ("Levels II-III") is no level
// of the entry. A text giving the heading's range itself ("Machining
// Levels I-III") names the heading, not a level.
func (m *matcher) ownNamesHaveNumerals(doc *matchDoc, q *query) bool {
	has := func(name []*term, w string) bool {
		return slices.ContainsFunc(name, func(x *term) bool { return x.text == w || (x.alt != nil && x.alt.text == w) })
	}
	own, heading, numerals := true, true, 0
	for _, w := range q.words {
		if !isNumeral(w.text) {
			continue
		}
		numerals++
		heading = heading && has(doc.group, w.text)
		own = own && slices.ContainsFunc(doc.ownNames, func(name []*term) bool { return has(name, w.text) })
	}
	return own || (numerals > 1 && heading)
}

// fewBest is how many entries a text that says little returns: noise
// words only ("certified operator"), or one word of one or two letters
// being typed ("c").
const fewBest = 5

// search returns the relevance of every entry in which every meaningful
// word of the text is found (whole or with a typo allowed for its length,
// the last word also as a prefix), or whose name or alias is the whole
// text, then the near neighbours of the best of them, ranked after them.
// A text that says little returns its best few only, without neighbours.
func (m *matcher) search(text string) searchOutcome {
	q := m.analyseTyped(text)
	limit := len(m.docs)
	if len(q.words) > 0 && (!slices.ContainsFunc(q.words, func(w queryWord) bool { return !w.noise }) ||
		(len(q.words) == 1 && utf8.RuneCountInString(q.words[0].text) < 3)) {
		limit = fewBest
	}
	out := searchOutcome{scores: map[int64]int{}, neighbours: map[int64]bool{}, query: q}
	first := -1
	for _, s := range m.score(q) {
		if len(out.scores) == limit {
			break
		}
		if s.all || s.phrase {
			if first < 0 {
				first = s.doc
			}
			out.scores[m.docs[s.doc].cert.ID] = int(math.Round(min(s.score/1.2, 1)*(maxScore-maxNeighbours))) + maxNeighbours
			out.docs = append(out.docs, s.doc)
		}
	}
	if first >= 0 && limit == len(m.docs) {
		for rank, i := range m.nearNeighbours(first, out.scores) {
			id := m.docs[i].cert.ID
			out.scores[id], out.neighbours[id] = maxNeighbours-1-rank, true
			out.docs = append(out.docs, i)
		}
	}
	slices.Sort(out.docs)
	return out
}

// correct returns the text with each word the catalog does not know
// replaced by the one catalog word within its typo limit, and whether any
// word was replaced. A word with several catalog words equally close is
// left as it is: the check would rather ask than guess.
func (m *matcher) correct(text string) (string, bool) {
	words := strings.Fields(catalog.NormalizeText(text))
	changed := false
	scratch := &catalog.DistanceScratch{}
	// A word repeated is looked up once.
	seen := map[string]string{}
	for i, w := range words {
		if fixed, ok := seen[w]; ok {
			words[i], changed = fixed, changed || fixed != w
			continue
		}
		seen[w] = w
		q := newQueryTerm(w)
		limit := q.typoLimit()
		if m.terms[w] != nil || limit == 0 || q.numeral || catalog.IsNumber(w) || catalog.StopWords[w] {
			continue
		}
		var best *term
		bestDistance, ties := limit+1, 0
		for n := len(q.runes) - limit; n <= len(q.runes)+limit; n++ {
			for _, x := range m.byLength[n] {
				if x.exactOnly || bits.OnesCount64(q.mask^x.mask) > 2*limit {
					continue
				}
				switch d := scratch.Distance(q.runes, x.runes, limit); {
				case d < bestDistance:
					best, bestDistance, ties = x, d, 1
				case d == bestDistance:
					ties++
				}
			}
		}
		if best != nil && ties == 1 {
			words[i], changed, seen[w] = best.text, true, best.text
		}
	}
	return strings.Join(words, " "), changed
}

// reasons says in words why a text matched an entry.
func (m *matcher) reasons(doc *matchDoc, q *query, s scored) []string {
	var out []string
	if s.phrase {
		out = append(out, "the text is one of its names or aliases")
	}
	var exact, fuzzy []string
	scratch := &catalog.DistanceScratch{}
	for _, w := range q.words {
		qt := newQueryTerm(w.text)
		var best *term
		bestSim := 0.0
		for _, x := range doc.words {
			if sim := qt.similarity(x, scratch); sim > bestSim {
				best, bestSim = x, sim
			}
		}
		switch {
		case best == nil:
		case bestSim == similarityExact:
			exact = append(exact, w.text)
		default:
			fuzzy = append(fuzzy, w.text+" ~ "+best.text)
		}
	}
	if len(exact) > 0 {
		out = append(out, "words found: "+strings.Join(exact, ", "))
	}
	if len(fuzzy) > 0 {
		out = append(out, "close words (prefix or typo): "+strings.Join(fuzzy, ", "))
	}
	for _, a := range q.acronyms {
		if doc.acronyms[a] {
			out = append(out, "acronym "+strings.ToUpper(a)+" is its own")
		}
	}
	if q.orgs[doc.cert.OrganizationID] {
		out = append(out, "the issuer named is its issuer")
	} else if len(q.orgs) > 0 {
		out = append(out, "another issuer is named")
	}
	return out
}
