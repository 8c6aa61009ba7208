package apitest

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/auth"
	"github.com/mssc/recert/internal/httpapi"
)

// webOrigin is the origin the CORS tests allow.
const webOrigin = "https://app.example.org"

// withWeb allows webOrigin and signs development tokens, as `make run` does.
func withWeb(c *httpapi.Config) {
	c.AllowedOrigins = []string{webOrigin}
	c.DevTokens = func(role catalog.Role, subject, candidate string) (string, error) {
		return auth.SignDevToken(testAuth, auth.DevToken{Subject: subject, Role: role, CandidateNumber: candidate, TTL: time.Hour}, time.Now())
	}
}

// TestCORSPreflightFromAnAllowedOrigin: the preflight of a page on an
// allowed origin (its header list sorted and lower-case, as browsers send
// it) names that origin (never *), the headers the API reads and
// how long to keep the answer; the request itself exposes the rate-limit
// headers; no credentials are allowed.
func TestCORSPreflightFromAnAllowedOrigin(t *testing.T) {
	eachDialectWith(t, withWeb, func(t *testing.T, e *env) {
		r := e.send(t, nil, http.MethodOptions, "/graphql", nil,
			"Origin", webOrigin, "Access-Control-Request-Method", "POST",
			"Access-Control-Request-Headers", "apollo-require-preflight,authorization,content-type")
		if r.Status != http.StatusNoContent && r.Status != http.StatusOK {
			t.Fatalf("preflight status = %d", r.Status)
		}
		h := r.Header
		if got := h.Get("Access-Control-Allow-Origin"); got != webOrigin {
			t.Errorf("Allow-Origin = %q, want %q", got, webOrigin)
		}
		if got := strings.ToLower(h.Get("Access-Control-Allow-Headers")); !strings.Contains(got, "authorization") || !strings.Contains(got, "apollo-require-preflight") {
			t.Errorf("Allow-Headers = %q", got)
		}
		if got := h.Get("Access-Control-Max-Age"); got != "600" {
			t.Errorf("Max-Age = %q, want 600", got)
		}
		if got := h.Get("Access-Control-Allow-Credentials"); got != "" {
			t.Errorf("Allow-Credentials = %q, want none", got)
		}
		res := e.post(t, e.token(t, catalog.RoleStaff, "s"), "{ viewer { subject } }", nil, "Origin", webOrigin)
		if res.Status != http.StatusOK || res.Header.Get("Access-Control-Allow-Origin") != webOrigin {
			t.Fatalf("POST from %s: %d, Allow-Origin %q", webOrigin, res.Status, res.Header.Get("Access-Control-Allow-Origin"))
		}
		exposed := res.Header.Get("Access-Control-Expose-Headers")
		for _, name := range []string{"X-Ratelimit-Remaining", "Retry-After", "Www-Authenticate"} {
			if !strings.Contains(strings.ToLower(exposed), strings.ToLower(name)) {
				t.Errorf("Expose-Headers = %q lacks %s", exposed, name)
			}
		}
	})
}

// TestCORSRefusesOtherOrigins: a page on an origin not listed, or one that
// only looks like it, gets no Access-Control-* header, so the browser keeps
// the answer from it; with no list at all nothing is allowed.
func TestCORSRefusesOtherOrigins(t *testing.T) {
	eachDialectWith(t, withWeb, func(t *testing.T, e *env) {
		for _, origin := range []string{"https://evil.example.org", "http://app.example.org", "https://app.example.org.evil.net", "null", strings.Repeat("x", 10000)} {
			r := e.send(t, nil, http.MethodOptions, "/graphql", nil, "Origin", origin, "Access-Control-Request-Method", "POST")
			if got := r.Header.Get("Access-Control-Allow-Origin"); got != "" {
				t.Errorf("preflight from %.40q: Allow-Origin = %q", origin, got)
			}
			res := e.post(t, "", "{ catalogVersion }", nil, "Origin", origin)
			if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" {
				t.Errorf("POST from %.40q: Allow-Origin = %q", origin, got)
			}
		}
	})
	eachDialect(t, func(t *testing.T, e *env) {
		r := e.send(t, nil, http.MethodOptions, "/graphql", nil, "Origin", webOrigin, "Access-Control-Request-Method", "POST")
		if got := r.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("with no allowed origins, Allow-Origin = %q", got)
		}
	})
}

// TestWebsocketOriginsFollowTheList: a subscription's handshake from an
// allowed origin is accepted, from another origin refused with 403 and a
// stable code, twenty at once as well.
func TestWebsocketOriginsFollowTheList(t *testing.T) {
	eachDialectWith(t, withWeb, func(t *testing.T, e *env) {
		dial := func(origin string) (*http.Response, error) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			conn, res, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(e.url, "http")+"/graphql", &websocket.DialOptions{
				Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: http.Header{"Origin": {origin}},
			})
			if conn != nil {
				_ = conn.CloseNow()
			}
			return res, err
		}
		if _, err := dial(webOrigin); err != nil {
			t.Fatalf("handshake from %s: %v", webOrigin, err)
		}
		var wg sync.WaitGroup
		for range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := dial("https://evil.example.org")
				if err == nil || res == nil || res.StatusCode != http.StatusForbidden {
					t.Errorf("handshake from another origin: err %v, response %v", err, res)
				}
			}()
		}
		wg.Wait()
		r := e.send(t, nil, http.MethodGet, "/graphql", nil, "Origin", "https://evil.example.org", "Upgrade", "websocket", "Connection", "Upgrade")
		r.expect(t, http.StatusForbidden, httpapi.CodeOriginNotAllowed)
	})
}

// TestDevTokensSignInAndRefuseBadRequests: POST /dev/token signs a token the
// API accepts, refuses bad roles and names with a stable code, and does not
// exist in production.
func TestDevTokensSignInAndRefuseBadRequests(t *testing.T) {
	eachDialectWith(t, withWeb, func(t *testing.T, e *env) {
		r := e.send(t, nil, http.MethodPost, "/dev/token", strings.NewReader(`{"role":"STAFF","subject":"staff-dev"}`))
		if r.Status != http.StatusOK {
			t.Fatalf("POST /dev/token: %d %s", r.Status, r.Body)
		}
		token := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(r.Body), `{"token":"`), `"}`)
		data := e.okAs(t, token, "{ viewer { subject roles } }", nil)
		if get(data, "viewer", "subject") != "staff-dev" {
			t.Fatalf("viewer = %v", data)
		}
		for _, body := range []string{
			`{"role":"ADMIN","subject":"a"}`, `{"role":"STAFF","subject":""}`,
			`{"role":"STAFF","subject":"` + strings.Repeat("a", 65) + `"}`, `{"role":"STAFF","subject":"a b"}`,
			`{"role":"CANDIDATE","subject":"c","candidateId":"C 1"}`, `not json`,
		} {
			e.send(t, nil, http.MethodPost, "/dev/token", strings.NewReader(body)).expect(t, http.StatusBadRequest, httpapi.CodeBadDevTokenRequest)
		}
		if r := e.send(t, nil, http.MethodPost, "/dev/token", strings.NewReader(strings.Repeat("x", 10000))); r.Status != http.StatusBadRequest {
			t.Errorf("a 10 kB body: %d", r.Status)
		}
	})
	eachDialectWith(t, func(c *httpapi.Config) { withWeb(c); c.Production = true }, func(t *testing.T, e *env) {
		r := e.send(t, nil, http.MethodPost, "/dev/token", strings.NewReader(`{"role":"STAFF","subject":"s"}`))
		if r.Status != http.StatusNotFound && r.Status != http.StatusMethodNotAllowed {
			t.Fatalf("production POST /dev/token: %d %s", r.Status, r.Body)
		}
		if cfg := e.send(t, nil, http.MethodGet, "/app/config.json", nil); !strings.Contains(cfg.Body, `"devSignIn":false`) {
			t.Errorf("production config.json = %s", cfg.Body)
		}
	})
}

// TestTheWebAppIsServedFromTheBinary: /app/ and its addresses serve the
// app's page, its assets are served with long caching, an unknown asset is
// 404, and GraphiQL's page at / names no other origin.
func TestTheWebAppIsServedFromTheBinary(t *testing.T) {
	eachDialectWith(t, withWeb, func(t *testing.T, e *env) {
		page := e.send(t, nil, http.MethodGet, "/app/", nil)
		if page.Status != http.StatusOK || !strings.Contains(page.Body, `<div id="root">`) {
			t.Fatalf("/app/: %d %.200s", page.Status, page.Body)
		}
		if deep := e.send(t, nil, http.MethodGet, "/app/staff/reviews", nil); deep.Body != page.Body {
			t.Errorf("/app/staff/reviews does not serve the app's page")
		}
		start := strings.Index(page.Body, `src="/app/assets/`)
		if start < 0 {
			t.Fatalf("no script in %s", page.Body)
		}
		src := page.Body[start+len(`src="`):]
		src = src[:strings.Index(src, `"`)]
		asset := e.send(t, nil, http.MethodGet, src, nil)
		if asset.Status != http.StatusOK || !strings.Contains(asset.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("%s: %d, Cache-Control %q", src, asset.Status, asset.Header.Get("Cache-Control"))
		}
		if r := e.send(t, nil, http.MethodGet, "/app/assets/missing.js", nil); r.Status != http.StatusNotFound {
			t.Errorf("a missing asset: %d", r.Status)
		}
		if r := e.send(t, nil, http.MethodGet, "/app/../graphql", nil); r.Status == http.StatusOK && strings.Contains(r.Body, "data") {
			t.Errorf("/app/../graphql reached the API")
		}
		graphiql := e.send(t, nil, http.MethodGet, "/", nil)
		if graphiql.Status != http.StatusOK || !strings.Contains(graphiql.Body, "/app/assets/graphiql") || strings.Contains(graphiql.Body, "https://") {
			t.Errorf("GraphiQL page: %d %.300s", graphiql.Status, graphiql.Body)
		}
	})
}
