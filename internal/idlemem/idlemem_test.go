package idlemem

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// TestReleasesOnceAfterEachBusySpell checks that memory is released only
// after requests stop, once per busy spell, and never while idle throughout.
func TestReleasesOnceAfterEachBusySpell(t *testing.T) {
	var releases atomic.Int32
	tr := &Tracker{release: func() { releases.Add(1) }}
	h := tr.Track(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const idle = 20 * time.Millisecond
	go tr.Run(ctx, idle)

	time.Sleep(5 * idle)
	if n := releases.Load(); n != 0 {
		t.Fatalf("released %d times before any request", n)
	}
	serve := func() { h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil)) }
	for range 3 {
		serve()
	}
	waitFor(t, func() bool { return releases.Load() == 1 })
	time.Sleep(5 * idle)
	if n := releases.Load(); n != 1 {
		t.Fatalf("released %d times after one busy spell", n)
	}
	// Requests arriving more often than the idle period keep it busy.
	for range 20 {
		serve()
		time.Sleep(idle / 4)
	}
	if n := releases.Load(); n != 1 {
		t.Fatalf("released %d times while busy", n)
	}
	waitFor(t, func() bool { return releases.Load() == 2 })
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("the condition did not hold within 5 s")
		}
		time.Sleep(time.Millisecond)
	}
}
