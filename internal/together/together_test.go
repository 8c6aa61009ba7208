package together_test

import (
	"sync"
	"testing"

	"github.com/mssc/recert/internal/together"
)

// Every call waits for all the others to have started, so Run passes only
// when the calls run at the same time (run one after another, they would
// wait for ever and the test binary's timeout would fail the test).
func TestRunRunsTheCallsAtOnceAndReturnsEachResultInOrder(t *testing.T) {
	const n = 50
	var started sync.WaitGroup
	started.Add(n)
	got := together.Run(n, func(i int) int {
		started.Done()
		started.Wait()
		return i * i
	})
	if len(got) != n {
		t.Fatalf("%d results of %d calls", len(got), n)
	}
	for i, v := range got {
		if v != i*i {
			t.Fatalf("result %d = %d, want %d", i, v, i*i)
		}
	}
}

func TestCountCountsTheCallsThatAnsweredTrue(t *testing.T) {
	if n := together.Count(10, func(i int) bool { return i%3 == 0 }); n != 4 {
		t.Fatalf("Count = %d, want 4 (0, 3, 6, 9)", n)
	}
	if n := together.Count(0, func(int) bool { return true }); n != 0 {
		t.Fatalf("Count of no calls = %d", n)
	}
}
