// Package testissuer is a local OpenID Connect provider for tests: mockoidc
// (github.com/oauth2-proxy/mockoidc) on a loopback port with its own RSA key,
// in front of which it puts what a real provider gives a single-page app:
// a sign-in page where the test says who signs in, a public client (no
// secret) that must use PKCE with S256, and CORS for loopback origins so
// that a browser page can fetch the discovery document, the key set and
// the token endpoint.
//
// It is for tests only: anyone who reaches it can sign in as anyone.
package testissuer

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/golang-jwt/jwt/v5"
	"github.com/oauth2-proxy/mockoidc"
)

// ClientID is the web app's client ID at the test issuer; the ID tokens it
// issues carry it as their audience.
const ClientID = "recert-web"

// Issuer is a running test provider.
type Issuer struct {
	m *mockoidc.MockOIDC
	// mu serializes requests: mockoidc's session store is a plain map.
	mu sync.Mutex
}

// Start runs a test issuer on addr (such as 127.0.0.1:0) until Close.
func Start(addr string) (*Issuer, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	m, err := mockoidc.NewServer(key)
	if err != nil {
		return nil, err
	}
	m.ClientID = ClientID
	m.CodeChallengeMethodsSupported = []string{"S256"}
	i := &Issuer{m: m}
	if err := m.AddMiddleware(i.front); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if err := m.Start(ln, nil); err != nil {
		_ = ln.Close()
		return nil, err
	}
	return i, nil
}

// URL is the issuer: the iss claim of its tokens, under which its
// discovery document is found.
func (i *Issuer) URL() string { return i.m.Issuer() }

// JWKSURL is the address of its JSON Web Key Set.
func (i *Issuer) JWKSURL() string { return i.m.JWKSEndpoint() }

// Close stops the issuer.
func (i *Issuer) Close() error { return i.m.Shutdown() }

// User is who signs in on the issuer's sign-in page.
type User struct {
	// Subject is the sub claim.
	Subject string
	// Roles is the roles claim (CANDIDATE, STAFF).
	Roles []string
	// CandidateID is the mssc_candidate_id claim, for a candidate.
	CandidateID string
}

// ID is the user's subject.
func (u User) ID() string { return u.Subject }

// Userinfo is the userinfo endpoint's answer for the user.
func (u User) Userinfo([]string) ([]byte, error) {
	return json.Marshal(map[string]any{"sub": u.Subject, "roles": u.Roles, "mssc_candidate_id": u.CandidateID})
}

// idClaims are an ID token's claims: the registered ones and the nonce
// from mockoidc, and the roles and candidate ID the API reads.
type idClaims struct {
	*mockoidc.IDTokenClaims
	Roles       []string `json:"roles"`
	CandidateID string   `json:"mssc_candidate_id,omitempty"`
}

// Claims are the user's ID token claims, built on the registered ones.
func (u User) Claims(_ []string, base *mockoidc.IDTokenClaims) (jwt.Claims, error) {
	return &idClaims{IDTokenClaims: base, Roles: u.Roles, CandidateID: u.CandidateID}, nil
}

// front is the middleware in front of every mockoidc endpoint.
func (i *Issuer) front(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); loopback(origin) {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Add("Vary", "Origin")
			if r.Method == http.MethodOptions {
				w.Header().Set("Access-Control-Allow-Methods", "GET, POST")
				w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		i.mu.Lock()
		defer i.mu.Unlock()
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		switch r.URL.Path {
		case mockoidc.AuthorizationEndpoint:
			i.authorize(next, w, r)
		case mockoidc.TokenEndpoint:
			// A public client has no secret; it proves itself with the
			// PKCE verifier instead, which mockoidc checks.
			if r.Form.Get("client_secret") == "" {
				if r.Form.Get("grant_type") == "authorization_code" && r.Form.Get("code_verifier") == "" {
					tokenError(w, "a public client must send its PKCE code_verifier")
					return
				}
				r.Form.Set("client_secret", i.m.ClientSecret)
			}
			next.ServeHTTP(w, r)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// authorize shows the sign-in page on GET and, when it is submitted,
// queues the user it names and lets mockoidc redirect back with a code.
func (i *Issuer) authorize(next http.Handler, w http.ResponseWriter, r *http.Request) {
	if r.Form.Get("code_challenge_method") != "S256" || r.Form.Get("code_challenge") == "" {
		http.Error(w, "this issuer requires PKCE with code_challenge_method=S256", http.StatusBadRequest)
		return
	}
	if r.Method != http.MethodPost {
		params := map[string]string{}
		for k := range r.Form {
			params[k] = r.Form.Get(k)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_ = signInPage.Execute(w, params)
		return
	}
	subject := strings.TrimSpace(r.PostForm.Get("subject"))
	role := r.PostForm.Get("role")
	if subject == "" || (role != "CANDIDATE" && role != "STAFF") {
		http.Error(w, "give a user name and a role", http.StatusBadRequest)
		return
	}
	u := User{Subject: subject, Roles: []string{role}}
	if role == "CANDIDATE" {
		u.CandidateID = subject
	}
	i.m.QueueUser(u)
	next.ServeHTTP(w, r)
}

// loopback reports whether origin is an http origin on this machine.
func loopback(origin string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Scheme == "http" && slices.Contains([]string{"127.0.0.1", "localhost", "::1"}, u.Hostname())
}

func tokenError(w http.ResponseWriter, description string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": "invalid_request", "error_description": description})
}

// signInPage is the issuer's sign-in page; it posts the authorization
// request's parameters back with who signs in.
var signInPage = template.Must(template.New("signin").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test issuer: sign in</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
label,select,input,button{display:block;font:inherit;margin:.25rem 0}input,select{width:100%;padding:.4rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem;background:#0b4f8a;color:#fff;border:0;border-radius:4px}
p.note{color:#555}</style></head>
<body><main><h1>Test issuer</h1>
<p class="note">A local OpenID Connect provider for tests. Anyone can sign in here as anyone.</p>
<form method="post">
{{range $k, $v := .}}<input type="hidden" name="{{$k}}" value="{{$v}}">
{{end}}<label for="subject">User name</label><input id="subject" name="subject" required maxlength="64">
<label for="role">Role</label><select id="role" name="role"><option value="CANDIDATE">Candidate</option><option value="STAFF">MSSC staff</option></select>
<button type="submit">Sign in to the test issuer</button>
</form></main></body></html>
`))

// SignIn goes through the authorization code flow with PKCE as the web app
// and a person at the sign-in page would, for subject in role (CANDIDATE or
// STAFF), and returns the ID token the token endpoint gives.
func (i *Issuer) SignIn(subject, role string) (string, error) {
	verifier := rand.Text() + rand.Text()
	challenge, err := mockoidc.GenerateCodeChallenge("S256", verifier)
	if err != nil {
		return "", err
	}
	redirect := "http://127.0.0.1/app/"
	query := url.Values{"client_id": {ClientID}, "response_type": {"code"}, "scope": {"openid profile email"},
		"state": {"s"}, "redirect_uri": {redirect}, "code_challenge": {challenge}, "code_challenge_method": {"S256"}}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.PostForm(i.m.AuthorizationEndpoint()+"?"+query.Encode(), url.Values{"subject": {subject}, "role": {role}})
	if err != nil {
		return "", err
	}
	_ = res.Body.Close()
	back, err := url.Parse(res.Header.Get("Location"))
	if res.StatusCode != http.StatusFound || err != nil || back.Query().Get("code") == "" {
		return "", fmt.Errorf("the sign-in page answered %s, not a redirect with a code", res.Status)
	}
	res, err = client.PostForm(i.m.TokenEndpoint(), url.Values{"grant_type": {"authorization_code"}, "client_id": {ClientID},
		"code": {back.Query().Get("code")}, "redirect_uri": {redirect}, "code_verifier": {verifier}})
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	var body struct {
		IDToken     string `json:"id_token"`
		Description string `json:"error_description"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil || body.IDToken == "" {
		return "", fmt.Errorf("the token endpoint answered %s: %s", res.Status, body.Description)
	}
	return body.IDToken, nil
}
