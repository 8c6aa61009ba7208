package catalog

import (
	"context"
	"sync"
	"sync/atomic"
)

// Catalog serves snapshots of the stored catalog. It keeps the latest
// snapshot in memory and rebuilds it only when the stored catalog version
// has changed, so a read costs one version check at most.
type Catalog struct {
	store   Store
	current atomic.Pointer[Snapshot]
	reload  sync.Mutex
}

// New returns a Catalog reading from store.
func New(store Store) *Catalog {
	return &Catalog{store: store}
}

type requestScopeKey struct{}

type requestScope struct {
	once     sync.Once
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
	scope.once.Do(func() { scope.snapshot, scope.err = c.fresh(ctx) })
	return scope.snapshot, scope.err
}

// fresh checks the stored version and rebuilds the snapshot when it moved.
// When the store cannot be reached, the last snapshot is served.
func (c *Catalog) fresh(ctx context.Context) (*Snapshot, error) {
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
	c.current.Store(snap)
	return snap, nil
}
