package apitest

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestBadInputIsRefusedWithBadUserInput(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		orgCursor := get(e.ok(t, `{ organizations(first: 1) { edges { cursor } } }`, nil), "organizations", "edges", 0, "cursor")
		orgID := mssc(t, e)
		for _, tc := range []struct {
			name, query string
			vars        map[string]any
			mention     string
		}{
			{"first over 100", `{ certifications(first: 101) { totalCount } }`, nil, "between 1 and 100"},
			{"first under 1", `{ certifications(first: 0) { totalCount } }`, nil, "between 1 and 100"},
			{"last over 100", `{ organizations(last: 1000) { totalCount } }`, nil, "between 1 and 100"},
			{"last negative", `{ certifications(last: -1) { totalCount } }`, nil, "between 1 and 100"},
			{"first and last", `{ certifications(first: 5, last: 5) { totalCount } }`, nil, "either first or last"},
			{"malformed cursor", `{ certifications(after: "not-a-cursor") { totalCount } }`, nil, "not a valid cursor"},
			{"cursor of base64 garbage", `query($c: String) { certifications(after: $c) { totalCount } }`,
				map[string]any{"c": base64.RawURLEncoding.EncodeToString([]byte(`{"x":1}`))}, "not a valid cursor"},
			{"foreign cursor", `query($c: String) { certifications(before: $c) { totalCount } }`,
				map[string]any{"c": orgCursor}, "another list"},
			{"cursor of another ordering", `query($c: String) { certifications(after: $c, orderBy: {field: ORGANIZATION}) { totalCount } }`,
				map[string]any{"c": firstCertificationCursor(t, e)}, "another list"},
			{"malformed node ID", `{ node(id: "%%%") { id } }`, nil, "not a valid ID"},
			{"node ID of unknown type", `query($id: ID!) { node(id: $id) { id } }`,
				map[string]any{"id": base64.RawURLEncoding.EncodeToString([]byte("Applicant:1"))}, "not a valid ID"},
			{"organization ID as certification", `query($id: ID!) { certification(id: $id) { id } }`,
				map[string]any{"id": orgID}, "Certification ID is expected"},
			{"malformed organization filter", `{ certifications(filter: { organizationIds: ["x"] }) { totalCount } }`, nil, "not a valid ID"},
			{"unknown enum literal", `{ certifications(filter: { recognitionBases: [ISO_9001] }) { totalCount } }`, nil, "NAM_ENDORSED, ANSI_ISO_17024, NCCA, OSHA_GENERAL_INDUSTRY"},
			{"unknown enum variable", `query($b: [RecognitionBasis!]) { certifications(filter: { recognitionBases: $b }) { totalCount } }`,
				map[string]any{"b": []string{"ISO_9001"}}, "NAM_ENDORSED, ANSI_ISO_17024, NCCA, OSHA_GENERAL_INDUSTRY"},
			{"enum variable in the wrong case", `query($f: CertificationFilter) { certifications(filter: $f) { totalCount } }`,
				map[string]any{"f": map[string]any{"recognitionBases": []string{"ncca"}}}, "allowed values: NAM_ENDORSED"},
			{"unknown program argument", `{ keyActivities(program: CPTX) { id } }`, nil, "allowed values: CPT, CLT"},
			{"relevance without search", `{ certifications(orderBy: {field: RELEVANCE}) { totalCount } }`, nil, "needs filter.search"},
			{"search too long", `query($s: String) { certifications(filter: {search: $s}) { totalCount } }`,
				map[string]any{"s": strings.Repeat("a", 301)}, "at most 300 characters"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := e.query(t, tc.query, tc.vars)
				if got := r.code(t); got != "BAD_USER_INPUT" {
					t.Fatalf("code = %q, want BAD_USER_INPUT: %s", got, r.Raw)
				}
				if !strings.Contains(r.Errors[0].Message, tc.mention) {
					t.Errorf("message %q should say %q", r.Errors[0].Message, tc.mention)
				}
			})
		}
	})
}

func firstCertificationCursor(t *testing.T, e *env) any {
	t.Helper()
	return get(e.ok(t, `{ certifications(first: 1) { edges { cursor } } }`, nil), "certifications", "edges", 0, "cursor")
}

func TestUnknownButWellFormedIDsAreNull(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		for _, typ := range []string{"Certification", "Organization", "KeyActivity", "RelatedField", "ActivityType"} {
			id := base64.RawURLEncoding.EncodeToString([]byte(typ + ":999999"))
			r := e.query(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
			if len(r.Errors) != 0 || r.Data == nil || r.Data["node"] != nil {
				t.Errorf("node(%s:999999) = %s, want null without error", typ, r.Raw)
			}
		}
		id := base64.RawURLEncoding.EncodeToString([]byte("Certification:999999"))
		r := e.query(t, `query($id: ID!) { certification(id: $id) { id } }`, map[string]any{"id": id})
		if len(r.Errors) != 0 || r.Data["certification"] != nil {
			t.Errorf("certification(unknown) = %s, want null without error", r.Raw)
		}
	})
}

func TestNodeFetchesEveryNodeType(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		data := e.ok(t, `{
			certifications(first: 1) { nodes { id } }
			organizations(first: 1) { nodes { id } }
			keyActivities(program: CPT) { id }
			relatedFields { id }
			activityTypes { id }
		}`, nil)
		for typ, id := range map[string]any{
			"Certification": get(data, "certifications", "nodes", 0, "id"),
			"Organization":  get(data, "organizations", "nodes", 0, "id"),
			"KeyActivity":   get(data, "keyActivities", 0, "id"),
			"RelatedField":  get(data, "relatedFields", 0, "id"),
			"ActivityType":  get(data, "activityTypes", 0, "id"),
		} {
			got := e.ok(t, `query($id: ID!) { node(id: $id) { __typename id } }`, map[string]any{"id": id})
			if get(got, "node", "__typename") != typ || get(got, "node", "id") != id {
				t.Errorf("node(%v) = %v, want the %s with that ID", id, get(got, "node"), typ)
			}
		}
	})
}

func TestNoInternalTextReachesClients(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		if err := e.store.Close(); err != nil {
			t.Fatal(err)
		}
		// The catalog of this env was never read, so there is no snapshot to
		// fall back on: the request must fail, and say nothing internal.
		r := e.query(t, `{ certifications(first: 1) { totalCount } }`, nil)
		if len(r.Errors) == 0 {
			t.Fatalf("expected an error from a closed database: %s", r.Raw)
		}
		code := r.code(t)
		if code != "UNAVAILABLE" && code != "INTERNAL" {
			t.Errorf("code = %q, want UNAVAILABLE or INTERNAL", code)
		}
		lower := strings.ToLower(r.Raw)
		for _, leak := range []string{"select", "sql", "gorm", "goroutine", ".go:", "catalog_state", "postgres", "sqlite"} {
			if strings.Contains(lower, leak) {
				t.Errorf("response leaks %q: %s", leak, r.Raw)
			}
		}
	})
}
