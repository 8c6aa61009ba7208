package apitest

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/mssc/recert/resolvers"
)

// TestEverySchemaElementIsDescribed checks that every type, field,
// argument, input field and enum value of the schema has a description.
func TestEverySchemaElementIsDescribed(t *testing.T) {
	schema := resolvers.NewSchema(&resolvers.Resolver{}).Schema()
	var missing []string
	for name, def := range schema.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		if def.Description == "" {
			missing = append(missing, name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if f.Description == "" {
				missing = append(missing, name+"."+f.Name)
			}
			for _, a := range f.Arguments {
				if a.Description == "" {
					missing = append(missing, name+"."+f.Name+"("+a.Name+")")
				}
			}
		}
		if def.Kind == ast.Enum {
			for _, v := range def.EnumValues {
				if v.Description == "" {
					missing = append(missing, name+"."+v.Name)
				}
			}
		}
	}
	for name, d := range schema.Directives {
		if d.Position != nil && d.Position.Src != nil && d.Position.Src.BuiltIn {
			continue
		}
		if d.Description == "" {
			missing = append(missing, "@"+name)
		}
	}
	if len(missing) > 0 {
		t.Errorf("schema elements without a description: %v", missing)
	}
}
