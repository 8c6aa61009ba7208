package streamlimit_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/mssc/recert/internal/streamlimit"
)

func TestAcquireStopsAtTheLimitEvenInParallel(t *testing.T) {
	m := streamlimit.NewMemory()
	ctx := context.Background()
	var granted atomic.Int32
	var wg sync.WaitGroup
	for range 500 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ok, _ := m.Acquire(ctx, "a", 7); ok {
				granted.Add(1)
			}
		}()
	}
	wg.Wait()
	if granted.Load() != 7 || m.Count("a") != 7 {
		t.Fatalf("%d acquired, count %d; want 7", granted.Load(), m.Count("a"))
	}
	if ok, _ := m.Acquire(ctx, "b", 7); !ok {
		t.Fatal("another key shares the first one's count")
	}
	_ = m.Release(ctx, "a")
	if ok, _ := m.Acquire(ctx, "a", 7); !ok {
		t.Fatal("a released place cannot be taken again")
	}
	for range 7 {
		_ = m.Release(ctx, "a")
	}
	_ = m.Release(ctx, "b")
	if m.Len() != 0 {
		t.Errorf("%d keys kept after everything was released", m.Len())
	}
}
