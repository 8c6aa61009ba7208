// Package streamlimit counts what each client holds open: its streams
// (websockets and server-sent event requests) and its subscriptions, so
// that the HTTP layer can refuse one more past a cap instead of letting
// goroutines and memory grow without bound.
//
// Counts live in the memory of one process: behind a load balancer each
// instance counts its own. Counter is the seam for a shared
// implementation (such as Redis, issue 18): Acquire is one atomic
// compare-and-increment on a key, as a Lua script does it, and Release
// one decrement; a shared store would also give each count a lease that
// a live process renews, so that a killed process's counts expire.
package streamlimit

import (
	"context"
	"sync"
)

// Counter keeps counts by key. Every method is safe for concurrent use.
type Counter interface {
	// Acquire adds one to key's count when it is below limit and reports
	// whether it did; at the limit it changes nothing. An error means the
	// counts could not be reached; nothing was acquired.
	Acquire(ctx context.Context, key string, limit int) (bool, error)
	// Release takes back one that Acquire gave for key.
	Release(ctx context.Context, key string) error
}

// Memory is the in-process Counter.
type Memory struct {
	mu     sync.Mutex
	counts map[string]int
}

var _ Counter = (*Memory)(nil)

// NewMemory returns an empty in-process counter.
func NewMemory() *Memory {
	return &Memory{counts: map[string]int{}}
}

// Acquire adds one to key's count when it is below limit.
func (m *Memory) Acquire(_ context.Context, key string, limit int) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.counts[key] >= limit {
		return false, nil
	}
	m.counts[key]++
	return true, nil
}

// Release takes one from key's count; a count that reaches zero is
// forgotten, so that the map holds only clients with something open.
func (m *Memory) Release(_ context.Context, key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if n := m.counts[key]; n > 1 {
		m.counts[key] = n - 1
	} else {
		delete(m.counts, key)
	}
	return nil
}

// Count returns key's count.
func (m *Memory) Count(key string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.counts[key]
}

// Len returns how many keys have a count above zero.
func (m *Memory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.counts)
}
