package resolvers

import (
	"context"

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
