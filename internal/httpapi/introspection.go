package httpapi

import (
	"context"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// introspectionGate answers an operation that asks for the schema
// (__schema or __type) where introspection is turned off with one clear
// INTROSPECTION_DISABLED error before anything runs. It is the client's
// mistake, not the server's: it is logged at info level, never as an error.
type introspectionGate struct {
	logger *slog.Logger
}

var _ graphql.OperationContextMutator = introspectionGate{}

// ExtensionName names the extension.
func (introspectionGate) ExtensionName() string { return "IntrospectionGate" }

// Validate accepts any schema.
func (introspectionGate) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext refuses a query that selects an introspection
// field while introspection is turned off.
func (g introspectionGate) MutateOperationContext(ctx context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil || rc.Operation.Operation != ast.Query || !rc.DisableIntrospection {
		return nil
	}
	var asked *ast.Field
	eachField(rc.Operation.SelectionSet, func(f *ast.Field) bool {
		if f.Name == "__schema" || f.Name == "__type" {
			asked = f
		}
		return asked == nil
	})
	if asked == nil {
		return nil
	}
	g.logger.InfoContext(ctx, "introspection refused", "request_id", RequestID(ctx), "field", asked.Name)
	e := &gqlerror.Error{
		Message:    "introspection is disabled on this server; the schema is published in schema.graphql",
		Extensions: map[string]any{"code": CodeIntrospectionDisabled},
	}
	if asked.Position != nil {
		e.Locations = []gqlerror.Location{{Line: asked.Position.Line, Column: asked.Position.Column}}
	}
	return e
}
