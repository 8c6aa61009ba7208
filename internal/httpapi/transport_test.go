package httpapi

import (
	"context"
	"net/http"
	"net/netip"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mssc/recert/internal/ratelimit"
)

func TestNegotiate(t *testing.T) {
	for _, tc := range []struct {
		accept, want string
		ok           bool
	}{
		{"", mediaJSON, true},
		{"application/json", mediaJSON, true},
		{"application/graphql-response+json", mediaGraphQLResponse, true},
		{"*/*", mediaJSON, true},
		{"application/*", mediaJSON, true},
		{"application/graphql-response+json, application/json;q=0.9", mediaGraphQLResponse, true},
		{"application/json, application/graphql-response+json", mediaGraphQLResponse, true},
		{"application/json;q=1, application/graphql-response+json;q=0.5", mediaJSON, true},
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", mediaJSON, true},
		{"application/graphql-response+json;q=0, application/json", mediaJSON, true},
		{"text/html", "", false},
		{"application/json;q=0", "", false},
		{"garbage;;;", "", false},
	} {
		got, ok := negotiate(tc.accept)
		if got != tc.want || ok != tc.ok {
			t.Errorf("negotiate(%q) = %q %v, want %q %v", tc.accept, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDecodeParams(t *testing.T) {
	for _, tc := range []struct {
		name, body, mention string
	}{
		{"empty", "  ", "empty"},
		{"batch", `[{"query":"{ a }"},{"query":"{ b }"}]`, "batched requests are not supported"},
		{"not JSON", `{"query": "{ secret-marker`, "not valid JSON"},
		{"a string", `"{ a }"`, "JSON object"},
		{"no query", `{"qeury":"{ a }"}`, "`query` parameter is required"},
		{"null query", `{"query":null}`, "`query` parameter is required"},
		{"empty query", `{"query":""}`, "`query` parameter is required"},
		{"query object", `{"query":{"obj":"ect"}}`, "must be a string"},
		{"query number", `{"query":0}`, "must be a string"},
		{"operationName false", `{"query":"{ a }","operationName":false}`, "`operationName` parameter must be a string"},
		{"variables string", `{"query":"{ a }","variables":"{}"}`, "`variables` parameter must be a JSON object"},
		{"variables array", `{"query":"{ a }","variables":["a"]}`, "`variables` parameter must be a JSON object"},
		{"extensions number", `{"query":"{ a }","extensions":0}`, "`extensions` parameter must be a JSON object"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodeParams([]byte(tc.body))
			if err == nil || err.status != http.StatusBadRequest || err.code != CodeBadRequest || !strings.Contains(err.message, tc.mention) {
				t.Fatalf("decodeParams(%s) = %+v, want 400 BAD_REQUEST saying %q", tc.body, err, tc.mention)
			}
			if strings.Contains(err.message, "secret-marker") || strings.Contains(err.message, "qeury") {
				t.Errorf("the message echoes the body: %s", err.message)
			}
		})
	}
	p, err := decodeParams([]byte(`{"query":"query Q($n: Int) { a }","operationName":"Q","variables":{"n":3},"extensions":null}`))
	if err != nil || p.Query != "query Q($n: Int) { a }" || p.OperationName != "Q" || p.Variables["n"] == nil || p.Extensions != nil {
		t.Fatalf("a good body: %+v %+v", p, err)
	}
	if n, ok := p.Variables["n"].(interface{ String() string }); !ok || n.String() != "3" {
		t.Errorf("numbers must stay json.Number for gqlgen: %T", p.Variables["n"])
	}
}

// FuzzDecodeParams feeds the request decoder any body: it never panics,
// refuses with 400 BAD_REQUEST and a message that never repeats the body,
// and what it accepts has a query, or a persisted query's hash to stand
// for one.
func FuzzDecodeParams(f *testing.F) {
	for _, seed := range []string{
		`{"query":"{ a }"}`, `[{"query":"{ a }"}]`, `{"query":"{ a }","variables":{"x":[1,2,{"y":null}]}}`, ``, `null`,
		`{"query":"{ a }","operationName":null,"variables":null,"extensions":{"persistedQuery":{"version":1}}}`,
		`{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ab"}}}`, `{"extensions":{"persistedQuery":"x"}}`,
		"{\"query\":\"\\u0000\"}", `{"query":"a","query":"b"}`, `{"query":"a"} {"query":"b"}`, "\xff\xfe{", `{"query":1e999}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := decodeParams(body)
		if err != nil {
			if err.status != http.StatusBadRequest || err.code != CodeBadRequest || err.message == "" {
				t.Fatalf("refusal %+v", err)
			}
			if len(body) > 24 && strings.Contains(err.message, string(body)) {
				t.Fatalf("the message echoes the body: %s", err.message)
			}
			return
		}
		if p == nil || (p.Query == "" && !persisted(p)) {
			t.Fatalf("accepted %q without a query or a persisted query's hash: %+v", body, p)
		}
	})
}

// fakeStore is a budget store that records what is spent.
type fakeStore struct {
	spent int
}

func (s *fakeStore) Reserve(_ context.Context, _ string, cost int) (ratelimit.Status, bool, error) {
	s.spent += cost
	return ratelimit.Status{Limit: 100, Remaining: 100 - s.spent}, true, nil
}
func (s *fakeStore) Settle(_ context.Context, _ string, reserved, actual int) (ratelimit.Status, error) {
	s.spent += actual - reserved
	return ratelimit.Status{Limit: 100, Remaining: 100 - s.spent}, nil
}
func (s *fakeStore) Peek(context.Context, string) ratelimit.Status {
	return ratelimit.Status{Limit: 100, Remaining: 100 - s.spent}
}

// TestACacheHitCostsNothing checks the hook a response cache will call.
func TestACacheHitCostsNothing(t *testing.T) {
	for _, cached := range []bool{false, true} {
		// The operation reserved its 40 points before it ran.
		store := &fakeStore{spent: 40}
		c := costReporter{store: store}
		opCtx := &graphql.OperationContext{}
		opCtx.Stats.SetExtension(receiptKey, &receipt{requested: 40, charge: 40, reserved: 40, key: "sub:x"})
		ctx := graphql.WithOperationContext(context.Background(), opCtx)
		resp := c.InterceptResponse(ctx, func(ctx context.Context) *graphql.Response {
			if cached {
				ServedFromCache(ctx)
			}
			return &graphql.Response{Data: []byte(`{}`)}
		})
		cost, _ := resp.Extensions["cost"].(map[string]any)
		want := 40
		if cached {
			want = 0
		}
		if store.spent != want || cost["actual"] != want || cost["requested"] != 40 || cost["remaining"] != 100-want {
			t.Errorf("cached=%v: spent %d, extensions.cost %v; want %d spent", cached, store.spent, cost, want)
		}
		// A second response of the same operation is not charged again.
		c.InterceptResponse(ctx, func(context.Context) *graphql.Response { return &graphql.Response{} })
		if store.spent != want {
			t.Errorf("cached=%v: charged twice: %d", cached, store.spent)
		}
	}
}

func TestStatusOfRefusal(t *testing.T) {
	errs := func(code string) gqlerror.List {
		return gqlerror.List{{Message: "x", Extensions: map[string]any{"code": code}}}
	}
	for _, tc := range []struct {
		code, media string
		want        int
	}{
		{"GRAPHQL_VALIDATION_FAILED", mediaJSON, 200},
		{"GRAPHQL_VALIDATION_FAILED", mediaGraphQLResponse, 400},
		{CodeMaxDepthExceeded, mediaJSON, 200},
		{CodeMaxDepthExceeded, mediaGraphQLResponse, 400},
		{CodeRateLimited, mediaJSON, 429},
		{CodeRateLimited, mediaGraphQLResponse, 429},
		{CodeMethodNotAllowed, mediaJSON, 405},
		{CodeBadRequest, mediaJSON, 400},
	} {
		if got := statusOfRefusal(errs(tc.code), tc.media); got != tc.want {
			t.Errorf("%s as %s: %d, want %d", tc.code, tc.media, got, tc.want)
		}
	}
}

func TestStripSuggestions(t *testing.T) {
	for in, want := range map[string]string{
		`Cannot query field "certs" on type "Query". Did you mean "certifications"?`:      `Cannot query field "certs" on type "Query".`,
		`Unknown argument "frist" on field "Query.certifications". Did you mean "first"?`: `Unknown argument "frist" on field "Query.certifications".`,
		`Cannot query field "x" on type "Query".`:                                         `Cannot query field "x" on type "Query".`,
	} {
		if got := stripSuggestions(in); got != want {
			t.Errorf("stripSuggestions(%q) = %q", in, got)
		}
	}
}

func TestClientAddress(t *testing.T) {
	proxies := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("::1/128")}
	for _, tc := range []struct {
		remote, forwarded, want string
		proxies                 []netip.Prefix
	}{
		{"192.0.2.1:5000", "", "192.0.2.1:5000", proxies},
		{"192.0.2.1:5000", "198.51.100.7", "192.0.2.1:5000", proxies},
		{"10.1.2.3:5000", "198.51.100.7", "198.51.100.7", proxies},
		{"10.1.2.3:5000", "203.0.113.9, 198.51.100.7, 10.9.9.9", "198.51.100.7", proxies},
		{"10.1.2.3:5000", "", "10.1.2.3:5000", proxies},
		{"10.1.2.3:5000", "not-an-address, 198.51.100.7", "198.51.100.7", proxies},
		{"10.1.2.3:5000", "198.51.100.7, garbage", "10.1.2.3:5000", proxies},
		{"[::1]:5000", "2001:db8::1", "2001:db8::1", proxies},
		{"10.1.2.3:5000", "198.51.100.7", "10.1.2.3:5000", nil},
	} {
		r, _ := http.NewRequest("GET", "/graphql", nil)
		r.RemoteAddr = tc.remote
		if tc.forwarded != "" {
			r.Header.Set("X-Forwarded-For", tc.forwarded)
		}
		if got := clientAddress(r, tc.proxies); got != tc.want {
			t.Errorf("clientAddress(%s, %q) = %q, want %q", tc.remote, tc.forwarded, got, tc.want)
		}
	}
}
