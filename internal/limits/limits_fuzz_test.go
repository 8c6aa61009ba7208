package limits_test

import (
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/mssc/recert/internal/limits"
)

// FuzzAnalyze feeds the limits any document: Precheck never panics on
// what parses, and Analyze never panics on what then validates, measures
// at least one point of cost, and counts no fewer root fields and aliases
// than Precheck saw.
func FuzzAnalyze(f *testing.F) {
	for _, seed := range []string{
		`{ catalogVersion }`,
		`{ certifications(first: 5) { totalCount nodes { displayName organization { name } } } }`,
		`query($n: Int) { organizations(last: $n) { edges { node { certifications { nodes { id } } } } } }`,
		`{ a: fees { k: kind } ...F } fragment F on Query { fees { amount { cents } } }`,
		`{ fees { ... on Fee { kind ... on Fee { kind } } } }`,
		`mutation { createOrganization(input: {name: "x"}, reason: "r") { organization { id } } }`,
		`query($in: [CredentialCheckInput!]!) { checkCredentials(inputs: $in) { verdict } }`,
		`{ __schema { types { name fields { name type { ofType { name } } } } } }`,
		`{ ...A } fragment A on Query { ...B ...B } fragment B on Query { catalogVersion }`,
		`{ node(id: "x") { id ... on Certification { displayName } } }`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, query string) {
		doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, limits.Defaults.MaxTokens)
		if err != nil {
			return
		}
		if limits.Precheck(doc, limits.Limits{}) != nil {
			return
		}
		valid, errs := gqlparser.LoadQueryWithRules(schema, query, nil)
		if errs != nil {
			return
		}
		for _, op := range valid.Operations {
			a := limits.Analyze(schema, op, nil, limits.Limits{})
			if a.Cost < 1 || a.Depth < 0 || a.Aliases < 0 || a.RootFields < len(op.SelectionSet)-countFragments(op.SelectionSet) {
				t.Fatalf("%q measured %+v", query, a)
			}
		}
	})
}

func countFragments(set ast.SelectionSet) int {
	n := 0
	for _, s := range set {
		if _, ok := s.(*ast.Field); !ok {
			n++
		}
	}
	return n
}
