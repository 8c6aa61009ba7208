package apitest

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/httpapi"
	"github.com/mssc/recert/internal/ratelimit"
)

// TestParallelRequestsNeverRunPastTheBudget sends one principal's
// operations in parallel, on PostgreSQL: each reserves its cost before it
// runs, so no more of them run than the budget allows, however they
// interleave.
func TestParallelRequestsNeverRunPastTheBudget(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)}
	e := newEnvWith(t, gormstore.DialectPostgres, func(c *httpapi.Config) {
		c.RateLimiter = ratelimit.New(100, 10, clock.now)
	})
	staff := e.token(t, catalog.RoleStaff, "staff-1")
	// 31 points each (see TestCostIsChargedToEachClientsBudget): a budget
	// of 100 runs three of them.
	const q = `{ candidates(first: 15) { totalCount nodes { id heldCertifications { program } } } }`
	for round := range 3 {
		const parallel = 24
		var wg sync.WaitGroup
		start := make(chan struct{})
		statuses := make(chan int, parallel)
		for range parallel {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				statuses <- e.post(t, staff, q, nil).Status
			}()
		}
		close(start)
		wg.Wait()
		close(statuses)
		ran, refused := 0, 0
		for s := range statuses {
			switch s {
			case http.StatusOK:
				ran++
			case http.StatusTooManyRequests:
				refused++
			default:
				t.Errorf("round %d: status %d", round, s)
			}
		}
		if ran != 3 || refused != parallel-3 {
			t.Fatalf("round %d: %d operations of 31 points ran and %d were refused on a budget of 100; want 3 and %d",
				round, ran, refused, parallel-3)
		}
		// 93 points were spent: restore them for the next round.
		clock.advance(10 * time.Second)
	}
	if s := e.post(t, staff, q, nil); s.Status != http.StatusOK {
		t.Fatalf("after the rounds: %d %s", s.Status, s.Body)
	} else if _, remaining, cost := budget(t, s); remaining != 100-31 || num(cost["actual"]) != 31 {
		t.Errorf("refused operations were charged: remaining %d, cost %v", remaining, cost)
	}
}
