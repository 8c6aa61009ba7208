// Package idlemem gives memory back to the operating system when the
// service goes idle. Under load the Go heap grows to twice what is live
// and the runtime keeps the garbage until its next collection, which an
// idle process reaches only after two minutes; a service that answered a
// burst would hold that memory all the while. Like V8's memory reducer
// and the JVM's periodic G1 collection (JEP 346), the tracker collects and
// returns free memory once no request has arrived for a while after some
// did.
package idlemem

import (
	"context"
	"net/http"
	"runtime/debug"
	"sync/atomic"
	"time"
)

// Tracker counts requests and releases memory when they stop.
type Tracker struct {
	requests atomic.Uint64
	// release frees memory; debug.FreeOSMemory unless a test sets it.
	release func()
}

// New returns a tracker that releases memory with debug.FreeOSMemory.
func New() *Tracker {
	return &Tracker{release: debug.FreeOSMemory}
}

// Track counts every request next serves.
func (t *Tracker) Track(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.requests.Add(1)
		next.ServeHTTP(w, r)
	})
}

// Run releases memory once after each busy spell, when a whole idle
// period passed without a request, until ctx ends.
func (t *Tracker) Run(ctx context.Context, idle time.Duration) {
	ticker := time.NewTicker(idle)
	defer ticker.Stop()
	last := t.requests.Load()
	released := last
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		now := t.requests.Load()
		if now == last && now != released {
			t.release()
			released = now
		}
		last = now
	}
}
