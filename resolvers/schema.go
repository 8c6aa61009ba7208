package resolvers

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/graph"
)

// NewSchema returns the executable GraphQL schema over the catalog.
func NewSchema(cat *catalog.Catalog) graphql.ExecutableSchema {
	return graph.NewExecutableSchema(graph.Config{Resolvers: &Resolver{Catalog: cat}})
}
