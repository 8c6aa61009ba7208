package apitest

import (
	"fmt"
	"testing"
)

// TestNestedPageRunsAFixedNumberOfStatements asks for pages of 1, 50 and 100
// certifications with their organization, recognition bases and aliases,
// and counts the SQL statements each request executes: none on a warm
// snapshot while the change listener is connected.
func TestNestedPageRunsAFixedNumberOfStatements(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		const q = `query($n: Int) {
			certifications(first: $n) {
				totalCount
				nodes { displayName recognitionBases aliases { value } points organization { name acronym certifications(first: 2) { totalCount } } }
				facets { organizations { organization { name } count } }
			}
		}`
		e.ok(t, q, map[string]any{"n": 1}) // warm the snapshot
		eventually(t, "the change listener connects", e.catalog.Watching)
		counts := map[int]int64{}
		for _, n := range []int{1, 50, 100} {
			before := e.counter.Count()
			data := e.ok(t, q, map[string]any{"n": n})
			counts[n] = e.counter.Count() - before
			if got := len(get(data, "certifications", "nodes").([]any)); got != n {
				t.Fatalf("page of %d returned %d", n, got)
			}
		}
		if counts[1] != counts[50] || counts[50] != counts[100] {
			t.Fatalf("statements per request grow with the page size: %v", counts)
		}
		if counts[100] != 0 {
			t.Errorf("a warm catalog read ran %d statements, want none", counts[100])
		}
		t.Log(fmt.Sprintf("statements per request (warm): %v", counts))
	})
}
