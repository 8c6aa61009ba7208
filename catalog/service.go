package catalog

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

// Catalog serves snapshots of the stored catalog. It keeps the latest
// snapshot in memory and rebuilds it only when the stored catalog version
// has changed, so a read costs one version check at most.
type Catalog struct {
	store   Store
	require []func(*Snapshot) error
	current atomic.Pointer[Snapshot]
	reload  sync.Mutex
	subs    subscribers
	// watching says a change listener is connected: every change is
	// announced, so reads trust the snapshot and run no SQL.
	watching atomic.Bool
}

// New returns a Catalog reading from store. Every snapshot must pass each
// of require before it is served, such as the points package's Require,
// which builds the one validated Rulebook: a snapshot that fails stops the
// start, and later keeps the last good snapshot in service.
func New(store Store, require ...func(*Snapshot) error) *Catalog {
	return &Catalog{store: store, require: require}
}

type requestScopeKey struct{}

type requestScope struct {
	mu       sync.Mutex
	loaded   bool
	snapshot *Snapshot
	err      error
}

// WithRequestScope returns a context in which every Snapshot call returns
// the same snapshot, so that one request sees one catalog version and
// checks it once.
func WithRequestScope(ctx context.Context) context.Context {
	return context.WithValue(ctx, requestScopeKey{}, &requestScope{})
}

// Snapshot returns the catalog at its current version.
func (c *Catalog) Snapshot(ctx context.Context) (*Snapshot, error) {
	scope, _ := ctx.Value(requestScopeKey{}).(*requestScope)
	if scope == nil {
		return c.fresh(ctx)
	}
	scope.mu.Lock()
	defer scope.mu.Unlock()
	if !scope.loaded {
		scope.snapshot, scope.err = c.fresh(ctx)
		scope.loaded = true
	}
	return scope.snapshot, scope.err
}

// Changed tells the catalog its stored version moved: the rest of the
// request, and every later one, reads the catalog as it now is, without
// waiting for the change's announcement.
func (c *Catalog) Changed(ctx context.Context) {
	_, _ = c.Latest(ctx)
	if scope, _ := ctx.Value(requestScopeKey{}).(*requestScope); scope != nil {
		scope.mu.Lock()
		scope.loaded = false
		scope.mu.Unlock()
	}
}

// Watching reports whether a change listener is connected, so that reads
// run no SQL.
func (c *Catalog) Watching() bool { return c.watching.Load() }

// fresh returns the current snapshot: while a listener announces every
// change it is served as it is; otherwise the stored version is checked.
func (c *Catalog) fresh(ctx context.Context) (*Snapshot, error) {
	if cur := c.current.Load(); cur != nil && c.watching.Load() {
		return cur, nil
	}
	return c.Latest(ctx)
}

// Latest returns the catalog at the stored version, asking the store even
// while a listener announces every change, and rebuilds the snapshot when
// the version moved. When the store cannot be reached, the last snapshot
// is served.
func (c *Catalog) Latest(ctx context.Context) (*Snapshot, error) {
	cur := c.current.Load()
	version, err := c.store.CatalogVersion(ctx)
	if err != nil {
		if cur != nil {
			return cur, nil
		}
		return nil, err
	}
	if cur != nil && cur.Version() == version {
		return cur, nil
	}
	c.reload.Lock()
	defer c.reload.Unlock()
	if cur = c.current.Load(); cur != nil && cur.Version() == version {
		return cur, nil
	}
	data, err := c.store.LoadCatalog(ctx)
	if err != nil {
		if cur != nil {
			return cur, nil
		}
		return nil, err
	}
	snap := NewSnapshot(data)
	for _, check := range c.require {
		if err := check(snap); err != nil {
			if cur != nil {
				return cur, nil
			}
			return nil, fmt.Errorf("catalog version %d: %w", snap.Version(), err)
		}
	}
	c.current.Store(snap)
	return snap, nil
}

// Loaded reports whether a snapshot of the catalog is in memory.
func (c *Catalog) Loaded() bool { return c.current.Load() != nil }
