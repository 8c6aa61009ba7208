package resolvers

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/mssc/recert/graph"
)

// NewSchema returns the executable GraphQL schema over the services of r,
// with the @auth directive enforced.
func NewSchema(r *Resolver) graphql.ExecutableSchema {
	return graph.NewExecutableSchema(graph.Config{
		Resolvers:  r,
		Directives: graph.DirectiveRoot{Auth: authDirective},
	})
}
