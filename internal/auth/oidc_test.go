package auth

import (
	"context"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/testissuer"
)

// TestVerifierTrustsARealIssuersIDTokens signs in through a running OpenID
// Connect provider (mockoidc, package testissuer) with the code flow and
// PKCE, and checks that the verifier takes its ID tokens through the
// issuer's key set, and refuses them for another audience, another issuer
// or when another provider signed them.
func TestVerifierTrustsARealIssuersIDTokens(t *testing.T) {
	issuer, err := testissuer.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer issuer.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	verifier := func(iss, aud string) *Verifier {
		v, err := NewVerifier(ctx, Config{JWKSURL: issuer.JWKSURL(), Issuer: iss, Audience: aud})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v := verifier(issuer.URL(), testissuer.ClientID)

	staff, err := issuer.SignIn("staff-1", "STAFF")
	if err != nil {
		t.Fatal(err)
	}
	p, err := v.Verify(staff)
	if err != nil {
		t.Fatalf("the issuer's ID token was refused: %v", err)
	}
	if p.Subject != "staff-1" || !p.Has(catalog.RoleStaff) || p.Has(catalog.RoleCandidate) {
		t.Errorf("staff principal = %+v", p)
	}
	candidate, err := issuer.SignIn("C-4242", "CANDIDATE")
	if err != nil {
		t.Fatal(err)
	}
	if p, err := v.Verify(candidate); err != nil || !p.Has(catalog.RoleCandidate) || p.CandidateNumber != "C-4242" {
		t.Errorf("candidate principal = %+v, %v", p, err)
	}

	other, err := testissuer.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	forged, err := other.SignIn("staff-1", "STAFF")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		v       *Verifier
		token   string
		mention string
	}{
		{"another audience", verifier(issuer.URL(), "recert-api"), staff, "audience"},
		{"another issuer", verifier("https://id.example", testissuer.ClientID), staff, "issuer"},
		{"signed by another provider", v, forged, "signature"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := tc.v.Verify(tc.token); err == nil || !strings.Contains(err.Error(), tc.mention) {
				t.Errorf("err = %v, want one saying %q", err, tc.mention)
			}
		})
	}
}
