package catalog

import (
	"context"
	"io"
)

// StoredFile is an uploaded file, such as the copy of a certification.
type StoredFile struct {
	// Key addresses the file in blob storage.
	Key string
	// SHA256 is the hex digest of the content.
	SHA256 string
	// Size is the length in bytes.
	Size int64
	// ContentType is the type detected from the content.
	ContentType string
	// Name is the file's name as uploaded, sanitized.
	Name string
}

// FileStorage keeps uploaded files.
type FileStorage interface {
	// Put checks and stores a file; a refused file is a BAD_USER_INPUT error
	// and nothing is stored.
	Put(ctx context.Context, r io.Reader, name string) (StoredFile, error)
	// Open reads a stored file.
	Open(ctx context.Context, key string) (io.ReadCloser, error)
}

// Upload is a file sent with a request, not yet stored.
type Upload struct {
	// Name is the file's name as sent.
	Name string
	// Content reads the file.
	Content io.Reader
}
