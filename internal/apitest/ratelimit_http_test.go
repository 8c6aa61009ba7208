package apitest

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/httpapi"
	"github.com/mssc/recert/internal/ratelimit"
)

// fakeClock is the rate limiter's clock in these tests: it moves only
// when told to, so that no test sleeps.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// limitedEnv is an API whose clients each have a budget of 100 points,
// restored at 10 points a second, on a clock the test moves.
func limitedEnv(t *testing.T, fn func(t *testing.T, e *env, clock *fakeClock)) {
	clock := &fakeClock{t: time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)}
	eachDialectWith(t, func(c *httpapi.Config) {
		c.RateLimiter = ratelimit.New(100, 10, clock.now)
		withoutKeptAnswers(c)
	}, func(t *testing.T, e *env) { fn(t, e, clock) })
}

// budget reads the rate-limit headers and extensions.cost of a response.
func budget(t *testing.T, r rawResponse) (limit, remaining int, cost map[string]any) {
	t.Helper()
	limit, _ = strconv.Atoi(r.Header.Get("X-RateLimit-Limit"))
	remaining, _ = strconv.Atoi(r.Header.Get("X-RateLimit-Remaining"))
	if r.Header.Get("X-RateLimit-Reset") == "" {
		t.Errorf("no X-RateLimit-Reset: %v", r.Header)
	}
	var out struct {
		Extensions map[string]any `json:"extensions"`
	}
	if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
		t.Fatalf("not JSON: %s", r.Body)
	}
	cost, _ = out.Extensions["cost"].(map[string]any)
	return limit, remaining, cost
}

func TestCostIsChargedToEachClientsBudget(t *testing.T) {
	limitedEnv(t, func(t *testing.T, e *env, clock *fakeClock) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		// 1 for the connection and 30 for the 15 nodes with their held
		// certifications: 31 points.
		const q = `{ candidates(first: 15) { totalCount nodes { id heldCertifications { program } } } }`
		for i, want := range []int{69, 38, 7} {
			r := e.post(t, staff, q, nil)
			limit, remaining, cost := budget(t, r)
			if r.Status != 200 || limit != 100 || remaining != want || num(cost["requested"]) != 31 || num(cost["actual"]) != 31 ||
				num(cost["remaining"]) != want || num(cost["limit"]) != 100 || cost["restoreRate"] != float64(10) {
				t.Fatalf("request %d: %d, limit %d remaining %d cost %v, want %d remaining: %s", i, r.Status, limit, remaining, cost, want, r.Body)
			}
		}
		before := e.rowCounts(t)
		r := e.post(t, staff, q, nil)
		got := r.expect(t, http.StatusTooManyRequests, "RATE_LIMITED")
		// 31 points are needed and 7 remain: 24 more at 10 a second.
		if r.Header.Get("Retry-After") != "3" || num(got.Errors[0].Extensions["retryAfter"]) != 3 || got.Data != nil {
			t.Errorf("429: Retry-After %q, %s", r.Header.Get("Retry-After"), r.Body)
		}
		if !strings.Contains(got.Errors[0].Message, "costs 31 points and 7 remain") {
			t.Errorf("message = %q", got.Errors[0].Message)
		}
		if _, remaining, cost := budget(t, r); remaining != 7 || num(cost["actual"]) != 0 {
			t.Errorf("a refused request was charged: remaining %d, cost %v", remaining, cost)
		}
		r = e.post(t, staff, registerAs, nil, "Accept", "application/graphql-response+json")
		r.expect(t, http.StatusTooManyRequests, "RATE_LIMITED")
		e.nothingWritten(t, before)

		// Other clients keep their own budgets.
		other := e.token(t, catalog.RoleStaff, "staff-2")
		if r := e.post(t, other, q, nil); r.Status != 200 {
			t.Errorf("another principal is throttled: %d %s", r.Status, r.Body)
		}
		if r := e.post(t, "", `{ checkCredential(input: {text: "CWI"}) { verdict } }`, nil); r.Status != 200 {
			t.Errorf("an anonymous client is throttled: %d %s", r.Status, r.Body)
		}

		clock.advance(2 * time.Second)
		e.post(t, staff, q, nil).expect(t, http.StatusTooManyRequests, "RATE_LIMITED")
		clock.advance(time.Second)
		if r := e.post(t, staff, q, nil); r.Status != 200 {
			t.Errorf("after Retry-After: %d %s", r.Status, r.Body)
		}
	})
}

func TestAnonymousBrowsingIsNeverThrottled(t *testing.T) {
	limitedEnv(t, func(t *testing.T, e *env, clock *fakeClock) {
		// A page of 100 certifications with their organizations asks for
		// 201 points, more than the whole budget, yet costs an anonymous
		// client 1: it is a public catalog read, served from memory.
		const browse = `query($after: String) { certifications(first: 100, after: $after) { pageInfo { endCursor } nodes { displayName organization { name } } } }`
		var after any
		for i := range 99 {
			r := e.post(t, "", browse, map[string]any{"after": after})
			_, remaining, cost := budget(t, r)
			if r.Status != 200 || num(cost["requested"]) != 1+1+100*2 || num(cost["actual"]) != 1 || remaining != 99-i {
				t.Fatalf("browse %d: %d remaining %d cost %v", i, r.Status, remaining, cost)
			}
			after = get(r.json(t).Data, "certifications", "pageInfo", "endCursor")
		}
		// A signed-in client asking the same pays what it asks for.
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		r := e.post(t, staff, browse, nil)
		if _, _, cost := budget(t, r); r.Status != 200 || num(cost["actual"]) != 202 {
			t.Errorf("staff browsing: %d %v", r.Status, cost)
		}
		// Anything else anonymous pays too: a credential check.
		r = e.post(t, "", `{ checkCredentials(inputs: [{text: "CWI"}, {text: "OSHA 30"}]) { verdict entry { key } } }`, nil)
		if _, _, cost := budget(t, r); r.Status != 429 || num(cost["requested"]) != 4 {
			t.Errorf("an anonymous credential check with 1 point left: %d %s", r.Status, r.Body)
		}
		// Another address has its own budget.
		if r := e.send(t, clientFrom("127.0.0.2"), "POST", "/graphql", strings.NewReader(`{"query":"{ catalogVersion }"}`), "Content-Type", "application/json"); r.Status != 200 {
			t.Errorf("another address: %d %s", r.Status, r.Body)
		} else if _, remaining, _ := budget(t, r); remaining != 99 {
			t.Errorf("another address starts with %d", remaining)
		}
	})
}

// fakeCache is a response cache in the shape the service's will take: a
// response interceptor that answers a repeated query from memory and
// marks the hit with httpapi.ServedFromCache.
type fakeCache struct {
	mu      sync.Mutex
	entries map[string]*graphql.Response
}

func (c *fakeCache) ExtensionName() string                   { return "FakeCache" }
func (c *fakeCache) Validate(graphql.ExecutableSchema) error { return nil }
func (c *fakeCache) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	key := graphql.GetOperationContext(ctx).RawQuery
	c.mu.Lock()
	hit, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		httpapi.ServedFromCache(ctx)
		out := *hit
		return &out
	}
	resp := next(ctx)
	c.mu.Lock()
	c.entries[key] = &graphql.Response{Data: resp.Data}
	c.mu.Unlock()
	return resp
}

func TestACacheHitIsChargedNothing(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)}
	e := newEnvWith(t, "sqlite", func(c *httpapi.Config) {
		c.RateLimiter = ratelimit.New(100, 10, clock.now)
		c.Extensions = []graphql.HandlerExtension{&fakeCache{entries: map[string]*graphql.Response{}}}
	})
	staff := e.token(t, catalog.RoleStaff, "staff-1")
	const q = `{ certifications(first: 10) { nodes { displayName organization { name } } } }`
	for i, want := range []struct{ actual, remaining int }{{21, 79}, {0, 79}, {0, 79}} {
		r := e.post(t, staff, q, nil)
		_, remaining, cost := budget(t, r)
		if r.Status != 200 || num(cost["requested"]) != 21 || num(cost["actual"]) != want.actual || remaining != want.remaining ||
			len(get(r.json(t).Data, "certifications", "nodes").([]any)) != 10 {
			t.Errorf("request %d: %d remaining %d cost %v, want actual %d", i, r.Status, remaining, cost, want.actual)
		}
	}
}
