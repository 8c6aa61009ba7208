// Package gormstore implements catalog.Store with gorm, on PostgreSQL or on
// an embedded, pure-Go SQLite file.
package gormstore

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/mssc/recert/catalog/gormstore/readreplica"
	"github.com/uptrace/opentelemetry-go-extra/otelgorm"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the database engine behind a Store.
type Dialect string

// The supported engines.
const (
	// DialectPostgres is PostgreSQL, for production.
	DialectPostgres Dialect = "postgres"
	// DialectSQLite is the embedded SQLite file, when no database is configured.
	DialectSQLite Dialect = "sqlite"
)

// Config says which database to open.
type Config struct {
	// DatabaseURL is a PostgreSQL connection string; when empty the
	// embedded SQLite file at SQLitePath is used.
	DatabaseURL string
	// SQLitePath is the embedded database file; its folder is created.
	SQLitePath string
	// ConnectTimeout bounds the first connection; zero means 10 seconds.
	ConnectTimeout time.Duration
	// Counter, when set, counts every SQL statement the store executes.
	Counter *StatementCounter
	// Tracing adds an OpenTelemetry span for every SQL statement, sent to
	// the global tracer provider. Spans carry the statement's text with
	// placeholders, never its values, which may be personal.
	Tracing bool
	// ReplicaURLs are PostgreSQL read replicas of DatabaseURL (replica.go).
	ReplicaURLs []string
	// ReplicaMaxLag is the most a replica may lag behind and still serve
	// reads; zero means 5 seconds.
	ReplicaMaxLag time.Duration
}

// maxPostgresConns bounds the pool of PostgreSQL connections. Catalog reads
// run no SQL, so the pool serves writes and personal reads, and a
// PostgreSQL server does the most work with a few connections per core
// (PostgreSQL's rule of thumb: twice the cores, plus the disks); each
// idle connection still holds its buffers and statement cache.
const maxPostgresConns = 10

// Store is the gorm implementation of the catalog's storage interfaces.
type Store struct {
	db      *gorm.DB
	dialect Dialect
	// pgConfig connects the catalog-change listener on PostgreSQL.
	pgConfig *pgx.ConnConfig
	// local announces catalog changes within this process on SQLite.
	local localListeners
	// localReviews announces changes of the open reviews within this
	// process on SQLite.
	localReviews localListeners
	// replicas route reads to PostgreSQL read replicas; nil without.
	replicas *readreplica.Replicas
}

// Open connects to the configured database and checks that it answers.
// Its errors name the database host and never the password.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	timeout := cfg.ConnectTimeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	var log logger.Interface = logger.Discard
	if cfg.Counter != nil {
		log = cfg.Counter
	}
	gcfg := &gorm.Config{Logger: log, DisableAutomaticPing: true, TranslateError: true}
	var (
		db       *gorm.DB
		dialect  Dialect
		where    string
		err      error
		pgConfig *pgx.ConnConfig
	)
	if cfg.DatabaseURL != "" {
		dialect = DialectPostgres
		pc, perr := pgx.ParseConfig(cfg.DatabaseURL)
		if perr != nil {
			return nil, fmt.Errorf("DATABASE_URL is not a valid PostgreSQL connection string (postgres://user@host:port/dbname)")
		}
		where = net.JoinHostPort(pc.Host, fmt.Sprint(pc.Port))
		// Dates and times are exchanged in UTC whatever the server's zone.
		pc.RuntimeParams["timezone"] = "UTC"
		// Every new connection gives up after the timeout, so that a write
		// fails fast with UNAVAILABLE while the database is down.
		if pc.ConnectTimeout == 0 || pc.ConnectTimeout > timeout {
			pc.ConnectTimeout = timeout
		}
		pgConfig = pc.Copy()
		db, err = gorm.Open(postgres.New(postgres.Config{Conn: stdlib.OpenDB(*pc)}), gcfg)
	} else {
		dialect = DialectSQLite
		where = cfg.SQLitePath
		if mkErr := os.MkdirAll(filepath.Dir(cfg.SQLitePath), 0o755); mkErr != nil {
			return nil, fmt.Errorf("cannot create the folder of the embedded database %s: %v", where, mkErr)
		}
		dsn := "file:" + cfg.SQLitePath + "?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)"
		db, err = openSQLite(dsn, gcfg)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open the database at %s: %v", where, redact(err, cfg.DatabaseURL))
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("cannot open the database at %s: %v", where, redact(err, cfg.DatabaseURL))
	}
	if cfg.Tracing {
		if err := db.Use(otelgorm.NewPlugin(otelgorm.WithoutMetrics(), otelgorm.WithoutQueryVariables())); err != nil {
			return nil, fmt.Errorf("cannot trace the database: %v", err)
		}
	}
	if dialect == DialectSQLite {
		// SQLite allows one writer at a time; one connection keeps
		// transactions from failing with "database is locked".
		sqlDB.SetMaxOpenConns(1)
	} else {
		sqlDB.SetMaxOpenConns(maxPostgresConns)
		sqlDB.SetMaxIdleConns(maxPostgresConns)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	}
	pingCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := sqlDB.PingContext(pingCtx); err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("cannot reach the database at %s: %s", where, reason(err, cfg.DatabaseURL))
	}
	store := &Store{db: db, dialect: dialect, pgConfig: pgConfig}
	if len(cfg.ReplicaURLs) > 0 {
		if dialect != DialectPostgres {
			_ = sqlDB.Close()
			return nil, fmt.Errorf("read replicas need a PostgreSQL DATABASE_URL")
		}
		maxLag := cfg.ReplicaMaxLag
		if maxLag == 0 {
			maxLag = 5 * time.Second
		}
		if store.replicas, err = readreplica.UseReplicas(db, pgConfig, cfg.ReplicaURLs, maxLag, maxPostgresConns); err != nil {
			_ = sqlDB.Close()
			return nil, err
		}
	}
	return store, nil
}

// Dialect returns the engine behind the store.
func (s *Store) Dialect() Dialect { return s.dialect }

// SQLDB returns the underlying connection pool.
func (s *Store) SQLDB() (*sql.DB, error) { return s.db.DB() }

// Close closes the connection pool.
func (s *Store) Close() error {
	if s.replicas != nil {
		s.replicas.Close()
	}
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// PostgresConfig returns the PostgreSQL connection settings, or nil on the
// embedded SQLite file; the delivery queue opens its own pool with them.
func (s *Store) PostgresConfig() *pgx.ConnConfig {
	if s.pgConfig == nil {
		return nil
	}
	return s.pgConfig.Copy()
}
