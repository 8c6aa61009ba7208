package stack

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/catalogfeed"
	"github.com/mssc/recert/internal/idlemem"
	"github.com/mssc/recert/internal/observe"
	"github.com/mssc/recert/internal/respcache"
)

// responseCacheEntries bounds the catalog answers kept in memory.
const responseCacheEntries = 2048

// answerEntries bounds the whole answers the HTTP layer keeps by the exact
// request. With tracing on there are none, so that every operation runs
// through the executor and has its spans.
func answerEntries(tracingOn bool) int {
	if tracingOn {
		return 0
	}
	return responseCacheEntries
}

// idleAfter is how long the API must go without a request for the service
// to give the memory of the last busy spell back (internal/idlemem).
const idleAfter = time.Second

// persistedQueryEntries bounds the automatic persisted queries kept.
const persistedQueryEntries = 1000

// readyClock describes the development clock for /readyz, or nil when the
// service runs on the real clock.
func readyClock(setting catalog.ClockSetting, clock func() time.Time) func() map[string]string {
	if setting.IsReal() {
		return nil
	}
	return func() map[string]string {
		return map[string]string{"setting": setting.String(), "today": catalog.DateOf(clock()).String(), "realToday": catalog.DateOf(time.Now().UTC()).String()}
	}
}

// servedBy names the instance that answered in the X-Served-By header,
// so that a client behind a load balancer can tell the instances apart.
func servedBy(name string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Served-By", name)
		next.ServeHTTP(w, r)
	})
}

// routes mounts the GraphQL API behind the HTTP cache with the health and
// metrics endpoints and the catalog downloads beside it, and logs every request; the API's requests
// tell idle when the service goes quiet, and /readyz fails while draining says so.
func routes(api http.Handler, cache *respcache.Cache, metrics *observe.Metrics, idle *idlemem.Tracker, store *gormstore.Store, cat *catalog.Catalog, shared *sharedState,
	draining func() bool, clockSetting catalog.ClockSetting, clock func() time.Time, logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/healthz", observe.Healthz())
	mux.Handle("/readyz", observe.Readyz(observe.Readiness{
		Database: func(ctx context.Context) error {
			db, err := store.SQLDB()
			if err != nil {
				return err
			}
			return db.PingContext(ctx)
		},
		PendingMigrations: store.MigrationsPending,
		CatalogLoaded:     cat.Loaded,
		Clock:             readyClock(clockSetting, clock),
		SharedBudgets:     shared.redisUp,
		Replicas:          store.ReplicasHealthy,
		Draining:          draining,
	}))
	mux.Handle("/metrics", metrics.Handler())
	catalogfeed.New(cat, logger).Register(mux)
	mux.Handle("/", idle.Track(cache.HTTP(api)))
	return servedBy(shared.name, observe.Log(logger, metrics, mux))
}
