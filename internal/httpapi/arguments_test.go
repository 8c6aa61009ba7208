package httpapi

import (
	"context"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/validator"
)

// argumentsSchema is a small schema whose text inputs document their limits.
const argumentsSchema = `
type Query {
  "Pages the entries."
  entries("At most 10 characters." after: String, "Narrows the list." filter: Filter, "Several, each at most 3 characters." tags: [String!]): Int
}
"Narrows the list."
input Filter {
  "Keeps entries matching this text. At most 5 characters."
  search: String
  "Nested filters."
  and: [Filter!]
}
`

func operation(t testing.TB, schema *ast.Schema, query string, vars map[string]any) *graphql.OperationContext {
	t.Helper()
	doc, errs := gqlparser.LoadQuery(schema, query)
	if errs != nil {
		t.Fatal(errs)
	}
	op := doc.Operations[0]
	values, err := validator.VariableValues(schema, op, vars)
	if err != nil {
		t.Fatal(err)
	}
	return &graphql.OperationContext{Doc: doc, Operation: op, Variables: values}
}

func TestTextArgumentsFindsEveryText(t *testing.T) {
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "test.graphqls", Input: argumentsSchema})
	check := textArguments{schema: schema}
	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		field       string
	}{
		{"a cursor over its limit", `{ entries(after: "12345678901") }`, nil, "after"},
		{"a cursor at its limit", `{ entries(after: "1234567890") }`, nil, ""},
		{"a search in a variable", `query($f: Filter) { entries(filter: $f) }`, map[string]any{"f": map[string]any{"search": "123456"}}, "filter.search"},
		{"a search deep in a list", `query($f: Filter) { entries(filter: $f) }`,
			map[string]any{"f": map[string]any{"and": []any{map[string]any{"search": "ok"}, map[string]any{"and": []any{map[string]any{"search": "a\x00"}}}}}}, "filter.and.1.and.0.search"},
		{"one of a list", `{ entries(tags: ["abc", "abcd"]) }`, nil, "tags.1"},
		{"a NUL in a fragment", `{ ...F } fragment F on Query { entries(tags: ["\u0000"]) }`, nil, "tags.0"},
		{"characters, not bytes", `{ entries(filter: {search: "ééééé"}) }`, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := check.MutateOperationContext(context.Background(), operation(t, schema, tc.query, tc.vars))
			switch {
			case tc.field == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.field != "" && (err == nil || err.Extensions["field"] != tc.field || err.Extensions["code"] != "BAD_USER_INPUT"):
				t.Errorf("want BAD_USER_INPUT on %s, got %v", tc.field, err)
			}
		})
	}
}

// BenchmarkTextArguments measures the check on a catalog-sized query with
// a search and a cursor.
func BenchmarkTextArguments(b *testing.B) {
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "test.graphqls", Input: argumentsSchema})
	check := textArguments{schema: schema}
	rc := operation(b, schema, `query($f: Filter, $c: String) { a: entries(filter: $f, after: $c) b: entries(tags: ["x", "y"]) }`,
		map[string]any{"f": map[string]any{"search": "OSHA"}, "c": strings.Repeat("c", 10)})
	b.ReportAllocs()
	for b.Loop() {
		if err := check.MutateOperationContext(context.Background(), rc); err != nil {
			b.Fatal(err)
		}
	}
}
