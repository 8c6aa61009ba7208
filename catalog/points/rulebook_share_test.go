package points_test

import (
	"reflect"
	"sync"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/catalogtest"
	"github.com/mssc/recert/catalog/points"
)

// TestRulebookOfIsBuiltOncePerSnapshot checks that a snapshot answers
// the same rulebook at every call, and another snapshot, of the same
// tables, a rulebook of its own: the rulebook lives as long as its
// catalog version.
func TestRulebookOfIsBuiltOncePerSnapshot(t *testing.T) {
	snap := catalog.NewSnapshot(catalogtest.SeedData(t))
	first, err := points.RulebookOf(snap)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := points.RulebookOf(snap); again != first {
		t.Error("a snapshot built its rulebook twice")
	}
	if other, _ := points.RulebookOf(catalog.NewSnapshot(catalogtest.SeedData(t))); other == first {
		t.Error("two snapshots share one rulebook")
	}
}

// TestARulebookIsSharedAcrossGoroutines scores the same claims with one
// snapshot's rulebook from many goroutines at once, as the applications
// of one page are scored: every report is the one scored alone, and the
// race detector (go test -race) finds no write to the shared rulebook.
func TestARulebookIsSharedAcrossGoroutines(t *testing.T) {
	rb, err := points.RulebookOf(catalog.NewSnapshot(catalogtest.SeedData(t)))
	if err != nil {
		t.Fatal(err)
	}
	cycle, activities, now := seedClaims(t)
	want := points.ComputePoints(rb, catalog.ProgramCPT, cycle, activities, now)
	const readers = 8
	reports := make([]points.PointsReport, readers)
	var wg sync.WaitGroup
	for i := range readers {
		wg.Go(func() {
			for _, a := range activities {
				points.ValidateActivity("", a, rb, now)
				rb.PointsRange(a.TypeKey)
			}
			reports[i] = points.ComputePoints(rb, catalog.ProgramCPT, cycle, activities, now)
		})
	}
	wg.Wait()
	for i, got := range reports {
		if !reflect.DeepEqual(got, want) {
			t.Errorf("reader %d scored %+v, want %+v", i, got, want)
		}
	}
}
