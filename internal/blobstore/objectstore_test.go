package blobstore

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/minio/minio-go/v7"
)

// fakeBucket is the bucket fakeS3 creates.
const fakeBucket = "recert-uploads"

// fakeS3 starts an in-process S3 server holding an empty fakeBucket, points
// the credential chain at test keys, and returns the s3:// URL of the
// bucket.
func fakeS3(t *testing.T) string {
	t.Helper()
	rawURL, _ := startFakeS3(t)
	t.Setenv("AWS_ACCESS_KEY_ID", "test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test")
	return rawURL
}

// startFakeS3 starts an in-process S3 server holding an empty fakeBucket,
// with no credentials in the environment, and returns the s3:// URL of the
// bucket and a function returning the headers of the last request.
func startFakeS3(t *testing.T) (string, func() http.Header) {
	t.Helper()
	mem := s3mem.New()
	if err := mem.CreateBucket(fakeBucket); err != nil {
		t.Fatalf("creating the bucket: %v", err)
	}
	var (
		mu   sync.Mutex
		last http.Header
	)
	s3 := gofakes3.New(mem).Server()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		last = r.Header.Clone()
		mu.Unlock()
		if err := dechunkPart(r); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s3.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	isolateAWSConfig(t)
	q := url.Values{"region": {"us-east-1"}, "endpoint": {srv.URL}, "use_path_style": {"true"}}
	return "s3://" + fakeBucket + "?" + q.Encode(), func() http.Header {
		mu.Lock()
		defer mu.Unlock()
		return last
	}
}

// dechunkPart decodes the aws-chunked body of a multipart part upload,
// which minio-go signs chunk by chunk over plain HTTP: gofakes3 v1.2.0
// decodes such bodies for whole objects only, and would store a part's
// chunk headers as content. Real S3-compatible stores decode both.
func dechunkPart(r *http.Request) error {
	if !r.URL.Query().Has("partNumber") || r.Header.Get("X-Amz-Content-Sha256") != "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" {
		return nil
	}
	in := bufio.NewReader(r.Body)
	var out bytes.Buffer
	for {
		header, err := in.ReadString('\n')
		if err != nil {
			return fmt.Errorf("chunk header: %w", err)
		}
		hexSize, _, _ := strings.Cut(strings.TrimSpace(header), ";")
		size, err := strconv.ParseInt(hexSize, 16, 64)
		if err != nil {
			return fmt.Errorf("chunk size %q: %w", hexSize, err)
		}
		if _, err := io.CopyN(&out, in, size); err != nil {
			return fmt.Errorf("chunk: %w", err)
		}
		if _, err := in.Discard(2); err != nil { // the chunk's closing CRLF
			return fmt.Errorf("chunk end: %w", err)
		}
		if size == 0 {
			break
		}
	}
	r.Body = io.NopCloser(&out)
	r.ContentLength = int64(out.Len())
	r.Header.Set("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD")
	r.Header.Del("X-Amz-Decoded-Content-Length")
	r.Header.Del("Content-Encoding")
	return nil
}

// isolateAWSConfig keeps a test away from any AWS configuration on the
// machine.
func isolateAWSConfig(t *testing.T) {
	t.Helper()
	none := filepath.Join(t.TempDir(), "none")
	for name, value := range map[string]string{
		"AWS_CONFIG_FILE": none, "AWS_SHARED_CREDENTIALS_FILE": none, "AWS_PROFILE": "",
		"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "",
		"AWS_REGION": "", "AWS_DEFAULT_REGION": "", "AWS_WEB_IDENTITY_TOKEN_FILE": "",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "",
		"MINIO_ACCESS_KEY": "", "MINIO_SECRET_KEY": "", "MINIO_ROOT_USER": "", "MINIO_ROOT_PASSWORD": "",
	} {
		t.Setenv(name, value)
	}
}

// listKeys lists every key objects holds, sorted.
func listKeys(t *testing.T, objects objectStore) []string {
	t.Helper()
	var keys []string
	switch o := objects.(type) {
	case *memStore:
		o.mu.Lock()
		for k := range o.objects {
			keys = append(keys, k)
		}
		o.mu.Unlock()
	case *fileStore:
		err := filepath.WalkDir(o.dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, fileAttrsExt) {
				return err
			}
			rel, err := filepath.Rel(o.dir, p)
			keys = append(keys, filepath.ToSlash(rel))
			return err
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("walking %s: %v", o.dir, err)
		}
	case *s3Store:
		for obj := range o.client.ListObjects(context.Background(), o.bucket, minio.ListObjectsOptions{Recursive: true}) {
			if obj.Err != nil {
				t.Fatalf("listing the bucket: %v", obj.Err)
			}
			keys = append(keys, obj.Key)
		}
	default:
		t.Fatalf("listKeys: unknown store %T", objects)
	}
	slices.Sort(keys)
	return keys
}
