package httpapi

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mssc/recert/catalog"
)

// strictEnums refuses enum values in variables that match an enum value
// only when case is ignored: GraphQL enum values are case-sensitive, but
// gqlparser's variable coercion compares them without case.
type strictEnums struct {
	schema *ast.Schema
}

var _ graphql.OperationContextMutator = strictEnums{}

// ExtensionName names the extension.
func (strictEnums) ExtensionName() string { return "StrictEnums" }

// Validate accepts any schema.
func (strictEnums) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext checks every enum value in the variables.
func (s strictEnums) MutateOperationContext(_ context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil {
		return nil
	}
	for _, def := range rc.Operation.VariableDefinitions {
		if err := s.check(def.Type, rc.Variables[def.Variable], ast.Path{ast.PathName("variable"), ast.PathName(def.Variable)}); err != nil {
			return err
		}
	}
	return nil
}

func (s strictEnums) check(t *ast.Type, v any, path ast.Path) *gqlerror.Error {
	if v == nil || t == nil {
		return nil
	}
	if t.Elem != nil {
		list, ok := v.([]any)
		if !ok {
			return s.check(t.Elem, v, path)
		}
		for i, x := range list {
			if err := s.check(t.Elem, x, append(path, ast.PathIndex(i))); err != nil {
				return err
			}
		}
		return nil
	}
	def := s.schema.Types[t.NamedType]
	if def == nil {
		return nil
	}
	switch def.Kind {
	case ast.Enum:
		if str, ok := v.(string); ok && def.EnumValues.ForName(str) == nil {
			return &gqlerror.Error{
				Message:    enumMessage(str, def),
				Path:       path,
				Extensions: map[string]any{"code": string(catalog.CodeBadUserInput)},
			}
		}
	case ast.InputObject:
		if m, ok := v.(map[string]any); ok {
			for _, f := range def.Fields {
				if err := s.check(f.Type, m[f.Name], append(path, ast.PathName(f.Name))); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
