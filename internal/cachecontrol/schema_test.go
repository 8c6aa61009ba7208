package cachecontrol_test

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"

	"github.com/mssc/recert/graph"
	"github.com/mssc/recert/internal/cachecontrol"
)

// TestEveryRootQueryFieldDecidesItsCachePolicy fails when a root field of
// Query has no @cacheControl of its own, so that a new field can become
// neither cacheable nor uncached without saying so in the schema. A field
// for signed-in callers (@auth) must say PRIVATE.
func TestEveryRootQueryFieldDecidesItsCachePolicy(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	rules, err := cachecontrol.New(schema)
	if err != nil {
		t.Fatal(err)
	}
	fields := 0
	for _, f := range schema.Query.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		fields++
		if !rules.Declared("Query", f.Name) {
			t.Errorf("Query.%s has no @cacheControl: say whether, and how long, its answer may be kept (maxAge 0, or scope PRIVATE, when it may not)", f.Name)
			continue
		}
		scope := f.Directives.ForName(cachecontrol.Directive).Arguments.ForName("scope")
		if f.Directives.ForName("auth") != nil && (scope == nil || scope.Value.Raw != "PRIVATE") {
			t.Errorf("Query.%s is for signed-in callers but its @cacheControl is not PRIVATE", f.Name)
		}
	}
	if fields < 20 {
		t.Fatalf("only %d root fields: the schema was not read", fields)
	}
}

// TestTheSchemaKeepsWhatItShould checks the policies the schema gives
// the operations its clients send: the catalog a minute, a credential
// check 5 seconds (an opened review changes it), and nothing that depends
// on the caller or on an ID whose type only the server knows.
func TestTheSchemaKeepsWhatItShould(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	rules, err := cachecontrol.New(schema)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		want  cachecontrol.Policy
	}{
		{`{ certifications(first: 50) { totalCount pageInfo { endCursor } nodes { displayName organization { name } recognitionBases } } }`, cachecontrol.Policy{MaxAge: 60}},
		{`{ organizations { nodes { name } } keyActivities { key } fees { name amount { cents } } catalogVersion }`, cachecontrol.Policy{MaxAge: 60}},
		{`{ applicationTransitions { from to } }`, cachecontrol.Policy{MaxAge: 60}},
		{`{ checkCredential(input: {text: "CWI"}) { verdict entry { key } } }`, cachecontrol.Policy{MaxAge: 5}},
		{`{ certifications(first: 1) { nodes { key } } checkCredentials(inputs: [{text: "CWI"}]) { verdict } }`, cachecontrol.Policy{MaxAge: 5}},
		{`{ certification(key: "aws-cwi") { history { __typename } } }`, cachecontrol.Policy{}},
		{`{ node(id: "x") { id } }`, cachecontrol.Policy{}},
		{`{ viewer { __typename } }`, cachecontrol.Policy{Scope: cachecontrol.Private}},
		{`{ myApplications { id } }`, cachecontrol.Policy{Scope: cachecontrol.Private}},
	} {
		doc, errs := gqlparser.LoadQuery(schema, tc.query)
		if errs != nil {
			t.Fatalf("%s: %v", tc.query, errs)
		}
		if got := rules.Operation(doc.Operations[0]); got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.query, got, tc.want)
		}
	}
}
