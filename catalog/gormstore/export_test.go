package gormstore

import (
	"context"
	"io/fs"
)

// MigrateUpTo applies the migrations up to and including version, so that
// a test can store rows as an older schema had them.
func (s *Store) MigrateUpTo(ctx context.Context, version int64) error {
	p, err := s.provider()
	if err != nil {
		return err
	}
	_, err = p.UpTo(ctx, version)
	return err
}

// Exec runs a statement through the store's connection, with its argument
// conversions.
func (s *Store) Exec(ctx context.Context, statement string, args ...any) error {
	return s.db.WithContext(ctx).Exec(statement, args...).Error
}

// MigrateDownTo rolls the migrations back to version.
func (s *Store) MigrateDownTo(ctx context.Context, version int64) error {
	p, err := s.provider()
	if err != nil {
		return err
	}
	_, err = p.DownTo(ctx, version)
	return err
}

// Migrations returns the embedded migrations rendered for dialect, as goose
// reads them.
func Migrations(dialect Dialect) (fs.FS, error) {
	return migrationsFor(dialect)
}

// RenderMigrations parses the migrations/*.sql templates of src and renders
// them for dialect, as the store does with the embedded ones.
func RenderMigrations(src fs.FS, dialect Dialect) (fs.FS, error) {
	templates, err := parseMigrations(src)
	if err != nil {
		return nil, err
	}
	return renderMigrations(templates, dialectWords[dialect])
}
