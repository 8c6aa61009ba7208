package gormstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/pressly/goose/v3/lock"

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

// TestMigrationsPendingDoesNotWaitForTheMigrationLock: /readyz asks on
// every health check, on every instance at once; at head the answer must
// not wait for the advisory lock another instance's migration (or, before,
// its own check) holds, or the balancer's checks time out together.
func TestMigrationsPendingDoesNotWaitForTheMigrationLock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store, err := gormstore.Open(ctx, testdb.Config(t, gormstore.DialectPostgres))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = store.Close() })
	if err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	db, err := store.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	holder, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if _, err := holder.ExecContext(ctx, "SELECT pg_advisory_lock($1)", lock.DefaultLockID); err != nil {
		t.Fatal(err)
	}
	defer func() { _, _ = holder.ExecContext(ctx, "SELECT pg_advisory_unlock($1)", lock.DefaultLockID) }()
	// goose retries a held lock every 5 s for 5 minutes; the deadline only
	// ends the test if MigrationsPending waits for it.
	waitCtx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	pending, err := store.MigrationsPending(waitCtx)
	if err != nil || pending != 0 {
		t.Fatalf("with the migration lock held elsewhere, MigrationsPending = %d, %v; want 0 at once", pending, err)
	}
}
