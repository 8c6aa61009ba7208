package apitest

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/httpapi"
	"github.com/mssc/recert/internal/testdb"
)

// newEnvWith starts an API server like newEnv, with its HTTP configuration
// changed by configure (limits, rate limiter, production mode).
func newEnvWith(t *testing.T, dialect gormstore.Dialect, configure func(*httpapi.Config)) *env {
	t.Helper()
	counter := &gormstore.StatementCounter{}
	return newEnvOn(t, testdb.OpenSeeded(t, dialect, counter), counter, configure)
}

// eachDialectWith runs fn against a fresh seeded API, configured, on
// SQLite and on PostgreSQL.
func eachDialectWith(t *testing.T, configure func(*httpapi.Config), fn func(t *testing.T, e *env)) {
	for _, d := range testdb.Dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			fn(t, newEnvWith(t, d, configure))
		})
	}
}

// rawResponse is an HTTP answer, undecoded.
type rawResponse struct {
	Status int
	Header http.Header
	Body   string
}

// json decodes the body as a GraphQL response, failing when it is not one.
func (r rawResponse) json(t *testing.T) response {
	t.Helper()
	var out struct {
		Data   map[string]any `json:"data"`
		Errors []gqlError     `json:"errors"`
	}
	if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
		t.Fatalf("response is not JSON (%d): %s", r.Status, r.Body)
	}
	return response{Status: r.Status, Data: out.Data, Errors: out.Errors, Raw: r.Body, Header: r.Header}
}

// expect checks the status, the only error's code and, for GraphQL
// responses, the media type.
func (r rawResponse) expect(t *testing.T, status int, code string) response {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status = %d, want %d: %s", r.Status, status, r.Body)
	}
	got := r.json(t)
	if c := got.code(t); c != code {
		t.Fatalf("code = %q, want %q: %s", c, code, r.Body)
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "application/graphql-response+json") {
		t.Errorf("Content-Type = %q", ct)
	}
	return got
}

// send makes one HTTP request to the API with the headers (pairs of name
// and value), from the given client (http.DefaultClient when nil).
func (e *env) send(t *testing.T, client *http.Client, method, path string, body io.Reader, headers ...string) rawResponse {
	t.Helper()
	req, err := http.NewRequest(method, e.url+path, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	if client == nil {
		client = http.DefaultClient
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return rawResponse{Status: res.StatusCode, Header: res.Header, Body: string(raw)}
}

// post sends a GraphQL request as JSON with the token, if any, and more headers.
func (e *env) post(t *testing.T, token, query string, vars map[string]any, headers ...string) rawResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	h := append([]string{"Content-Type", "application/json"}, headers...)
	return e.send(t, nil, http.MethodPost, "/graphql", bytes.NewReader(body), append(h, bearer(token)...)...)
}

// bearer is the Authorization header of the token, a name and a value as
// send takes them, or nothing when there is no token.
func bearer(token string) []string {
	if token == "" {
		return nil
	}
	return []string{"Authorization", "Bearer " + token}
}

// writtenTables are the tables a request may write to.
var writtenTables = []string{
	"audit_events", "candidates", "held_certifications", "catalog_reviews", "catalog_review_submitters",
	"catalog_changes", "certifications", "certification_aliases", "organizations", "applications", "idempotency_keys",
}

// rowCounts counts the rows of every table a request may write to.
func (e *env) rowCounts(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, table := range writtenTables {
		out[table] = e.column(t, "SELECT count(*) FROM "+table)[0]
	}
	out["catalog_version"] = e.column(t, "SELECT version FROM catalog_state")[0]
	return out
}

// nothingWritten fails when a table's row count moved since before.
func (e *env) nothingWritten(t *testing.T, before map[string]string) {
	t.Helper()
	after := e.rowCounts(t)
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed from %s to %s: something was written", k, v, after[k])
		}
	}
}

// clientFrom returns an HTTP client whose requests come from the loopback
// address ip (such as 127.0.0.2), a different anonymous client.
func clientFrom(ip string) *http.Client {
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	return &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext}}
}
