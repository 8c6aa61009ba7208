package blobstore

import (
	"context"
	"io"

	"github.com/mssc/recert/catalog"
)

// Files returns the store as the catalog's file storage, checking uploads
// against limits.
func (s *Store) Files(limits Limits) catalog.FileStorage {
	return catalogFiles{store: s, limits: limits}
}

type catalogFiles struct {
	store  *Store
	limits Limits
}

// Put checks and stores an upload.
func (f catalogFiles) Put(ctx context.Context, r io.Reader, name string) (catalog.StoredFile, error) {
	b, err := f.store.Put(ctx, r, name, f.limits)
	if err != nil {
		return catalog.StoredFile{}, err
	}
	return catalog.StoredFile{Key: b.Key, SHA256: b.SHA256, Size: b.Size, ContentType: b.ContentType, Name: b.OriginalName}, nil
}

// Open reads a stored file.
func (f catalogFiles) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	return f.store.Open(ctx, key)
}
