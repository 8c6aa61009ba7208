package gormstore_test

import (
	"context"
	"testing"

	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/testdb"
)

func TestMigrate(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		ctx := context.Background()
		store, err := gormstore.Open(ctx, testdb.Config(t, dialect))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() { _ = store.Close() })
		if got := store.Dialect(); got != dialect {
			t.Errorf("Dialect() = %q, want %q", got, dialect)
		}

		pending, err := store.MigrationsPending(ctx)
		if err != nil {
			t.Fatalf("MigrationsPending on a fresh database: %v", err)
		}
		if pending == 0 {
			t.Fatal("a fresh database reports no pending migrations")
		}

		for _, pass := range []string{"first", "second"} {
			if err := store.Migrate(ctx); err != nil {
				t.Fatalf("%s Migrate: %v", pass, err)
			}
			pending, err := store.MigrationsPending(ctx)
			if err != nil {
				t.Fatalf("MigrationsPending after the %s Migrate: %v", pass, err)
			}
			if pending != 0 {
				t.Errorf("%d migrations pending after the %s Migrate, want 0", pending, pass)
			}
		}

		// The migrated schema is usable: an empty catalog at version 0.
		if v := version(t, store); v != 0 {
			t.Errorf("CatalogVersion of a fresh catalog = %d, want 0", v)
		}
		data := load(t, store)
		if data.Version != 0 || entries(data) != 0 {
			t.Errorf("LoadCatalog of a fresh catalog: version %d, %d entries; want 0 and 0", data.Version, entries(data))
		}
	})
}
