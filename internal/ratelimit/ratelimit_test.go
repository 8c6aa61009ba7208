package ratelimit_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/mssc/recert/internal/ratelimit"
)

// clock is a settable clock for the limiter.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newLimiter(budget int, restore float64) (*ratelimit.Limiter, *clock) {
	c := &clock{t: time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)}
	return ratelimit.New(budget, restore, c.now), c
}

func TestABudgetIsSpentAndRestored(t *testing.T) {
	l, c := newLimiter(100, 10)
	s, ok := l.Allow("a", 100)
	if !ok || s.Remaining != 100 || s.Limit != 100 || s.RestoreRate != 10 || !s.Reset.Equal(c.t) {
		t.Fatalf("a new client: %+v %v", s, ok)
	}
	if s := l.Spend("a", 70); s.Remaining != 30 || !s.Reset.Equal(c.t.Add(7*time.Second)) {
		t.Fatalf("after spending 70: %+v", s)
	}
	s, ok = l.Allow("a", 50)
	if ok || s.RetryAfter != 2*time.Second || s.Remaining != 30 {
		t.Fatalf("50 of 30 remaining: %+v %v", s, ok)
	}
	if _, ok := l.Allow("b", 100); !ok {
		t.Fatal("another client shares the first one's budget")
	}
	c.advance(2 * time.Second)
	if s, ok := l.Allow("a", 50); !ok || s.Remaining != 50 {
		t.Fatalf("two seconds later: %+v %v", s, ok)
	}
	c.advance(time.Hour)
	if s := l.Peek("a"); s.Remaining != 100 {
		t.Fatalf("a budget never grows past its limit: %+v", s)
	}
}

func TestSpendingMayGoIntoDebt(t *testing.T) {
	l, c := newLimiter(100, 10)
	l.Spend("a", 80)
	if s := l.Spend("a", 60); s.Remaining != -40 {
		t.Fatalf("after 140 of 100: %+v", s)
	}
	if s, ok := l.Allow("a", 1); ok || s.RetryAfter != 4100*time.Millisecond {
		t.Fatalf("in debt: %+v %v", s, ok)
	}
	c.advance(5 * time.Second)
	if s, ok := l.Allow("a", 10); !ok || s.Remaining != 10 {
		t.Fatalf("after the debt is restored: %+v %v", s, ok)
	}
}

func TestACostAboveTheBudgetWaitsForAFullBudget(t *testing.T) {
	l, _ := newLimiter(100, 10)
	if _, ok := l.Allow("a", 500); !ok {
		t.Fatal("a full budget lets the costliest operation through")
	}
	if s := l.Spend("a", 500); s.Remaining != 0 {
		t.Fatalf("spending more than the budget empties it: %+v", s)
	}
}

func TestFullBudgetsAreForgotten(t *testing.T) {
	l, c := newLimiter(10, 1)
	for i := range 5000 {
		l.Spend(fmt.Sprintf("client-%d", i), 1)
	}
	c.advance(time.Minute)
	for range 5000 {
		l.Peek("again")
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
