package gormstore_test

import (
	"context"
	"testing"

	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/testdb"
)

// statements returns how many statements fn makes the store execute.
func statements(t *testing.T, counter *gormstore.StatementCounter, fn func() error) int64 {
	t.Helper()
	before := counter.Count()
	if err := fn(); err != nil {
		t.Fatal(err)
	}
	return counter.Count() - before
}

func TestStatementCounts(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		ctx := context.Background()
		loadCatalog := func(s *gormstore.Store) func() error {
			return func() error { _, err := s.LoadCatalog(ctx); return err }
		}

		emptyCounter := &gormstore.StatementCounter{}
		empty := testdb.Open(t, dialect, emptyCounter)
		seededCounter := &gormstore.StatementCounter{}
		seeded := testdb.OpenSeeded(t, dialect, seededCounter)
		if seededCounter.Count() == 0 {
			t.Fatal("seeding executed no statements: the counter does not count")
		}

		onEmpty := statements(t, emptyCounter, loadCatalog(empty))
		onSeeded := statements(t, seededCounter, loadCatalog(seeded))
		if onEmpty == 0 {
			t.Fatal("LoadCatalog executed no statements on the empty store")
		}
		if onSeeded != onEmpty {
			t.Errorf("LoadCatalog executed %d statements on the seeded store and %d on the empty one; want the same fixed number",
				onSeeded, onEmpty)
		}
		if again := statements(t, seededCounter, loadCatalog(seeded)); again != onSeeded {
			t.Errorf("a second LoadCatalog executed %d statements, the first %d", again, onSeeded)
		}

		for name, c := range map[string]struct {
			store   *gormstore.Store
			counter *gormstore.StatementCounter
		}{"empty": {empty, emptyCounter}, "seeded": {seeded, seededCounter}} {
			n := statements(t, c.counter, func() error { _, err := c.store.CatalogVersion(ctx); return err })
			if n != 1 {
				t.Errorf("CatalogVersion on the %s store executed %d statements, want 1", name, n)
			}
		}
	})
}
