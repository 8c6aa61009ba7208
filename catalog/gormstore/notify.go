package gormstore

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore/tables"
)

// catalogChannel is the PostgreSQL channel catalog versions are announced on.
const catalogChannel = "recert_catalog_changes"

// nextVersion moves the catalog version on inside tx; on PostgreSQL it also
// queues a NOTIFY, which every listening process hears when tx commits.
func (s *Store) nextVersion(tx *gorm.DB) (int64, error) {
	err := tx.Model(&tables.CatalogStateRow{}).Where("id = ?", 1).
		Updates(map[string]any{"version": gorm.Expr("version + 1"), "updated_at": time.Now().UTC()}).Error
	if err != nil {
		return 0, err
	}
	var st tables.CatalogStateRow
	if err := tx.Take(&st, 1).Error; err != nil {
		return 0, err
	}
	return st.Version, s.notify(tx, st.Version)
}

// notify tells every server process on PostgreSQL of the version when the
// transaction commits.
func (s *Store) notify(tx *gorm.DB, version int64) error {
	if s.dialect != DialectPostgres {
		return nil
	}
	return tx.Exec("SELECT pg_notify(?, ?)", catalogChannel, strconv.FormatInt(version, 10)).Error
}

// announce tells this process's listeners of a committed version on
// SQLite, which has no NOTIFY and serves one process.
func (s *Store) announce(version int64) {
	if s.dialect == DialectSQLite {
		s.local.publish(version)
	}
}

// localListeners are the in-process listeners of catalog versions.
type localListeners struct {
	mu  sync.Mutex
	fns map[int]func(int64)
	id  int
}

func (l *localListeners) add(fn func(int64)) func() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fns == nil {
		l.fns = map[int]func(int64){}
	}
	l.id++
	id := l.id
	l.fns[id] = fn
	return func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		delete(l.fns, id)
	}
}

func (l *localListeners) publish(version int64) {
	l.mu.Lock()
	fns := make([]func(int64), 0, len(l.fns))
	for _, fn := range l.fns {
		fns = append(fns, fn)
	}
	l.mu.Unlock()
	for _, fn := range fns {
		fn(version)
	}
}

// ListenCatalogChanges calls fn with every catalog version any server
// process commits, until ctx ends. On PostgreSQL it holds its own
// connection listening on the change channel, and after losing it
// reconnects and reports the current version, so no change is missed.
func (s *Store) ListenCatalogChanges(ctx context.Context, fn func(version int64)) {
	if s.dialect != DialectPostgres {
		remove := s.local.add(fn)
		if v, err := s.CatalogVersion(ctx); err == nil {
			fn(v)
		}
		<-ctx.Done()
		remove()
		return
	}
	s.listenChannel(ctx, catalogChannel, "SELECT version FROM catalog_state WHERE id = 1", fn)
}

// listenChannel calls fn with the version versionQuery reads when it
// connects, then with every version announced on channel, until ctx
// ends; after losing its connection it reports LostChanges and
// reconnects.
func (s *Store) listenChannel(ctx context.Context, channel, versionQuery string, fn func(version int64)) {
	backoff := 100 * time.Millisecond
	for ctx.Err() == nil {
		if err := s.listen(ctx, channel, versionQuery, fn); err == nil || ctx.Err() != nil {
			return
		}
		fn(catalog.LostChanges)
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

func (s *Store) listen(ctx context.Context, channel, versionQuery string, fn func(int64)) error {
	conn, err := pgx.ConnectConfig(ctx, s.pgConfig.Copy())
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+channel); err != nil {
		return err
	}
	var version int64
	if err := conn.QueryRow(ctx, versionQuery).Scan(&version); err != nil {
		return err
	}
	fn(version)
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if v, err := strconv.ParseInt(n.Payload, 10, 64); err == nil {
			fn(v)
		}
	}
}
