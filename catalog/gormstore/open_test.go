package gormstore_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/testdb"
)

func TestOpenFailures(t *testing.T) {
	t.Parallel()
	const password = "s3cretpw"
	type openCase struct {
		name      string
		cfg       func(t *testing.T) gormstore.Config
		wantIn    []string // the error names these
		wantNotIn []string // and never echoes these
	}
	cases := map[gormstore.Dialect][]openCase{
		gormstore.DialectPostgres: {
			{
				name: "unreachable server",
				cfg: func(*testing.T) gormstore.Config {
					return gormstore.Config{DatabaseURL: "postgres://user:" + password + "@127.0.0.1:1/db?connect_timeout=2"}
				},
				wantIn:    []string{"127.0.0.1:1"},
				wantNotIn: []string{password, "user:"},
			},
			{
				name: "unreachable server, key=value form",
				cfg: func(*testing.T) gormstore.Config {
					return gormstore.Config{DatabaseURL: "host=127.0.0.1 port=1 user=user password=" + password + " dbname=db connect_timeout=2"}
				},
				wantIn:    []string{"127.0.0.1:1"},
				wantNotIn: []string{password},
			},
			{
				name: "invalid URL: bad port",
				cfg: func(*testing.T) gormstore.Config {
					return gormstore.Config{DatabaseURL: "postgres://user:" + password + "@127.0.0.1:notaport/db"}
				},
				wantIn:    []string{"DATABASE_URL"},
				wantNotIn: []string{password, "notaport", "user:"},
			},
			{
				name: "invalid URL: bad sslmode",
				cfg: func(*testing.T) gormstore.Config {
					return gormstore.Config{DatabaseURL: "postgres://user:" + password + "@127.0.0.1:5432/db?sslmode=sometimes"}
				},
				wantIn:    []string{"DATABASE_URL"},
				wantNotIn: []string{password, "sometimes", "user:"},
			},
		},
		gormstore.DialectSQLite: {
			{
				name: "folder cannot be created",
				cfg: func(t *testing.T) gormstore.Config {
					file := filepath.Join(t.TempDir(), "not-a-folder")
					if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
						t.Fatal(err)
					}
					return gormstore.Config{SQLitePath: filepath.Join(file, "sub", "recert.db")}
				},
				wantIn: []string{"not-a-folder"},
			},
		},
	}
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		if len(cases[dialect]) == 0 {
			t.Fatalf("no cases for %s", dialect)
		}
		for _, tc := range cases[dialect] {
			t.Run(tc.name, func(t *testing.T) {
				store, err := gormstore.Open(context.Background(), tc.cfg(t))
				if err == nil {
					_ = store.Close()
					t.Fatal("Open succeeded")
				}
				for _, s := range tc.wantIn {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q does not name %q", err, s)
					}
				}
				for _, s := range tc.wantNotIn {
					if strings.Contains(err.Error(), s) {
						t.Errorf("error %q contains %q", err, s)
					}
				}
			})
		}
	})
}

func TestOpenSucceeds(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		store, err := gormstore.Open(context.Background(), testdb.Config(t, dialect))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if store.Dialect() != dialect {
			t.Errorf("Dialect() = %q, want %q", store.Dialect(), dialect)
		}
		if err := store.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
}
