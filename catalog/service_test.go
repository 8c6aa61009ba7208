package catalog_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/catalogtest/fixture"
)

// fakeStore is a Store whose version and failures the test sets, and which
// counts the calls it gets.
type fakeStore struct {
	mu           sync.Mutex
	version      int64
	versionErr   error
	loadErr      error
	versionCalls int
	loadCalls    int
}

func (f *fakeStore) CatalogVersion(context.Context) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.versionCalls++
	if f.versionErr != nil {
		return 0, f.versionErr
	}
	return f.version, nil
}

func (f *fakeStore) LoadCatalog(context.Context) (*catalog.Data, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.loadCalls++
	if f.loadErr != nil {
		return nil, f.loadErr
	}
	d := fixture.Data()
	d.Version = f.version
	return d, nil
}

func (f *fakeStore) set(fn func(*fakeStore)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

func (f *fakeStore) calls() (version, load int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.versionCalls, f.loadCalls
}

func mustSnapshot(t *testing.T, c *catalog.Catalog, ctx context.Context) *catalog.Snapshot {
	t.Helper()
	s, err := c.Snapshot(ctx)
	if err != nil {
		t.Fatalf("Snapshot: %v", err)
	}
	if s == nil {
		t.Fatal("Snapshot returned nil without an error")
	}
	return s
}

// loadedCatalog returns a catalog over a store at version 3, the store and
// the snapshot the catalog's first call loaded.
func loadedCatalog(t *testing.T, ctx context.Context) (*fakeStore, *catalog.Catalog, *catalog.Snapshot) {
	t.Helper()
	f := &fakeStore{version: 3}
	c := catalog.New(f)
	return f, c, mustSnapshot(t, c, ctx)
}

func wantCalls(t *testing.T, f *fakeStore, version, load int) {
	t.Helper()
	v, l := f.calls()
	if v != version || l != load {
		t.Errorf("CatalogVersion, LoadCatalog calls = %d, %d; want %d, %d", v, l, version, load)
	}
}

var errStoreDown = errors.New("store down")

func TestCatalogSnapshot(t *testing.T) {
	ctx := context.Background()

	t.Run("first call loads", func(t *testing.T) {
		f := &fakeStore{version: 3}
		s := mustSnapshot(t, catalog.New(f), ctx)
		if s.Version() != 3 {
			t.Errorf("Version() = %d, want 3", s.Version())
		}
		if s.Certification(fixture.CertCWI) == nil {
			t.Error("snapshot does not hold the loaded data")
		}
		wantCalls(t, f, 1, 1)
	})

	t.Run("unchanged version reuses the snapshot", func(t *testing.T) {
		f, c, first := loadedCatalog(t, ctx)
		for i := 2; i <= 5; i++ {
			if s := mustSnapshot(t, c, ctx); s != first {
				t.Fatalf("call %d returned another snapshot", i)
			}
			wantCalls(t, f, i, 1)
		}
	})

	t.Run("changed version reloads", func(t *testing.T) {
		f, c, first := loadedCatalog(t, ctx)
		f.set(func(f *fakeStore) { f.version = 4 })
		second := mustSnapshot(t, c, ctx)
		if second == first || second.Version() != 4 {
			t.Errorf("after the version moved got version %d (same snapshot: %v), want a new snapshot at 4", second.Version(), second == first)
		}
		wantCalls(t, f, 2, 2)
		if third := mustSnapshot(t, c, ctx); third != second {
			t.Error("the reloaded snapshot is not reused")
		}
		wantCalls(t, f, 3, 2)
	})

	t.Run("version check fails after a load: last snapshot served", func(t *testing.T) {
		f, c, first := loadedCatalog(t, ctx)
		f.set(func(f *fakeStore) { f.versionErr = errStoreDown })
		s, err := c.Snapshot(ctx)
		if err != nil {
			t.Fatalf("Snapshot: %v, want the last snapshot", err)
		}
		if s != first {
			t.Error("did not serve the last snapshot")
		}
		wantCalls(t, f, 2, 1)
	})

	t.Run("version check fails before any load: error", func(t *testing.T) {
		f := &fakeStore{versionErr: errStoreDown}
		c := catalog.New(f)
		s, err := c.Snapshot(ctx)
		if !errors.Is(err, errStoreDown) {
			t.Fatalf("err = %v, want %v", err, errStoreDown)
		}
		if s != nil {
			t.Errorf("got a snapshot with the error")
		}
		wantCalls(t, f, 1, 0)
		f.set(func(f *fakeStore) { f.versionErr = nil; f.version = 5 })
		if s := mustSnapshot(t, c, ctx); s.Version() != 5 {
			t.Errorf("after recovery Version() = %d, want 5", s.Version())
		}
		wantCalls(t, f, 2, 1)
	})

	t.Run("load fails after a load: last snapshot served", func(t *testing.T) {
		f, c, first := loadedCatalog(t, ctx)
		f.set(func(f *fakeStore) { f.version = 4; f.loadErr = errStoreDown })
		s, err := c.Snapshot(ctx)
		if err != nil || s != first {
			t.Fatalf("got %v, %v; want the last snapshot", s, err)
		}
		f.set(func(f *fakeStore) { f.loadErr = nil })
		if s := mustSnapshot(t, c, ctx); s.Version() != 4 {
			t.Errorf("after recovery Version() = %d, want 4", s.Version())
		}
		wantCalls(t, f, 3, 3)
	})

	t.Run("load fails before any load: error", func(t *testing.T) {
		f := &fakeStore{version: 3, loadErr: errStoreDown}
		s, err := catalog.New(f).Snapshot(ctx)
		if !errors.Is(err, errStoreDown) || s != nil {
			t.Fatalf("got %v, %v; want nil, %v", s, err, errStoreDown)
		}
	})
}

func TestCatalogRequestScope(t *testing.T) {
	ctx := context.Background()

	t.Run("one version check per scope", func(t *testing.T) {
		scoped := catalog.WithRequestScope(ctx)
		f, c, first := loadedCatalog(t, scoped)
		for range 4 {
			if s := mustSnapshot(t, c, scoped); s != first {
				t.Fatal("another snapshot within one scope")
			}
		}
		wantCalls(t, f, 1, 1)
	})

	t.Run("a scope keeps its version while the store moves", func(t *testing.T) {
		scoped := catalog.WithRequestScope(ctx)
		f, c, first := loadedCatalog(t, scoped)
		f.set(func(f *fakeStore) { f.version = 4 })
		if s := mustSnapshot(t, c, scoped); s != first || s.Version() != 3 {
			t.Errorf("within the scope got version %d, want the scope's 3", s.Version())
		}
		wantCalls(t, f, 1, 1)
		if s := mustSnapshot(t, c, catalog.WithRequestScope(ctx)); s.Version() != 4 {
			t.Errorf("a new scope got version %d, want 4", s.Version())
		}
		wantCalls(t, f, 2, 2)
	})

	t.Run("each new scope checks the version once", func(t *testing.T) {
		f := &fakeStore{version: 3}
		c := catalog.New(f)
		for i := 1; i <= 3; i++ {
			scoped := catalog.WithRequestScope(ctx)
			mustSnapshot(t, c, scoped)
			mustSnapshot(t, c, scoped)
			wantCalls(t, f, i, 1)
		}
	})

	t.Run("a scope keeps its error", func(t *testing.T) {
		f := &fakeStore{versionErr: errStoreDown}
		c := catalog.New(f)
		scoped := catalog.WithRequestScope(ctx)
		for range 2 {
			if _, err := c.Snapshot(scoped); !errors.Is(err, errStoreDown) {
				t.Fatalf("err = %v, want %v", err, errStoreDown)
			}
		}
		wantCalls(t, f, 1, 0)
	})

	t.Run("unscoped calls each check", func(t *testing.T) {
		f := &fakeStore{version: 3}
		c := catalog.New(f)
		for range 3 {
			mustSnapshot(t, c, ctx)
		}
		wantCalls(t, f, 3, 1)
	})
}

func TestCatalogConcurrentFirstLoad(t *testing.T) {
	f := &fakeStore{version: 3}
	c := catalog.New(f)
	var wg sync.WaitGroup
	snaps := make([]*catalog.Snapshot, 8)
	errs := make([]error, len(snaps))
	for i := range snaps {
		wg.Go(func() { snaps[i], errs[i] = c.Snapshot(context.Background()) })
	}
	wg.Wait()
	for i := range snaps {
		if errs[i] != nil || snaps[i] != snaps[0] {
			t.Fatalf("call %d: %v, %v; want the one shared snapshot", i, snaps[i], errs[i])
		}
	}
	if _, load := f.calls(); load != 1 {
		t.Errorf("LoadCatalog called %d times, want 1", load)
	}
}
