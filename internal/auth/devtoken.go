package auth

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/mssc/recert/catalog"
)

// DevToken is what a development token says.
type DevToken struct {
	// Subject is the principal's subject.
	Subject string
	// Role is the principal's role.
	Role catalog.Role
	// CandidateNumber is the MSSC candidate ID of a candidate.
	CandidateNumber string
	// TTL is how long the token is valid.
	TTL time.Duration
}

// SignDevToken returns a token signed with the development secret of cfg,
// for cfg's issuer and audience. It signs with nothing else.
func SignDevToken(cfg Config, t DevToken, now time.Time) (string, error) {
	if cfg.DevSecret == "" {
		return "", errors.New("no development secret: development tokens are not available in production")
	}
	if t.Subject == "" {
		return "", errors.New("a subject is required")
	}
	if t.Role != catalog.RoleCandidate && t.Role != catalog.RoleStaff {
		return "", errors.New("the role must be CANDIDATE or STAFF")
	}
	if cfg.RolesClaim == "" {
		cfg.RolesClaim = "roles"
	}
	if cfg.CandidateIDClaim == "" {
		cfg.CandidateIDClaim = "mssc_candidate_id"
	}
	claims := jwt.MapClaims{
		"sub":          t.Subject,
		"iat":          now.Unix(),
		"nbf":          now.Unix(),
		"exp":          now.Add(t.TTL).Unix(),
		cfg.RolesClaim: []string{string(t.Role)},
	}
	if cfg.Issuer != "" {
		claims["iss"] = cfg.Issuer
	}
	if cfg.Audience != "" {
		claims["aud"] = cfg.Audience
	}
	if t.CandidateNumber != "" {
		claims[cfg.CandidateIDClaim] = t.CandidateNumber
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(cfg.DevSecret))
}
