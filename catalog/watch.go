package catalog

import (
	"context"
	"sync"
	"time"
)

// CatalogEvent announces a new catalog version.
type CatalogEvent struct {
	// Version is the new catalog version.
	Version int64
	// At is when this process learned of it.
	At time.Time
}

// ChangeListener calls fn with the current catalog version when it
// connects, then with every version any server process commits, until ctx
// ends. It calls fn with LostChanges when it loses its connection, until
// it reconnects.
type ChangeListener func(ctx context.Context, fn func(version int64))

// LostChanges is the version a ChangeListener reports when it can no
// longer hear changes.
const LostChanges int64 = -1

// subscribers are the receivers of catalog events in this process.
type subscribers struct {
	mu   sync.Mutex
	next int
	chs  map[int]chan CatalogEvent
}

// Watch keeps the snapshot current from the store's announcements and
// relays each new version to the subscribers, until ctx ends.
//
// The listener reports the current version when it (re)connects; only a
// version not seen before is announced, and a snapshot is rebuilt only
// when one is held and is older.
func (c *Catalog) Watch(ctx context.Context, listen ChangeListener) {
	var last int64
	defer c.watching.Store(false)
	listen(ctx, func(version int64) {
		if version == LostChanges {
			c.watching.Store(false)
			return
		}
		if !c.catchUp(ctx, version) {
			return
		}
		c.watching.Store(true)
		if last != 0 && version != last {
			c.subs.broadcast(CatalogEvent{Version: version, At: time.Now().UTC()})
		}
		last = version
	})
}

// watchRetryMax bounds the wait between two attempts to load a version
// the listener reported.
const watchRetryMax = time.Second

// catchUp brings a held snapshot to at least version, trying again while
// the database fails (as it may just after the listener reconnected), so
// that a version is announced only once it can be read, and a change
// made while the listener was away is announced rather than dropped. It
// reports false when ctx ended first.
func (c *Catalog) catchUp(ctx context.Context, version int64) bool {
	wait := 50 * time.Millisecond
	for {
		cur := c.current.Load()
		if cur == nil || cur.Version() >= version {
			return true
		}
		if snap, err := c.Latest(ctx); err == nil && snap.Version() >= version {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(wait):
		}
		wait = min(2*wait, watchRetryMax)
	}
}

// Subscribe returns a channel of catalog events until ctx ends. A slow
// receiver misses intermediate versions but always gets the latest.
func (c *Catalog) Subscribe(ctx context.Context) <-chan CatalogEvent {
	ch := make(chan CatalogEvent, 1)
	c.subs.mu.Lock()
	if c.subs.chs == nil {
		c.subs.chs = map[int]chan CatalogEvent{}
	}
	c.subs.next++
	id := c.subs.next
	c.subs.chs[id] = ch
	c.subs.mu.Unlock()
	go func() {
		<-ctx.Done()
		c.subs.mu.Lock()
		delete(c.subs.chs, id)
		c.subs.mu.Unlock()
		close(ch)
	}()
	return ch
}

func (s *subscribers) broadcast(e CatalogEvent) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ch := range s.chs {
		select {
		case ch <- e:
		default:
			// Replace the undelivered older event with the latest one.
			select {
			case <-ch:
			default:
			}
			ch <- e
		}
	}
}

// SubscriberCount returns how many subscriptions are open in this process.
func (c *Catalog) SubscriberCount() int {
	c.subs.mu.Lock()
	defer c.subs.mu.Unlock()
	return len(c.subs.chs)
}
