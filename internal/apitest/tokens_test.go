package apitest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// staffClaims are the claims of a valid staff token issued at now, with
// over's claims set in their place and those over gives as nil removed.
func staffClaims(now time.Time, over jwt.MapClaims) jwt.MapClaims {
	c := jwt.MapClaims{"sub": "staff-1", "roles": []string{"STAFF"}, "iss": testAuth.Issuer, "aud": testAuth.Audience,
		"iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
	for k, v := range over {
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
	}
	return c
}

// signed signs the claims with the method and key.
func signed(t *testing.T, method jwt.SigningMethod, key any, claims jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(method, claims).SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBadTokensAreRefusedWith401(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		now := time.Now()
		valid := func(over jwt.MapClaims) jwt.MapClaims { return staffClaims(now, over) }
		secret := []byte(testAuth.DevSecret)
		for _, tc := range []struct{ name, header, mention string }{
			{"malformed", "Bearer not.a.jwt", "malformed"},
			{"expired", "Bearer " + signed(t, jwt.SigningMethodHS256, secret, valid(jwt.MapClaims{"exp": now.Add(-time.Hour).Unix(), "iat": now.Add(-2 * time.Hour).Unix()})), "expired"},
			{"wrongly signed", "Bearer " + signed(t, jwt.SigningMethodHS256, []byte("another-secret"), valid(nil)), "signature"},
			{"wrong audience", "Bearer " + signed(t, jwt.SigningMethodHS256, secret, valid(jwt.MapClaims{"aud": "someone-else"})), "audience"},
			{"wrong issuer", "Bearer " + signed(t, jwt.SigningMethodHS256, secret, valid(jwt.MapClaims{"iss": "evil"})), "issuer"},
			{"not yet valid", "Bearer " + signed(t, jwt.SigningMethodHS256, secret, valid(jwt.MapClaims{"nbf": now.Add(time.Hour).Unix()})), "not valid yet"},
			{"without expiry", "Bearer " + signed(t, jwt.SigningMethodHS256, secret, valid(jwt.MapClaims{"exp": nil})), "required claim exp"},
			{"without audience", "Bearer " + signed(t, jwt.SigningMethodHS256, secret, valid(jwt.MapClaims{"aud": nil})), "required claim aud"},
			{"without issuer", "Bearer " + signed(t, jwt.SigningMethodHS256, secret, valid(jwt.MapClaims{"iss": nil})), "required claim iss"},
			{"without issuer and audience", "Bearer " + signed(t, jwt.SigningMethodHS256, secret, valid(jwt.MapClaims{"iss": nil, "aud": nil})), "required claim iss and aud"},
			{"alg none", "Bearer " + signed(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, valid(nil)), "not valid"},
			{"HS512 not allowed", "Bearer " + signed(t, jwt.SigningMethodHS512, secret, valid(nil)), "not valid"},
			{"without subject", "Bearer " + signed(t, jwt.SigningMethodHS256, secret, valid(jwt.MapClaims{"sub": nil})), "subject"},
			{"basic scheme", "Basic dXNlcjpwYXNz", "Bearer"},
			{"empty bearer", "Bearer ", "Bearer"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := e.send(t, nil, http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ viewer { subject } catalogVersion }"}`),
					"Content-Type", "application/json", "Authorization", tc.header)
				if r.Status != http.StatusUnauthorized {
					t.Fatalf("status = %d, want 401: %s", r.Status, r.Body)
				}
				if h := r.Header.Get("WWW-Authenticate"); !strings.HasPrefix(h, "Bearer ") || !strings.Contains(h, "invalid_token") {
					t.Errorf("WWW-Authenticate = %q", h)
				}
				if !strings.Contains(r.Body, `"code":"UNAUTHENTICATED"`) || !strings.Contains(r.Body, tc.mention) {
					t.Errorf("body %s should carry UNAUTHENTICATED and say %q", r.Body, tc.mention)
				}
				if strings.Contains(r.Body, `"data"`) {
					t.Errorf("a refused request must not be executed: %s", r.Body)
				}
			})
		}
	})
}

func TestMissingTokenIsAnonymous(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		r := e.query(t, `{ viewer { subject } certifications(first: 1) { totalCount } }`, nil)
		if r.Status != http.StatusOK || len(r.Errors) != 0 || r.Data["viewer"] != nil {
			t.Fatalf("anonymous request: %d %s", r.Status, r.Raw)
		}
		data := e.okAs(t, e.token(t, "STAFF", "staff-1"), `{ viewer { subject roles candidate { id } } }`, nil)
		if get(data, "viewer", "subject") != "staff-1" || get(data, "viewer", "roles", 0) != "STAFF" || get(data, "viewer", "candidate") != nil {
			t.Errorf("viewer = %v", get(data, "viewer"))
		}
	})
}

func TestTwoAuthorizationHeadersAreRefused(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := "Bearer " + e.token(t, "STAFF", "staff-1")
		candidate := "Bearer " + e.token(t, "CANDIDATE", "C-1")
		before := e.rowCounts(t)
		for _, tc := range []struct {
			name, method, path string
			headers            []string
		}{
			{"a staff token then a candidate's", http.MethodPost, "/graphql", []string{staff, candidate}},
			{"a valid token then a broken one", http.MethodPost, "/graphql", []string{staff, "Bearer broken"}},
			{"the same token twice", http.MethodPost, "/graphql", []string{staff, staff}},
			{"an empty one first", http.MethodPost, "/graphql", []string{"", staff}},
			{"a file download", http.MethodGet, "/files/sha256/00/00", []string{staff, candidate}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var body *bytes.Reader
				if tc.method == http.MethodPost {
					raw, _ := json.Marshal(map[string]any{"query": registerAs})
					body = bytes.NewReader(raw)
				} else {
					body = bytes.NewReader(nil)
				}
				req, _ := http.NewRequest(tc.method, e.url+tc.path, body)
				req.Header.Set("Content-Type", "application/json")
				for _, h := range tc.headers {
					req.Header.Add("Authorization", h)
				}
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				var out bytes.Buffer
				_, _ = out.ReadFrom(res.Body)
				if res.StatusCode != http.StatusBadRequest || !strings.Contains(out.String(), `"code":"BAD_REQUEST"`) ||
					!strings.Contains(out.String(), "more than one Authorization header") {
					t.Fatalf("status %d, want 400 BAD_REQUEST naming the headers: %s", res.StatusCode, out.String())
				}
			})
		}
		e.nothingWritten(t, before)
	})
}
