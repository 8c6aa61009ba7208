package search_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/search"
)

// highlightedWords lists, per result, the words its highlights mark, so
// that two searches' highlights compare whatever the entries.
func highlightedWords(r search.CertificationResult) map[string][]string {
	out := map[string][]string{}
	for _, e := range r.Page.Edges {
		for _, h := range r.Highlights(e.Node) {
			word := string([]rune(h.Text)[h.Start : h.Start+h.Length])
			out[e.Node.Key] = append(out[e.Node.Key], fmt.Sprintf("%s %q", h.Source, word))
		}
	}
	return out
}

// onlyStopWords are texts a person may type that say nothing of which
// certification is meant: a search of them finds no entry of the seeded
// catalog, whose issuers' names hold several of these words ("American
// Society for Quality", "National Commission for the Certification of
// Crane Operators") and none of whose names or acronyms is one.
var onlyStopWords = []string{
	"for", "of", "the", "and", "in", "to", "a", "an", "on", "or", "at", "by", "with",
	"it", "as", "is", "be", "no", "not", "this", "that", "there", "into", "will",
	"for the", "of the", "in the", "to be", "FOR", "The", "For The",
}

func TestSearchOfStopWordsOnlyFindsNothingInTheSeededCatalog(t *testing.T) {
	s := seededSnapshot(t)
	for _, text := range onlyStopWords {
		if got := searchKeys(t, s, text); len(got) != 0 {
			t.Errorf("search %q = %v, want nothing", text, got)
		}
	}
}

// TestSearchRealPhrasingsWithStopWords runs what candidates type, stop
// words and all, on the seeded catalog: the entry meant comes first, and
// no entry comes through an issuer's "for" or "of".
func TestSearchRealPhrasingsWithStopWords(t *testing.T) {
	s := seededSnapshot(t)
	tests := []struct {
		text  string
		first string
		// within lists the issuers every result must be of; empty when any may.
		within []string
	}{
		{text: "certification for welding", first: "aws-cwi", within: []string{"aws"}},
		{text: "certified welding inspector for AWS", first: "aws-cwi", within: []string{"aws"}},
		{text: "the CWI", first: "aws-cwi", within: []string{"aws"}},
		{text: "inspector of welding", first: "aws-cwi", within: []string{"aws"}},
		{text: "OSHA for general industry", first: "osha-10-general-industry", within: []string{"osha"}},
		{text: "OSHA 30 for general industry", first: "osha-30-general-industry", within: []string{"osha"}},
		{text: "osha 10 hour card for general industry", first: "osha-10-general-industry", within: []string{"osha"}},
		{text: "manager of quality", first: "asq-cmq-oe", within: []string{"asq"}},
		{text: "the manager of quality and organizational excellence", first: "asq-cmq-oe", within: []string{"asq"}},
		{text: "certified in production and inventory management", first: "apics-cpim", within: []string{"apics"}},
		{text: "certified production inventory management", first: "apics-cpim", within: []string{"apics"}},
		{text: "manager of hazardous materials", first: "ihmm-chmm", within: []string{"ihmm"}},
		{text: "green belt in six sigma", first: "sme-six-sigma-green-belt", within: []string{"sme"}},
		{text: "health and safety technician for construction", first: "bcsp-chst", within: []string{"bcsp"}},
		{text: "a certified safety professional", first: "bcsp-csp"},
		{text: "association for supply chain management", first: "apics-cscp"},
		{text: "inspector of cranes", first: "nccco-crane-inspector"},
		// The word being typed begins no stop word: "fo" is "Foundation" or
		// "Forming", never the "for" of "American Society for Quality".
		{text: "quality fo", first: "pecb-iso-9001-foundation", within: []string{"pecb"}},
		{text: "certification fo", first: "pecb-iso-9001-foundation", within: []string{"pecb", "nims"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := searchEverything(t, s, tt.text)
			got := resultKeys(r)
			if len(got) == 0 || got[0] != tt.first {
				t.Fatalf("search %q = %v, want %s first", tt.text, got, tt.first)
			}
			for _, e := range r.Page.Edges {
				if len(tt.within) > 0 && !slices.Contains(tt.within, s.Organization(e.Node.OrganizationID).Key) {
					t.Errorf("search %q found %s, of %s", tt.text, e.Node.Key, s.Organization(e.Node.OrganizationID).Key)
				}
			}
		})
	}
}

// stopWordVariants returns the text with a stop word added before it,
// after its first word and after it, each a different stop word, in lower
// case, in sentence case and in capitals.
func stopWordVariants(text string, k int) []string {
	stops := slices.Sorted(maps.Keys(catalog.StopWords))
	stop := func(i int) string { return stops[(k+7*i)%len(stops)] }
	words := strings.Fields(text)
	out := []string{
		stop(0) + " " + text,
		text + " " + stop(1),
		// Sentence case: a capital first letter is no abbreviation.
		strings.ToUpper(stop(2)[:1]) + stop(2)[1:] + " " + text,
		// Capitals: no entry of the seeded catalog abbreviates a stop word.
		text + " " + strings.ToUpper(stop(4)),
	}
	if len(words) > 1 {
		out = append(out, words[0]+" "+stop(3)+" "+strings.Join(words[1:], " "))
	}
	return out
}

// TestAddingStopWordsChangesNoSearch is metamorphic: every judged query,
// with a stop word added before it, after it or after its first word,
// finds the same entries in the same order, highlighted alike. Every stop
// word of the set is tried across the queries, in each place.
func TestAddingStopWordsChangesNoSearch(t *testing.T) {
	s := seededSnapshot(t)
	for k, j := range loadSearchJudgements(t) {
		r := searchEverything(t, s, j.Query)
		want, wantHighlights := resultKeys(r), highlightedWords(r)
		for _, text := range stopWordVariants(j.Query, k) {
			v := searchEverything(t, s, text)
			if got := resultKeys(v); !slices.Equal(got, want) {
				t.Errorf("search %q = %v, want as %q: %v", text, got, j.Query, want)
				continue
			}
			if got := highlightedWords(v); !maps.EqualFunc(got, wantHighlights, slices.Equal) {
				t.Errorf("search %q highlights %v, want as %q: %v", text, got, j.Query, wantHighlights)
			}
		}
	}
}

// tightKeys lists the keys of a search's results that the text found,
// best first, without the near neighbours after them.
func tightKeys(r search.CertificationResult) []string {
	var keys []string
	for _, e := range r.Page.Edges {
		if !r.NearNeighbour(e.Node) {
			keys = append(keys, e.Node.Key)
		}
	}
	return keys
}

// abbreviationsCatalog is a catalog whose names and acronyms hold stop
// words as abbreviations ("IT", "AS9100", "IS"), beside issuers whose
// full names hold them as words ("Institute for Supply Management",
// "Institute of IT Professionals").
func abbreviationsCatalog() *catalog.Snapshot {
	acronym := func(v string) catalog.Alias { return catalog.Alias{Kind: catalog.AliasAcronym, Value: v} }
	cert := func(id, org int64, key, name, display string, aliases ...catalog.Alias) catalog.Certification {
		return catalog.Certification{ID: id, OrganizationID: org, Key: key, Name: name, DisplayName: display,
			Aliases: aliases, Status: catalog.StatusActive}
	}
	return catalog.NewSnapshot(&catalog.Data{
		Organizations: []catalog.Organization{
			{ID: 1, Key: "comptia", Name: "Computing Technology Industry Association", Acronym: "CompTIA"},
			{ID: 2, Key: "iitp", Name: "Institute of IT Professionals", Acronym: "IITP"},
			{ID: 3, Key: "ism", Name: "Institute for Supply Management", Acronym: "ISM"},
			{ID: 4, Key: "eg", Name: "Exemplar Global"},
		},
		Certifications: []catalog.Certification{
			cert(10, 1, "comptia-itf", "IT Fundamentals+", "CompTIA IT Fundamentals+ (ITF+)", acronym("ITF+")),
			cert(11, 1, "comptia-is", "Information Security Analyst", "CompTIA Information Security Analyst", acronym("IS Analyst")),
			cert(12, 2, "iitp-ctp", "Certified Technology Professional", "IITP Certified Technology Professional"),
			cert(13, 3, "ism-cpsm", "Certified Professional in Supply Management", "ISM Certified Professional in Supply Management (CPSM)", acronym("CPSM")),
			cert(14, 4, "eg-as9100", "AS9100 Lead Auditor", "Exemplar Global AS9100 Lead Auditor"),
			cert(15, 4, "eg-iso9001", "ISO 9001 Lead Auditor", "Exemplar Global ISO 9001 Lead Auditor"),
		},
	})
}

// TestSearchKeepsStopWordsTheCatalogAbbreviates checks that a stop word
// the catalog writes as an abbreviation still finds its entries when typed
// in capitals, or alone in any case, and only through the entries' own
// names and acronyms, highlighted there; written in lower case among
// other words it is a stop word again.
func TestSearchKeepsStopWordsTheCatalogAbbreviates(t *testing.T) {
	s := abbreviationsCatalog()
	tests := []struct {
		name string
		text string
		want []string // every result the text found, best first, near neighbours aside
		// highlight is a word every result has highlighted.
		highlight string
	}{
		{name: "an abbreviation typed in capitals", text: "IT Fundamentals", want: []string{"comptia-itf"}, highlight: "IT"},
		{name: "an abbreviation typed in capitals, alone", text: "IT", want: []string{"comptia-itf"}, highlight: "IT"},
		{name: "an abbreviation typed in lower case, alone", text: "it", want: []string{"comptia-itf"}, highlight: "IT"},
		{name: "a whole text in capitals", text: "COMPTIA IT FUNDAMENTALS", want: []string{"comptia-itf"}, highlight: "IT"},
		{name: "in lower case among other words a stop word", text: "it fundamentals", want: []string{"comptia-itf"}, highlight: "Fundamentals"},
		{name: "a stop word the catalog does not abbreviate, in capitals", text: "ISO 9001 LEAD AUDITOR FOR EXEMPLAR GLOBAL", want: []string{"eg-iso9001"}, highlight: "9001"},
		{name: "an acronym alias's stop word", text: "IS analyst", want: []string{"comptia-is"}, highlight: "IS"},
		{name: "an acronym alias's stop word alone", text: "is", want: []string{"comptia-is"}, highlight: "IS"},
		{name: "an acronym alias's stop word in lower case among other words", text: "is analyst", want: []string{"comptia-is"}, highlight: "Analyst"},
		{name: "a capital first letter is no abbreviation", text: "Is information security", want: []string{"comptia-is"}, highlight: "Information"},
		{name: "a stop word glued to a number", text: "AS9100", want: []string{"eg-as9100"}, highlight: "AS"},
		{name: "glued to a number in lower case", text: "as9100 lead auditor", want: []string{"eg-as9100"}, highlight: "9100"},
		{name: "the abbreviation alone", text: "as", want: []string{"eg-as9100"}, highlight: "AS"},
		{name: "an issuer's for is no match", text: "for", want: nil},
		{name: "an issuer's of is no match", text: "of the", want: nil},
		{name: "an issuer's in is no match", text: "in", want: nil},
		{name: "a name's stop word is no match", text: "professional in", want: []string{"iitp-ctp", "ism-cpsm"}, highlight: "Professional"},
		{name: "a word being typed begins no stop word", text: "professional i", want: []string{"iitp-ctp", "ism-cpsm"}, highlight: "Professional"},
		{name: "the name with its stop word", text: "certified professional in supply management", want: []string{"ism-cpsm"}, highlight: "Supply"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := searchEverything(t, s, tt.text)
			if got := tightKeys(r); !slices.Equal(got, tt.want) {
				t.Fatalf("search %q = %v, want %v", tt.text, got, tt.want)
			}
			for _, e := range r.Page.Edges {
				if r.NearNeighbour(e.Node) {
					continue
				}
				marked := false
				for _, h := range r.Highlights(e.Node) {
					runes := []rune(h.Text)
					// The word the span begins, which a prefix being typed
					// marks in part.
					end := h.Start
					for end < len(runes) && unicode.IsLetter(runes[end]) {
						end++
					}
					word := string(runes[h.Start:end])
					if catalog.StopWords[strings.ToLower(word)] && !strings.EqualFold(word, tt.highlight) {
						t.Errorf("search %q highlights the stop word %q of %q", tt.text, word, h.Text)
					}
					marked = marked || string(runes[h.Start:h.Start+h.Length]) == tt.highlight
				}
				if !marked {
					t.Errorf("search %q: %s has no highlight %q: %+v", tt.text, e.Node.Key, tt.highlight, r.Highlights(e.Node))
				}
			}
		})
	}
}
