package ratelimit

import (
	"context"

	"github.com/mssc/recert/internal/redisconn"
)

// Health says whether a shared store answers; redisconn.Conn is one.
type Health interface {
	// Up reports whether the shared store answered last.
	Up() bool
	// MarkDown records that a call to the shared store failed.
	MarkDown()
}

// Fallback spends from a shared store while it answers and from a
// per-process one while it does not, so that an outage of the shared
// store neither refuses every client nor lets them spend without bound:
// each instance then keeps its own budget, as a single process does.
type Fallback struct {
	shared Store
	local  Store
	health Health
}

var _ Store = (*Fallback)(nil)

// NewFallback returns a store that uses shared while health is up and
// local otherwise.
func NewFallback(shared, local Store, health Health) *Fallback {
	return &Fallback{shared: shared, local: local, health: health}
}

// Reserve reserves on the shared store, or on the local one when the
// shared store is down or fails.
func (f *Fallback) Reserve(ctx context.Context, key string, cost int) (Status, bool, error) {
	if f.health.Up() {
		st, ok, err := f.shared.Reserve(ctx, key, cost)
		if err == nil {
			return st, ok, nil
		}
		redisconn.Failed(ctx, f.health)
	}
	return f.local.Reserve(ctx, key, cost)
}

// Settle settles on the shared store, or on the local one when the
// shared store is down or fails. A reservation made on one and settled on
// the other leaves at most one operation's difference behind.
func (f *Fallback) Settle(ctx context.Context, key string, reserved, actual int) (Status, error) {
	if f.health.Up() {
		st, err := f.shared.Settle(ctx, key, reserved, actual)
		if err == nil {
			return st, nil
		}
		redisconn.Failed(ctx, f.health)
	}
	return f.local.Settle(ctx, key, reserved, actual)
}

// Peek reads the store in use.
func (f *Fallback) Peek(ctx context.Context, key string) Status {
	if f.health.Up() {
		return f.shared.Peek(ctx, key)
	}
	return f.local.Peek(ctx, key)
}
