package testissuer

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func start(t *testing.T) *Issuer {
	t.Helper()
	i, err := Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = i.Close() })
	return i
}

// TestTheIssuerActsAsAProviderOfAPublicClient: the sign-in page, PKCE
// required, no secret needed, and CORS for loopback origins only.
func TestTheIssuerActsAsAProviderOfAPublicClient(t *testing.T) {
	i := start(t)
	if _, err := i.SignIn("staff-1", "STAFF"); err != nil {
		t.Fatalf("the code flow with PKCE failed: %v", err)
	}
	base := url.Values{"client_id": {ClientID}, "response_type": {"code"}, "scope": {"openid"}, "state": {"s"}, "redirect_uri": {"http://127.0.0.1/app/"}}

	page, err := http.Get(i.m.AuthorizationEndpoint() + "?" + base.Encode() + "&code_challenge=abc&code_challenge_method=S256")
	if err != nil {
		t.Fatal(err)
	}
	html, _ := io.ReadAll(page.Body)
	_ = page.Body.Close()
	if page.StatusCode != http.StatusOK || !strings.Contains(string(html), "Sign in to the test issuer") {
		t.Errorf("GET authorize: %s, want the sign-in page:\n%s", page.Status, html)
	}
	for _, q := range []string{"", "&code_challenge=abc&code_challenge_method=plain"} {
		res, err := http.Get(i.m.AuthorizationEndpoint() + "?" + base.Encode() + q)
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("authorize without S256 PKCE (%q): %s, want 400", q, res.Status)
		}
	}
	res, err := http.PostForm(i.m.TokenEndpoint(), url.Values{"grant_type": {"authorization_code"}, "client_id": {ClientID}, "code": {"x"}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	_ = res.Body.Close()
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "code_verifier") {
		t.Errorf("token without a verifier: %s %s, want 400 naming code_verifier", res.Status, body)
	}

	for origin, allowed := range map[string]bool{"http://127.0.0.1:5173": true, "http://localhost:8080": true, "https://evil.example": false} {
		req, _ := http.NewRequest(http.MethodGet, i.URL()+"/.well-known/openid-configuration", nil)
		req.Header.Set("Origin", origin)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		if got := res.Header.Get("Access-Control-Allow-Origin"); (got == origin) != allowed {
			t.Errorf("Origin %s: Access-Control-Allow-Origin %q, allowed %v", origin, got, allowed)
		}
	}
}
