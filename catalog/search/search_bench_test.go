package search_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/search"
)

// catalogGrowth is how many times BenchmarkSearchGrownCatalog copies the
// seeded catalog.
const catalogGrowth = 100

// grownData returns the seeded catalog copied n times; every copy's names
// and aliases carry a word of their own, so that the index grows in words
// as well as in entries.
func grownData(b *testing.B, n int) *catalog.Data {
	b.Helper()
	data := seededData(b)
	base := data.Certifications
	grown := make([]catalog.Certification, 0, len(base)*n)
	for copyNo := range n {
		word := copyWord(copyNo)
		for _, c := range base {
			c.ID = int64(len(grown) + 1)
			c.Key = fmt.Sprintf("%s-%d", c.Key, copyNo)
			if copyNo > 0 {
				c.Name += " " + word
				c.DisplayName += " " + word
				aliases := slices.Clone(c.Aliases)
				for i := range aliases {
					aliases[i].Value += " " + word
				}
				c.Aliases = aliases
			}
			grown = append(grown, c)
		}
	}
	data.Certifications = grown
	return data
}

// copyWord is a made-up word naming copy n, such as "qxab".
func copyWord(n int) string {
	word := []byte("qx")
	for {
		word = append(word, byte('a'+n%26))
		n /= 26
		if n == 0 {
			return string(word)
		}
	}
}

// benchmarkSearch runs the judged queries, uncached, through
// FindCertifications and reports the median latency of one search.
func benchmarkSearch(b *testing.B, snap *catalog.Snapshot) {
	var queries []string
	for _, j := range loadSearchJudgements(b) {
		queries = append(queries, j.Query)
	}
	durations := make([]time.Duration, 0, b.N)
	first := catalog.MaxPageSize / 5
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		_, err := search.FindCertifications(snap, catalog.CertificationCriteria{Search: queries[i%len(queries)]},
			catalog.CertificationSort{}, catalog.PageRequest{First: &first})
		durations = append(durations, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	slices.Sort(durations)
	b.ReportMetric(float64(durations[len(durations)/2].Nanoseconds()), "median-ns/search")
}

// BenchmarkSearchSeededCatalog measures a search of the seeded catalog.
func BenchmarkSearchSeededCatalog(b *testing.B) {
	benchmarkSearch(b, seededSnapshot(b))
}

// BenchmarkSearchGrownCatalog measures a search of the seeded catalog
// grown a hundred times.
func BenchmarkSearchGrownCatalog(b *testing.B) {
	benchmarkSearch(b, catalog.NewSnapshot(grownData(b, catalogGrowth)))
}
