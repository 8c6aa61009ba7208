package catalog

import (
	"context"
	"slices"
)

// Role is what a signed-in principal may do.
type Role string

// The roles of the service. A request without a principal is anonymous: it
// may read the catalog and check credentials.
const (
	// RoleCandidate may read and change their own profile, applications and
	// catalog-review submissions.
	RoleCandidate Role = "CANDIDATE"
	// RoleStaff may work the review queues, decide, and curate the catalog.
	RoleStaff Role = "STAFF"
)

// Principal is the signed-in caller of a request.
type Principal struct {
	// Subject identifies the principal at the identity provider.
	Subject string
	// Roles are what the principal may do.
	Roles []Role
	// CandidateNumber is the MSSC candidate ID of a candidate principal.
	CandidateNumber string
}

// Has reports whether the principal holds the role.
func (p *Principal) Has(r Role) bool { return p != nil && slices.Contains(p.Roles, r) }

// Actor names the principal in the records of who changed what.
func (p *Principal) Actor() string {
	if p == nil {
		return "anonymous"
	}
	return p.Subject
}

type principalKey struct{}

// WithPrincipal returns a context carrying the signed-in principal.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the principal of ctx, or nil when anonymous.
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

// Require returns the principal of ctx when it holds one of the roles: an
// UNAUTHENTICATED error when anonymous, FORBIDDEN when signed in without
// the role.
func Require(ctx context.Context, roles ...Role) (*Principal, error) {
	p := PrincipalFrom(ctx)
	if p == nil {
		return nil, &Error{Code: CodeUnauthenticated, Message: "sign in to do this: send a bearer token in the Authorization header"}
	}
	for _, r := range roles {
		if p.Has(r) {
			return p, nil
		}
	}
	return nil, &Error{Code: CodeForbidden, Message: "you are not allowed to do this"}
}
