package catalog_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
)

// A change made while the listener was away is announced when it
// reconnects, and only once the snapshot holds it, even when the
// database still fails the first reads after the reconnect.
func TestWatchAnnouncesAChangeMadeWhileTheListenerReconnected(t *testing.T) {
	store := &fakeStore{version: 1}
	c := catalog.New(store)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	mustSnapshot(t, c, ctx)
	events := c.Subscribe(ctx)
	reconnected := make(chan func(int64), 1)
	go c.Watch(ctx, func(ctx context.Context, fn func(int64)) {
		fn(1)
		fn(catalog.LostChanges)
		reconnected <- fn
		<-ctx.Done()
	})
	fn := <-reconnected
	store.set(func(f *fakeStore) { f.version = 2; f.versionErr = errors.New("connection refused") })
	go func() {
		time.Sleep(200 * time.Millisecond)
		store.set(func(f *fakeStore) { f.versionErr = nil })
	}()
	go fn(2)
	select {
	case e := <-events:
		if e.Version != 2 {
			t.Fatalf("announced version %d; want 2", e.Version)
		}
		if v := catalog.HeldVersion(c); v != 2 {
			t.Fatalf("version 2 was announced while the snapshot held version %d", v)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the change made while the listener was away was never announced")
	}
}
