package streamlimit_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/mssc/recert/internal/redistest"
	"github.com/mssc/recert/internal/streamlimit"
	"github.com/mssc/recert/internal/together"
)

// Three processes on one Redis count one client's streams together: the
// cap holds across them, even when they acquire in parallel. A place
// given back by the process that held it goes to another process; a
// release by a process that held nothing frees no one else's place.
func TestRedisCapHoldsAcrossProcesses(t *testing.T) {
	conn, prefix := redistest.Open(t)
	ctx := context.Background()
	var procs []*streamlimit.Redis
	for _, id := range []string{"p1", "p2", "p3"} {
		p := streamlimit.NewRedis(conn.Client, prefix, id, 10*time.Second)
		if err := p.Renew(ctx); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, p)
	}
	acquired := together.Run(30, func(i int) bool {
		ok, err := procs[i%3].Acquire(ctx, "streams:alice", 5)
		if err != nil {
			t.Error(err)
		}
		return ok
	})
	held := make([]int, len(procs))
	for i, ok := range acquired {
		if ok {
			held[i%3]++
		}
	}
	if got := held[0] + held[1] + held[2]; got != 5 {
		t.Fatalf("%d streams acquired across three processes under a cap of 5", got)
	}
	holder := -1
	for i, n := range held {
		if n > 0 && holder < 0 {
			holder = i
		}
	}
	for i, n := range held {
		if n == 0 {
			if err := procs[i].Release(ctx, "streams:alice"); err != nil {
				t.Fatal(err)
			}
			if ok, _ := procs[holder].Acquire(ctx, "streams:alice", 5); ok {
				t.Fatalf("a release by process %d, which held nothing, freed a place", i)
			}
		}
	}
	other := (holder + 1) % len(procs)
	if err := procs[holder].Release(ctx, "streams:alice"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := procs[other].Acquire(ctx, "streams:alice", 5); !ok {
		t.Fatal("a released place was not given to another process")
	}
}

// A killed process's counts stop counting once its lease expires.
func TestRedisCountsOfAKilledProcessExpire(t *testing.T) {
	conn, prefix := redistest.Open(t)
	ctx := context.Background()
	dead := streamlimit.NewRedis(conn.Client, prefix, "dead", 300*time.Millisecond)
	live := streamlimit.NewRedis(conn.Client, prefix, "live", 10*time.Second)
	if err := dead.Renew(ctx); err != nil {
		t.Fatal(err)
	}
	if err := live.Renew(ctx); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if ok, err := dead.Acquire(ctx, "k", 3); !ok || err != nil {
			t.Fatalf("acquire: %v %v", ok, err)
		}
	}
	if ok, _ := live.Acquire(ctx, "k", 3); ok {
		t.Fatal("the cap did not count the other process's places")
	}
	time.Sleep(400 * time.Millisecond)
	for range 3 {
		if ok, err := live.Acquire(ctx, "k", 3); !ok || err != nil {
			t.Fatalf("after the dead process's lease expired, acquire: %v %v", ok, err)
		}
	}
}

// With Redis down the fallback counts per process, and gives each place
// back to the counter that gave it.
func TestFallbackCountsLocallyWhenRedisIsDown(t *testing.T) {
	conn := redistest.Unreachable(t)
	conn.MarkDown()
	c := streamlimit.NewFallback(streamlimit.NewRedis(conn.Client, "x:", "p", time.Second), conn)
	ctx := context.Background()
	for range 2 {
		if ok, err := c.Acquire(ctx, "k", 2); !ok || err != nil {
			t.Fatalf("acquire with Redis down: %v %v", ok, err)
		}
	}
	if ok, _ := c.Acquire(ctx, "k", 2); ok {
		t.Fatal("the per-process cap did not hold with Redis down")
	}
	if err := c.Release(ctx, "k"); err != nil {
		t.Fatalf("release of a local place: %v", err)
	}
	if ok, _ := c.Acquire(ctx, "k", 2); !ok {
		t.Fatal("the released local place was not given back")
	}
}

// A place taken on Redis and given back while Redis is down is released
// there once it answers again, rather than counting until the process
// ends.
func TestFallbackReleasesOnRedisWhatWasGivenBackDuringAnOutage(t *testing.T) {
	conn, prefix := redistest.Open(t)
	ctx := context.Background()
	shared := streamlimit.NewRedis(conn.Client, prefix, "p1", 10*time.Second)
	if err := shared.Renew(ctx); err != nil {
		t.Fatal(err)
	}
	health := &switchable{up: true}
	c := streamlimit.NewFallback(unreachableWhileDown{shared, health}, health)
	if ok, err := c.Acquire(ctx, "k", 1); !ok || err != nil {
		t.Fatalf("acquire: %v %v", ok, err)
	}
	health.up = false
	if err := c.Release(ctx, "k"); err != nil {
		t.Fatal(err)
	}
	health.up = true
	if ok, err := c.Acquire(ctx, "k", 1); !ok || err != nil {
		t.Fatalf("after Redis came back, the place given back during the outage still counts: %v %v", ok, err)
	}
}

// unreachableWhileDown fails every call while health is down, as a
// Redis that cannot be reached does.
type unreachableWhileDown struct {
	streamlimit.Counter
	health *switchable
}

func (u unreachableWhileDown) Acquire(ctx context.Context, key string, limit int) (bool, error) {
	if !u.health.up {
		return false, errors.New("connection refused")
	}
	return u.Counter.Acquire(ctx, key, limit)
}

func (u unreachableWhileDown) Release(ctx context.Context, key string) error {
	if !u.health.up {
		return errors.New("connection refused")
	}
	return u.Counter.Release(ctx, key)
}

// switchable is a Health the test turns up and down.
type switchable struct{ up bool }

func (s *switchable) Up() bool  { return s.up }
func (s *switchable) MarkDown() { s.up = false }
