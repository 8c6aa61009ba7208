package apitest

import (
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

// TestSearchStopWords checks, through HTTP, that stop words neither find
// entries through the issuers' names ("American Society for Quality") nor
// keep the entry meant from coming first, and that a stop word staff
// write as an abbreviation ("IT") still finds its entry, highlighted.
func TestSearchStopWords(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		const q = `query($s: String) {
			certifications(first: 20, filter: { search: $s }) {
				totalCount
				edges { node { key } highlights { source text start length } }
			}
		}`
		search := func(t *testing.T, text string) (keys []string, edges []any) {
			t.Helper()
			data := e.ok(t, q, map[string]any{"s": text})
			edges = get(data, "certifications", "edges").([]any)
			for _, edge := range edges {
				keys = append(keys, get(edge, "node", "key").(string))
			}
			return keys, edges
		}
		for _, text := range []string{"for", "of the", "IN", "it"} {
			if keys, _ := search(t, text); len(keys) != 0 {
				t.Errorf("search %q = %v, want nothing", text, keys)
			}
		}
		for _, tc := range []struct{ text, wantFirst string }{
			{"certification for welding", "aws-cwi"},
			{"the CWI", "aws-cwi"},
			{"OSHA 30 for general industry", "osha-30-general-industry"},
			{"certified in production and inventory management", "apics-cpim"},
			{"quality fo", "pecb-iso-9001-foundation"},
		} {
			keys, _ := search(t, tc.text)
			if len(keys) == 0 || keys[0] != tc.wantFirst {
				t.Errorf("search %q = %v, want %s first", tc.text, keys, tc.wantFirst)
			}
			for _, k := range keys {
				if tc.text == "quality fo" && strings.HasPrefix(k, "asq-") {
					t.Errorf("search %q found %s through the issuer's \"for\"", tc.text, k)
				}
			}
		}

		staff := e.token(t, catalog.RoleStaff, "staff-1")
		created := get(e.okAs(t, staff, `mutation($c: CertificationInput!) {
			createCertification(input: $c, reason: "approved by MSSC") { certification { key } userErrors { field message } } }`,
			map[string]any{"c": map[string]any{
				"newOrganization":  map[string]any{"name": "Computing Technology Industry Association", "acronym": "CompTIA"},
				"name":             "IT Fundamentals+",
				"displayName":      "CompTIA IT Fundamentals+ (ITF+)",
				"recognitionBases": []string{"ANSI_ISO_17024"},
				"aliases":          []any{map[string]any{"kind": "ACRONYM", "value": "ITF+"}},
			}}), "createCertification")
		if errs := get(created, "userErrors").([]any); len(errs) > 0 {
			t.Fatalf("createCertification: %v", errs)
		}
		key := get(created, "certification", "key").(string)
		for _, text := range []string{"IT", "it", "IT Fundamentals"} {
			keys, edges := search(t, text)
			if len(keys) == 0 || keys[0] != key {
				t.Fatalf("search %q = %v, want %s first", text, keys, key)
			}
			found := false
			for _, h := range get(edges[0], "highlights").([]any) {
				found = found || (get(h, "source") == "NAME" && num(get(h, "start")) == 0 && num(get(h, "length")) == 2)
			}
			if !found {
				t.Errorf("search %q: highlights %v, want IT of the name marked", text, get(edges[0], "highlights"))
			}
		}
		if keys, _ := search(t, "for"); len(keys) != 0 {
			t.Errorf("search \"for\" after the new entry = %v, want nothing", keys)
		}
	})
}
