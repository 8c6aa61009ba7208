// Package testdb gives tests fresh databases: an SQLite file in a
// temporary folder, and a new database on the PostgreSQL server named by
// TEST_DATABASE_URL, dropped when the test ends. It never skips PostgreSQL:
// without TEST_DATABASE_URL the test fails and says how to run it.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the database/sql driver for the admin connection

	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/seed"
)

// Dialects are the engines every store and API test runs against.
var Dialects = []gormstore.Dialect{gormstore.DialectSQLite, gormstore.DialectPostgres}

// Config returns the configuration of a fresh, empty database of the dialect.
func Config(t testing.TB, dialect gormstore.Dialect) gormstore.Config {
	t.Helper()
	if dialect == gormstore.DialectSQLite {
		return gormstore.Config{SQLitePath: filepath.Join(t.TempDir(), "test.db")}
	}
	return gormstore.Config{DatabaseURL: NewPostgresDatabase(t)}
}

// NewPostgresDatabase creates an empty database on the test server and
// returns its URL; the database is dropped when the test ends.
func NewPostgresDatabase(t testing.TB) string {
	t.Helper()
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		t.Fatal("TEST_DATABASE_URL is not set: run the tests with `make test`, which finds or starts PostgreSQL")
	}
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatalf("opening TEST_DATABASE_URL: %v", err)
	}
	defer db.Close()
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "recert_test_" + hex.EncodeToString(b[:])
	if _, err := db.ExecContext(context.Background(), "CREATE DATABASE "+name); err != nil {
		t.Fatalf("creating test database: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err != nil {
			t.Errorf("dropping test database: %v", err)
			return
		}
		defer db.Close()
		if _, err := db.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL is not a URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// Open returns a migrated store on a fresh database of the dialect.
func Open(t testing.TB, dialect gormstore.Dialect, counter *gormstore.StatementCounter) *gormstore.Store {
	t.Helper()
	cfg := Config(t, dialect)
	cfg.Counter = counter
	ctx := context.Background()
	store, err := gormstore.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("opening %s store: %v", dialect, err)
	}
	t.Cleanup(func() { _ = store.Close() })
	if err := store.Migrate(ctx); err != nil {
		t.Fatalf("migrating %s store: %v", dialect, err)
	}
	return store
}

// OpenSeeded returns a migrated store on a fresh database, with the seed
// catalog loaded.
func OpenSeeded(t testing.TB, dialect gormstore.Dialect, counter *gormstore.StatementCounter) *gormstore.Store {
	t.Helper()
	store := Open(t, dialect, counter)
	if _, err := seed.Apply(context.Background(), store); err != nil {
		t.Fatalf("seeding %s store: %v", dialect, err)
	}
	return store
}
