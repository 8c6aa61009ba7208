package main

import (
	"errors"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const (
	roleStaff     = "STAFF"
	roleCandidate = "CANDIDATE"
)

// tokenSigner signs development tokens for a role, a subject and, for a
// candidate, the MSSC candidate ID.
type tokenSigner func(role, subject, candidateNumber string) (string, error)

// newTokenSigner signs development tokens as `recert token` does
// (internal/auth.SignDevToken): HS256 with AUTH_DEV_SECRET, for the issuer
// and audience of development (AUTH_ISSUER, AUTH_AUDIENCE), the roles and
// the candidate ID in the claims the server reads (AUTH_ROLES_CLAIM,
// AUTH_CANDIDATE_ID_CLAIM). The load generator is a module of its own, so
// it cannot import the service's internal packages; a token the server
// does not accept fails the first write, and so the run.
func newTokenSigner() (tokenSigner, error) {
	secret := os.Getenv("AUTH_DEV_SECRET")
	if secret == "" {
		return nil, errors.New("AUTH_DEV_SECRET is not set: the writes workload signs its tokens with the server's development secret")
	}
	issuer := envOr("AUTH_ISSUER", "recert-dev")
	audience := envOr("AUTH_AUDIENCE", "recert-api")
	rolesClaim := envOr("AUTH_ROLES_CLAIM", "roles")
	candidateClaim := envOr("AUTH_CANDIDATE_ID_CLAIM", "mssc_candidate_id")
	return func(role, subject, number string) (string, error) {
		now := time.Now()
		claims := jwt.MapClaims{
			"sub": subject, "iss": issuer, "aud": audience,
			"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(6 * time.Hour).Unix(),
			rolesClaim: []string{role},
		}
		if number != "" {
			claims[candidateClaim] = number
		}
		return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))
	}, nil
}
