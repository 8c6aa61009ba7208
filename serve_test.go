package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mssc/recert/internal/testdb"
)

// startService runs the whole service, as main does, on a fresh PostgreSQL
// database and a free port, and returns its base URL and a function that
// stops it and returns run's error.
func startService(t *testing.T, extra map[string]string) (string, func() error) {
	t.Helper()
	return startServiceLogging(t, extra, io.Discard)
}

// startServiceLogging is startService writing the service's log to logs.
func startServiceLogging(t *testing.T, extra map[string]string, logs io.Writer) (string, func() error) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	env := map[string]string{
		"DATABASE_URL": testdb.NewPostgresDatabase(t), "LISTEN_ADDR": addr,
		"SEED_ON_START": "true", "UPLOADS_URL": "mem://", "LOG_LEVEL": "error",
	}
	for k, v := range extra {
		env[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, func(k string) string { return env[k] }, logs) }()
	base := "http://" + addr
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("the service stopped while starting: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatal("the service did not become ready in 60s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	var once sync.Once
	var stopErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-done:
			case <-time.After(30 * time.Second):
				stopErr = fmt.Errorf("the service did not stop in 30s")
			}
		})
		return stopErr
	}
	t.Cleanup(func() { _ = stop() })
	return base, stop
}

func TestServiceAnswersHealthMetricsAndCachesPersistedCatalogReads(t *testing.T) {
	base, stop := startService(t, nil)

	resp, err := http.Get(base + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	resp.Body.Close()

	query := `{ certifications(first: 3) { totalCount nodes { key } } }`
	register := map[string]any{"query": query, "extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": sha256Hex(query)}}}
	body, _ := json.Marshal(register)
	resp, err = http.Post(base+"/graphql", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	first, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(first), `"totalCount"`) {
		t.Fatalf("registering the persisted query: %s", first)
	}

	ext := fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":"%s"}}`, sha256Hex(query))
	get := base + "/graphql?extensions=" + url.QueryEscape(ext)
	resp, err = http.Get(get)
	if err != nil {
		t.Fatal(err)
	}
	cached, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	etag := resp.Header.Get("ETag")
	if resp.StatusCode != http.StatusOK || etag == "" || !strings.Contains(resp.Header.Get("Cache-Control"), "max-age") {
		t.Fatalf("persisted GET: status %d, ETag %q, Cache-Control %q, body %s", resp.StatusCode, etag, resp.Header.Get("Cache-Control"), cached)
	}
	if dataOf(t, cached) != dataOf(t, first) {
		t.Errorf("the persisted GET answered %s, the POST %s", cached, first)
	}

	req, _ := http.NewRequest(http.MethodGet, get, nil)
	req.Header.Set("If-None-Match", etag)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("a current copy got status %d, want 304", resp.StatusCode)
	}

	resp, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`recert_graphql_operations_total{operation="query:certifications",outcome="ok"}`, "recert_response_cache_hits_total 1", "go_goroutines"} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("metrics lack %q", want)
		}
	}

	if err := stop(); err != nil {
		t.Errorf("stopping: %v", err)
	}
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// dataOf returns the data member of a GraphQL response as JSON text.
func dataOf(t *testing.T, body []byte) string {
	t.Helper()
	var resp struct{ Data json.RawMessage }
	if err := json.Unmarshal(body, &resp); err != nil || len(resp.Data) == 0 {
		t.Fatalf("not a GraphQL response with data: %s", body)
	}
	return string(resp.Data)
}
