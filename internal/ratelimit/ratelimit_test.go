package ratelimit_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/mssc/recert/internal/ratelimit"
	"github.com/mssc/recert/internal/together"
)

// clock is a settable clock for the limiter.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newLimiter(budget int, restore float64) (*ratelimit.Limiter, *clock) {
	c := &clock{t: time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)}
	return ratelimit.New(budget, restore, c.now), c
}

func TestABudgetIsReservedSettledAndRestored(t *testing.T) {
	l, c := newLimiter(100, 10)
	ctx := context.Background()
	if s := l.Peek(ctx, "a"); s.Remaining != 100 || s.Limit != 100 || s.RestoreRate != 10 || !s.Reset.Equal(c.t) {
		t.Fatalf("a new client: %+v", s)
	}
	s, ok, err := l.Reserve(ctx, "a", 70)
	if err != nil || !ok || s.Remaining != 30 || !s.Reset.Equal(c.t.Add(7*time.Second)) {
		t.Fatalf("reserving 70: %+v %v %v", s, ok, err)
	}
	s, ok, _ = l.Reserve(ctx, "a", 50)
	if ok || s.RetryAfter != 2*time.Second || s.Remaining != 30 {
		t.Fatalf("50 of 30 remaining: %+v %v", s, ok)
	}
	if _, ok, _ := l.Reserve(ctx, "b", 100); !ok {
		t.Fatal("another client shares the first one's budget")
	}
	// The operation that reserved 70 cost 40: 30 come back.
	if s, _ := l.Settle(ctx, "a", 70, 40); s.Remaining != 60 {
		t.Fatalf("after settling 70 as 40: %+v", s)
	}
	c.advance(2 * time.Second)
	if s, ok, _ := l.Reserve(ctx, "a", 50); !ok || s.Remaining != 30 {
		t.Fatalf("two seconds later: %+v %v", s, ok)
	}
	// A cache hit costs nothing: the whole reservation comes back.
	if s, _ := l.Settle(ctx, "a", 50, 0); s.Remaining != 80 {
		t.Fatalf("after settling 50 as 0: %+v", s)
	}
	c.advance(time.Hour)
	if s, _ := l.Settle(ctx, "a", 100, 0); s.Remaining != 100 {
		t.Fatalf("a budget never grows past its limit: %+v", s)
	}
}

func TestReservationsNeverOverspendInParallel(t *testing.T) {
	l, _ := newLimiter(100, 10)
	ctx := context.Background()
	granted := together.Count(200, func(int) bool {
		_, ok, _ := l.Reserve(ctx, "a", 31)
		return ok
	})
	if granted != 3 {
		t.Fatalf("%d reservations of 31 points were granted from a budget of 100, want 3", granted)
	}
}

func TestSettlingAboveTheReservationMayGoIntoDebt(t *testing.T) {
	l, c := newLimiter(100, 10)
	ctx := context.Background()
	l.Reserve(ctx, "a", 80)
	if s, _ := l.Settle(ctx, "a", 0, 60); s.Remaining != -40 {
		t.Fatalf("after 140 of 100: %+v", s)
	}
	if s, ok, _ := l.Reserve(ctx, "a", 1); ok || s.RetryAfter != 4100*time.Millisecond {
		t.Fatalf("in debt: %+v %v", s, ok)
	}
	c.advance(5 * time.Second)
	if s, ok, _ := l.Reserve(ctx, "a", 10); !ok || s.Remaining != 0 {
		t.Fatalf("after the debt is restored: %+v %v", s, ok)
	}
}

func TestACostAboveTheBudgetWaitsForAFullBudget(t *testing.T) {
	l, _ := newLimiter(100, 10)
	ctx := context.Background()
	s, ok, _ := l.Reserve(ctx, "a", 500)
	if !ok || s.Remaining != 0 {
		t.Fatalf("a full budget lets the costliest operation through and is emptied: %+v %v", s, ok)
	}
	if s, _ := l.Settle(ctx, "a", 500, 500); s.Remaining != 0 {
		t.Fatalf("settling more than the budget takes no more: %+v", s)
	}
}

func TestFullBudgetsAreForgotten(t *testing.T) {
	l, c := newLimiter(10, 1)
	ctx := context.Background()
	for i := range 5000 {
		l.Reserve(ctx, fmt.Sprintf("client-%d", i), 1)
	}
	c.advance(time.Minute)
	for range 5000 {
		l.Peek(ctx, "again")
	}
	if n := l.Len(); n > 100 {
		t.Errorf("%d budgets kept after they were restored", n)
	}
}

func TestKeys(t *testing.T) {
	for _, tc := range []struct{ addr, want string }{
		{"192.0.2.7:5555", "ip:192.0.2.7"},
		{"192.0.2.7", "ip:192.0.2.7"},
		{"[2001:db8:1:2:3:4:5:6]:443", "ip:2001:db8:1:2::/64"},
		{"[2001:db8:1:2:ffff::1]:443", "ip:2001:db8:1:2::/64"},
		{"[::ffff:192.0.2.7]:80", "ip:192.0.2.7"},
		{"[fe80::1%eth0]:80", "ip:fe80::/64"},
		{"garbage", "ip:garbage"},
	} {
		if got := ratelimit.AddressKey(tc.addr); got != tc.want {
			t.Errorf("AddressKey(%q) = %q, want %q", tc.addr, got, tc.want)
		}
	}
	if ratelimit.SubjectKey("ip:192.0.2.7") == ratelimit.AddressKey("192.0.2.7") {
		t.Error("a subject can pose as an address")
	}
}
