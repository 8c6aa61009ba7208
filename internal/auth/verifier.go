// Package auth verifies bearer tokens: JWTs signed with a development HS256
// secret, or by an OpenID Connect issuer whose keys are fetched from its
// JWKS URL and rotated by keyfunc.
package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"

	"github.com/mssc/recert/catalog"
)

// Config says how tokens are verified and read.
type Config struct {
	// DevSecret is the HS256 secret of development tokens; never accepted
	// in production.
	DevSecret string
	// JWKSURL is the OpenID Connect issuer's JSON Web Key Set.
	JWKSURL string
	// Issuer is the required iss claim.
	Issuer string
	// Audience is the required aud claim.
	Audience string
	// RolesClaim names the claim holding the roles (a list or a space-separated string).
	RolesClaim string
	// CandidateIDClaim names the claim holding the MSSC candidate ID.
	CandidateIDClaim string
	// Leeway is the clock skew tolerated on exp, nbf and iat.
	Leeway time.Duration
}

// Verifier checks bearer tokens and turns them into principals.
type Verifier struct {
	cfg    Config
	jwks   jwt.Keyfunc
	parser *jwt.Parser
}

// NewVerifier prepares verification. With a JWKS URL it starts fetching
// and refreshing the key set until ctx ends.
func NewVerifier(ctx context.Context, cfg Config) (*Verifier, error) {
	if cfg.DevSecret == "" && cfg.JWKSURL == "" {
		return nil, errors.New("no way to verify tokens: set AUTH_JWKS_URL (or AUTH_DEV_SECRET in development)")
	}
	if cfg.RolesClaim == "" {
		cfg.RolesClaim = "roles"
	}
	if cfg.CandidateIDClaim == "" {
		cfg.CandidateIDClaim = "mssc_candidate_id"
	}
	v := &Verifier{cfg: cfg}
	var methods []string
	if cfg.DevSecret != "" {
		methods = append(methods, jwt.SigningMethodHS256.Alg())
	}
	if cfg.JWKSURL != "" {
		k, err := keyfunc.NewDefaultCtx(ctx, []string{cfg.JWKSURL})
		if err != nil {
			return nil, fmt.Errorf("AUTH_JWKS_URL: %v", err)
		}
		v.jwks = k.Keyfunc
		methods = append(methods, "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")
	}
	opts := []jwt.ParserOption{jwt.WithValidMethods(methods), jwt.WithExpirationRequired(), jwt.WithIssuedAt(), jwt.WithLeeway(cfg.Leeway)}
	if cfg.Issuer != "" {
		opts = append(opts, jwt.WithIssuer(cfg.Issuer))
	}
	if cfg.Audience != "" {
		opts = append(opts, jwt.WithAudience(cfg.Audience))
	}
	v.parser = jwt.NewParser(opts...)
	return v, nil
}

func (v *Verifier) key(t *jwt.Token) (any, error) {
	if t.Method.Alg() == jwt.SigningMethodHS256.Alg() {
		return []byte(v.cfg.DevSecret), nil
	}
	if v.jwks == nil {
		return nil, errors.New("no key set configured")
	}
	return v.jwks(t)
}

// Verify checks the token's signature, issuer, audience, expiry and
// not-before, and returns the principal it names. Its error message says
// what is wrong in words safe to show the caller.
func (v *Verifier) Verify(token string) (*catalog.Principal, error) {
	claims := jwt.MapClaims{}
	if _, err := v.parser.ParseWithClaims(token, claims, v.key); err != nil {
		return nil, v.describe(err, claims)
	}
	sub, _ := claims.GetSubject()
	if sub == "" {
		return nil, errors.New("the token has no subject")
	}
	p := &catalog.Principal{Subject: sub, Roles: roles(claims[v.cfg.RolesClaim])}
	if id, ok := claims[v.cfg.CandidateIDClaim].(string); ok {
		p.CandidateNumber = id
	}
	return p, nil
}

// describe words a failed verification; claims are the token's claims as
// far as they were read, so that a missing required claim is named.
func (v *Verifier) describe(err error, claims jwt.MapClaims) error {
	switch {
	case errors.Is(err, jwt.ErrTokenMalformed):
		return errors.New("the token is malformed")
	case errors.Is(err, jwt.ErrTokenExpired):
		return errors.New("the token has expired")
	case errors.Is(err, jwt.ErrTokenNotValidYet):
		return errors.New("the token is not valid yet")
	case errors.Is(err, jwt.ErrTokenInvalidAudience):
		return errors.New("the token is for another audience")
	case errors.Is(err, jwt.ErrTokenInvalidIssuer):
		return errors.New("the token is from another issuer")
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing):
		return fmt.Errorf("the token lacks the required claim %s", strings.Join(v.missingClaims(claims), " and "))
	case errors.Is(err, jwt.ErrTokenSignatureInvalid), errors.Is(err, jwt.ErrTokenUnverifiable):
		return errors.New("the token's signature is not valid")
	}
	return errors.New("the token is not valid")
}

// missingClaims names the required claims (exp, and iss and aud when an
// issuer and an audience are configured) that claims lack, in that order.
func (v *Verifier) missingClaims(claims jwt.MapClaims) []string {
	required := []string{"exp"}
	if v.cfg.Issuer != "" {
		required = append(required, "iss")
	}
	if v.cfg.Audience != "" {
		required = append(required, "aud")
	}
	var missing []string
	for _, name := range required {
		value, ok := claims[name]
		if list, isList := value.([]any); isList && len(list) == 0 {
			ok = false
		}
		if !ok || value == nil || value == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		// The library found one missing that this reading does not see:
		// name every required claim rather than none.
		return required
	}
	return missing
}

// roles reads the roles claim: a list of strings or one space-separated
// string; names are matched without case, and unknown ones are ignored.
func roles(claim any) []catalog.Role {
	var names []string
	switch c := claim.(type) {
	case string:
		names = strings.Fields(c)
	case []any:
		for _, x := range c {
			if s, ok := x.(string); ok {
				names = append(names, s)
			}
		}
	}
	var out []catalog.Role
	for _, n := range names {
		switch strings.ToUpper(n) {
		case string(catalog.RoleStaff):
			out = append(out, catalog.RoleStaff)
		case string(catalog.RoleCandidate):
			out = append(out, catalog.RoleCandidate)
		}
	}
	return out
}
