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
		valid := func(over jwt.MapClaims) jwt.MapClaims {
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
				req, _ := http.NewRequest(http.MethodPost, e.url+"/graphql", bytes.NewReader([]byte(`{"query":"{ viewer { subject } catalogVersion }"}`)))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", tc.header)
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				var body bytes.Buffer
				_, _ = body.ReadFrom(res.Body)
				if res.StatusCode != http.StatusUnauthorized {
					t.Fatalf("status = %d, want 401: %s", res.StatusCode, body.String())
				}
				if h := res.Header.Get("WWW-Authenticate"); !strings.HasPrefix(h, "Bearer ") || !strings.Contains(h, "invalid_token") {
					t.Errorf("WWW-Authenticate = %q", h)
				}
				if !strings.Contains(body.String(), `"code":"UNAUTHENTICATED"`) || !strings.Contains(body.String(), tc.mention) {
					t.Errorf("body %s should carry UNAUTHENTICATED and say %q", body.String(), tc.mention)
				}
				if strings.Contains(body.String(), `"data"`) {
					t.Errorf("a refused request must not be executed: %s", body.String())
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
