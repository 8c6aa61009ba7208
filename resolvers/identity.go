package resolvers

import (
	"context"
	"errors"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/graph/model"
)

// authDirective enforces @auth: the principal must hold one of the roles.
func authDirective(ctx context.Context, _ any, next graphql.Resolver, roles []catalog.Role) (any, error) {
	if _, err := catalog.Require(ctx, roles...); err != nil {
		return nil, err
	}
	return next(ctx)
}

// userErrors turns domain input errors into GraphQL user errors whose
// field path starts at the mutation's input argument.
func userErrors(errs []*catalog.Error) []*model.UserError {
	out := make([]*model.UserError, 0, len(errs))
	for _, e := range errs {
		u := &model.UserError{Code: e.Code, Message: e.Message}
		if e.Field != "" {
			path := strings.Split(strings.TrimPrefix(e.Field, "input."), ".")
			u.Field = append([]string{"input"}, path...)
		}
		out = append(out, u)
	}
	return out
}

func prefixed(prefix string, errs []*catalog.Error) []*catalog.Error {
	for _, e := range errs {
		if e.Field != "" {
			e.Field = prefix + e.Field
		}
	}
	return errs
}

func asDomainError(err error) *catalog.Error {
	var e *catalog.Error
	if errors.As(err, &e) {
		return e
	}
	return catalog.Internal(err)
}

func heldInputs(in []*model.HeldCertificationInput) []candidate.HeldCertification {
	out := make([]candidate.HeldCertification, len(in))
	for i, h := range in {
		out[i] = candidate.HeldCertification{Program: h.Program, CertifiedOn: h.CertifiedOn, ExpiresOn: h.ExpiresOn}
	}
	return out
}

func candidateConnection(p catalog.Page[*candidate.Candidate]) *model.CandidateConnection {
	edges, nodes, info := connectionParts(p, func(n *candidate.Candidate, c string) *model.CandidateEdge {
		return &model.CandidateEdge{Node: n, Cursor: c}
	})
	return &model.CandidateConnection{Edges: edges, Nodes: nodes, PageInfo: info, TotalCount: p.TotalCount}
}
