package blobstore

import (
	"bytes"
	"context"
	"io"
	"sync"
)

// memStore keeps objects in a map, for tests (mem://). Nothing survives the
// process.
type memStore struct {
	mu      sync.Mutex
	objects map[string]memObject
}

// memObject is one object a memStore holds.
type memObject struct {
	content     []byte
	contentType string
}

// newMemStore returns an empty memStore.
func newMemStore() *memStore {
	return &memStore{objects: map[string]memObject{}}
}

func (m *memStore) stat(_ context.Context, key string) (objectInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.objects[key]
	if !ok {
		return objectInfo{}, errNotExist
	}
	return objectInfo{size: int64(len(o.content)), contentType: o.contentType}, nil
}

func (m *memStore) get(_ context.Context, key string) (io.ReadCloser, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.objects[key]
	if !ok {
		return nil, errNotExist
	}
	// The content is never changed once stored, so readers can share it.
	return io.NopCloser(bytes.NewReader(o.content)), nil
}

func (m *memStore) put(ctx context.Context, key, contentType string, content io.Reader, size int64) error {
	buf := bytes.NewBuffer(make([]byte, 0, size))
	if _, err := buf.ReadFrom(content); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.objects[key] = memObject{content: buf.Bytes(), contentType: contentType}
	return nil
}

// close keeps the objects: a closed Store makes no more calls, and tests
// may still look at them.
func (m *memStore) close() error { return nil }
