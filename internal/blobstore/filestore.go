package blobstore

import (
	"context"
	"crypto/md5"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// fileStore keeps objects in a local folder (file:///folder), in the layout
// of gocloud.dev's fileblob, which earlier releases used: the content of key
// K is the file <folder>/K and its attributes are the JSON sidecar
// <folder>/K.attrs. Files either wrote are read by both, so uploads survive
// an upgrade and a rollback.
//
// A write goes to a temporary file beside its final place, is synced to the
// disk and then renamed, so a crash never leaves a partial file under a key.
type fileStore struct {
	dir string
}

// fileAttrsExt ends the name of an object's attributes sidecar.
const fileAttrsExt = ".attrs"

// fileAttrs is the JSON of an attributes sidecar, as fileblob writes it
// (gocloud.dev v0.47.0, blob/fileblob/attrs.go). Only ContentType is read;
// the other fields are written so that fileblob finds what it expects.
type fileAttrs struct {
	CacheControl       string            `json:"user.cache_control"`
	ContentDisposition string            `json:"user.content_disposition"`
	ContentEncoding    string            `json:"user.content_encoding"`
	ContentLanguage    string            `json:"user.content_language"`
	ContentType        string            `json:"user.content_type"`
	Metadata           map[string]string `json:"user.metadata"`
	MD5                []byte            `json:"md5"`
}

// fileDefaultType is the content type of an object without a sidecar, as
// fileblob reports it.
const fileDefaultType = "application/octet-stream"

// fileURLParams are the query parameters a file:// URL may carry. Earlier
// releases set both for fileblob; this store always creates the folder and
// always writes temporary files beside their final place.
var fileURLParams = map[string]bool{"create_dir": true, "no_tmp_dir": true}

// fileFolder returns the folder a file:// URL names.
func fileFolder(u *url.URL) (string, error) {
	if u.Host != "" && u.Host != "localhost" {
		return "", fmt.Errorf("blobstore: file URL %q names host %q; use file:///absolute/folder", u.Redacted(), u.Host)
	}
	for name := range u.Query() {
		if !fileURLParams[name] {
			return "", fmt.Errorf("blobstore: file URL parameter %q is not understood (only create_dir and no_tmp_dir are)", name)
		}
	}
	p := u.Path
	if runtime.GOOS == "windows" && len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:] // file:///C:/data/uploads
	}
	dir := filepath.FromSlash(p)
	if !filepath.IsAbs(dir) {
		return "", fmt.Errorf("blobstore: file URL %q does not name an absolute folder; use file:///absolute/folder", u.Redacted())
	}
	return filepath.Clean(dir), nil
}

// openFileStore opens the folder u names, creating it when missing.
func openFileStore(u *url.URL) (*fileStore, error) {
	dir, err := fileFolder(u)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	return &fileStore{dir: dir}, nil
}

// path returns the file that holds key.
func (f *fileStore) path(key string) string {
	return filepath.Join(f.dir, filepath.FromSlash(key))
}

func (f *fileStore) stat(_ context.Context, key string) (objectInfo, error) {
	p := f.path(key)
	fi, err := os.Stat(p)
	if err != nil {
		return objectInfo{}, notExistOr(err)
	}
	if !fi.Mode().IsRegular() {
		return objectInfo{}, errNotExist
	}
	contentType, err := readContentType(p + fileAttrsExt)
	if err != nil {
		return objectInfo{}, err
	}
	return objectInfo{size: fi.Size(), contentType: contentType}, nil
}

// readContentType returns the content type an attributes sidecar records,
// or fileDefaultType when there is no sidecar, as fileblob does.
func readContentType(sidecar string) (string, error) {
	raw, err := os.ReadFile(sidecar)
	if errors.Is(err, fs.ErrNotExist) {
		return fileDefaultType, nil
	}
	if err != nil {
		return "", err
	}
	var attrs fileAttrs
	if err := json.Unmarshal(raw, &attrs); err != nil {
		return "", fmt.Errorf("blobstore: attributes %s: %w", sidecar, err)
	}
	return attrs.ContentType, nil
}

func (f *fileStore) get(_ context.Context, key string) (io.ReadCloser, error) {
	file, err := os.Open(f.path(key))
	if err != nil {
		return nil, notExistOr(err)
	}
	fi, err := file.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = errNotExist
	}
	if err != nil {
		_ = file.Close()
		return nil, err
	}
	return file, nil
}

// put writes the content to a temporary file and the attributes to another,
// syncs both, then renames the sidecar and last the content into place:
// once the content is under its key, its sidecar is too. A crash between
// the two renames leaves only a sidecar without content, which a later put
// of the same content overwrites.
func (f *fileStore) put(ctx context.Context, key, contentType string, content io.Reader, size int64) error {
	p := f.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
		return err
	}
	sum := md5.New()
	data, err := writeTemp(p, func(w io.Writer) error {
		n, err := io.Copy(io.MultiWriter(w, sum), content)
		if err == nil && n != size {
			err = fmt.Errorf("blobstore: wrote %d bytes of %d", n, size)
		}
		return err
	})
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(data) }() // fails once renamed
	attrs := fileAttrs{ContentType: contentType, MD5: sum.Sum(nil)}
	sidecar, err := writeTemp(p+fileAttrsExt, func(w io.Writer) error {
		return json.NewEncoder(w).Encode(attrs)
	})
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(sidecar) }()
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.Rename(sidecar, p+fileAttrsExt); err != nil {
		return err
	}
	if err := os.Rename(data, p); err != nil {
		return err
	}
	return syncDir(filepath.Dir(p))
}

// writeTemp creates a new temporary file beside final (so that renaming it
// there never crosses file systems), fills it with write, syncs and closes
// it, and returns its name. The file is removed when any step fails. Its
// mode is 0666 less the umask, like the files fileblob writes.
func writeTemp(final string, write func(io.Writer) error) (string, error) {
	var (
		file *os.File
		err  error
	)
	for range 10 {
		file, err = os.OpenFile(final+"."+strings.ToLower(rand.Text()[:13])+".tmp", os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return "", err
	}
	err = write(file)
	if err == nil {
		err = file.Sync()
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(file.Name())
		return "", err
	}
	return file.Name(), nil
}

// syncDir makes the renames in dir durable. Some systems cannot sync a
// folder; the rename has happened all the same, so that is not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	serr := d.Sync()
	cerr := d.Close()
	if serr != nil && !errors.Is(serr, errors.ErrUnsupported) && runtime.GOOS != "windows" {
		return serr
	}
	return cerr
}

func (f *fileStore) close() error { return nil }

// notExistOr returns errNotExist, wrapping err, when err says a file does
// not exist, and err otherwise.
func notExistOr(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: %w", errNotExist, err)
	}
	return err
}
