package search_test

import (
	"math"
	"os"
	"slices"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/search"
)

// searchJudgement is one graded query of testdata/search_judgements.yaml.
type searchJudgement struct {
	Query  string         `yaml:"query"`
	Grades map[string]int `yaml:"grades"`
}

// Thresholds of the search evaluation: the mean nDCG@10 and the share of
// queries whose first result is an entry meant.
const (
	minSearchNDCG         = 0.95
	minSearchPrecisionAt1 = 0.98
	searchCutoff          = 10
)

func loadSearchJudgements(t testing.TB) []searchJudgement {
	t.Helper()
	raw, err := os.ReadFile("testdata/search_judgements.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var judgements []searchJudgement
	if err := yaml.UnmarshalWithOptions(raw, &judgements, yaml.DisallowUnknownField()); err != nil {
		t.Fatal(err)
	}
	return judgements
}

// searchEverything runs a search by relevance over every ACTIVE and
// RETIRED entry, all on one page.
func searchEverything(t testing.TB, s *catalog.Snapshot, text string) search.CertificationResult {
	t.Helper()
	r, err := search.FindCertifications(s, catalog.CertificationCriteria{Search: text,
		Statuses: []catalog.CertificationStatus{catalog.StatusActive, catalog.StatusRetired}},
		catalog.CertificationSort{}, catalog.PageRequest{First: new(catalog.MaxPageSize)})
	if err != nil {
		t.Fatalf("search %q: %v", text, err)
	}
	return r
}

// resultKeys lists the keys of a search's results, best first.
func resultKeys(r search.CertificationResult) []string {
	keys := make([]string, 0, len(r.Page.Edges))
	for _, e := range r.Page.Edges {
		keys = append(keys, e.Node.Key)
	}
	return keys
}

// searchKeys runs a search by relevance and returns the keys found, best first.
func searchKeys(t testing.TB, s *catalog.Snapshot, text string) []string {
	t.Helper()
	return resultKeys(searchEverything(t, s, text))
}

// ndcg is the normalized discounted cumulative gain of the first cutoff
// results; a query that should find nothing scores 1 when it finds
// nothing and 0 otherwise.
func ndcg(found []string, grades map[string]int, cutoff int) float64 {
	if len(grades) == 0 {
		if len(found) == 0 {
			return 1
		}
		return 0
	}
	gain := func(g int) float64 { return math.Pow(2, float64(g)) - 1 }
	dcg := 0.0
	for i, k := range found[:min(cutoff, len(found))] {
		dcg += gain(grades[k]) / math.Log2(float64(i+2))
	}
	ideal := slices.SortedFunc(func(yield func(int) bool) {
		for _, g := range grades {
			if !yield(g) {
				return
			}
		}
	}, func(a, b int) int { return b - a })
	idcg := 0.0
	for i, g := range ideal[:min(cutoff, len(ideal))] {
		idcg += gain(g) / math.Log2(float64(i+2))
	}
	return dcg / idcg
}

// TestSearchJudgements scores the search on the seeded catalog against
// the graded judgements: mean nDCG@10 and precision at one.
func TestSearchJudgements(t *testing.T) {
	s := seededSnapshot(t)
	judgements := loadSearchJudgements(t)
	if len(judgements) < 150 {
		t.Fatalf("%d judged queries, want at least 150", len(judgements))
	}
	keys := map[string]bool{}
	for _, c := range seededData(t).Certifications {
		keys[c.Key] = true
	}
	totalNDCG, firstRight, withGrades := 0.0, 0, 0
	for _, j := range judgements {
		best := 0
		for k, g := range j.Grades {
			if !keys[k] {
				t.Fatalf("query %q judges unknown entry %q", j.Query, k)
			}
			best = max(best, g)
		}
		found := searchKeys(t, s, j.Query)
		score := ndcg(found, j.Grades, searchCutoff)
		totalNDCG += score
		if best > 0 {
			withGrades++
			if len(found) > 0 && j.Grades[found[0]] == best {
				firstRight++
			}
		}
		if score < 0.8 || (best > 0 && (len(found) == 0 || j.Grades[found[0]] != best)) {
			t.Logf("query %q: nDCG@10 %.2f, found %v", j.Query, score, found[:min(len(found), 6)])
		}
	}
	meanNDCG := totalNDCG / float64(len(judgements))
	precision := float64(firstRight) / float64(withGrades)
	t.Logf("%d queries: nDCG@10 %.3f, precision@1 %.3f", len(judgements), meanNDCG, precision)
	if meanNDCG < minSearchNDCG {
		t.Errorf("nDCG@10 %.3f, want at least %.2f", meanNDCG, minSearchNDCG)
	}
	if precision < minSearchPrecisionAt1 {
		t.Errorf("precision@1 %.3f, want at least %.2f", precision, minSearchPrecisionAt1)
	}
}
