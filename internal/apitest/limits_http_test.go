package apitest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/httpapi"
	"github.com/mssc/recert/internal/limits"
)

// TestEveryLimitIsConfigurable sets each limit low and checks that an
// operation just within it runs and one just over it is refused with its
// code, through the HTTP handler.
func TestEveryLimitIsConfigurable(t *testing.T) {
	eachDialectWith(t, func(c *httpapi.Config) {
		c.Limits = limits.Limits{MaxDepth: 3, MaxCost: 50, MaxAliases: 2, MaxRootFields: 3, MaxTokens: 60}
		c.MaxBodyBytes = 2048
	}, func(t *testing.T, e *env) {
		for _, tc := range []struct {
			name, within, over, code string
		}{
			{"depth", `{ certifications(first: 1) { nodes { id } } }`, `{ certifications(first: 1) { nodes { organization { id } } } }`, "MAX_DEPTH_EXCEEDED"},
			{"cost", `{ certifications(first: 49) { nodes { id } } }`, `{ certifications(first: 50) { nodes { id } } }`, "MAX_COST_EXCEEDED"},
			{"cost by default page size", `{ certifications { nodes { id } } organizations { nodes { id } } }`, `{ certifications { nodes { id } } organizations { nodes { id } } x: certifications { edges { cursor } } }`, "MAX_COST_EXCEEDED"},
			{"aliases", `{ fees { a: kind b: kind } }`, `{ fees { a: kind b: kind c: kind } }`, "MAX_ALIASES_EXCEEDED"},
			{"root fields", `{ catalogVersion fees { kind } recertificationRules { key } }`, `{ catalogVersion fees { kind } recertificationRules { key } employmentCreditBands { label } }`, "MAX_ROOT_FIELDS_EXCEEDED"},
			{"tokens", `{ fees { kind amount { cents currency } refundable } }`, `{ fees { kind amount { cents currency } refundable } ` + strings.Repeat("catalogVersion ", 50) + ` }`, "MAX_TOKENS_EXCEEDED"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if r := e.post(t, "", tc.within, nil).json(t); r.Status != http.StatusOK || len(r.Errors) != 0 {
					t.Fatalf("within the limit: %s", r.Raw)
				}
				e.post(t, "", tc.over, nil).expect(t, http.StatusOK, tc.code)
				e.post(t, "", tc.over, nil, "Accept", "application/graphql-response+json").expect(t, http.StatusBadRequest, tc.code)
			})
		}
		t.Run("body", func(t *testing.T) {
			e.post(t, "", `{ catalogVersion }`, map[string]any{"pad": strings.Repeat("x", 2048)}).expect(t, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")
			if r := e.post(t, "", `{ catalogVersion }`, map[string]any{"pad": strings.Repeat("x", 1900)}); r.Status != http.StatusOK {
				t.Errorf("within the body limit: %d %s", r.Status, r.Body)
			}
		})
	})
}

// TestTheResolverTimeoutStopsTheOperation runs with a timeout that has
// always passed by the time resolvers start: every root field answers
// TIMEOUT, and a mutation writes nothing.
func TestTheResolverTimeoutStopsTheOperation(t *testing.T) {
	eachDialectWith(t, func(c *httpapi.Config) { c.ResolverTimeout = time.Nanosecond }, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		before := e.rowCounts(t)
		for _, q := range []string{`{ catalogVersion }`, registerAs} {
			r := e.post(t, staff, q, nil).json(t)
			if r.Status != http.StatusOK || len(r.Errors) == 0 {
				t.Fatalf("%s: %s", q, r.Raw)
			}
			for _, err := range r.Errors {
				if err.Extensions["code"] != "TIMEOUT" || strings.Contains(err.Message, "deadline") {
					t.Errorf("%s: error %+v, want TIMEOUT", q, err)
				}
			}
			if get(r.Data, "catalogVersion") != nil || get(r.Data, "registerCandidate") != nil {
				t.Errorf("a timed-out operation answered data: %s", r.Raw)
			}
		}
		e.nothingWritten(t, before)
	})
}

// TestProductionHidesTheSchema checks that production mode turns off
// introspection, GraphiQL and field suggestions, whatever else is set.
func TestProductionHidesTheSchema(t *testing.T) {
	dev := newEnv(t, "sqlite")
	prod := newEnvWith(t, "sqlite", func(c *httpapi.Config) { c.Production = true })
	for _, tc := range []struct {
		query, suggestion string
	}{
		{`{ certificatons(first: 1) { totalCount } }`, `Did you mean "certifications"`},
		{`{ certifications(frist: 1) { totalCount } }`, `Did you mean "first"`},
		{`{ certifications(first: 1) { nodes { displayNme } } }`, `Did you mean "displayName"`},
	} {
		d := dev.post(t, "", tc.query, nil).expect(t, http.StatusOK, "GRAPHQL_VALIDATION_FAILED")
		if !strings.Contains(d.Errors[0].Message, tc.suggestion) {
			t.Errorf("development: %q should suggest %s", d.Errors[0].Message, tc.suggestion)
		}
		p := prod.post(t, "", tc.query, nil).expect(t, http.StatusOK, "GRAPHQL_VALIDATION_FAILED")
		if strings.Contains(p.Raw, "Did you mean") || strings.Contains(p.Raw, tc.suggestion) {
			t.Errorf("production suggests: %s", p.Raw)
		}
	}
	for _, q := range []string{`{ __schema { types { name } } }`, `{ __type(name: "Certification") { fields { name } } }`} {
		if r := dev.post(t, "", q, nil).json(t); len(r.Errors) != 0 {
			t.Errorf("development introspection: %s", r.Raw)
		}
		r := prod.post(t, "", q, nil).json(t)
		if len(r.Errors) == 0 || strings.Contains(r.Raw, "Certification") && strings.Contains(r.Raw, "displayName") {
			t.Errorf("production introspection: %s", r.Raw)
		}
	}
	if r := prod.post(t, "", `{ __typename catalogVersion }`, nil).json(t); len(r.Errors) != 0 {
		t.Errorf("__typename stays available in production: %s", r.Raw)
	}
	if r := dev.send(t, nil, "GET", "/", nil); r.Status != http.StatusOK || !strings.Contains(r.Body, "GraphiQL") && !strings.Contains(r.Body, "graphiql") {
		t.Errorf("development GraphiQL: %d", r.Status)
	}
	if r := prod.send(t, nil, "GET", "/", nil); r.Status != http.StatusNotFound {
		t.Errorf("production GraphiQL: %d, want 404", r.Status)
	}
}

// TestEveryResponseReportsItsCost checks extensions.cost on answers,
// refusals before execution and errors alike: an anonymous catalog read
// is charged 1 whatever it asks for; anything else what it asks for.
func TestEveryResponseReportsItsCost(t *testing.T) {
	e := newEnv(t, "sqlite")
	staff := e.token(t, catalog.RoleStaff, "staff-1")
	for _, tc := range []struct {
		token, query      string
		requested, actual int
	}{
		{"", `{ certifications(first: 5) { totalCount nodes { displayName organization { name } } } }`, 1 + 5*2, 1},
		{staff, `{ certifications(first: 5) { totalCount nodes { displayName organization { name } } } }`, 1 + 5*2, 1 + 5*2},
		{staff, `{ candidates(first: 7) { nodes { id heldCertifications { program } } } }`, 1 + 7*2, 1 + 7*2},
		{"", `{ checkCredential(input: {text: "CWI"}) { verdict entry { key } } }`, 2, 2},
		{"", `{ certifications(first: 1000) { nodes { id } } }`, 101, 1},
		{"", `{ certifications(first: 5) { nonsense } }`, 0, 0},
		{"", nest(13), -1, 0},
	} {
		var out struct {
			Extensions struct {
				Cost map[string]float64 `json:"cost"`
			} `json:"extensions"`
		}
		r := e.post(t, tc.token, tc.query, nil)
		if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
			t.Fatal(err)
		}
		c := out.Extensions.Cost
		if c == nil || int(c["actual"]) != tc.actual || (tc.requested >= 0 && int(c["requested"]) != tc.requested) {
			t.Errorf("%.60s: extensions.cost = %v, want requested %d actual %d", tc.query, c, tc.requested, tc.actual)
		}
	}
}
