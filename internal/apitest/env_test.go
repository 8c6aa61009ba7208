package apitest

import (
	"context"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/catalog/notification"
	"github.com/mssc/recert/internal/auth"
	"github.com/mssc/recert/internal/blobstore"
	"github.com/mssc/recert/internal/config"
	"github.com/mssc/recert/internal/httpapi"
	"github.com/mssc/recert/internal/respcache"
	"github.com/mssc/recert/internal/stack"
	"github.com/mssc/recert/internal/testdb"
)

// env is a running API over a seeded database.
type env struct {
	t       testing.TB
	url     string
	store   *gormstore.Store
	counter *gormstore.StatementCounter
	auth    auth.Config
	now     time.Time
	blobs   *blobstore.Store
	catalog *catalog.Catalog
	// openReviews are the open catalog reviews the credential check reads.
	openReviews *catalog.OpenReviews
	// handler serves every route, as the server mounts it.
	handler http.Handler
	// cache is the response cache of public catalog reads.
	cache *respcache.Cache
	// clock is the services' current time; now is where it started.
	clock atomic.Value
	// inbox serves notifications; a test that runs the queue names it as
	// the source of failed deliveries.
	inbox *notification.Inbox
}

// testAuth is how the tests' tokens are signed and checked.
var testAuth = auth.Config{DevSecret: "test-secret", Issuer: "recert-test", Audience: "recert-api"}

// gqlError is one error of a GraphQL response.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// response is a decoded GraphQL response.
type response struct {
	Status int
	Data   map[string]any
	Errors []gqlError
	Raw    string
	Header http.Header
}

// code returns the extensions.code of the only error, failing otherwise.
func (r response) code(t *testing.T) string {
	t.Helper()
	if len(r.Errors) != 1 {
		t.Fatalf("want exactly one error, got %s", r.Raw)
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// eachDialect runs fn against a fresh seeded API on SQLite and on PostgreSQL.
func eachDialect(t *testing.T, fn func(t *testing.T, e *env)) {
	for _, d := range testdb.Dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			fn(t, newEnv(t, d))
		})
	}
}

func newEnv(t testing.TB, dialect gormstore.Dialect) *env {
	counter := &gormstore.StatementCounter{}
	return newEnvOn(t, testdb.OpenSeeded(t, dialect, counter), counter, nil)
}

// newEnvOn starts an API server over an open store, built as production
// builds it (internal/stack) from the tests' settings, with its HTTP
// configuration changed by configure when it is not nil; two of them over
// one PostgreSQL database are two instances of the service.
func newEnvOn(t testing.TB, store *gormstore.Store, counter *gormstore.StatementCounter, configure func(*httpapi.Config)) *env {
	cfg, err := config.FromEnv(func(name string) string { return testSettings[name] })
	if err != nil {
		t.Fatal(err)
	}
	cfg.Auth = testAuth
	now := time.Now()
	e := &env{t: t, store: store, counter: counter, auth: testAuth, now: now}
	e.clock.Store(now)
	ctx, stop := context.WithCancel(context.Background())
	st, err := stack.New(ctx, store, stack.Config{
		Service: cfg,
		Logger:  slog.New(slog.NewTextHandler(testLog{t}, nil)),
		Clock:   func() time.Time { return e.clock.Load().(time.Time) },
		HTTP: func(c *httpapi.Config) {
			// A multipart request may carry twice the largest file, where
			// production allows the largest file and a MiB.
			c.MaxUploadBytes = 2 * testUploadLimit
			// No budgets unless a test gives one: several tests compare
			// whole answers, which the budget left would set apart.
			c.RateLimiter = nil
			if configure != nil {
				configure(c)
			}
		},
	})
	if err != nil {
		stop()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stop()
		st.Close()
	})
	// A public read's cache key holds the open reviews' version, which is
	// read from the database until their listener connects: the server
	// starts warm, as the statement counts assume.
	for deadline := time.Now().Add(10 * time.Second); !st.Services.OpenReviews.Watching(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the open-review listener did not connect within 10 s")
		}
	}
	srv := httptest.NewServer(st.Handler)
	t.Cleanup(srv.Close)
	e.url, e.blobs, e.catalog, e.openReviews, e.inbox, e.handler, e.cache =
		srv.URL, st.Blobs, st.Services.Catalog, st.Services.OpenReviews, st.Services.Inbox, st.Handler, st.Cache
	return e
}

// withoutKeptAnswers turns the response cache and the answer memo off,
// for the tests that count what every read costs: a kept answer costs
// nothing (TestACacheHitIsChargedNothing).
func withoutKeptAnswers(c *httpapi.Config) {
	var kept []graphql.HandlerExtension
	for _, x := range c.Extensions {
		if _, isCache := x.(*respcache.Cache); !isCache {
			kept = append(kept, x)
		}
	}
	c.Extensions, c.PublicReads, c.AnswerEntries = kept, nil, 0
}

// testSettings are the environment the tests' servers read their
// configuration from; what they do not name takes production's default.
var testSettings = map[string]string{
	"UPLOADS_URL":                    "mem://",
	"MAX_UPLOAD_BYTES":               strconv.Itoa(testUploadLimit),
	"MAX_OPEN_REVIEWS_PER_CANDIDATE": strconv.Itoa(maxOpenReviewsPerCandidate),
	"STAFF_EMAILS":                   staffAnswerAddress,
}

// TestTheTestsRunTheProductionStack checks that newEnvOn serves the
// stack internal/stack builds for production: the same anonymous catalog
// read twice is the second time a hit of the response cache, which the
// server's /metrics counts, and an automatic persisted query is answered
// by its hash alone once its text was registered.
func TestTheTestsRunTheProductionStack(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		const read = `{ organizations(first: 3) { nodes { name } } }`
		before := e.cacheHits(t)
		e.ok(t, read, nil)
		e.ok(t, read, nil)
		if after := e.cacheHits(t); after != before+1 {
			t.Errorf("response cache hits went from %d to %d over two identical catalog reads, want one more", before, after)
		}
		const persisted = `{ certifications(first: 2) { nodes { key } } }`
		ext := url.QueryEscape(fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":"%x"}}`, sha256.Sum256([]byte(persisted))))
		hashOnly := "/graphql?extensions=" + ext
		if r := e.send(t, nil, http.MethodGet, hashOnly, nil).json(t); r.code(t) != "PERSISTED_QUERY_NOT_FOUND" {
			t.Fatalf("an unknown hash answered %s", r.Raw)
		}
		registered := e.send(t, nil, http.MethodGet, hashOnly+"&query="+url.QueryEscape(persisted), nil).json(t)
		again := e.send(t, nil, http.MethodGet, hashOnly, nil).json(t)
		if nodes, _ := get(again.Data, "certifications", "nodes").([]any); len(registered.Errors) > 0 || len(again.Errors) > 0 || len(nodes) != 2 || mustJSON(t, again.Data) != mustJSON(t, registered.Data) {
			t.Fatalf("the hash alone answered %s after registering with %s", again.Raw, registered.Raw)
		}
	})
}

// cacheHitsSample finds the response cache's hits in /metrics.
var cacheHitsSample = regexp.MustCompile(`(?m)^recert_response_cache_hits_total (\d+)$`)

// cacheHits reads the response cache's hits from the server's /metrics.
func (e *env) cacheHits(t *testing.T) int {
	t.Helper()
	r := e.send(t, nil, http.MethodGet, "/metrics", nil)
	m := cacheHitsSample.FindStringSubmatch(r.Body)
	if m == nil {
		t.Fatalf("/metrics has no response cache hits: %d %s", r.Status, r.Body)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// advance moves the services' clock on.
func (e *env) advance(d time.Duration) {
	e.clock.Store(e.clock.Load().(time.Time).Add(d))
}

// maxOpenReviewsPerCandidate is the tests' servers' cap of the catalog
// reviews one candidate may have open.
const maxOpenReviewsPerCandidate = 5

// staffAnswerAddress is where the tests' servers tell staff that a
// candidate answered their question on a catalog review or an application.
const staffAnswerAddress = "answers@mssc.example.org"

// testUploadLimit is the largest upload the tests' servers accept.
const testUploadLimit = 64 << 10

// token signs a test token for the role; a candidate's subject is also
// their MSSC candidate ID.
func (e *env) token(t testing.TB, role catalog.Role, subject string) string {
	t.Helper()
	dev := auth.DevToken{Subject: subject, Role: role, TTL: time.Hour}
	if role == catalog.RoleCandidate {
		dev.CandidateNumber = subject
	}
	tok, err := auth.SignDevToken(e.auth, dev, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// query posts a GraphQL request anonymously and decodes the answer.
func (e *env) query(t *testing.T, query string, vars map[string]any) response {
	t.Helper()
	return e.queryAs(t, "", query, vars)
}

// queryAs posts a GraphQL request with the bearer token, if any.
func (e *env) queryAs(t *testing.T, token, query string, vars map[string]any) response {
	t.Helper()
	return e.post(t, token, query, vars).json(t)
}

// okAs posts a query with a token that must succeed and returns its data.
func (e *env) okAs(t *testing.T, token, query string, vars map[string]any) map[string]any {
	t.Helper()
	r := e.queryAs(t, token, query, vars)
	if len(r.Errors) > 0 || r.Data == nil {
		t.Fatalf("query failed: %s", r.Raw)
	}
	return r.Data
}

// ok posts a query that must succeed and returns its data.
func (e *env) ok(t *testing.T, query string, vars map[string]any) map[string]any {
	t.Helper()
	r := e.query(t, query, vars)
	if len(r.Errors) > 0 || r.Data == nil {
		t.Fatalf("query failed: %s", r.Raw)
	}
	return r.Data
}

// get walks a decoded JSON value by keys and indexes.
func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

// column runs a query on the test database and returns its first column.
func (e *env) column(t *testing.T, query string) []string {
	t.Helper()
	db, err := e.store.SQLDB()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// testLog writes the server's log lines to the test's log, shown when a test fails.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
