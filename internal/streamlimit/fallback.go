package streamlimit

import (
	"context"
	"sync"

	"github.com/mssc/recert/internal/redisconn"
)

// Health says whether a shared counter answers; redisconn.Conn is one.
type Health interface {
	// Up reports whether the shared counter answered last.
	Up() bool
	// MarkDown records that a call to the shared counter failed.
	MarkDown()
}

// Fallback counts on a shared counter while it answers and on a
// per-process one while it does not, so that an outage caps each client
// per process rather than refusing everyone. Each acquisition is given
// back to the counter that gave it.
type Fallback struct {
	shared Counter
	local  *Memory
	health Health

	mu sync.Mutex
	// owed counts, by key, the shared places given back while the shared
	// counter could not be reached; they are released there once it can.
	owed map[string]int
}

var _ Counter = (*Fallback)(nil)

// NewFallback returns a counter that uses shared while health is up and
// a per-process one otherwise.
func NewFallback(shared Counter, health Health) *Fallback {
	return &Fallback{shared: shared, local: NewMemory(), health: health, owed: map[string]int{}}
}

// localPrefix marks the keys counted locally, so that a release goes to
// the counter that acquired.
const localPrefix = "\x00local:"

// Acquire counts on the shared counter, or locally when it is down.
func (f *Fallback) Acquire(ctx context.Context, key string, limit int) (bool, error) {
	if f.health.Up() {
		f.settleOwed(ctx)
		ok, err := f.shared.Acquire(ctx, key, limit)
		if err == nil {
			return ok, nil
		}
		redisconn.Failed(ctx, f.health)
	}
	return f.local.Acquire(ctx, localPrefix+key, limit)
}

// Release gives one back: to the local count when key holds one there
// (it was acquired during an outage), otherwise to the shared counter.
func (f *Fallback) Release(ctx context.Context, key string) error {
	if f.local.Count(localPrefix+key) > 0 {
		return f.local.Release(ctx, localPrefix+key)
	}
	if f.health.Up() {
		if err := f.shared.Release(ctx, key); err == nil {
			return nil
		}
		redisconn.Failed(ctx, f.health)
	}
	// Kept until the shared counter answers, or this process's place
	// would count there until the process ends.
	f.mu.Lock()
	f.owed[key]++
	f.mu.Unlock()
	return nil
}

// settleOwed releases on the shared counter the places given back while
// it could not be reached.
func (f *Fallback) settleOwed(ctx context.Context) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for key, n := range f.owed {
		for ; n > 0; n-- {
			if f.shared.Release(ctx, key) != nil {
				f.owed[key] = n
				return
			}
		}
		delete(f.owed, key)
	}
}
