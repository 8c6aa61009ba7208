package apitest

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/mssc/recert/resolvers"
)

// documentedLimit is how the schema states a text's length limit; the
// server enforces exactly what this sentence says.
var documentedLimit = regexp.MustCompile(`[Aa]t most [0-9][0-9,]* characters`)

// TestEveryTextInputDocumentsItsLimit checks that every String argument and
// input field of the schema states its length limit in its description.
func TestEveryTextInputDocumentsItsLimit(t *testing.T) {
	schema := resolvers.NewSchema(&resolvers.Resolver{}).Schema()
	isText := func(typ *ast.Type) bool { return typ.Name() == "String" }
	var missing []string
	for name, def := range schema.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if def.Kind == ast.InputObject && isText(f.Type) && !documentedLimit.MatchString(f.Description) {
				missing = append(missing, name+"."+f.Name)
			}
			for _, a := range f.Arguments {
				if isText(a.Type) && !documentedLimit.MatchString(a.Description) {
					missing = append(missing, name+"."+f.Name+"("+a.Name+")")
				}
			}
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("text inputs without a documented length limit:\n%s", strings.Join(missing, "\n"))
	}
}
