package gormstore

import (
	"context"
	"fmt"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

func (s *Store) provider() (*goose.Provider, error) {
	sqlDB, err := s.db.DB()
	if err != nil {
		return nil, err
	}
	fsys, err := migrationsFor(s.dialect)
	if err != nil {
		return nil, err
	}
	var opts []goose.ProviderOption
	dialect := goose.DialectSQLite3
	if s.dialect == DialectPostgres {
		dialect = goose.DialectPostgres
		// An advisory lock keeps several instances starting at once from
		// applying the same migration twice.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	return goose.NewProvider(dialect, sqlDB, fsys, opts...)
}

// Migrate applies every migration not yet applied; goose records them in
// the goose_db_version table.
func (s *Store) Migrate(ctx context.Context) error {
	p, err := s.provider()
	if err != nil {
		return fmt.Errorf("preparing migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("applying migrations: %w", err)
	}
	return nil
}

// MigrationsPending reports how many migrations are not yet applied.
// /readyz asks it on every health check, so at head it reads the applied
// versions without the migration lock: goose's Status takes that
// advisory lock and, finding it held by another instance's check, waits
// 5 s before trying again, far past a balancer's check timeout (which
// took every instance out of HAProxy at once in make scaletest). Only
// when some are pending does it count them under the lock.
func (s *Store) MigrationsPending(ctx context.Context) (int, error) {
	p, err := s.provider()
	if err != nil {
		return 0, err
	}
	if pending, err := p.HasPending(ctx); err != nil {
		return 0, mapError(err)
	} else if !pending {
		return 0, nil
	}
	statuses, err := p.Status(ctx)
	if err != nil {
		return 0, mapError(err)
	}
	n := 0
	for _, st := range statuses {
		if st.State == goose.StatePending {
			n++
		}
	}
	return n, nil
}
