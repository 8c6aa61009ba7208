package blobstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

// Content with the right leading bytes for each accepted type.
var (
	pdfBytes  = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	pngBytes  = append([]byte("\x89PNG\r\n\x1a\n"), []byte("\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00")...)
	jpegBytes = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9")
)

// backend is a Store under test together with what lets a test look at the
// bucket from outside.
type backend struct {
	store *Store
	// dir is the bucket's folder for file:// buckets, "" otherwise.
	dir string
	// spool is the Store's temporary folder.
	spool string
}

// backends returns the bucket kinds every Put test runs on.
func backends() []struct {
	name string
	open func(t *testing.T) backend
} {
	return []struct {
		name string
		open func(t *testing.T) backend
	}{
		{"mem", func(t *testing.T) backend { return openBackend(t, "mem://", "") }},
		{"file", func(t *testing.T) backend {
			dir := filepath.Join(t.TempDir(), "uploads")
			return openBackend(t, (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String(), dir)
		}},
		{"s3", func(t *testing.T) backend { return openBackend(t, fakeS3(t), "") }},
	}
}

func openBackend(t *testing.T, rawURL, dir string) backend {
	t.Helper()
	s, err := Open(context.Background(), rawURL)
	if err != nil {
		t.Fatalf("Open(%q): %v", rawURL, err)
	}
	t.Cleanup(func() { _ = s.Close() })
	s.tempDir = t.TempDir()
	return backend{store: s, dir: dir, spool: s.tempDir}
}

// keys lists every key in the bucket.
func (b backend) keys(t *testing.T) []string {
	t.Helper()
	return listKeys(t, b.store.objects)
}

// files lists every regular file under dir, which may not exist.
func files(t *testing.T, dir string) []string {
	t.Helper()
	if dir == "" {
		return nil
	}
	var found []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			found = append(found, p)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("walking %s: %v", dir, err)
	}
	return found
}

// assertNothingStored fails unless the bucket, its folder and the spool
// folder are all empty.
func (b backend) assertNothingStored(t *testing.T) {
	t.Helper()
	if keys := b.keys(t); len(keys) != 0 {
		t.Errorf("bucket holds %v, want nothing", keys)
	}
	if f := files(t, b.dir); len(f) != 0 {
		t.Errorf("bucket folder holds %v, want nothing", f)
	}
	if f := files(t, b.spool); len(f) != 0 {
		t.Errorf("spool folder holds %v, want nothing", f)
	}
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// readAll reads the content stored under key.
func readAll(t *testing.T, s *Store, key string) []byte {
	t.Helper()
	r, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("Open(%q): %v", key, err)
	}
	defer r.Close()
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("reading %q: %v", key, err)
	}
	return got
}

// assertCode fails unless err is a *catalog.Error with the code and, when
// message is not empty, exactly that message.
func assertCode(t *testing.T, err error, code catalog.Code, message string) {
	t.Helper()
	var ce *catalog.Error
	if !errors.As(err, &ce) {
		t.Fatalf("error = %v (%T), want a *catalog.Error with code %s", err, err, code)
	}
	if ce.Code != code {
		t.Errorf("code = %s, want %s (error %v)", ce.Code, code, err)
	}
	if message != "" && ce.Message != message {
		t.Errorf("message = %q, want %q", ce.Message, message)
	}
}

func TestPutAccepts(t *testing.T) {
	cases := []struct {
		name     string
		declared string
		content  []byte
		wantType string
	}{
		{"pdf", "certificate.pdf", pdfBytes, TypePDF},
		{"png", "proof.png", pngBytes, TypePNG},
		{"jpeg", "photo.jpg", jpegBytes, TypeJPEG},
		{"pdf declared as png", "scan.png", pdfBytes, TypePDF},
		{"jpeg without a name", "", jpegBytes, TypeJPEG},
	}
	for _, be := range backends() {
		t.Run(be.name, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					b := be.open(t)
					ctx := context.Background()
					got, err := b.store.Put(ctx, bytes.NewReader(tc.content), tc.declared, DefaultLimits())
					if err != nil {
						t.Fatalf("Put: %v", err)
					}
					wantSum := sum(tc.content)
					want := Blob{
						Key:          "sha256/" + wantSum[:2] + "/" + wantSum[2:],
						SHA256:       wantSum,
						Size:         int64(len(tc.content)),
						ContentType:  tc.wantType,
						OriginalName: sanitizeName(tc.declared),
					}
					if got != want {
						t.Errorf("Put = %+v, want %+v", got, want)
					}
					if back := readAll(t, b.store, got.Key); !bytes.Equal(back, tc.content) {
						t.Errorf("read back %q, want %q", back, tc.content)
					}
					attrs, err := b.store.Attributes(ctx, got.Key)
					if err != nil {
						t.Fatalf("Attributes: %v", err)
					}
					want.OriginalName = ""
					if attrs != want {
						t.Errorf("Attributes = %+v, want %+v", attrs, want)
					}
					if keys := b.keys(t); len(keys) != 1 || keys[0] != got.Key {
						t.Errorf("bucket holds %v, want only %s", keys, got.Key)
					}
					if f := files(t, b.spool); len(f) != 0 {
						t.Errorf("spool folder holds %v, want nothing", f)
					}
				})
			}
		})
	}
}

func TestPutRefuses(t *testing.T) {
	const typesMsg = "only PDF, PNG or JPEG files are accepted"
	cases := []struct {
		name     string
		declared string
		content  []byte
		limits   Limits
		message  string
	}{
		{"text", "notes.txt", []byte("I passed the exam, trust me.\n"), DefaultLimits(), typesMsg},
		{"exe", "setup.exe", append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 64)...), DefaultLimits(), typesMsg},
		{"html named x.pdf", "x.pdf", []byte("<!DOCTYPE html><html><body>%PDF-</body></html>"), DefaultLimits(), typesMsg},
		{"pdf magic not at the start", "x.pdf", append([]byte(" "), pdfBytes...), DefaultLimits(), typesMsg},
		{"truncated png magic", "x.png", []byte("\x89PNG"), DefaultLimits(), typesMsg},
		{"empty", "empty.pdf", nil, DefaultLimits(), "the file is empty"},
		{"png when only pdf allowed", "proof.png", pngBytes, Limits{AllowedTypes: []string{TypePDF}}, "only PDF files are accepted"},
		{"jpeg when pdf or png allowed", "proof.jpg", jpegBytes, Limits{AllowedTypes: []string{TypePDF, TypePNG}}, "only PDF or PNG files are accepted"},
		{"over a custom limit", "big.pdf", pad(pdfBytes, 64<<10+1), Limits{MaxBytes: 64 << 10}, "files may be at most 64 KB"},
		{"tiny limit below the magic length", "x.png", pngBytes, Limits{MaxBytes: 4}, "files may be at most 4 bytes"},
	}

	for _, be := range backends() {
		t.Run(be.name, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					b := be.open(t)
					got, err := b.store.Put(context.Background(), bytes.NewReader(tc.content), tc.declared, tc.limits)
					if err == nil {
						t.Fatalf("Put = %+v, want an error", got)
					}
					assertCode(t, err, catalog.CodeBadUserInput, tc.message)
					b.assertNothingStored(t)
				})
			}
		})
	}
}

// pad returns content followed by zero bytes up to size bytes.
func pad(content []byte, size int) []byte {
	out := make([]byte, size)
	copy(out, content)
	return out
}

func TestPutSizeLimit(t *testing.T) {
	limit := DefaultLimits().MaxBytes
	cases := []struct {
		name string
		size int64
		ok   bool
	}{
		{"one byte under the limit", limit - 1, true},
		{"exactly at the limit", limit, true},
		{"one byte over the limit", limit + 1, false},
		{"far over the limit", 3 * limit, false},
	}
	for _, be := range backends() {
		t.Run(be.name, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					b := be.open(t)
					content := pad(pdfBytes, int(tc.size))
					got, err := b.store.Put(context.Background(), bytes.NewReader(content), "big.pdf", DefaultLimits())
					if !tc.ok {
						if err == nil {
							t.Fatalf("Put = %+v, want an error", got)
						}
						assertCode(t, err, catalog.CodeBadUserInput, "files may be at most 10 MB")
						b.assertNothingStored(t)
						return
					}
					if err != nil {
						t.Fatalf("Put: %v", err)
					}
					if got.Size != tc.size || got.SHA256 != sum(content) {
						t.Errorf("Put = size %d, sha256 %s; want %d, %s", got.Size, got.SHA256, tc.size, sum(content))
					}
					if back := readAll(t, b.store, got.Key); !bytes.Equal(back, content) {
						t.Errorf("read back %d bytes differing from the %d stored", len(back), len(content))
					}
				})
			}
		})
	}
}

func TestPutSameContentTwice(t *testing.T) {
	for _, be := range backends() {
		t.Run(be.name, func(t *testing.T) {
			b := be.open(t)
			ctx := context.Background()
			first, err := b.store.Put(ctx, bytes.NewReader(pdfBytes), "first.pdf", DefaultLimits())
			if err != nil {
				t.Fatalf("first Put: %v", err)
			}
			second, err := b.store.Put(ctx, bytes.NewReader(pdfBytes), "second.pdf", DefaultLimits())
			if err != nil {
				t.Fatalf("second Put: %v", err)
			}
			if first.Key != second.Key {
				t.Errorf("keys differ: %s and %s", first.Key, second.Key)
			}
			if first.OriginalName != "first.pdf" || second.OriginalName != "second.pdf" {
				t.Errorf("names = %q, %q; want first.pdf, second.pdf", first.OriginalName, second.OriginalName)
			}
			other, err := b.store.Put(ctx, bytes.NewReader(pngBytes), "first.pdf", DefaultLimits())
			if err != nil {
				t.Fatalf("third Put: %v", err)
			}
			if other.Key == first.Key {
				t.Errorf("different content got the same key %s", other.Key)
			}
			if keys := b.keys(t); len(keys) != 2 {
				t.Errorf("bucket holds %v, want two objects", keys)
			}
		})
	}
}

// failingReader yields its content, then fails.
type failingReader struct {
	content []byte
	err     error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.content) == 0 {
		return 0, f.err
	}
	n := copy(p, f.content)
	f.content = f.content[n:]
	return n, nil
}

func TestPutReaderFails(t *testing.T) {
	errBroken := errors.New("connection reset by peer")
	cases := []struct {
		name   string
		before []byte
	}{
		{"before any byte", nil},
		{"inside the magic bytes", pdfBytes[:3]},
		{"after the magic bytes", pdfBytes},
		{"after a megabyte", pad(pdfBytes, 1<<20)},
	}
	for _, be := range backends() {
		t.Run(be.name, func(t *testing.T) {
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					b := be.open(t)
					r := &failingReader{content: tc.before, err: errBroken}
					got, err := b.store.Put(context.Background(), r, "proof.pdf", DefaultLimits())
					if err == nil {
						t.Fatalf("Put = %+v, want an error", got)
					}
					assertCode(t, err, catalog.CodeBadUserInput, "the file could not be read completely; please upload it again")
					if !errors.Is(err, errBroken) {
						t.Errorf("error %v does not wrap the reader's error", err)
					}
					b.assertNothingStored(t)
				})
			}
		})
	}
}

func TestPutCancelled(t *testing.T) {
	for _, be := range backends() {
		t.Run(be.name, func(t *testing.T) {
			b := be.open(t)
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if _, err := b.store.Put(ctx, bytes.NewReader(pdfBytes), "proof.pdf", DefaultLimits()); err == nil {
				t.Fatal("Put with a cancelled context succeeded")
			}
			b.assertNothingStored(t)
		})
	}
}

func TestPutSanitizesName(t *testing.T) {
	for _, be := range backends() {
		t.Run(be.name, func(t *testing.T) {
			b := be.open(t)
			got, err := b.store.Put(context.Background(), bytes.NewReader(pdfBytes), "../../etc/passwd\x00\n", DefaultLimits())
			if err != nil {
				t.Fatalf("Put: %v", err)
			}
			if got.OriginalName != "passwd" {
				t.Errorf("OriginalName = %q, want %q", got.OriginalName, "passwd")
			}
			if got.ContentType != TypePDF {
				t.Errorf("ContentType = %q, want %q", got.ContentType, TypePDF)
			}
		})
	}
}

func TestSanitizeName(t *testing.T) {
	long := strings.Repeat("a", 300)
	cases := []struct {
		name string
		in   string
		want string
	}{
		{"plain", "certificate.pdf", "certificate.pdf"},
		{"unix traversal", "../../etc/passwd", "passwd"},
		{"absolute path", "/etc/passwd", "passwd"},
		{"windows path", `C:\fakepath\cert.pdf`, "cert.pdf"},
		{"windows traversal", `..\..\windows\system32\cmd.exe`, "cmd.exe"},
		{"control characters", "a\x00b\nc\td\x7fe\u0085.pdf", "abcde.pdf"},
		{"control characters hiding a separator", "..\x00/..\x01/secret.pdf", "secret.pdf"},
		{"right-to-left override", "invoice\u202Efdp.exe", "invoicefdp.exe"},
		{"invalid utf-8", "caf\xe9.pdf", "caf.pdf"},
		{"surrounding spaces", "  proof.png  ", "proof.png"},
		{"unicode kept", "Zertifikat Müller 証明書.pdf", "Zertifikat Müller 証明書.pdf"},
		{"empty", "", "upload"},
		{"only a directory", "../", "upload"},
		{"dot dot", "..", "upload"},
		{"only control characters", "\x00\x01\x02", "upload"},
		{"exactly 200", long[:200], long[:200]},
		{"long keeps the extension", long + ".pdf", long[:196] + ".pdf"},
		{"long without extension", long, long[:200]},
		{"long with a long extension", "x." + long, ("x." + long)[:200]},
		{"long multibyte", strings.Repeat("é", 250) + ".png", strings.Repeat("é", 196) + ".png"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := sanitizeName(tc.in)
			if got != tc.want {
				t.Errorf("sanitizeName(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if n := len([]rune(got)); n > maxNameLength {
				t.Errorf("sanitizeName(%q) has %d characters, want at most %d", tc.in, n, maxNameLength)
			}
		})
	}
}

func TestOpenMissing(t *testing.T) {
	missing := sum([]byte("never stored"))
	cases := []struct {
		name string
		key  string
	}{
		{"well-formed missing key", "sha256/" + missing[:2] + "/" + missing[2:]},
		{"empty key", ""},
		{"traversal", "../../etc/passwd"},
		{"prefix only", "sha256/"},
		{"upper-case hex", "sha256/" + strings.ToUpper(missing[:2]) + "/" + strings.ToUpper(missing[2:])},
		{"attributes sidecar", "sha256/" + missing[:2] + "/" + missing[2:] + ".attrs"},
	}
	for _, be := range backends() {
		t.Run(be.name, func(t *testing.T) {
			b := be.open(t)
			// Something stored, so the bucket is not trivially empty.
			if _, err := b.store.Put(context.Background(), bytes.NewReader(pdfBytes), "x.pdf", DefaultLimits()); err != nil {
				t.Fatalf("Put: %v", err)
			}
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					r, err := b.store.Open(context.Background(), tc.key)
					if err == nil {
						_ = r.Close()
						t.Fatalf("Open(%q) succeeded", tc.key)
					}
					assertCode(t, err, catalog.CodeNotFound, "")
					if _, err := b.store.Attributes(context.Background(), tc.key); err == nil {
						t.Fatalf("Attributes(%q) succeeded", tc.key)
					} else {
						assertCode(t, err, catalog.CodeNotFound, "")
					}
				})
			}
		})
	}
}

func TestClosedStoreIsUnavailable(t *testing.T) {
	for _, be := range backends() {
		t.Run(be.name, func(t *testing.T) {
			b := be.open(t)
			stored, err := b.store.Put(context.Background(), bytes.NewReader(pdfBytes), "x.pdf", DefaultLimits())
			if err != nil {
				t.Fatalf("Put: %v", err)
			}
			if err := b.store.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			_, err = b.store.Put(context.Background(), bytes.NewReader(pngBytes), "y.png", DefaultLimits())
			assertCode(t, err, catalog.CodeUnavailable, "")
			_, err = b.store.Open(context.Background(), stored.Key)
			assertCode(t, err, catalog.CodeUnavailable, "")
		})
	}
}

func TestOpenURL(t *testing.T) {
	t.Run("file creates the folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "a", "b", "uploads")
		s, err := Open(context.Background(), (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String())
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		defer s.Close()
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			t.Fatalf("folder %s not created: %v", dir, err)
		}
		got, err := s.Put(context.Background(), bytes.NewReader(pngBytes), "p.png", DefaultLimits())
		if err != nil {
			t.Fatalf("Put: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(got.Key))); err != nil {
			t.Errorf("stored file not under the folder: %v", err)
		}
	})
	t.Run("mem", func(t *testing.T) {
		s, err := Open(context.Background(), "mem://")
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	t.Run("s3 scheme is registered", func(t *testing.T) {
		// Opening reads no network; keep it away from any real AWS
		// configuration on the machine.
		t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
		t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
		t.Setenv("AWS_ACCESS_KEY_ID", "test")
		t.Setenv("AWS_SECRET_ACCESS_KEY", "test")
		t.Setenv("AWS_PROFILE", "")
		s, err := Open(context.Background(), "s3://recert-uploads?region=us-east-1&endpoint=http://127.0.0.1:9&use_path_style=true")
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	for _, bad := range []string{"gs://bucket", "ftp://host/x", "/no/scheme", "mem://%zz"} {
		t.Run("refuses "+bad, func(t *testing.T) {
			if s, err := Open(context.Background(), bad); err == nil {
				_ = s.Close()
				t.Fatalf("Open(%q) succeeded", bad)
			}
		})
	}
}

func TestDefaultURL(t *testing.T) {
	t.Run("absolute data dir", func(t *testing.T) {
		dir := t.TempDir()
		got := DefaultURL(dir)
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("DefaultURL(%q) = %q does not parse: %v", dir, got, err)
		}
		want := filepath.ToSlash(filepath.Join(dir, "uploads"))
		if !strings.HasPrefix(want, "/") {
			want = "/" + want
		}
		if u.Scheme != "file" || u.Host != "" || u.Path != want {
			t.Errorf("DefaultURL(%q) = %q, want file://%s", dir, got, want)
		}
	})
	t.Run("relative data dir becomes absolute", func(t *testing.T) {
		got := DefaultURL("data")
		u, err := url.Parse(got)
		if err != nil {
			t.Fatalf("DefaultURL = %q does not parse: %v", got, err)
		}
		wd, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		want := filepath.ToSlash(filepath.Join(wd, "data", "uploads"))
		if !strings.HasPrefix(want, "/") {
			want = "/" + want
		}
		if u.Path != want {
			t.Errorf("DefaultURL(\"data\") path = %q, want %q", u.Path, want)
		}
	})
	t.Run("opens and stores under the folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "data dir with spaces")
		s, err := Open(context.Background(), DefaultURL(dir))
		if err != nil {
			t.Fatalf("Open(DefaultURL): %v", err)
		}
		defer s.Close()
		got, err := s.Put(context.Background(), bytes.NewReader(jpegBytes), "j.jpg", DefaultLimits())
		if err != nil {
			t.Fatalf("Put: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "uploads", filepath.FromSlash(got.Key))); err != nil {
			t.Errorf("stored file not under <dataDir>/uploads: %v", err)
		}
	})
}

func TestDefaultLimits(t *testing.T) {
	l := DefaultLimits()
	if l.MaxBytes != 10*1024*1024 {
		t.Errorf("MaxBytes = %d, want 10 MiB", l.MaxBytes)
	}
	want := []string{"application/pdf", "image/png", "image/jpeg"}
	if strings.Join(l.AllowedTypes, ",") != strings.Join(want, ",") {
		t.Errorf("AllowedTypes = %v, want %v", l.AllowedTypes, want)
	}
}

func TestFormatSize(t *testing.T) {
	cases := []struct {
		name string
		n    int64
		want string
	}{
		{"mebibytes", 10 << 20, "10 MB"},
		{"kibibytes", 512 << 10, "512 KB"},
		{"bytes", 1000, "1000 bytes"},
		{"one byte", 1, "1 byte"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatSize(tc.n); got != tc.want {
				t.Errorf("formatSize(%d) = %q, want %q", tc.n, got, tc.want)
			}
		})
	}
}
