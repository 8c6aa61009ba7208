package limits_test

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/mssc/recert/internal/limits"
	"github.com/mssc/recert/resolvers"
)

var schema = resolvers.NewSchema(&resolvers.Resolver{}).Schema()

func analyze(t *testing.T, query string, vars map[string]any) limits.Analysis {
	t.Helper()
	doc, errs := gqlparser.LoadQueryWithRules(schema, query, nil)
	if errs != nil {
		t.Fatalf("invalid query: %v", errs)
	}
	op := doc.Operations[0]
	coerced, err := validator.VariableValues(schema, op, vars)
	if err != nil {
		t.Fatalf("variables: %v", err)
	}
	return limits.Analyze(schema, op, coerced, limits.Limits{})
}

func TestAnalyze(t *testing.T) {
	for _, tc := range []struct {
		name                        string
		query                       string
		vars                        map[string]any
		depth, cost, aliases, roots int
		rootNames                   string
	}{
		{"a scalar costs the minimum", `{ catalogVersion }`, nil, 1, 1, 0, 1, "catalogVersion"},
		{"__typename costs nothing and nests nothing", `{ __typename }`, nil, 0, 1, 0, 1, "__typename"},
		{"an object costs 1", `{ fees { kind amount { cents } } }`, nil, 3, 2, 0, 1, "fees"},
		{"a page multiplies its list fields, not pageInfo",
			`{ certifications(first: 5) { totalCount pageInfo { endCursor } nodes { displayName organization { name } } } }`,
			nil, 4, 1 + 1 + 5*2, 0, 1, "certifications"},
		{"no first or last is the default page of 20", `{ certifications { nodes { id } } }`, nil, 3, 1 + 20, 0, 1, "certifications"},
		{"last counts like first", `{ organizations(last: 3) { edges { node { name } } } }`, nil, 4, 1 + 3*2, 0, 1, "organizations"},
		{"first from a variable", `query($n: Int) { certifications(first: $n) { nodes { id } } }`, map[string]any{"n": 7}, 3, 1 + 7, 0, 1, "certifications"},
		{"a page larger than 100 counts as 100", `{ certifications(first: 100000) { nodes { id } } }`, nil, 3, 1 + 100, 0, 1, "certifications"},
		{"nested pages multiply",
			`{ organizations(first: 100) { nodes { certifications(first: 100) { nodes { organization { key } } } } } }`,
			nil, 6, 1 + 100*(1+1+100*(1+1)), 0, 1, "organizations"},
		{"aliases count once each", `{ a: catalogVersion b: catalogVersion catalogVersion fees { k: kind } }`, nil, 2, 1, 3, 4, "catalogVersion,fees"},
		{"fragments expand", `query { ...F ...F } fragment F on Query { x: fees { kind } }`, nil, 2, 2, 2, 2, "fees"},
		{"a list of inputs costs per input",
			`query($in: [CredentialCheckInput!]!) { checkCredentials(inputs: $in) { verdict entry { id } } }`,
			map[string]any{"in": []any{map[string]any{"text": "a"}, map[string]any{"text": "b"}, map[string]any{"text": "c"}}}, 3, 3 * 2, 0, 1, "checkCredentials"},
		{"a mutation's root fields cost more",
			`mutation { createOrganization(input: {name: "x"}, reason: "r") { organization { id } } }`, nil, 3, 2 + 10, 0, 1, "createOrganization"},
		{"introspection does not count for depth",
			`{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`,
			nil, 0, 11, 0, 1, "__schema"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := analyze(t, tc.query, tc.vars)
			if a.Depth != tc.depth || a.Cost != tc.cost || a.Aliases != tc.aliases || a.RootFields != tc.roots || strings.Join(a.RootFieldNames, ",") != tc.rootNames {
				t.Errorf("got depth %d cost %d aliases %d roots %d %v; want %d %d %d %d %s",
					a.Depth, a.Cost, a.Aliases, a.RootFields, a.RootFieldNames, tc.depth, tc.cost, tc.aliases, tc.roots, tc.rootNames)
			}
		})
	}
}

// TestFragmentBombsAreMeasuredOnce checks that fragments spreading each
// other twice over, 2^40 fields once expanded, are measured in no time
// and saturate rather than overflow.
func TestFragmentBombsAreMeasuredOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString("query { ...F0 }\n")
	const n = 40
	for i := range n {
		b.WriteString("fragment F" + itoa(i) + " on Query { ...F" + itoa(i+1) + " ...F" + itoa(i+1) + " }\n")
	}
	b.WriteString("fragment F" + itoa(n) + " on Query { fees { kind } x: fees { kind } }\n")
	a := analyze(t, b.String(), nil)
	if a.Cost < 1<<39 || a.Aliases < 1<<39 || a.RootFields < 1<<39 {
		t.Errorf("a fragment bomb measured %+v", a)
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

func TestDefaults(t *testing.T) {
	got := limits.Limits{MaxDepth: 3}.WithDefaults()
	want := limits.Defaults
	want.MaxDepth = 3
	if got != want {
		t.Errorf("WithDefaults = %+v, want %+v", got, want)
	}
	var _ = ast.Query
}

func TestPrecheck(t *testing.T) {
	fields := func(name string, n int) string { return strings.Repeat(name+" ", n) }
	var spreads, frags strings.Builder
	for i := range 30 {
		spreads.WriteString("...F" + itoa(i) + " ")
		frags.WriteString("fragment F" + itoa(i) + " on Fee { " + fields("kind", 10) + "}\n")
	}
	for _, tc := range []struct {
		name, query string
		limit       string
		actual      int
	}{
		{"a plain query", `{ certifications(first: 5) { nodes { id organization { name } } } }`, "", 0},
		{"a field ten times", `{ fees { ` + fields("kind", 10) + `} }`, "", 0},
		{"a field eleven times", `{ fees { ` + fields("kind", 11) + `} }`, "repeats", 11},
		{"repeats through fragments", `{ fees { kind ...A ...A } } fragment A on Fee { ` + fields("kind", 5) + ` }`, "repeats", 11},
		{"repeats through inline fragments", `{ fees { ` + strings.Repeat("... on Fee { kind ", 11) + strings.Repeat("} ", 11) + `} }`, "repeats", 11},
		{"wide once expanded", `{ fees { ` + spreads.String() + `} }` + "\n" + frags.String(), "selections", 201},
		{"too many root fields", `{ ` + fields("catalogVersion", 21) + ` }`, "rootFields", 21},
		{"too many aliases", `{ fees { ` + strings.Repeat("a: kind b: kind c: kind ", 11) + ` } }`, "aliases", 33},
		{"a fragment cycle is left to validation", `{ fees { ...A } } fragment A on Fee { ...B } fragment B on Fee { ...A }`, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: tc.query})
			if err != nil {
				t.Fatal(err)
			}
			v := limits.Precheck(doc, limits.Limits{})
			switch {
			case tc.limit == "" && v != nil:
				t.Errorf("refused: %+v", v)
			case tc.limit != "" && (v == nil || v.Limit != tc.limit || (tc.limit != "selections" && v.Actual != tc.actual)):
				t.Errorf("got %+v, want %s %d", v, tc.limit, tc.actual)
			}
		})
	}
}
