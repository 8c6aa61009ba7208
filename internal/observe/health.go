package observe

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Readiness are the checks /readyz runs.
type Readiness struct {
	// Database pings the database.
	Database func(ctx context.Context) error
	// PendingMigrations counts the migrations not yet applied.
	PendingMigrations func(ctx context.Context) (int, error)
	// CatalogLoaded reports whether the catalog snapshot is in memory.
	CatalogLoaded func() bool
	// Clock describes the development clock, shown as "clock" so that
	// nobody mistakes its day for the real one; nil on the real clock.
	Clock func() map[string]string
	// SharedBudgets, when set, says whether the shared budgets' Redis is
	// "off", "up" or "down"; down is reported but is no reason to refuse
	// traffic, since each process then keeps its own budgets.
	SharedBudgets func() string
	// Replicas, when set, counts the healthy read replicas of all; none
	// healthy is reported but reads then go to the primary.
	Replicas func() (healthy, total int)
	// Draining, when set and true, says the instance is shutting down:
	// /readyz answers 503 with "shutdown": "draining" while requests are
	// still served, so that a load balancer stops sending new ones first.
	Draining func() bool
	// Timeout bounds the checks; zero means 2 seconds.
	Timeout time.Duration
}

// Healthz answers 200 while the process runs.
func Healthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
	})
}

// Readyz answers 200 when the database answers, the migrations are at
// head and the catalog is loaded, and 503 naming what is not, or while
// the instance drains before it stops.
func Readyz(r Readiness) http.Handler {
	timeout := r.Timeout
	if timeout == 0 {
		timeout = 2 * time.Second
	}
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx, cancel := context.WithTimeout(req.Context(), timeout)
		defer cancel()
		checks := map[string]string{"database": "ok", "migrations": "ok", "catalog": "ok"}
		ready := true
		if err := r.Database(ctx); err != nil {
			checks["database"], ready = "unreachable", false
		}
		if n, err := r.PendingMigrations(ctx); err != nil {
			checks["migrations"], ready = "unknown", false
		} else if n > 0 {
			checks["migrations"], ready = "pending", false
		}
		if !r.CatalogLoaded() {
			checks["catalog"], ready = "not loaded", false
		}
		if r.Draining != nil && r.Draining() {
			checks["shutdown"], ready = "draining", false
		}
		if r.SharedBudgets != nil {
			switch r.SharedBudgets() {
			case "up":
				checks["budgets"] = "shared (redis)"
			case "down":
				checks["budgets"] = "per-process (redis unreachable)"
			default:
				checks["budgets"] = "per-process"
			}
		}
		if r.Replicas != nil {
			if healthy, total := r.Replicas(); total > 0 {
				checks["replicas"] = fmt.Sprintf("%d of %d healthy", healthy, total)
			}
		}
		status, word := http.StatusOK, "ready"
		if !ready {
			status, word = http.StatusServiceUnavailable, "not ready"
		}
		answer := map[string]any{"status": word, "checks": checks}
		if r.Clock != nil {
			answer["clock"] = r.Clock()
		}
		writeJSON(w, status, answer)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
