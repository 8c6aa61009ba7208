package search

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

// searchAll runs a search over every entry, ACTIVE and RETIRED, by
// relevance, and returns its tight matches, without near neighbours.
func searchAll(t *testing.T, s *catalog.Snapshot, text string) []int64 {
	t.Helper()
	r := searchResult(t, s, text)
	var out []int64
	for _, e := range r.Page.Edges {
		if !r.NearNeighbour(e.Node) {
			out = append(out, e.Node.ID)
		}
	}
	return out
}

// searchResult runs a search over every entry, ACTIVE and RETIRED, by relevance.
func searchResult(t *testing.T, s *catalog.Snapshot, text string) CertificationResult {
	t.Helper()
	r, err := FindCertifications(s,
		catalog.CertificationCriteria{Search: text, Statuses: []catalog.CertificationStatus{catalog.StatusActive, catalog.StatusRetired}},
		catalog.CertificationSort{}, catalog.PageRequest{First: pageSize(100)})
	if err != nil {
		t.Fatalf("search %q: %v", text, err)
	}
	return r
}

func TestSearchNearNeighbours(t *testing.T) {
	s := fixtureSnapshot(t)
	tests := []struct {
		name           string
		query          string
		wantTight      []int64 // in order
		wantNeighbours []int64 // in order, after the tight matches
	}{
		{name: "same issuer, same subject", query: "CWI", wantTight: []int64{CertCWI}, wantNeighbours: []int64{certCWE, certSCWI}},
		{name: "the other number of the family", query: "ISO 9001", wantTight: []int64{certISO9001}, wantNeighbours: []int64{certISO9002}},
		{name: "the other card", query: "OSHA 30", wantTight: []int64{certOSHA30}, wantNeighbours: []int64{certOSHA10}},
		{name: "nothing found, no neighbours", query: "zebra"},
		{name: "noise words only, no neighbours", query: "certified", wantTight: []int64{certWelder, certCWE, certCQI, certCQT, certCMQOE}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := searchResult(t, s, tt.query)
			var tight, neighbours []int64
			for _, e := range r.Page.Edges {
				if r.NearNeighbour(e.Node) {
					neighbours = append(neighbours, e.Node.ID)
				} else if len(neighbours) > 0 {
					t.Fatalf("search %q = %v: tight match %d after a neighbour", tt.query, certIDs(r.Page), e.Node.ID)
				} else {
					tight = append(tight, e.Node.ID)
				}
			}
			if !slices.Equal(tight, tt.wantTight) || !slices.Equal(neighbours, tt.wantNeighbours) {
				t.Errorf("search %q: tight %v, neighbours %v; want %v, %v", tt.query, tight, neighbours, tt.wantTight, tt.wantNeighbours)
			}
		})
	}
}

func TestSearchHighlights(t *testing.T) {
	s := fixtureSnapshot(t)
	tests := []struct {
		name  string
		query string
		entry int64
		want  []catalog.SearchHighlight
	}{
		{name: "whole words of the name", query: "welding inspector", entry: CertCWI, want: []catalog.SearchHighlight{
			{Source: catalog.HighlightName, Text: "Certified Welding Inspector", Start: 10, Length: 7},
			{Source: catalog.HighlightName, Text: "Certified Welding Inspector", Start: 18, Length: 9},
		}},
		{name: "the prefix being typed", query: "welding insp", entry: CertCWI, want: []catalog.SearchHighlight{
			{Source: catalog.HighlightName, Text: "Certified Welding Inspector", Start: 10, Length: 7},
			{Source: catalog.HighlightName, Text: "Certified Welding Inspector", Start: 18, Length: 4},
		}},
		{name: "an acronym alias", query: "cwi", entry: CertCWI, want: []catalog.SearchHighlight{
			{Source: catalog.HighlightAlias, Text: "CWI", Start: 0, Length: 3},
		}},
		{name: "a word with a typo", query: "weldign", entry: CertCWI, want: []catalog.SearchHighlight{
			{Source: catalog.HighlightName, Text: "Certified Welding Inspector", Start: 10, Length: 7},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := searchResult(t, s, tt.query)
			got := r.Highlights(s.Certification(tt.entry))
			if !slices.Equal(got, tt.want) {
				t.Errorf("highlights of %q = %+v, want %+v", tt.query, got, tt.want)
			}
		})
	}
}

func TestWordSpansCountCodePoints(t *testing.T) {
	got := wordSpans("EDM — Wire")
	want := []wordSpan{{text: "edm", start: 0, length: 3}, {text: "wire", start: 6, length: 4}}
	if !slices.Equal(got, want) {
		t.Errorf("wordSpans = %+v, want %+v", got, want)
	}
}

func TestSearchRanksBestMatchFirst(t *testing.T) {
	s := fixtureSnapshot(t)
	tests := []struct {
		name      string
		query     string
		wantFirst int64
		wantAlso  []int64 // further entries that must be found, after the first
	}{
		{name: "exact acronym", query: "CWI", wantFirst: CertCWI},
		{name: "acronym in lower case", query: "cwi", wantFirst: CertCWI},
		{name: "full name", query: "Certified Welding Inspector", wantFirst: CertCWI, wantAlso: []int64{certSCWI}},
		{name: "typos", query: "Certfied Welding Inspecter", wantFirst: CertCWI, wantAlso: []int64{certSCWI}},
		{name: "word order", query: "Inspector Welding Certified", wantFirst: CertCWI, wantAlso: []int64{certSCWI}},
		{name: "longer acronym", query: "SCWI", wantFirst: certSCWI},
		{name: "acronym with a slash, written catalog.Compact", query: "CMQOE", wantFirst: certCMQOE},
		{name: "acronym with a slash", query: "cmq/oe", wantFirst: certCMQOE},
		{name: "former name", query: "Certified Quality Manager", wantFirst: certCMQOE},
		{name: "group and level", query: "Machining Level I", wantFirst: certMachin},
		{name: "hyphenated number", query: "OSHA-30", wantFirst: certOSHA30},
		{name: "glued number", query: "OSHA30", wantFirst: certOSHA30},
		{name: "year ignored", query: "OSHA 30 2024", wantFirst: certOSHA30},
		{name: "stop words ignored", query: "the inspector of quality", wantFirst: certCQI},
		{name: "transposed letters in a long word", query: "cetrifeid welder", wantFirst: certWelder},
		{name: "transposed letters in a short word", query: "weldnig educator", wantFirst: certCWE},
		{name: "own-name word ranks above issuer word", query: "welding", wantFirst: CertCWI, wantAlso: []int64{certCWE, certSCWI, certWelder}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := searchAll(t, s, tt.query)
			if len(got) == 0 || got[0] != tt.wantFirst {
				t.Fatalf("search %q = %v, want %d first", tt.query, got, tt.wantFirst)
			}
			for _, id := range tt.wantAlso {
				if !slices.Contains(got[1:], id) {
					t.Errorf("search %q = %v, want %d among the rest", tt.query, got, id)
				}
			}
		})
	}
}

func TestSearchMatchedSet(t *testing.T) {
	s := fixtureSnapshot(t)
	tests := []struct {
		name  string
		query string
		want  []int64 // any order
	}{
		{name: "acronym finds only its entry", query: "CWI", want: []int64{CertCWI}},
		{name: "prefix", query: "weld", want: []int64{certWelder, certCWE, CertCWI, certSCWI}},
		{name: "prefix of a longer word", query: "inspect", want: []int64{certCQI, CertCWI, certSCWI}},
		{name: "two letters being typed are a prefix", query: "we", want: []int64{certWelder, certCWE, CertCWI, certSCWI}},
		{name: "a word before the last is no prefix", query: "weld inspector", want: []int64{}},
		{name: "one letter after a word narrows it", query: "welding i", want: []int64{CertCWI, certSCWI}},
		{name: "word that matches nothing excludes the entry", query: "Certified Welding Inspector zebra", want: []int64{}},
		{name: "unknown word alone", query: "zebra", want: []int64{}},
		{name: "number must match exactly", query: "ISO 9001", want: []int64{certISO9001}},
		{name: "other number", query: "ISO 9002", want: []int64{certISO9002}},
		{name: "number glued to letters", query: "iso9001", want: []int64{certISO9001}},
		{name: "number being typed is a prefix", query: "ISO 900", want: []int64{certISO9001, certISO9002}},
		{name: "number before the last word does not match as a prefix", query: "ISO 900 quality", want: []int64{}},
		{name: "number one digit off does not match", query: "ISO 9003", want: []int64{}},
		{name: "OSHA 30 does not find OSHA 10", query: "OSHA 30", want: []int64{certOSHA30}},
		{name: "OSHA finds both cards", query: "OSHA", want: []int64{certOSHA10, certOSHA30}},
		{name: "issuer acronym", query: "ASQ", want: []int64{certCMQOE, certCQI, certCQT}},
		{name: "issuer name", query: "American Welding Society", want: []int64{certWelder, certCWE, CertCWI, certSCWI}},
		{name: "issuer acronym and own word", query: "AWS inspector", want: []int64{CertCWI, certSCWI}},
		{name: "two typos allowed from 9 letters", query: "inpsectro", want: []int64{certCQI, CertCWI, certSCWI}},
		{name: "noise words alone return the best few", query: "certified", want: []int64{certWelder, certCWE, certCQI, certCQT, certCMQOE}},
		{name: "two typos refused at 8 letters", query: "eudcatro", want: []int64{}},
		{name: "two typos refused under 8 letters", query: "wldnig", want: []int64{}},
		{name: "two typos refused at 7 letters", query: "ewldnig", want: []int64{}},
		{name: "one typo refused under 5 letters", query: "huor", want: []int64{}},
		{name: "one typo allowed from 5 letters", query: "houre", want: []int64{certOSHA10, certOSHA30}},
		{name: "no typo under 4 letters", query: "cwj", want: []int64{}},
		{name: "other script does not crash", query: "焊接", want: []int64{}},
		{name: "accented words do not crash", query: "Soldadura Certificación", want: []int64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := searchAll(t, s, tt.query)
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("search %q found %v, want %v", tt.query, got, want)
			}
		})
	}
}

func TestSearchIndexScores(t *testing.T) {
	s := fixtureSnapshot(t)
	ix := matcherOf(s)
	tests := []struct {
		name          string
		query         string
		higher, lower int64
	}{
		{name: "own-name word over issuer word", query: "welding", higher: certCWE, lower: certWelder},
		{name: "exact phrase over reordered words", query: "certified welding inspector", higher: CertCWI, lower: certSCWI},
		{name: "fuller name coverage ranks higher", query: "inspector welding certified", higher: CertCWI, lower: certSCWI},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scores := ix.search(tt.query).scores
			hi, ok := scores[tt.higher]
			if !ok {
				t.Fatalf("%d not found by %q: %v", tt.higher, tt.query, scores)
			}
			if hi <= 0 || hi > maxScore {
				t.Errorf("score %d out of (0, %d]", hi, maxScore)
			}
			lo, ok := scores[tt.lower]
			if !ok {
				t.Fatalf("%d not found by %q: %v", tt.lower, tt.query, scores)
			}
			if lo >= hi {
				t.Errorf("score of %d = %d, not below %d's %d", tt.lower, lo, tt.higher, hi)
			}
		})
	}
}

func TestSearchIndexWeights(t *testing.T) {
	s := fixtureSnapshot(t)
	ix := matcherOf(s)
	weightOf := func(word string, id int64) float64 {
		x := ix.terms[word]
		if x == nil {
			return 0
		}
		for _, p := range x.postings {
			if ix.docs[p.doc].cert.ID == id {
				return p.weight
			}
		}
		return 0
	}
	tests := []struct {
		name string
		term string
		id   int64
		want float64
	}{
		{name: "own name word", term: "welding", id: CertCWI, want: weightOwn},
		{name: "issuer name word only", term: "welding", id: certWelder, want: weightOrganizationName},
		{name: "issuer acronym", term: "aws", id: certWelder, want: weightOrganization},
		{name: "alias", term: "cwi", id: CertCWI, want: weightOwn},
		{name: "group", term: "machining", id: certMachin, want: weightOwn},
		{name: "display name word", term: "hour", id: certOSHA10, want: weightOwn},
		{name: "own word also in issuer name keeps own weight", term: "osha", id: certOSHA30, want: weightOwn},
		{name: "word of another entry", term: "welding", id: certCQI, want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := weightOf(tt.term, tt.id); got != tt.want {
				t.Errorf("weight of %q in %d = %v, want %v", tt.term, tt.id, got, tt.want)
			}
		})
	}
}

func TestSearchIssuerWordWeighsLessThanOwnWord(t *testing.T) {
	if !(weightOrganization < weightOwn) {
		t.Fatalf("weightOrganization %v is not below weightOwn %v", weightOrganization, weightOwn)
	}
	// Both entries are named "Pipe Inspector" and match "pipe" in their own
	// name; "welding" is only the issuer's word for the first and an alias
	// of the second. Name coverage is equal, so only the weight differs.
	// The issuer match has the lower ID, so a tie would put it first.
	data := &catalog.Data{
		Organizations: []catalog.Organization{
			{ID: 1, Name: "Acme Welding Board", Acronym: "AWB"},
			{ID: 2, Name: "Other Board"},
		},
		Certifications: []catalog.Certification{
			{ID: 10, OrganizationID: 1, Name: "Pipe Inspector", DisplayName: "Pipe Inspector", Status: catalog.StatusActive},
			{ID: 20, OrganizationID: 2, Name: "Pipe Inspector", DisplayName: "Pipe Inspector", Status: catalog.StatusActive,
				Aliases: []catalog.Alias{{Kind: catalog.AliasAlternateName, Value: "Welding Pipe Inspector"}}},
		},
	}
	s := catalog.NewSnapshot(data)
	tests := []struct {
		name  string
		query string
		want  []int64
	}{
		{name: "issuer name word", query: "pipe welding", want: []int64{20, 10}},
		{name: "issuer acronym against nothing", query: "pipe awb", want: []int64{10}},
		{name: "own words only", query: "pipe inspector", want: []int64{10, 20}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := FindCertifications(s, catalog.CertificationCriteria{Search: tt.query}, catalog.CertificationSort{}, catalog.PageRequest{})
			if err != nil {
				t.Fatal(err)
			}
			if got := certIDs(r.Page); !slices.Equal(got, tt.want) {
				t.Errorf("search %q = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name string
		q, t string
		want float64
	}{
		{name: "exact", q: "welding", t: "welding", want: similarityExact},
		{name: "exact number", q: "30", t: "30", want: similarityExact},
		{name: "prefix of 3", q: "wel", t: "welding", want: similarityPrefix},
		{name: "prefix of 2 is nothing", q: "we", t: "welding", want: 0},
		{name: "typo", q: "weldnig", t: "welding", want: similarityTypo},
		{name: "typo in 4 letters", q: "huor", t: "hour", want: similarityTypo},
		{name: "no typo in 3 letters", q: "cwj", t: "cwi", want: 0},
		{name: "two typos in 8 letters", q: "eudcatro", t: "educator", want: similarityTypo},
		{name: "two typos in 7 letters", q: "ewldnig", t: "welding", want: 0},
		{name: "number prefix", q: "900", t: "9001", want: 0},
		{name: "number typo", q: "9002", t: "9001", want: 0},
		{name: "word against number", q: "osha", t: "9001", want: 0},
		{name: "too different", q: "welding", t: "plumbing", want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := &term{text: tt.t, runes: []rune(tt.t), mask: letterMask(tt.t), numeral: isNumeral(tt.t)}
			x.exactOnly = len(x.runes) < 3 || x.numeral
			if got := newQueryTerm(tt.q).similarity(x, &catalog.DistanceScratch{}); got != tt.want {
				t.Errorf("similarity(%q, %q) = %v, want %v", tt.q, tt.t, got, tt.want)
			}
		})
	}
}

func TestSearchIndexEmptyQuery(t *testing.T) {
	s := fixtureSnapshot(t)
	for _, q := range []string{"", "   ", "!!!"} {
		t.Run(q, func(t *testing.T) {
			if got := matcherOf(s).search(q).scores; len(got) != 0 {
				t.Errorf("search(%q) = %v, want nothing", q, got)
			}
		})
	}
}

// TestSearchScoresIgnoreStopWords is metamorphic: a stop word added before,
// within or after a text changes no entry's score, and so neither which
// entries are found nor their order.
func TestSearchScoresIgnoreStopWords(t *testing.T) {
	s := fixtureSnapshot(t)
	ix := matcherOf(s)
	for _, text := range []string{"CWI", "certified welding inspector", "Certified Quality Manager", "OSHA 30", "Machining Level I", "cmq/oe", "weld", "certified"} {
		want := ix.search(text).scores
		words := strings.Fields(text)
		for _, variant := range []string{"the " + text, text + " for", "The " + text, words[0] + " of " + strings.Join(words[1:], " ")} {
			if got := ix.search(variant).scores; !maps.Equal(got, want) {
				t.Errorf("scores of %q = %v, want as %q: %v", variant, got, text, want)
			}
		}
	}
}
