package tracing

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/protobuf/proto"
)

// collector is an OTLP/HTTP endpoint that decodes what it receives with
// the collector's own generated types, answering each request with the
// next status of its script (200 once the script is used up).
type collector struct {
	mu       sync.Mutex
	script   []int
	requests []*http.Request
	received []*coltracepb.ExportTraceServiceRequest
}

func (c *collector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.requests = append(c.requests, r)
	if len(c.script) > 0 {
		status := c.script[0]
		c.script = c.script[1:]
		if status != http.StatusOK {
			http.Error(w, "not now", status)
			return
		}
	}
	var body io.Reader = r.Body
	if r.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		body = zr
	}
	raw, err := io.ReadAll(body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var req coltracepb.ExportTraceServiceRequest
	if err := proto.Unmarshal(raw, &req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	c.received = append(c.received, &req)
	w.Header().Set("Content-Type", "application/x-protobuf")
}

func (c *collector) spanNames() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var names []string
	for _, req := range c.received {
		for _, rs := range req.GetResourceSpans() {
			for _, ss := range rs.GetScopeSpans() {
				for _, s := range ss.GetSpans() {
					names = append(names, s.GetName())
				}
			}
		}
	}
	return names
}

func envOf(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

func TestSpansReachACollectorOverOTLPHTTP(t *testing.T) {
	c := &collector{}
	srv := httptest.NewServer(c)
	defer srv.Close()
	stop, err := Setup(context.Background(), envOf(map[string]string{
		"OTEL_EXPORTER_OTLP_ENDPOINT":    srv.URL + "/",
		"OTEL_EXPORTER_OTLP_HEADERS":     "authorization=Bearer%20abc, x-team = recert",
		"OTEL_EXPORTER_OTLP_COMPRESSION": "gzip",
	}))
	if err != nil {
		t.Fatal(err)
	}
	_, span := otel.Tracer("test").Start(context.Background(), "checkCredential")
	span.SetAttributes(attribute.String("credential", "OSHA 10"))
	span.End()
	if err := stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := c.spanNames(); len(got) != 1 || got[0] != "checkCredential" {
		t.Fatalf("collector received spans %v, want [checkCredential]", got)
	}
	r := c.requests[0]
	if r.URL.Path != "/v1/traces" || r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/x-protobuf" {
		t.Errorf("request %s %s with Content-Type %q, want POST /v1/traces application/x-protobuf", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
	}
	if r.Header.Get("Authorization") != "Bearer abc" || r.Header.Get("X-Team") != "recert" {
		t.Errorf("headers %v do not carry the configured ones", r.Header)
	}
	rs := c.received[0].GetResourceSpans()[0]
	var service string
	for _, kv := range rs.GetResource().GetAttributes() {
		if kv.GetKey() == "service.name" {
			service = kv.GetValue().GetStringValue()
		}
	}
	if service != "recert" {
		t.Errorf("service.name = %q, want recert", service)
	}
	attrs := rs.GetScopeSpans()[0].GetSpans()[0].GetAttributes()
	if len(attrs) != 1 || attrs[0].GetKey() != "credential" || attrs[0].GetValue().GetStringValue() != "OSHA 10" {
		t.Errorf("span attributes %v, want credential=OSHA 10", attrs)
	}
}

func oneSpan(name string) []*tracepb.ResourceSpans {
	return []*tracepb.ResourceSpans{{ScopeSpans: []*tracepb.ScopeSpans{{Spans: []*tracepb.Span{{Name: name, TraceId: make([]byte, 16), SpanId: make([]byte, 8)}}}}}}
}

func quickClient(t *testing.T, url string) *otlpHTTPClient {
	t.Helper()
	c, err := newOTLPHTTPClient(envOf(map[string]string{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": url, "OTEL_EXPORTER_OTLP_TIMEOUT": "5000"}))
	if err != nil {
		t.Fatal(err)
	}
	c.firstWait = time.Millisecond
	return c
}

func TestABusyCollectorIsAskedAgain(t *testing.T) {
	c := &collector{script: []int{http.StatusServiceUnavailable, http.StatusTooManyRequests}}
	srv := httptest.NewServer(c)
	defer srv.Close()
	if err := quickClient(t, srv.URL+"/custom/path").UploadTraces(context.Background(), oneSpan("retried")); err != nil {
		t.Fatal(err)
	}
	if len(c.requests) != 3 || c.requests[2].URL.Path != "/custom/path" {
		t.Fatalf("%d requests, want 3 to the traces endpoint as given", len(c.requests))
	}
	if got := c.spanNames(); len(got) != 1 || got[0] != "retried" {
		t.Fatalf("collector received %v, want the span once", got)
	}
}

func TestARefusingCollectorIsNotAskedAgain(t *testing.T) {
	c := &collector{script: []int{http.StatusBadRequest}}
	srv := httptest.NewServer(c)
	defer srv.Close()
	err := quickClient(t, srv.URL+"/v1/traces").UploadTraces(context.Background(), oneSpan("refused"))
	if err == nil || !strings.Contains(err.Error(), "400") {
		t.Fatalf("error %v, want the collector's 400", err)
	}
	if len(c.requests) != 1 {
		t.Fatalf("%d requests, want 1: a 400 is final", len(c.requests))
	}
}

func TestACollectorThatNeverAnswersEndsAtTheTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	defer srv.Close()
	defer close(release)
	c, err := newOTLPHTTPClient(envOf(map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": srv.URL, "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT": "50"}))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.UploadTraces(context.Background(), oneSpan("lost")); err == nil || !strings.Contains(err.Error(), "deadline") {
		t.Fatalf("error %v, want the deadline", err)
	}
}

func TestOTLPSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		vars     map[string]string
		endpoint string
		refused  string
	}{
		{"default", nil, "http://localhost:4318/v1/traces", ""},
		{"general endpoint gets the signal path", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "https://collector:4318/otlp"}, "https://collector:4318/otlp/v1/traces", ""},
		{"traces endpoint is used as given", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://a:4318", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://b:9/spans"}, "http://b:9/spans", ""},
		{"not a URL", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "collector:4318"}, "", "not an http"},
		{"header without value", map[string]string{"OTEL_EXPORTER_OTLP_HEADERS": "novalue"}, "", "key=value"},
		{"timeout not a number", map[string]string{"OTEL_EXPORTER_OTLP_TIMEOUT": "10s"}, "", "milliseconds"},
		{"unknown compression", map[string]string{"OTEL_EXPORTER_OTLP_TRACES_COMPRESSION": "zstd"}, "", "gzip or none"},
		{"missing CA file", map[string]string{"OTEL_EXPORTER_OTLP_CERTIFICATE": "/nonexistent/ca.pem"}, "", "CA certificate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := newOTLPHTTPClient(envOf(tc.vars))
			if tc.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("error %v, want one saying %q", err, tc.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.endpoint != tc.endpoint {
				t.Fatalf("endpoint %q, want %q", c.endpoint, tc.endpoint)
			}
		})
	}
}

func TestTheGRPCProtocolIsRefusedByName(t *testing.T) {
	_, err := Setup(context.Background(), envOf(map[string]string{"OTEL_TRACES_EXPORTER": "otlp", "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"}))
	if err == nil || !strings.Contains(err.Error(), "http/protobuf") {
		t.Fatalf("error %v, want one naming http/protobuf", err)
	}
}
