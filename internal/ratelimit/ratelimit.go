// Package ratelimit keeps a budget of cost points per client, as a token
// bucket: each client may spend up to Budget points at once, and the
// budget is restored at RestoreRate points a second.
//
// An operation reserves its requested cost before it runs, atomically:
// the points are taken when they are available and the operation is
// refused when they are not, so parallel operations of one client can
// never together spend more than the budget holds. Once the operation
// ran, the reservation is settled with the actual cost: the difference
// is given back (a response cache's hit costs nothing) or, should the
// actual cost be higher, taken, into debt if need be.
//
// Budgets live in the memory of one process: behind a load balancer each
// instance keeps its own. Store is the seam for a shared implementation:
// Reserve and Settle are each one atomic step on one key, as a Redis Lua
// script can do them (RedisStore).
package ratelimit

import (
	"context"
	"math"
	"net"
	"net/netip"
	"sync"
	"time"
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
	// RetryAfter is how long until a refused reservation's cost is
	// available; zero when the reservation was made.
	RetryAfter time.Duration
}

// Store keeps the budgets. Limiter is the in-process implementation; a
// shared one (such as Redis) would make several instances share budgets.
// Every method is safe for concurrent use, and Reserve and Settle are
// atomic on their key.
type Store interface {
	// Reserve takes cost points from key's budget when they are all
	// available now and reports true; otherwise it takes nothing and
	// reports false with the wait in Status.RetryAfter. A cost above the
	// full budget reserves the full budget. An error means the budgets
	// could not be reached; nothing was reserved.
	Reserve(ctx context.Context, key string, cost int) (Status, bool, error)
	// Settle replaces a reservation of reserved points by the actual
	// cost: it gives back reserved-actual points (never past the full
	// budget) or takes actual-reserved more, into debt if need be.
	Settle(ctx context.Context, key string, reserved, actual int) (Status, error)
	// Peek returns key's status without changing it; a key never seen
	// has a full budget.
	Peek(ctx context.Context, key string) Status
}

// Limiter keeps a token bucket per client key, in memory.
type Limiter struct {
	budget  int
	restore float64
	now     func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
	ops     int
}

// bucket is one client's points as of a moment.
type bucket struct {
	tokens float64
	at     time.Time
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
	return &Limiter{budget: budget, restore: restorePerSecond, now: now, buckets: map[string]*bucket{}}
}

// sweepEvery is how many operations pass between sweeps of full buckets,
// which are the same as absent ones and would only take memory.
const sweepEvery = 4096

// bucket returns key's bucket restored up to now. It must be called with
// l.mu held.
func (l *Limiter) bucket(key string, now time.Time) *bucket {
	l.ops++
	if l.ops%sweepEvery == 0 {
		for k, b := range l.buckets {
			if l.refill(b, now); b.tokens >= float64(l.budget) {
				delete(l.buckets, k)
			}
		}
	}
	b := l.buckets[key]
	if b == nil {
		// A new bucket starts full.
		b = &bucket{tokens: float64(l.budget), at: now}
		l.buckets[key] = b
	}
	l.refill(b, now)
	return b
}

// refill restores the points earned since the bucket was last seen.
func (l *Limiter) refill(b *bucket, now time.Time) {
	if elapsed := now.Sub(b.at); elapsed > 0 {
		b.tokens = math.Min(float64(l.budget), b.tokens+elapsed.Seconds()*l.restore)
		b.at = now
	}
}

func (l *Limiter) status(b *bucket, now time.Time) Status {
	return Status{
		Limit:       l.budget,
		Remaining:   int(math.Floor(b.tokens)),
		RestoreRate: l.restore,
		Reset:       now.Add(l.duration(float64(l.budget) - b.tokens)),
	}
}

func (l *Limiter) duration(points float64) time.Duration {
	if points <= 0 {
		return 0
	}
	return time.Duration(math.Ceil(points / l.restore * float64(time.Second)))
}

// capped bounds a cost to the full budget and to zero below.
func (l *Limiter) capped(cost int) int {
	return min(max(cost, 0), l.budget)
}

// Reserve takes cost points from key's budget when they are available.
func (l *Limiter) Reserve(_ context.Context, key string, cost int) (Status, bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.bucket(key, now)
	cost = l.capped(cost)
	if b.tokens < float64(cost) {
		s := l.status(b, now)
		s.RetryAfter = l.duration(float64(cost) - b.tokens)
		return s, false, nil
	}
	b.tokens -= float64(cost)
	return l.status(b, now), true, nil
}

// Settle replaces a reservation of reserved points by the actual cost.
func (l *Limiter) Settle(_ context.Context, key string, reserved, actual int) (Status, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.bucket(key, now)
	b.tokens = math.Min(float64(l.budget), b.tokens+float64(l.capped(reserved)-l.capped(actual)))
	return l.status(b, now), nil
}

// Peek returns key's status.
func (l *Limiter) Peek(_ context.Context, key string) Status {
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
