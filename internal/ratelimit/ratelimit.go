// Package ratelimit keeps a budget of cost points per client, as a token
// bucket (golang.org/x/time/rate): each client may spend up to Budget
// points at once, and the budget is restored at RestoreRate points a
// second. A request is let through when its requested cost is available;
// its actual cost is spent afterwards, so a budget may briefly go below
// zero and is then restored before the next request is let through.
//
// Budgets live in the memory of one process: behind a load balancer each
// instance keeps its own. Store is the seam for a shared implementation.
package ratelimit

import (
	"math"
	"net"
	"net/netip"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Status is where a client's budget stands.
type Status struct {
	// Limit is the full budget, in points.
	Limit int
	// Remaining is what the client may spend now; below zero while in debt.
	Remaining int
	// RestoreRate is the points restored a second.
	RestoreRate float64
	// Reset is when the budget will be full again.
	Reset time.Time
	// RetryAfter is how long until a refused request's cost is available;
	// zero when the request was let through.
	RetryAfter time.Duration
}

// Store keeps the budgets. Limiter is the in-process implementation; a
// shared one (such as Redis) would make several instances share budgets.
type Store interface {
	// Allow reports whether cost points are available to key now, without
	// spending them.
	Allow(key string, cost int) (Status, bool)
	// Spend takes cost points from key's budget, into debt if need be.
	Spend(key string, cost int) Status
	// Peek returns key's status without changing it.
	Peek(key string) Status
}

// Limiter keeps a token bucket per client key, in memory.
type Limiter struct {
	budget  int
	restore rate.Limit
	now     func() time.Time

	mu      sync.Mutex
	buckets map[string]*rate.Limiter
	ops     int
}

var _ Store = (*Limiter)(nil)

// New returns a limiter of budget points per client, restored at
// restorePerSecond; now is the clock (time.Now when nil).
func New(budget int, restorePerSecond float64, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	if budget < 1 {
		budget = 1
	}
	if restorePerSecond <= 0 {
		restorePerSecond = 1
	}
	return &Limiter{budget: budget, restore: rate.Limit(restorePerSecond), now: now, buckets: map[string]*rate.Limiter{}}
}

// sweepEvery is how many operations pass between sweeps of full buckets,
// which are the same as absent ones and would only take memory.
const sweepEvery = 4096

func (l *Limiter) bucket(key string, now time.Time) *rate.Limiter {
	l.ops++
	if l.ops%sweepEvery == 0 {
		for k, b := range l.buckets {
			if b.TokensAt(now) >= float64(l.budget) {
				delete(l.buckets, k)
			}
		}
	}
	b := l.buckets[key]
	if b == nil {
		b = rate.NewLimiter(l.restore, l.budget)
		// A new bucket starts full.
		b.AllowN(now, 0)
		l.buckets[key] = b
	}
	return b
}

func (l *Limiter) status(b *rate.Limiter, now time.Time) Status {
	tokens := b.TokensAt(now)
	missing := float64(l.budget) - tokens
	return Status{
		Limit:       l.budget,
		Remaining:   int(math.Floor(tokens)),
		RestoreRate: float64(l.restore),
		Reset:       now.Add(l.duration(missing)),
	}
}

func (l *Limiter) duration(points float64) time.Duration {
	if points <= 0 {
		return 0
	}
	return time.Duration(math.Ceil(points / float64(l.restore) * float64(time.Second)))
}

// Allow reports whether cost points are available to key now.
func (l *Limiter) Allow(key string, cost int) (Status, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.bucket(key, now)
	s := l.status(b, now)
	if cost > l.budget {
		cost = l.budget
	}
	tokens := b.TokensAt(now)
	if tokens >= float64(cost) {
		return s, true
	}
	s.RetryAfter = l.duration(float64(cost) - tokens)
	return s, false
}

// Spend takes cost points from key's budget.
func (l *Limiter) Spend(key string, cost int) Status {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.bucket(key, now)
	if cost > l.budget {
		cost = l.budget
	}
	if cost > 0 {
		// A reservation spends now what may only be restored later: the
		// bucket goes into debt rather than letting the spend fail.
		b.ReserveN(now, cost)
	}
	return l.status(b, now)
}

// Peek returns key's status.
func (l *Limiter) Peek(key string) Status {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	return l.status(l.bucket(key, now), now)
}

// Len returns the number of budgets kept (for tests).
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

// SubjectKey is the budget key of a signed-in principal.
func SubjectKey(subject string) string { return "sub:" + subject }

// AddressKey is the budget key of an anonymous client at remoteAddr (a
// host:port or a bare address): its IPv4 address, or the /64 network of
// its IPv6 address, since one IPv6 client commonly holds a whole /64.
func AddressKey(remoteAddr string) string {
	host := remoteAddr
	if h, _, err := net.SplitHostPort(remoteAddr); err == nil {
		host = h
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return "ip:" + host
	}
	addr = addr.Unmap().WithZone("")
	if addr.Is6() {
		p, _ := addr.Prefix(64)
		return "ip:" + p.String()
	}
	return "ip:" + addr.String()
}
