package cachecontrol_test

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/mssc/recert/internal/cachecontrol"
)

// testSchema exercises Apollo's rules: hints on fields and on types, an
// interface whose possible types differ, a private field, and fields
// without hints.
const testSchema = `
directive @cacheControl(maxAge: Int, scope: CacheControlScope) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
enum CacheControlScope { PUBLIC PRIVATE }

interface Thing { id: ID! }
type Book implements Thing @cacheControl(maxAge: 60) { id: ID! title: String! author: Person reviews: [Review!]! }
type Person @cacheControl(maxAge: 30) { name: String! }
type Review { text: String! }
type Secret implements Thing { id: ID! }
type Me @cacheControl(scope: PRIVATE) { name: String! }

type Query {
  book: Book @cacheControl(maxAge: 60)
  shortBook: Book @cacheControl(maxAge: 5)
  unhinted: Book
  reviews: [Review!]!
  count: Int @cacheControl(maxAge: 60)
  plainCount: Int
  thing: Thing
  me: Me @cacheControl(maxAge: 60)
  private: Int @cacheControl(scope: PRIVATE)
}

type Mutation { touch: Book @cacheControl(maxAge: 60) }
`

func TestOperationPolicies(t *testing.T) {
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "test", Input: testSchema})
	rules, err := cachecontrol.New(schema)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, query string
		want        cachecontrol.Policy
	}{
		{"a hinted root field with scalars", `{ book { id title } }`, cachecontrol.Policy{MaxAge: 60}},
		{"the shortest maxAge wins", `{ book { id } shortBook { id } }`, cachecontrol.Policy{MaxAge: 5}},
		{"a nested object's type hint", `{ book { author { name } } }`, cachecontrol.Policy{MaxAge: 30}},
		{"a nested object without a hint is not kept", `{ book { reviews { text } } }`, cachecontrol.Policy{}},
		{"a root field without a hint takes its type's", `{ unhinted { id } }`, cachecontrol.Policy{MaxAge: 60}},
		{"a root field without a hint of its own or of its type is not kept", `{ reviews { text } }`, cachecontrol.Policy{}},
		{"a scalar root field without a hint is not kept", `{ count plainCount }`, cachecontrol.Policy{}},
		{"a hinted scalar root field", `{ count }`, cachecontrol.Policy{MaxAge: 60}},
		{"an interface is as short as its shortest possible type", `{ thing { id } }`, cachecontrol.Policy{}},
		{"fragments count whatever their type", `{ book { ...F } } fragment F on Book { reviews { text } }`, cachecontrol.Policy{}},
		{"inline fragments count too", `{ book { ... on Book { author { name } } } }`, cachecontrol.Policy{MaxAge: 30}},
		{"a private type makes the answer private", `{ me { name } }`, cachecontrol.Policy{MaxAge: 60, Scope: cachecontrol.Private}},
		{"a private field makes it private", `{ book { id } private }`, cachecontrol.Policy{Scope: cachecontrol.Private}},
		{"only __typename is not kept", `{ __typename }`, cachecontrol.Policy{}},
		{"__typename changes nothing", `{ __typename book { __typename id } }`, cachecontrol.Policy{MaxAge: 60}},
		{"a mutation is never kept", `mutation { touch { id } }`, cachecontrol.Policy{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, errs := gqlparser.LoadQuery(schema, tc.query)
			if errs != nil {
				t.Fatal(errs)
			}
			got := rules.Operation(doc.Operations[0])
			if got != tc.want {
				t.Errorf("%s: got %+v, want %+v", tc.query, got, tc.want)
			}
			if got.Shared() != (tc.want.MaxAge > 0 && tc.want.Scope == cachecontrol.Public) {
				t.Errorf("%s: Shared() = %v", tc.query, got.Shared())
			}
		})
	}
	if rules.Longest() != 60 {
		t.Errorf("Longest() = %d, want 60", rules.Longest())
	}
	if !rules.Declared("Query", "book") || rules.Declared("Query", "unhinted") {
		t.Error("Declared does not tell the hinted root field from the other")
	}
}

func TestUnreadableHintsStopTheStart(t *testing.T) {
	read := 0
	for _, hint := range []string{`@cacheControl(maxAge: -1)`, `@cacheControl(maxAge: 1.5)`, `@cacheControl(scope: SOMETIMES)`} {
		src := strings.Replace(testSchema, `count: Int @cacheControl(maxAge: 60)`, `count: Int `+hint, 1)
		schema, err := gqlparser.LoadSchema(&ast.Source{Name: "test", Input: src})
		if err != nil {
			// The parser itself refuses it: that stops the start too.
			continue
		}
		read++
		if _, err := cachecontrol.New(schema); err == nil || !strings.Contains(err.Error(), "Query.count") {
			t.Errorf("%s: err = %v, want one naming Query.count", hint, err)
		}
	}
	if read == 0 {
		t.Fatal("the parser refused every unreadable hint, so New read none of them")
	}
}
