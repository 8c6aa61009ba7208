package gormstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/catalog/review"
)

// TestSeedInsertsSynonymsOnce checks that the seed inserts a synonym only
// when its key was never stored: one staff edited or removed stays as
// staff left it, and a synonym edit is one change with its history at a
// new catalog version.
func TestSeedInsertsSynonymsOnce(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		store, _, _ := seeded(t, dialect, seedData(t))
		byKey := func(d *catalog.Data) map[string]catalog.Synonym {
			out := map[string]catalog.Synonym{}
			for _, s := range d.Synonyms {
				out[s.Key] = s
			}
			return out
		}
		stored := byKey(load(t, store))
		hydraulics, forklift := stored["hydraulics"], stored["forklift"]
		if hydraulics.ID == 0 || hydraulics.Meaning != "fluid power" || forklift.ID == 0 {
			t.Fatalf("seeded synonyms = %v", stored)
		}
		edit := func(s catalog.Synonym, action string) {
			t.Helper()
			change := catalog.Change{Action: action, Actor: "staff-1", At: time.Now().UTC(), Reason: "test"}
			if err := store.EditCatalog(context.Background(), &review.CatalogEdit{Change: change, Synonym: &s, EntityType: "SearchSynonym", After: "{}"}); err != nil {
				t.Fatal(err)
			}
		}
		before := version(t, store)
		hydraulics.Meaning = "fluid power engineer"
		edit(hydraulics, "synonym.update")
		forklift.Removed = true
		edit(forklift, "synonym.remove")
		if after := version(t, store); after != before+2 {
			t.Errorf("two synonym edits moved the catalog version from %d to %d", before, after)
		}

		data := seedData(t)
		wantReport(t, apply(t, store, data), catalog.SeedReport{Unchanged: entries(data), Version: before + 2})
		again := byKey(load(t, store))
		if again["hydraulics"].Meaning != "fluid power engineer" || !again["forklift"].Removed || len(again) != len(data.Synonyms) {
			t.Errorf("after the seed, hydraulics = %+v and forklift = %+v", again["hydraulics"], again["forklift"])
		}
		history, err := store.CatalogHistory(context.Background(), review.HistoryFilter{EntityType: "SearchSynonym", EntityID: forklift.ID}, catalog.PageRequest{First: new(5)})
		if err != nil {
			t.Fatal(err)
		}
		if len(history.Edges) != 1 || history.Edges[0].Node.Action != "synonym.remove" || history.Edges[0].Node.Version != before+2 {
			t.Errorf("the forklift synonym's history = %+v", history.Edges)
		}
	})
}
