package ratelimit_test

import (
	"context"
	"testing"
	"time"

	"github.com/mssc/recert/internal/ratelimit"
	"github.com/mssc/recert/internal/redisconn"
	"github.com/mssc/recert/internal/redistest"
	"github.com/mssc/recert/internal/together"
)

// Three stores on one Redis stand for three instances: a client's budget
// is one budget, however its operations are spread.
func TestRedisBudgetIsSharedAcrossInstances(t *testing.T) {
	conn, prefix := redistest.Open(t)
	ctx := context.Background()
	var stores []*ratelimit.RedisStore
	for range 3 {
		stores = append(stores, ratelimit.NewRedis(conn.Client, prefix, 100, 0.001))
	}
	admitted := together.Count(60, func(i int) bool {
		_, ok, err := stores[i%3].Reserve(ctx, "sub:alice", 7)
		if err != nil {
			t.Error(err)
		}
		return ok
	})
	if got := 7 * admitted; got > 100 || got < 100-7 {
		t.Fatalf("admitted %d points of a budget of 100 across three instances; want within one operation (7) of it", got)
	}
	st, ok, err := stores[0].Reserve(ctx, "sub:alice", 7)
	if err != nil || ok {
		t.Fatalf("a reservation past the budget was made (ok=%v, err=%v)", ok, err)
	}
	if st.RetryAfter <= 0 {
		t.Fatalf("a refused reservation has no wait: %+v", st)
	}
	if _, ok, _ := stores[1].Reserve(ctx, "sub:bob", 7); !ok {
		t.Fatal("another client's budget was spent by alice")
	}
}

// Settling gives back what an operation did not spend, on any instance,
// and takes more, into debt, when it spent more.
func TestRedisSettleGivesBackAndTakes(t *testing.T) {
	conn, prefix := redistest.Open(t)
	ctx := context.Background()
	a := ratelimit.NewRedis(conn.Client, prefix, 50, 0.001)
	b := ratelimit.NewRedis(conn.Client, prefix, 50, 0.001)
	if _, ok, err := a.Reserve(ctx, "k", 40); !ok || err != nil {
		t.Fatalf("reserve: %v %v", ok, err)
	}
	st, err := b.Settle(ctx, "k", 40, 10)
	if err != nil || st.Remaining != 40 {
		t.Fatalf("after settling 40 reserved for 10 spent: remaining %d, err %v; want 40", st.Remaining, err)
	}
	st, err = a.Settle(ctx, "k", 0, 50)
	if err != nil || st.Remaining != -10 {
		t.Fatalf("after spending 50 unreserved: remaining %d, err %v; want -10", st.Remaining, err)
	}
	if p := b.Peek(ctx, "k"); p.Remaining != -10 {
		t.Fatalf("peek sees %d; want -10", p.Remaining)
	}
}

// The budget comes back at the restore rate, on Redis's clock.
func TestRedisBudgetRestores(t *testing.T) {
	conn, prefix := redistest.Open(t)
	ctx := context.Background()
	s := ratelimit.NewRedis(conn.Client, prefix, 10, 100)
	if _, ok, _ := s.Reserve(ctx, "k", 10); !ok {
		t.Fatal("the first reservation was refused")
	}
	if _, ok, _ := s.Reserve(ctx, "k", 10); ok {
		t.Fatal("a second full reservation was made at once")
	}
	deadline := time.Now().Add(2 * time.Second)
	for {
		if _, ok, _ := s.Reserve(ctx, "k", 10); ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the budget did not come back within 2 s at 100 points a second")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// With Redis unreachable the fallback spends from a per-process budget:
// it neither refuses everyone nor lets a client spend without bound, and
// it says Redis is down.
func TestFallbackKeepsPerProcessBudgetsWhenRedisIsDown(t *testing.T) {
	conn := redistest.Unreachable(t)
	conn.MarkDown()
	store := ratelimit.NewFallback(ratelimit.NewRedis(conn.Client, "x:", 20, 0.001), ratelimit.New(20, 0.001, nil), conn)
	ctx := context.Background()
	admitted := 0
	for range 10 {
		_, ok, err := store.Reserve(ctx, "k", 5)
		if err != nil {
			t.Fatalf("the fallback passed on an error: %v", err)
		}
		if ok {
			admitted += 5
		}
	}
	if admitted != 20 {
		t.Fatalf("admitted %d points with Redis down; want the per-process budget, 20", admitted)
	}
	if conn.Up() {
		t.Fatal("Redis is reported up")
	}
}

// A Redis that fails mid-way is marked down at its first failure and the
// operation is served from the per-process budget.
func TestFallbackMarksRedisDownOnError(t *testing.T) {
	conn := redistest.Unreachable(t)
	healthy := &forcedUp{Conn: conn}
	store := ratelimit.NewFallback(ratelimit.NewRedis(conn.Client, "x:", 20, 0.001), ratelimit.New(20, 0.001, nil), healthy)
	if _, ok, err := store.Reserve(context.Background(), "k", 5); !ok || err != nil {
		t.Fatalf("reserve with Redis failing: ok=%v err=%v; want served locally", ok, err)
	}
	if !healthy.markedDown {
		t.Fatal("the failure was not recorded")
	}
}

// A reservation whose context has already ended is served from the
// per-process budget, and Redis stays up: a client that hangs up says
// nothing about Redis, and marking it down then would let any client
// switch an instance to per-process budgets, multiplying what it may
// spend by the number of instances.
func TestAnEndedContextDoesNotMarkRedisDown(t *testing.T) {
	conn, prefix := redistest.Open(t)
	healthy := &forcedUp{Conn: conn}
	store := ratelimit.NewFallback(ratelimit.NewRedis(conn.Client, prefix, 20, 0.001), ratelimit.New(20, 0.001, nil), healthy)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, ok, err := store.Reserve(ctx, "k", 5)
	if !ok || err != nil {
		t.Fatalf("reserve with an ended context: ok=%v err=%v; want served locally", ok, err)
	}
	if _, err := store.Settle(ctx, "k", 5, 5); err != nil {
		t.Fatalf("settle with an ended context: %v", err)
	}
	if healthy.markedDown || !conn.Up() {
		t.Fatal("a client's ended context marked Redis down")
	}
}

// forcedUp claims Redis is up until it is marked down.
type forcedUp struct {
	*redisconn.Conn
	markedDown bool
}

func (f *forcedUp) Up() bool  { return !f.markedDown }
func (f *forcedUp) MarkDown() { f.markedDown = true; f.Conn.MarkDown() }
