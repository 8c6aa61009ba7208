package observe

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// An unreachable Redis or replica is reported by /readyz without taking
// the process out of the load balancer: each falls back on its own.
func TestReadyzReportsSharedBudgetsAndReplicasWithoutFailing(t *testing.T) {
	for _, tc := range []struct {
		redis, wantBudgets, wantReplicas string
		healthy, total                   int
	}{
		{"up", "shared (redis)", "1 of 1 healthy", 1, 1},
		{"down", "per-process (redis unreachable)", "0 of 2 healthy", 0, 2},
		{"off", "per-process", "", 0, 0},
	} {
		h := Readyz(Readiness{
			Database:          func(context.Context) error { return nil },
			PendingMigrations: func(context.Context) (int, error) { return 0, nil },
			CatalogLoaded:     func() bool { return true },
			SharedBudgets:     func() string { return tc.redis },
			Replicas:          func() (int, int) { return tc.healthy, tc.total },
		})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		var body struct {
			Checks map[string]string `json:"checks"`
		}
		_ = json.Unmarshal(rec.Body.Bytes(), &body)
		if rec.Code != http.StatusOK || body.Checks["budgets"] != tc.wantBudgets || body.Checks["replicas"] != tc.wantReplicas {
			t.Errorf("redis %s, replicas %d of %d: %d %s", tc.redis, tc.healthy, tc.total, rec.Code, rec.Body.String())
		}
	}
}

// A draining instance answers 503 though every check passes, so that the
// load balancer takes it out while it still serves.
func TestReadyzIsNotReadyWhileDraining(t *testing.T) {
	draining := false
	h := Readyz(Readiness{
		Database:          func(context.Context) error { return nil },
		PendingMigrations: func(context.Context) (int, error) { return 0, nil },
		CatalogLoaded:     func() bool { return true },
		Draining:          func() bool { return draining },
	})
	for _, want := range []int{http.StatusOK, http.StatusServiceUnavailable} {
		draining = want != http.StatusOK
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		var body struct {
			Checks map[string]string `json:"checks"`
		}
		_ = json.Unmarshal(rec.Body.Bytes(), &body)
		if rec.Code != want || (draining && body.Checks["shutdown"] != "draining") {
			t.Errorf("draining %v: %d %s", draining, rec.Code, rec.Body.String())
		}
	}
}
