// Package blobstore keeps the files candidates upload, such as proofs and
// copies of certifications, in a local folder, in memory (for tests) or in
// an S3-compatible bucket.
//
// Files are checked before they are stored: the type is detected from the
// content's leading bytes (the declared name and content type are never
// trusted), and the size is bounded. Accepted files are stored under a key
// derived from their SHA-256, so the same content uploaded twice is one
// object. Errors are *catalog.Error values whose messages are safe to show a
// user.
package blobstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/mssc/recert/catalog"
)

// The MIME types this package can detect from a file's content.
const (
	// TypePDF is the MIME type of PDF documents.
	TypePDF = "application/pdf"
	// TypePNG is the MIME type of PNG images.
	TypePNG = "image/png"
	// TypeJPEG is the MIME type of JPEG images.
	TypeJPEG = "image/jpeg"
)

const (
	keyPrefix      = "sha256/"
	unavailableMsg = "file storage is unavailable; please try again later"
	mib            = 1 << 20
	kib            = 1 << 10
)

// signatures maps each detectable type to the bytes its content starts with.
var signatures = []struct {
	contentType string
	magic       []byte
}{
	{TypePDF, []byte("%PDF-")},
	{TypePNG, []byte("\x89PNG\r\n\x1a\n")},
	{TypeJPEG, []byte("\xff\xd8\xff")},
}

// sniffLen is the number of leading bytes needed to tell the types apart.
const sniffLen = 8

// Limits says which uploads Put accepts.
type Limits struct {
	// MaxBytes is the largest accepted size in bytes; zero or less means
	// the default of DefaultLimits.
	MaxBytes int64
	// AllowedTypes lists the accepted MIME types; empty means the defaults
	// of DefaultLimits. Only TypePDF, TypePNG and TypeJPEG can be detected,
	// so other entries never match.
	AllowedTypes []string
}

// DefaultLimits returns the limits for proofs and certificate copies: at
// most 10 MiB, and only PDF, PNG or JPEG.
func DefaultLimits() Limits {
	return Limits{
		MaxBytes:     10 * mib,
		AllowedTypes: []string{TypePDF, TypePNG, TypeJPEG},
	}
}

// withDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxBytes <= 0 {
		l.MaxBytes = d.MaxBytes
	}
	if len(l.AllowedTypes) == 0 {
		l.AllowedTypes = d.AllowedTypes
	}
	return l
}

// allows reports whether contentType is one of the allowed types.
func (l Limits) allows(contentType string) bool {
	if contentType == "" {
		return false
	}
	for _, t := range l.AllowedTypes {
		if strings.EqualFold(strings.TrimSpace(t), contentType) {
			return true
		}
	}
	return false
}

// Blob describes a stored file.
type Blob struct {
	// Key is where the content is stored, derived from its SHA-256
	// ("sha256/ab/cdef..."); pass it to Store.Open to read the file back.
	Key string
	// SHA256 is the hex-encoded SHA-256 of the content.
	SHA256 string
	// Size is the content's length in bytes.
	Size int64
	// ContentType is the MIME type detected from the content.
	ContentType string
	// OriginalName is the declared file name, sanitized: the base name
	// only, without control or invisible formatting characters, and at most
	// 200 characters. It is empty from Store.Attributes, since a
	// name belongs to an upload, not to the content.
	OriginalName string
}

// Store keeps uploaded files in a bucket. It is safe for concurrent use.
type Store struct {
	objects objectStore
	// closed is set by Close; a closed Store refuses every call.
	closed atomic.Bool
	// tempDir is where Put spools uploads while checking them; empty means
	// os.TempDir.
	tempDir string
}

// DefaultURL returns the file:// URL of the uploads folder under dataDir,
// as an absolute path.
func DefaultURL(dataDir string) string {
	dir := filepath.Join(dataDir, "uploads")
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path: file:///C:/data/uploads
	}
	return (&url.URL{Scheme: schemeFile, Path: p}).String()
}

// Open opens the bucket at rawURL. It accepts "file:///abs/path" (a folder,
// created when missing), "s3://bucket?region=...&endpoint=...&use_path_style=true"
// for S3-compatible stores, and "mem://" for tests; CheckURL says which
// query parameters each accepts.
func Open(ctx context.Context, rawURL string) (*Store, error) {
	objects, err := openObjectStore(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	return &Store{objects: objects}, nil
}

// Close releases the bucket. The Store must not be used afterwards; if it
// is, every call fails with a catalog.CodeUnavailable error.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	if err := s.objects.close(); err != nil {
		return catalog.Unavailable(unavailableMsg, err)
	}
	return nil
}

// usable returns a catalog.CodeUnavailable error once the Store is closed.
func (s *Store) usable() error {
	if s.closed.Load() {
		return catalog.Unavailable(unavailableMsg, errClosed)
	}
	return nil
}

// Put checks the content read from r against limits and stores it. The type
// is detected from the content's leading bytes; declaredName only supplies
// Blob.OriginalName. Content that is empty, larger than limits.MaxBytes or of
// a type not allowed is refused with a catalog.CodeBadUserInput error, as is a
// reader that fails before the end; a refused upload stores nothing. Storage
// failures are catalog.CodeUnavailable. Storing content that is already
// stored returns the existing key without writing it again.
func (s *Store) Put(ctx context.Context, r io.Reader, declaredName string, limits Limits) (Blob, error) {
	if err := s.usable(); err != nil {
		return Blob{}, err
	}
	limits = limits.withDefaults()
	r = ctxReader{ctx: ctx, r: r}

	head := make([]byte, sniffLen)
	n, err := io.ReadFull(r, head)
	switch {
	case errors.Is(err, io.EOF):
		return Blob{}, invalid("the file is empty", nil)
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return Blob{}, readFailed(err)
	}
	head = head[:n]
	contentType := detect(head)
	if !limits.allows(contentType) {
		return Blob{}, invalid(typesMessage(limits.AllowedTypes), nil)
	}

	// Spool to a local file while hashing, so nothing reaches the bucket
	// before the whole content has been checked.
	spool, err := os.CreateTemp(s.tempDir, "blobstore-upload-*")
	if err != nil {
		return Blob{}, catalog.Unavailable(unavailableMsg, err)
	}
	defer func() {
		_ = spool.Close()
		_ = os.Remove(spool.Name())
	}()
	h := sha256.New()
	w := io.MultiWriter(spool, h)
	if _, err := w.Write(head); err != nil {
		return Blob{}, catalog.Unavailable(unavailableMsg, err)
	}
	rest, err := io.Copy(w, io.LimitReader(readErrTagger{r}, limits.MaxBytes+1-int64(n)))
	size := int64(n) + rest
	if err != nil {
		var rerr readError
		if errors.As(err, &rerr) {
			return Blob{}, readFailed(rerr.err)
		}
		return Blob{}, catalog.Unavailable(unavailableMsg, err)
	}
	if size > limits.MaxBytes {
		return Blob{}, invalid("files may be at most "+formatSize(limits.MaxBytes), nil)
	}

	sum := hex.EncodeToString(h.Sum(nil))
	b := Blob{
		Key:          keyFor(sum),
		SHA256:       sum,
		Size:         size,
		ContentType:  contentType,
		OriginalName: sanitizeName(declaredName),
	}
	switch _, err := s.objects.stat(ctx, b.Key); {
	case err == nil:
		return b, nil
	case !errors.Is(err, errNotExist):
		return Blob{}, catalog.Unavailable(unavailableMsg, err)
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return Blob{}, catalog.Unavailable(unavailableMsg, err)
	}
	if err := s.objects.put(ctx, b.Key, contentType, spool, size); err != nil {
		return Blob{}, catalog.Unavailable(unavailableMsg, err)
	}
	return b, nil
}

// Open returns a reader of the content stored under key; the caller must
// close it. A key that is not stored, or is not a key Put returns, is a
// catalog.CodeNotFound error.
func (s *Store) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := s.usable(); err != nil {
		return nil, err
	}
	if !validKey(key) {
		return nil, notFound()
	}
	r, err := s.objects.get(ctx, key)
	if err != nil {
		return nil, storageError(err)
	}
	return r, nil
}

// Attributes describes the content stored under key, without its
// OriginalName. A key that is not stored, or is not a key Put returns, is a
// catalog.CodeNotFound error.
func (s *Store) Attributes(ctx context.Context, key string) (Blob, error) {
	if err := s.usable(); err != nil {
		return Blob{}, err
	}
	if !validKey(key) {
		return Blob{}, notFound()
	}
	a, err := s.objects.stat(ctx, key)
	if err != nil {
		return Blob{}, storageError(err)
	}
	return Blob{
		Key:         key,
		SHA256:      keySum(key),
		Size:        a.size,
		ContentType: a.contentType,
	}, nil
}

// detect returns the MIME type the content starting with head has, or ""
// when it is none of the detectable types.
func detect(head []byte) string {
	for _, s := range signatures {
		if bytes.HasPrefix(head, s.magic) {
			return s.contentType
		}
	}
	return ""
}

// keyFor returns the key of the content with the hex SHA-256 sum.
func keyFor(sum string) string {
	return keyPrefix + sum[:2] + "/" + sum[2:]
}

// keySum returns the hex SHA-256 that a key keyFor returns holds, or ""
// for any other key.
func keySum(key string) string {
	if !validKey(key) {
		return ""
	}
	return strings.ReplaceAll(strings.TrimPrefix(key, keyPrefix), "/", "")
}

// validKey reports whether key has the form keyFor returns.
func validKey(key string) bool {
	rest, ok := strings.CutPrefix(key, keyPrefix)
	if !ok || len(rest) != sha256.Size*2+1 || rest[2] != '/' {
		return false
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if i == 2 {
			continue
		}
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// typesMessage says which types are accepted, e.g. "only PDF, PNG or JPEG
// files are accepted".
func typesMessage(types []string) string {
	names := make([]string, 0, len(types))
	for _, t := range types {
		switch strings.ToLower(strings.TrimSpace(t)) {
		case TypePDF:
			names = append(names, "PDF")
		case TypePNG:
			names = append(names, "PNG")
		case TypeJPEG:
			names = append(names, "JPEG")
		default:
			names = append(names, t)
		}
	}
	list := names[len(names)-1]
	if len(names) > 1 {
		list = strings.Join(names[:len(names)-1], ", ") + " or " + list
	}
	return "only " + list + " files are accepted"
}

// formatSize writes n bytes for people: "10 MB", "512 KB", "100 bytes".
func formatSize(n int64) string {
	switch {
	case n%mib == 0:
		return fmt.Sprintf("%d MB", n/mib)
	case n%kib == 0:
		return fmt.Sprintf("%d KB", n/kib)
	case n == 1:
		return "1 byte"
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// invalid returns a CodeBadUserInput error with a message safe to show a user.
func invalid(message string, cause error) *catalog.Error {
	return &catalog.Error{Code: catalog.CodeBadUserInput, Message: message, Err: cause}
}

// readFailed is the error for an upload whose reader failed.
func readFailed(cause error) *catalog.Error {
	return invalid("the file could not be read completely; please upload it again", cause)
}

// notFound is the error for a key that is not stored.
func notFound() *catalog.Error {
	return catalog.NotFound("the file does not exist")
}

// storageError maps a bucket error to NOT_FOUND or UNAVAILABLE.
func storageError(err error) *catalog.Error {
	if errors.Is(err, errNotExist) {
		e := notFound()
		e.Err = err
		return e
	}
	return catalog.Unavailable(unavailableMsg, err)
}

// ctxReader stops reading once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// readError marks an error as coming from the upload's reader rather than
// from the spool file.
type readError struct{ err error }

func (e readError) Error() string { return e.err.Error() }
func (e readError) Unwrap() error { return e.err }

// readErrTagger wraps the errors of r, except io.EOF, in readError.
type readErrTagger struct{ r io.Reader }

func (t readErrTagger) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		err = readError{err}
	}
	return n, err
}
