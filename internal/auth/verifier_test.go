package auth

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/mssc/recert/catalog"
)

// jwksServer serves the public half of key as a JSON Web Key Set.
func jwksServer(t *testing.T, key *rsa.PrivateKey, kid string) *httptest.Server {
	t.Helper()
	set := map[string]any{"keys": []any{map[string]any{
		"kty": "RSA", "kid": kid, "alg": "RS256", "use": "sig",
		"n": base64.RawURLEncoding.EncodeToString(key.N.Bytes()),
		"e": base64.RawURLEncoding.EncodeToString(big.NewInt(int64(key.E)).Bytes()),
	}}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(set)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func rsaToken(t *testing.T, key *rsa.PrivateKey, kid string, claims jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	tok.Header["kid"] = kid
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestVerifierWithAnIssuersKeySet(t *testing.T) {
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	srv := jwksServer(t, key, "k1")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	v, err := NewVerifier(ctx, Config{JWKSURL: srv.URL, Issuer: "https://id.example", Audience: "recert-api",
		RolesClaim: "groups", CandidateIDClaim: "cid"})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	claims := func() jwt.MapClaims {
		return jwt.MapClaims{"sub": "u-1", "iss": "https://id.example", "aud": []string{"recert-api"},
			"exp": now.Add(time.Hour).Unix(), "iat": now.Unix(), "groups": "candidate other", "cid": "C-77"}
	}
	p, err := v.Verify(rsaToken(t, key, "k1", claims()))
	if err != nil {
		t.Fatalf("a valid RS256 token was refused: %v", err)
	}
	if p.Subject != "u-1" || !p.Has(catalog.RoleCandidate) || p.Has(catalog.RoleStaff) || p.CandidateNumber != "C-77" {
		t.Errorf("principal = %+v", p)
	}
	for _, tc := range []struct{ name, token, mention string }{
		{"signed by another key", rsaToken(t, other, "k1", claims()), "signature"},
		{"unknown key id", rsaToken(t, key, "k2", claims()), "signature"},
		{"HS256 when only a key set is configured", func() string {
			s, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, claims()).SignedString([]byte("guess"))
			return s
		}(), "not valid"},
		{"wrong audience", func() string { c := claims(); c["aud"] = "other"; return rsaToken(t, key, "k1", c) }(), "audience"},
		{"wrong issuer", func() string { c := claims(); c["iss"] = "https://evil.example"; return rsaToken(t, key, "k1", c) }(), "issuer"},
		{"expired", func() string {
			c := claims()
			c["exp"], c["iat"] = now.Add(-time.Hour).Unix(), now.Add(-2*time.Hour).Unix()
			return rsaToken(t, key, "k1", c)
		}(), "expired"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := v.Verify(tc.token)
			if err == nil || !strings.Contains(err.Error(), tc.mention) {
				t.Errorf("err = %v, want one saying %q", err, tc.mention)
			}
		})
	}
}

func TestDevTokensRoundTrip(t *testing.T) {
	cfg := Config{DevSecret: "s", Issuer: "recert-dev", Audience: "recert-api"}
	v, err := NewVerifier(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := SignDevToken(cfg, DevToken{Subject: "C-1", Role: catalog.RoleCandidate, CandidateNumber: "C-1", TTL: time.Minute}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	p, err := v.Verify(tok)
	if err != nil || p.Subject != "C-1" || !p.Has(catalog.RoleCandidate) || p.CandidateNumber != "C-1" {
		t.Fatalf("round trip: %+v, %v", p, err)
	}
	if _, err := SignDevToken(Config{}, DevToken{Subject: "x", Role: catalog.RoleStaff, TTL: time.Minute}, time.Now()); err == nil {
		t.Error("signing without a development secret must fail")
	}
	if _, err := SignDevToken(cfg, DevToken{Subject: "x", Role: "ADMIN", TTL: time.Minute}, time.Now()); err == nil {
		t.Error("an unknown role must be refused")
	}
	if _, err := NewVerifier(context.Background(), Config{}); err == nil {
		t.Error("a verifier with no secret and no key set must not be built")
	}
}
