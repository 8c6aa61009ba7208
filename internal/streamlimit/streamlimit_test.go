package streamlimit_test

import (
	"context"
	"testing"

	"github.com/mssc/recert/internal/streamlimit"
	"github.com/mssc/recert/internal/together"
)

func TestAcquireStopsAtTheLimitEvenInParallel(t *testing.T) {
	m := streamlimit.NewMemory()
	ctx := context.Background()
	granted := together.Count(500, func(int) bool {
		ok, _ := m.Acquire(ctx, "a", 7)
		return ok
	})
	if granted != 7 || m.Count("a") != 7 {
		t.Fatalf("%d acquired, count %d; want 7", granted, m.Count("a"))
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
