package readreplica

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/plugin/dbresolver"

	"github.com/mssc/recert/internal/primaryread"
)

// replicaProbeEvery is how often each replica's health and lag are read.
const replicaProbeEvery = 250 * time.Millisecond

// Replicas routes reads to the PostgreSQL read replicas that answer and
// keep up, and to the primary when none does. The read pools dbresolver
// is given are the replicas in order followed by the primary, so that
// the policy can always fall back to it.
type Replicas struct {
	// probes are one small pool per replica, for the health checks.
	probes []*sql.DB
	// Healthy says, per replica, whether it answered its last probe with
	// a lag within maxLag.
	Healthy []atomic.Bool
	maxLag  time.Duration
	next    atomic.Uint64
	// ServedByReplica and servedByPrimary count the reads routed.
	ServedByReplica, ServedByPrimary atomic.Int64
	stop                             context.CancelFunc
}

// Resolve picks a healthy replica in turn, or the primary (the last pool)
// when none is healthy.
func (r *Replicas) Resolve(pools []gorm.ConnPool) gorm.ConnPool {
	n := len(r.Healthy)
	start := int(r.next.Add(1))
	for i := range n {
		k := (start + i) % n
		if r.Healthy[k].Load() {
			r.ServedByReplica.Add(1)
			return pools[k]
		}
	}
	r.ServedByPrimary.Add(1)
	return pools[len(pools)-1]
}

// lagQuery reads how far a replica's replay lags behind what it received:
// zero when it replayed all it received (an idle primary sends nothing,
// so the last replay's age means nothing then), and zero on a server that
// is not a replica.
const lagQuery = `SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN 0
  WHEN pg_last_wal_receive_lsn() IS NULL THEN 1e9
  WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
  ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 1e9) END`

// run probes every replica until ctx ends.
func (r *Replicas) run(ctx context.Context) {
	t := time.NewTicker(replicaProbeEvery)
	defer t.Stop()
	for {
		for i, db := range r.probes {
			pctx, cancel := context.WithTimeout(ctx, replicaProbeEvery*2)
			var lag float64
			err := db.QueryRowContext(pctx, lagQuery).Scan(&lag)
			cancel()
			r.Healthy[i].Store(err == nil && lag <= r.maxLag.Seconds())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// UseReplicas registers dbresolver on db with the replicas at urls and
// the primary pc as the last resort, each with a pool of at most maxConns
// connections, and starts probing the replicas.
func UseReplicas(db *gorm.DB, pc *pgx.ConnConfig, urls []string, maxLag time.Duration, maxConns int) (*Replicas, error) {
	r := &Replicas{Healthy: make([]atomic.Bool, len(urls)), maxLag: maxLag}
	var dialectors []gorm.Dialector
	for _, u := range urls {
		rc, err := pgx.ParseConfig(u)
		if err != nil {
			return nil, fmt.Errorf("DATABASE_REPLICA_URLS has a URL that is not a valid PostgreSQL connection string")
		}
		rc.RuntimeParams["timezone"] = "UTC"
		if rc.ConnectTimeout == 0 || rc.ConnectTimeout > time.Second {
			rc.ConnectTimeout = time.Second
		}
		dialectors = append(dialectors, postgres.New(postgres.Config{Conn: stdlib.OpenDB(*rc.Copy())}))
		probe := stdlib.OpenDB(*rc.Copy())
		probe.SetMaxOpenConns(1)
		r.probes = append(r.probes, probe)
	}
	dialectors = append(dialectors, postgres.New(postgres.Config{Conn: stdlib.OpenDB(*pc.Copy())}))
	resolver := dbresolver.Register(dbresolver.Config{Replicas: dialectors, Policy: r}).
		SetMaxOpenConns(maxConns).SetMaxIdleConns(maxConns).SetConnMaxIdleTime(5 * time.Minute)
	if err := db.Use(resolver); err != nil {
		return nil, fmt.Errorf("cannot route reads to the replicas: %v", err)
	}
	// A read whose context wants the primary goes there (internal/primaryread, set by internal/readroute):
	// dbresolver's own routing callbacks are wrapped to mark such a read
	// as a write first.
	for _, p := range []interface {
		Get(string) func(*gorm.DB)
		Replace(string, func(*gorm.DB)) error
	}{db.Callback().Query(), db.Callback().Row(), db.Callback().Raw()} {
		orig := p.Get("gorm:db_resolver")
		if orig == nil {
			return nil, fmt.Errorf("cannot route reads to the replicas: dbresolver's callback is missing")
		}
		if err := p.Replace("gorm:db_resolver", primaryFirst(orig)); err != nil {
			return nil, err
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.stop = cancel
	for i, p := range r.probes {
		var lag float64
		pctx, c := context.WithTimeout(ctx, time.Second)
		err := p.QueryRowContext(pctx, lagQuery).Scan(&lag)
		c()
		r.Healthy[i].Store(err == nil && lag <= maxLag.Seconds())
	}
	go r.run(ctx)
	return r, nil
}

// routedKey marks a statement already sent to the primary by primaryFirst.
const routedKey = "recert:read_route:primary"

// primaryFirst wraps dbresolver's routing callback: a statement whose
// context wants the primary is marked as a write, which routes it there.
func primaryFirst(route func(*gorm.DB)) func(*gorm.DB) {
	return func(tx *gorm.DB) {
		ctx := tx.Statement.Context
		if ctx != nil && primaryread.Wanted(ctx) {
			if _, done := tx.Statement.Settings.Load(routedKey); !done {
				tx.Statement.Settings.Store(routedKey, true)
				// ModifyStatement calls the routing callback again.
				dbresolver.Write.ModifyStatement(tx.Statement)
				return
			}
		}
		route(tx)
	}
}

// Close stops the probes.
func (r *Replicas) Close() {
	r.stop()
	for _, p := range r.probes {
		_ = p.Close()
	}
}
