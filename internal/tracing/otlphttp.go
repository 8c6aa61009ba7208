package tracing

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
)

// otlpHTTPClient sends spans to an OpenTelemetry collector over OTLP/HTTP
// with protobuf bodies (the http/protobuf protocol). The OpenTelemetry
// project's own otlptracehttp does the same but links gRPC, which it
// never uses over HTTP and which made up a sixth of this binary; the span
// conversion stays the project's (otlptrace), only the POST is ours.
type otlpHTTPClient struct {
	endpoint    string
	headers     http.Header
	gzip        bool
	timeout     time.Duration
	client      *http.Client
	maxAttempts int
	firstWait   time.Duration
}

// defaultOTLPEndpoint is where a collector listens for OTLP/HTTP when no
// endpoint is configured.
const defaultOTLPEndpoint = "http://localhost:4318"

// newOTLPHTTPClient reads the exporter's settings from the standard
// OTEL_EXPORTER_OTLP_* variables, the traces-specific one winning over the
// general one: the endpoint (the general one gets /v1/traces appended, the
// traces one is used as it is), headers, timeout in milliseconds,
// compression (gzip or none), and the TLS files.
func newOTLPHTTPClient(getenv func(string) string) (*otlpHTTPClient, error) {
	setting := func(name string) string {
		if v := getenv("OTEL_EXPORTER_OTLP_TRACES_" + name); v != "" {
			return v
		}
		return getenv("OTEL_EXPORTER_OTLP_" + name)
	}
	endpoint, err := tracesEndpoint(getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"), getenv("OTEL_EXPORTER_OTLP_ENDPOINT"))
	if err != nil {
		return nil, err
	}
	headers, err := parseOTLPHeaders(setting("HEADERS"))
	if err != nil {
		return nil, err
	}
	timeout := 10 * time.Second
	if v := setting("TIMEOUT"); v != "" {
		ms, err := strconv.Atoi(v)
		if err != nil || ms <= 0 {
			return nil, fmt.Errorf("OTLP timeout %q is not a positive number of milliseconds", v)
		}
		timeout = time.Duration(ms) * time.Millisecond
	}
	compression := setting("COMPRESSION")
	if compression != "" && compression != "gzip" && compression != "none" {
		return nil, fmt.Errorf("OTLP compression %q is not gzip or none", compression)
	}
	tlsConfig, err := otlpTLS(setting("CERTIFICATE"), setting("CLIENT_CERTIFICATE"), setting("CLIENT_KEY"))
	if err != nil {
		return nil, err
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = tlsConfig
	return &otlpHTTPClient{
		endpoint: endpoint, headers: headers, gzip: compression == "gzip", timeout: timeout,
		client: &http.Client{Transport: transport}, maxAttempts: 5, firstWait: 500 * time.Millisecond,
	}, nil
}

// tracesEndpoint returns the URL spans are POSTed to.
func tracesEndpoint(traces, general string) (string, error) {
	endpoint := traces
	if endpoint == "" {
		base := general
		if base == "" {
			base = defaultOTLPEndpoint
		}
		endpoint = strings.TrimRight(base, "/") + "/v1/traces"
	}
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("OTLP endpoint %q is not an http:// or https:// URL", endpoint)
	}
	return u.String(), nil
}

// parseOTLPHeaders reads "key1=value1,key2=value2" with URL-encoded
// values, as the OpenTelemetry specification writes them.
func parseOTLPHeaders(s string) (http.Header, error) {
	h := http.Header{}
	for pair := range strings.SplitSeq(s, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		key, value, ok := strings.Cut(pair, "=")
		key = strings.TrimSpace(key)
		if !ok || key == "" {
			return nil, fmt.Errorf("OTLP header %q is not key=value", pair)
		}
		decoded, err := url.PathUnescape(strings.TrimSpace(value))
		if err != nil {
			return nil, fmt.Errorf("OTLP header %q has a badly encoded value", key)
		}
		h.Add(key, decoded)
	}
	return h, nil
}

// otlpTLS builds the TLS settings from a CA file and a client certificate
// and key, or returns nil to use the system's defaults.
func otlpTLS(caFile, certFile, keyFile string) (*tls.Config, error) {
	if caFile == "" && certFile == "" && keyFile == "" {
		return nil, nil
	}
	config := &tls.Config{MinVersion: tls.VersionTLS12}
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, fmt.Errorf("reading the OTLP CA certificate: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("the OTLP CA certificate %s holds no PEM certificate", caFile)
		}
		config.RootCAs = pool
	}
	if certFile != "" || keyFile != "" {
		pair, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return nil, fmt.Errorf("reading the OTLP client certificate and key: %w", err)
		}
		config.Certificates = []tls.Certificate{pair}
	}
	return config, nil
}

// Start does nothing: connections are made per request.
func (c *otlpHTTPClient) Start(context.Context) error { return nil }

// Stop closes idle connections.
func (c *otlpHTTPClient) Stop(context.Context) error {
	c.client.CloseIdleConnections()
	return nil
}

// UploadTraces POSTs the spans as one ExportTraceServiceRequest, retrying
// with growing waits while the collector answers that it is busy or away
// (429, 502, 503, 504, or no answer), within the timeout.
func (c *otlpHTTPClient) UploadTraces(ctx context.Context, spans []*tracepb.ResourceSpans) error {
	if len(spans) == 0 {
		return nil
	}
	body, err := exportRequest(spans)
	if err != nil {
		return err
	}
	if c.gzip {
		var zipped bytes.Buffer
		w := gzip.NewWriter(&zipped)
		if _, err := w.Write(body); err != nil {
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
		body = zipped.Bytes()
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	wait := c.firstWait
	for attempt := 1; ; attempt++ {
		retryAfter, err := c.post(ctx, body)
		if err == nil {
			return nil
		}
		var final finalError
		if errors.As(err, &final) || attempt == c.maxAttempts {
			return err
		}
		if retryAfter > wait {
			wait = retryAfter
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (gave up: %v)", err, ctx.Err())
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// finalError is a collector's answer that another attempt would not
// change.
type finalError struct{ err error }

func (e finalError) Error() string { return e.err.Error() }
func (e finalError) Unwrap() error { return e.err }

// post sends one attempt and returns how long the collector asked to
// wait before the next one.
func (c *otlpHTTPClient) post(ctx context.Context, body []byte) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return 0, finalError{err}
	}
	for key, values := range c.headers {
		req.Header[key] = values
	}
	req.Header.Set("Content-Type", "application/x-protobuf")
	if c.gzip {
		req.Header.Set("Content-Encoding", "gzip")
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("sending spans to %s: %w", c.endpoint, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return 0, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusBadGateway ||
		resp.StatusCode == http.StatusServiceUnavailable || resp.StatusCode == http.StatusGatewayTimeout:
		seconds, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
		return time.Duration(seconds) * time.Second, fmt.Errorf("the collector at %s answered %s", c.endpoint, resp.Status)
	default:
		return 0, finalError{fmt.Errorf("the collector at %s refused the spans: %s", c.endpoint, resp.Status)}
	}
}

// exportRequest encodes an ExportTraceServiceRequest by hand: its one
// field (1, resource_spans) repeated. The generated type lives beside the
// gRPC service in the collector package, which would link gRPC again.
func exportRequest(spans []*tracepb.ResourceSpans) ([]byte, error) {
	var out []byte
	for _, rs := range spans {
		b, err := proto.Marshal(rs)
		if err != nil {
			return nil, fmt.Errorf("encoding spans: %w", err)
		}
		out = protowire.AppendTag(out, 1, protowire.BytesType)
		out = protowire.AppendBytes(out, b)
	}
	return out, nil
}

var _ otlptrace.Client = (*otlpHTTPClient)(nil)
