package apitest

import (
	"strings"
	"sync"
	"testing"
)

// TestSearchAsYouType checks, through HTTP, what a search box sends while
// typing: a short last word is a prefix, short words take no typo, noise
// words alone return the best few, and neighbours come after the tight
// matches, marked and without highlights.
func TestSearchAsYouType(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		const q = `query($s: String) {
			certifications(first: 20, filter: { search: $s }) {
				totalCount
				edges { node { key } nearNeighbour highlights { source start length } }
			}
		}`
		search := func(t *testing.T, text string) (keys []string, neighbours []bool, total int) {
			t.Helper()
			data := e.ok(t, q, map[string]any{"s": text})
			for _, edge := range get(data, "certifications", "edges").([]any) {
				keys = append(keys, get(edge, "node", "key").(string))
				neighbours = append(neighbours, get(edge, "nearNeighbour").(bool))
			}
			return keys, neighbours, num(get(data, "certifications", "totalCount"))
		}
		for _, tc := range []struct{ text, wantFirst string }{
			{"crane insp", "nccco-crane-inspector"},
			{"osha 3", "osha-30-general-industry"},
			{"supply ch", "apics-cscp"},
			{"lean", "sme-lean-bronze"},
			{"signal person", "nccco-signalperson"},
		} {
			if keys, _, _ := search(t, tc.text); len(keys) == 0 || keys[0] != tc.wantFirst {
				t.Errorf("search %q = %v, want %s first", tc.text, keys, tc.wantFirst)
			}
		}
		if keys, _, _ := search(t, "lean"); len(keys) > 0 && strings.Contains(strings.Join(keys, " "), "lead-auditor") {
			t.Errorf("search \"lean\" = %v: a four-letter word takes no typo", keys)
		}
		for _, text := range []string{"certified", "operator", "c"} {
			if _, _, total := search(t, text); total == 0 || total > 5 {
				t.Errorf("search %q found %d entries, want its best few (1 to 5)", text, total)
			}
		}
		keys, neighbours, _ := search(t, "ISO 9001 lead auditor")
		if len(keys) < 4 || keys[0] != "pecb-iso-9001-lead-auditor" || neighbours[0] || !neighbours[len(neighbours)-1] {
			t.Fatalf("search ISO 9001 lead auditor = %v %v, want the auditor first, then its family's levels as neighbours", keys, neighbours)
		}
		// The same search twenty times in parallel answers the same.
		var wg sync.WaitGroup
		answers := make([]string, 20)
		for i := range answers {
			wg.Go(func() {
				k, _, _ := search(t, "ISO 9001 lead auditor")
				answers[i] = strings.Join(k, " ")
			})
		}
		wg.Wait()
		for i, a := range answers {
			if a != strings.Join(keys, " ") {
				t.Errorf("parallel search %d = %s, want %v", i, a, keys)
			}
		}
	})
}
