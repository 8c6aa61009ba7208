package gormstore

import "context"

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
