package blobstore

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/mssc/recert/catalog"
)

// pathStyle is the parameters of a path-style bucket URL in us-east-1.
func pathStyle() url.Values {
	return url.Values{"region": {"us-east-1"}, "use_path_style": {"true"}}
}

func TestS3HeadOfMissingKey(t *testing.T) {
	srv := newFakeS3Server(t, nil)
	useTestKeys(t)
	s := openBackend(t, srv.bucketURL(pathStyle()), "").store
	key := keyFor(sum(pdfBytes))
	if _, err := s.objects.stat(context.Background(), key); !errors.Is(err, errNotExist) {
		t.Errorf("stat of a missing key = %v, want errNotExist", err)
	}
	_, err := s.Attributes(context.Background(), key)
	assertCode(t, err, catalog.CodeNotFound, "")
	for _, r := range srv.requests() {
		if r.Method != http.MethodHead || r.URL.Path != "/"+fakeBucket+"/"+key {
			t.Errorf("request %s %s, want HEAD /%s/%s", r.Method, r.URL.Path, fakeBucket, key)
		}
	}
}

func TestS3ErrorBodySurfaces(t *testing.T) {
	const body = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>Uploads are closed for maintenance</Message><RequestId>req-42</RequestId></Error>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusForbidden)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	useTestKeys(t)
	q := pathStyle()
	q.Set("endpoint", srv.URL)
	s := openBackend(t, "s3://"+fakeBucket+"?"+q.Encode(), "").store
	_, putErr := s.Put(context.Background(), bytes.NewReader(pdfBytes), "x.pdf", DefaultLimits())
	_, openErr := s.Open(context.Background(), keyFor(sum(pdfBytes)))
	for name, err := range map[string]error{"Put": putErr, "Open": openErr} {
		assertCode(t, err, catalog.CodeUnavailable, unavailableMsg)
		var e *s3Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: error %v holds no *s3Error", name, err)
		}
		if e.Status != http.StatusForbidden || e.Code != "AccessDenied" || e.Message != "Uploads are closed for maintenance" || e.RequestID != "req-42" {
			t.Errorf("%s: s3Error = %+v, want the body's code, message and request id", name, e)
		}
		for _, want := range []string{"AccessDenied", "Uploads are closed for maintenance", "req-42"} {
			if !strings.Contains(e.Error(), want) {
				t.Errorf("%s: %q does not mention %q", name, e.Error(), want)
			}
		}
	}
}

func TestS3VirtualHostAddressing(t *testing.T) {
	srv := newFakeS3Server(t, nil, gofakes3.WithHostBucket(true))
	useTestKeys(t)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	endpoint := "s3.test:" + port
	q := url.Values{"region": {"us-east-1"}, "use_path_style": {"false"}, "endpoint": {"http://" + endpoint}}
	s := openBackend(t, "s3://"+fakeBucket+"?"+q.Encode(), "").store
	// s3.test resolves nowhere: every connection goes to the fake server.
	s.objects.(*s3Store).client.Transport.(*http.Transport).DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, srv.Listener.Addr().String())
	}
	got, err := s.Put(context.Background(), bytes.NewReader(pdfBytes), "x.pdf", DefaultLimits())
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if back := readAll(t, s, got.Key); !bytes.Equal(back, pdfBytes) {
		t.Errorf("read back %q, want %q", back, pdfBytes)
	}
	seen := srv.requests()
	if len(seen) != 3 {
		t.Errorf("%d requests, want HEAD, PUT and GET", len(seen))
	}
	for _, r := range seen {
		if r.Host != fakeBucket+"."+endpoint || r.URL.Path != "/"+got.Key {
			t.Errorf("%s to host %s, path %s; want host %s.%s, path /%s", r.Method, r.Host, r.URL.Path, fakeBucket, endpoint, got.Key)
		}
	}
}

func TestS3Addressing(t *testing.T) {
	// Each bucket URL, and the address of key k it gives.
	cases := map[string]string{
		"s3://b?region=eu-west-1":                                       "https://b.s3.dualstack.eu-west-1.amazonaws.com/k",
		"s3://b?region=cn-north-1":                                      "https://b.s3.dualstack.cn-north-1.amazonaws.com.cn/k",
		"s3://b.with.dots?region=eu-west-1":                             "https://s3.dualstack.eu-west-1.amazonaws.com/b.with.dots/k",
		"s3://b?region=eu-west-1&use_path_style=true":                   "https://s3.dualstack.eu-west-1.amazonaws.com/b/k",
		"s3://b?region=eu-west-1&endpoint=s3.eu-west-1.amazonaws.com":   "https://b.s3.eu-west-1.amazonaws.com/k",
		"s3://b?endpoint=http://minio:9000&region=x":                    "http://minio:9000/b/k",
		"s3://b?endpoint=http://minio:80&region=x&use_path_style=false": "http://b.minio/k",
		"s3://b?endpoint=https://[::1]:443&region=x":                    "https://[::1]/b/k",
	}
	for rawURL, want := range cases {
		t.Run(rawURL, func(t *testing.T) {
			u, err := url.Parse(rawURL)
			if err != nil {
				t.Fatal(err)
			}
			s, err := openS3Store(context.Background(), u)
			if err != nil {
				t.Fatalf("openS3Store: %v", err)
			}
			host := s.endpoint
			if s.regional {
				host = awsEndpoint(s.region)
			}
			if got := s.address(host, s3Request{key: "k"}).String(); got != want {
				t.Errorf("address = %s, want %s", got, want)
			}
		})
	}
}

func TestS3AsksTheRegionOnce(t *testing.T) {
	srv := newFakeS3Server(t, nil)
	useTestKeys(t)
	s := openBackend(t, srv.bucketURL(url.Values{"use_path_style": {"true"}}), "").store
	got, err := s.Put(context.Background(), bytes.NewReader(pngBytes), "p.png", DefaultLimits())
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	readAll(t, s, got.Key)
	seen := srv.requests()
	if len(seen) != 4 || !seen[0].URL.Query().Has("location") {
		t.Fatalf("requests %v, want one GET ?location first, then HEAD, PUT and GET", seen)
	}
	for _, r := range seen {
		if r.URL.Query().Has("location") != (r == seen[0]) {
			t.Errorf("%s %s: the region is asked more than once", r.Method, r.URL)
		}
		if auth := r.Header.Get("Authorization"); !strings.Contains(auth, "/us-east-1/s3/aws4_request") {
			t.Errorf("%s %s signed %q, want for us-east-1, gofakes3's location", r.Method, r.URL, auth)
		}
	}
}

func TestS3RetriesABusyServer(t *testing.T) {
	var puts atomic.Int32
	srv := newFakeS3Server(t, func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPut {
			return false
		}
		if puts.Add(1) > 2 {
			return false
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, 100)) // part of the payload only
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, `<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>`)
		return true
	})
	useTestKeys(t)
	s := openBackend(t, srv.bucketURL(pathStyle()), "").store
	content := pad(pdfBytes, 64<<10)
	got, err := s.Put(context.Background(), bytes.NewReader(content), "x.pdf", DefaultLimits())
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if n := puts.Load(); n != 3 {
		t.Errorf("%d PUTs, want 3", n)
	}
	if back := readAll(t, s, got.Key); !bytes.Equal(back, content) {
		t.Errorf("read back %d bytes differing from the %d stored", len(back), len(content))
	}
}

func TestS3CancelStopsARequest(t *testing.T) {
	arrived, release := make(chan struct{}, 1), make(chan struct{})
	var puts atomic.Int32
	srv := newFakeS3Server(t, func(w http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodPut {
			return false
		}
		puts.Add(1)
		_, _ = io.Copy(io.Discard, r.Body)
		arrived <- struct{}{}
		select { // never answers
		case <-r.Context().Done():
		case <-release:
		}
		return true
	})
	t.Cleanup(func() { close(release) }) // before the server closes
	useTestKeys(t)
	s := openBackend(t, srv.bucketURL(pathStyle()), "").store
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-arrived
		cancel()
	}()
	_, err := s.Put(ctx, bytes.NewReader(pdfBytes), "x.pdf", DefaultLimits())
	assertCode(t, err, catalog.CodeUnavailable, unavailableMsg)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Put = %v, want it to stop on the cancelled context", err)
	}
	if n := puts.Load(); n != 1 {
		t.Errorf("%d PUTs, want 1: a cancelled request is not retried", n)
	}
}
