package gormstore_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/testdb"
)

// sqlWords are fragments of SQL that a user-facing message must not carry.
var sqlWords = []string{"SELECT", "INSERT", "UPDATE", "DELETE", " FROM ", " WHERE ", "catalog_state", "certifications", "$1", "sql:", "SQLSTATE"}

func wantCatalogError(t *testing.T, err error, code catalog.Code) *catalog.Error {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	var ce *catalog.Error
	if !errors.As(err, &ce) {
		t.Fatalf("error %q (%T) is not a *catalog.Error", err, err)
	}
	if code != "" && ce.Code != code {
		t.Errorf("code %s, want %s (error %q, cause %v)", ce.Code, code, ce, ce.Err)
	}
	if ce.Message == "" {
		t.Error("empty message")
	}
	for _, w := range sqlWords {
		if strings.Contains(ce.Error(), w) {
			t.Errorf("message %q contains %q", ce.Error(), w)
		}
	}
	return ce
}

func TestClosedStoreErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		call func(ctx context.Context, s *gormstore.Store) error
	}{
		{"CatalogVersion", func(ctx context.Context, s *gormstore.Store) error {
			_, err := s.CatalogVersion(ctx)
			return err
		}},
		{"LoadCatalog", func(ctx context.Context, s *gormstore.Store) error {
			_, err := s.LoadCatalog(ctx)
			return err
		}},
		{"MigrationsPending", func(ctx context.Context, s *gormstore.Store) error {
			_, err := s.MigrationsPending(ctx)
			return err
		}},
		{"ApplySeed", func(ctx context.Context, s *gormstore.Store) error {
			_, err := s.ApplySeed(ctx, &catalog.Data{})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
				store := testdb.Open(t, dialect, nil)
				if err := store.Close(); err != nil {
					t.Fatalf("Close: %v", err)
				}
				wantCatalogError(t, tt.call(context.Background(), store), "")
			})
		})
	}
}

func TestCanceledContextIsUnavailable(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		store := testdb.Open(t, dialect, nil)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := store.LoadCatalog(ctx)
		wantCatalogError(t, err, catalog.CodeUnavailable)
	})
}

func TestMissingCatalogStateIsNotFound(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		store := testdb.Open(t, dialect, nil)
		exec(t, store, "DELETE FROM catalog_state WHERE id = ?", 1)
		_, err := store.CatalogVersion(context.Background())
		wantCatalogError(t, err, catalog.CodeNotFound)
	})
}

func TestApplySeedErrorsRollBack(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		edit func(t *testing.T, d *catalog.Data)
		code catalog.Code
	}{
		{"display name already taken", func(t *testing.T, d *catalog.Data) {
			c := *byKey(t, d.Certifications, "aws-cwi")
			c.Key, c.Aliases = "aws-cwi-copy", nil
			d.Certifications = append(d.Certifications, c)
		}, catalog.CodeConflict},
		{"unknown organization", func(t *testing.T, d *catalog.Data) {
			c := *byKey(t, d.Certifications, "aws-cwi")
			c.Key, c.DisplayName, c.OrganizationKey, c.Aliases = "xyz-cwi", "XYZ Welding Inspector", "xyz", nil
			d.Certifications = append(d.Certifications, c)
		}, catalog.CodeBadUserInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
				store, seeded, before := seeded(t, dialect, seedData(t))

				// The bad entry comes after an edit, which must be rolled back too.
				data := seedData(t)
				byKey(t, data.Organizations, "aws").URL = "https://example.com/rolled-back"
				tt.edit(t, data)
				_, err := store.ApplySeed(context.Background(), data)
				wantCatalogError(t, err, tt.code)

				if v := version(t, store); v != seeded.Version {
					t.Errorf("CatalogVersion %d after a failed seed, want %d", v, seeded.Version)
				}
				after := load(t, store)
				sameContent(t, after, before)
			})
		})
	}
}
