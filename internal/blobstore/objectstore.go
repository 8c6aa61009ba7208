package blobstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
)

// The bucket URL schemes Open accepts.
const (
	schemeFile = "file"
	schemeMem  = "mem"
	schemeS3   = "s3"
)

var (
	// errNotExist is what an objectStore returns, possibly wrapped, for a
	// key it does not hold.
	errNotExist = errors.New("blobstore: no object under this key")
	// errClosed is the cause of the errors of a closed Store.
	errClosed = errors.New("blobstore: the store is closed")
)

// objectStore is where a Store keeps its objects: a local folder, memory or
// an S3-compatible bucket. The Store checks keys and content before calling
// it, so an objectStore only ever sees keys that keyFor returns.
type objectStore interface {
	// stat describes the object under key, or returns errNotExist.
	stat(ctx context.Context, key string) (objectInfo, error)
	// get returns a reader of the object under key, or errNotExist.
	get(ctx context.Context, key string) (io.ReadCloser, error)
	// put stores size bytes read from content under key, all or nothing:
	// when it fails, no object (and no part of one) is left under key.
	put(ctx context.Context, key, contentType string, content io.Reader, size int64) error
	// close releases what the store holds.
	close() error
}

// objectInfo describes a stored object.
type objectInfo struct {
	size        int64
	contentType string
}

// CheckURL reports whether Open understands rawURL, without opening it or
// touching the network or the disk, so that a configuration mistake is
// reported at start. It accepts file:// URLs of an absolute folder (with the
// create_dir and no_tmp_dir parameters older releases wrote, which change
// nothing), mem:// and s3://bucket with the parameters region, endpoint,
// use_path_style (or s3ForcePathStyle), disable_https, profile and
// anonymous.
func CheckURL(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("blobstore: parse bucket URL: %w", err)
	}
	switch u.Scheme {
	case schemeFile:
		_, err = fileFolder(u)
	case schemeMem:
	case schemeS3:
		_, err = parseS3URL(u)
	default:
		err = fmt.Errorf("blobstore: unsupported bucket URL scheme %q (want file, s3 or mem)", u.Scheme)
	}
	return err
}

// openObjectStore opens the objectStore rawURL names.
func openObjectStore(ctx context.Context, rawURL string) (objectStore, error) {
	if err := CheckURL(rawURL); err != nil {
		return nil, err
	}
	u, _ := url.Parse(rawURL) // CheckURL parsed it
	var (
		objects objectStore
		err     error
	)
	switch u.Scheme {
	case schemeFile:
		objects, err = openFileStore(u)
	case schemeMem:
		objects = newMemStore()
	default:
		objects, err = openS3Store(ctx, u)
	}
	if err != nil {
		return nil, fmt.Errorf("blobstore: open bucket %s: %w", u.Redacted(), err)
	}
	return objects, nil
}
