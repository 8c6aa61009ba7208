package httpapi

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mssc/recert/catalog"
)

// textArguments checks every text the operation passes, in a literal or
// through a variable, at any depth of an input object or list, before any
// resolver runs, so that no resolver has to:
//   - no text may hold a NUL character: PostgreSQL refuses it and SQLite
//     would store it as given;
//   - no text may be longer than the limit its argument or input field
//     documents in the schema ("At most N characters.").
//
// Either mistake answers BAD_USER_INPUT naming the argument, and nothing
// runs.
type textArguments struct {
	schema *ast.Schema
}

var _ graphql.OperationContextMutator = textArguments{}

// ExtensionName names the extension.
func (textArguments) ExtensionName() string { return "TextArguments" }

// Validate accepts any schema.
func (textArguments) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext checks the arguments of every field the operation
// selects, and of their directives.
func (a textArguments) MutateOperationContext(_ context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil {
		return nil
	}
	var found *gqlerror.Error
	eachField(rc.Operation.SelectionSet, func(f *ast.Field) bool {
		found = a.checkArguments(f.Arguments, argumentDefinitions(f.Definition), rc.Variables)
		for _, d := range f.Directives {
			if found == nil {
				found = a.checkArguments(d.Arguments, nil, rc.Variables)
			}
		}
		return found == nil
	})
	return found
}

func argumentDefinitions(def *ast.FieldDefinition) ast.ArgumentDefinitionList {
	if def == nil {
		return nil
	}
	return def.Arguments
}

// checkArguments returns the error for the first argument with a text
// holding NUL or longer than its documented limit, or nil.
func (a textArguments) checkArguments(args ast.ArgumentList, defs ast.ArgumentDefinitionList, vars map[string]any) *gqlerror.Error {
	for _, arg := range args {
		if arg.Value == nil {
			continue
		}
		v, err := arg.Value.Value(vars)
		if err != nil {
			continue
		}
		var t *ast.Type
		var description string
		if def := defs.ForName(arg.Name); def != nil {
			t, description = def.Type, def.Description
		}
		if e := a.checkText(t, description, v, argumentPath(arg.Name)); e != nil {
			if arg.Position != nil {
				e.Locations = []gqlerror.Location{{Line: arg.Position.Line, Column: arg.Position.Column}}
			}
			return e
		}
	}
	return nil
}

// checkText checks the value v of the argument or input field at path,
// whose type is t (nil when unknown) and whose schema description is
// description.
func (a textArguments) checkText(t *ast.Type, description string, v any, path string) *gqlerror.Error {
	switch x := v.(type) {
	case string:
		if strings.IndexByte(x, 0) >= 0 {
			return textError(path, fmt.Sprintf("%s contains a NUL character (U+0000), which no text may contain; remove it", path))
		}
		if limit := documentedLimit(description); limit > 0 {
			if n := utf8.RuneCountInString(x); n > limit {
				e := textError(path, fmt.Sprintf("%s is %d characters long; at most %d characters are accepted", path, n, limit))
				e.Extensions["limit"] = limit
				return e
			}
		}
	case []any:
		for i, item := range x {
			if e := a.checkText(t, description, item, path+"."+strconv.Itoa(i)); e != nil {
				return e
			}
		}
	case map[string]any:
		var input *ast.Definition
		if t != nil && a.schema != nil {
			input = a.schema.Types[t.Name()]
		}
		// The fields are checked in a fixed order, so that the same
		// request always names the same field.
		for _, k := range slices.Sorted(maps.Keys(x)) {
			field := k
			if path != "" {
				field = path + "." + k
			}
			var ft *ast.Type
			var fdesc string
			if input != nil {
				if f := input.Fields.ForName(k); f != nil {
					ft, fdesc = f.Type, f.Description
				}
			}
			if e := a.checkText(ft, fdesc, x[k], field); e != nil {
				return e
			}
		}
	}
	return nil
}

// argumentPath is where the path of an error in an argument starts: the
// fields of a mutation's single input object are named as the userErrors
// of its payload name them, without "input.".
func argumentPath(name string) string {
	if name == "input" {
		return ""
	}
	return name
}

func textError(field, message string) *gqlerror.Error {
	return &gqlerror.Error{Message: message, Extensions: map[string]any{"code": string(catalog.CodeBadUserInput), "field": field}}
}

// limitSentence is how the schema documents a text's length limit.
var limitSentence = regexp.MustCompile(`[Aa]t most ([0-9][0-9,]*) characters`)

// documentedLimits keeps the limit read from each description.
var documentedLimits sync.Map

// documentedLimit returns the length limit a schema description states,
// or 0 when it states none.
func documentedLimit(description string) int {
	if description == "" {
		return 0
	}
	if n, ok := documentedLimits.Load(description); ok {
		return n.(int)
	}
	n := 0
	if m := limitSentence.FindStringSubmatch(description); m != nil {
		n, _ = strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	}
	documentedLimits.Store(description, n)
	return n
}

// eachField calls visit for every field of the selection set, the fields
// of its fragments included, depth first, until visit returns false. A
// named fragment is visited once however often it is spread.
func eachField(set ast.SelectionSet, visit func(*ast.Field) bool) {
	seen := map[string]bool{}
	var walk func(ast.SelectionSet) bool
	walk = func(set ast.SelectionSet) bool {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if !visit(s) || !walk(s.SelectionSet) {
					return false
				}
			case *ast.InlineFragment:
				if !walk(s.SelectionSet) {
					return false
				}
			case *ast.FragmentSpread:
				if s.Definition == nil || seen[s.Name] {
					continue
				}
				seen[s.Name] = true
				if !walk(s.Definition.SelectionSet) {
					return false
				}
			}
		}
		return true
	}
	walk(set)
}
