package blobstore

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/mssc/recert/catalog"
)

// fileblobSidecar is the attributes sidecar gocloud.dev v0.47.0's fileblob
// writes for content stored with contentType: its xattrs struct encoded by
// json.Encoder, newline included.
func fileblobSidecar(content []byte, contentType string) string {
	sum := md5.Sum(content)
	return `{"user.cache_control":"","user.content_disposition":"","user.content_encoding":"","user.content_language":"",` +
		`"user.content_type":"` + contentType + `","user.metadata":null,"md5":"` + base64.StdEncoding.EncodeToString(sum[:]) + `"}` + "\n"
}

// openFolder opens a Store on a fresh folder and returns both.
func openFolder(t *testing.T) (*Store, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "uploads")
	s, err := Open(context.Background(), (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, dir
}

func TestFileStoreReadsFileblobLayout(t *testing.T) {
	cases := []struct {
		name     string
		content  []byte
		sidecar  func(content []byte) string
		wantType string
	}{
		{"pdf with sidecar", pdfBytes, func(c []byte) string { return fileblobSidecar(c, TypePDF) }, TypePDF},
		{"png with sidecar", pngBytes, func(c []byte) string { return fileblobSidecar(c, TypePNG) }, TypePNG},
		{"without sidecar", jpegBytes, nil, "application/octet-stream"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, dir := openFolder(t)
			key := keyFor(sum(tc.content))
			p := filepath.Join(dir, filepath.FromSlash(key))
			if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, tc.content, 0o666); err != nil {
				t.Fatal(err)
			}
			if tc.sidecar != nil {
				if err := os.WriteFile(p+".attrs", []byte(tc.sidecar(tc.content)), 0o666); err != nil {
					t.Fatal(err)
				}
			}
			got, err := s.Attributes(context.Background(), key)
			if err != nil {
				t.Fatalf("Attributes: %v", err)
			}
			want := Blob{Key: key, SHA256: sum(tc.content), Size: int64(len(tc.content)), ContentType: tc.wantType}
			if got != want {
				t.Errorf("Attributes = %+v, want %+v", got, want)
			}
			if back := readAll(t, s, key); !bytes.Equal(back, tc.content) {
				t.Errorf("read back %q, want %q", back, tc.content)
			}
			// Putting the same content finds it and writes nothing.
			if _, err := s.Put(context.Background(), bytes.NewReader(tc.content), "again", DefaultLimits()); err != nil {
				t.Fatalf("Put: %v", err)
			}
			if f := files(t, dir); len(f) != 1+boolInt(tc.sidecar != nil) {
				t.Errorf("folder holds %v after a second Put", f)
			}
		})
	}
}

// boolInt returns 1 for true and 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestFileStoreWritesFileblobLayout(t *testing.T) {
	s, dir := openFolder(t)
	got, err := s.Put(context.Background(), bytes.NewReader(pdfBytes), "proof.pdf", DefaultLimits())
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	p := filepath.Join(dir, filepath.FromSlash(got.Key))
	content, err := os.ReadFile(p)
	if err != nil || !bytes.Equal(content, pdfBytes) {
		t.Fatalf("object file %s = %q, %v; want the content", p, content, err)
	}
	sidecar, err := os.ReadFile(p + ".attrs")
	if err != nil {
		t.Fatalf("reading the sidecar: %v", err)
	}
	if want := fileblobSidecar(pdfBytes, TypePDF); string(sidecar) != want {
		t.Errorf("sidecar = %s, want fileblob's %s", sidecar, want)
	}
	if f := files(t, dir); len(f) != 2 {
		t.Errorf("folder holds %v, want only the object and its sidecar", f)
	}
}

func TestFileStoreFailedWriteLeavesNothing(t *testing.T) {
	errDisk := errors.New("disk gone")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	cases := []struct {
		name    string
		ctx     context.Context
		content []byte
		err     error
		size    int64
	}{
		{"reader fails midway", context.Background(), pad(pdfBytes, 1<<20), errDisk, 2 << 20},
		{"shorter than its size", context.Background(), pdfBytes, io.EOF, int64(len(pdfBytes)) + 1},
		{"cancelled before the rename", cancelled, pdfBytes, io.EOF, int64(len(pdfBytes))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, dir := openFolder(t)
			fs := &fileStore{dir: dir}
			key := keyFor(sum(pdfBytes))
			r := &failingReader{content: tc.content, err: tc.err}
			if err := fs.put(tc.ctx, key, TypePDF, r, tc.size); err == nil {
				t.Fatal("put succeeded")
			}
			if f := files(t, dir); len(f) != 0 {
				t.Errorf("folder holds %v, want nothing", f)
			}
			if _, err := fs.stat(context.Background(), key); !errors.Is(err, errNotExist) {
				t.Errorf("stat after a failed put = %v, want errNotExist", err)
			}
		})
	}
}

func TestFileURL(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		url  string
		ok   bool
	}{
		{"absolute folder", "file://" + filepath.ToSlash(dir), true},
		{"localhost", "file://localhost" + filepath.ToSlash(dir), true},
		{"older release's parameters", "file://" + filepath.ToSlash(dir) + "?create_dir=true&no_tmp_dir=true", true},
		{"relative folder", "file:uploads", false},
		{"a host", "file://server/share", false},
		{"unknown parameter", "file://" + filepath.ToSlash(dir) + "?metadata=skip", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckURL(tc.url)
			if (err == nil) != tc.ok {
				t.Errorf("CheckURL(%q) = %v, want ok %v", tc.url, err, tc.ok)
			}
		})
	}
	t.Run("a file where the folder should be", func(t *testing.T) {
		p := filepath.Join(dir, "plain")
		if err := os.WriteFile(p, nil, 0o666); err != nil {
			t.Fatal(err)
		}
		if s, err := Open(context.Background(), "file://"+filepath.ToSlash(p)); err == nil {
			_ = s.Close()
			t.Fatal("Open succeeded")
		}
	})
	t.Run("unreadable sidecar is unavailable", func(t *testing.T) {
		s, folder := openFolder(t)
		got, err := s.Put(context.Background(), bytes.NewReader(pdfBytes), "p.pdf", DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(folder, filepath.FromSlash(got.Key))+".attrs", []byte("{not json"), 0o666); err != nil {
			t.Fatal(err)
		}
		_, err = s.Attributes(context.Background(), got.Key)
		assertCode(t, err, catalog.CodeUnavailable, "")
	})
}
