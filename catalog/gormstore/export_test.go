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
