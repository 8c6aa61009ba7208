package blobstore

import (
	"context"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
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
	useTestKeys(t)
	return rawURL
}

// useTestKeys keeps a test away from any AWS configuration on the machine
// and puts test keys in the environment.
func useTestKeys(t *testing.T) {
	t.Helper()
	isolateAWSConfig(t)
	t.Setenv("AWS_ACCESS_KEY_ID", "test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test")
}

// startFakeS3 starts an in-process S3 server holding an empty fakeBucket,
// with no credentials in the environment, and returns the s3:// URL of the
// bucket and a function returning the headers of the last request.
func startFakeS3(t *testing.T) (string, func() http.Header) {
	t.Helper()
	srv := newFakeS3Server(t, nil)
	isolateAWSConfig(t)
	return srv.bucketURL(url.Values{"region": {"us-east-1"}, "use_path_style": {"true"}}), func() http.Header {
		seen := srv.requests()
		if len(seen) == 0 {
			return nil
		}
		return seen[len(seen)-1].Header
	}
}

// fakeS3Server is an in-process S3 server (gofakes3) holding an empty
// fakeBucket, which records the requests it is sent.
type fakeS3Server struct {
	*httptest.Server
	mu sync.Mutex
	// seen holds the requests sent, without their bodies.
	seen []*http.Request
}

// newFakeS3Server starts a fakeS3Server with gofakes3's opts. intercept,
// when not nil, sees each request first and answers it itself when it
// returns true.
func newFakeS3Server(t *testing.T, intercept func(http.ResponseWriter, *http.Request) bool, opts ...gofakes3.Option) *fakeS3Server {
	t.Helper()
	mem := s3mem.New()
	if err := mem.CreateBucket(fakeBucket); err != nil {
		t.Fatalf("creating the bucket: %v", err)
	}
	s3 := gofakes3.New(mem, opts...).Server()
	f := &fakeS3Server{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen := r.Clone(context.Background())
		seen.Body = nil
		f.mu.Lock()
		f.seen = append(f.seen, seen)
		f.mu.Unlock()
		if intercept != nil && intercept(w, r) {
			return
		}
		s3.ServeHTTP(w, r)
	}))
	t.Cleanup(f.Close)
	return f
}

// requests returns the requests sent so far.
func (f *fakeS3Server) requests() []*http.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.seen)
}

// bucketURL returns the s3:// URL of fakeBucket on f with the parameters
// q.
func (f *fakeS3Server) bucketURL(q url.Values) string {
	q.Set("endpoint", f.URL)
	return "s3://" + fakeBucket + "?" + q.Encode()
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
		lookup := minio.BucketLookupPath
		if o.virtualHost {
			lookup = minio.BucketLookupDNS
		}
		client, err := minio.New(o.endpoint, &minio.Options{Creds: o.creds, Secure: o.scheme == "https", Region: o.region, BucketLookup: lookup, Transport: o.client.Transport})
		if err != nil {
			t.Fatalf("listing the bucket: %v", err)
		}
		for obj := range client.ListObjects(context.Background(), o.bucket, minio.ListObjectsOptions{Recursive: true}) {
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
