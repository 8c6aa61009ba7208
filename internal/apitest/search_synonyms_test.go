package apitest

import (
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

// TestStaffEditSearchSynonyms checks the synonyms through HTTP: the seeded
// ones are listed and searched; staff add, change and remove one, each
// change in the history and read back by the next search; bad input is
// refused with codes, candidates are refused, and a seed applied again
// neither undoes an edit nor brings a removed synonym back.
func TestStaffEditSearchSynonyms(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		search := func(t *testing.T, text string) []string {
			t.Helper()
			var keys []string
			data := e.ok(t, `query($s: String) { certifications(first: 50, filter: {search: $s}) { edges { node { key } nearNeighbour } } }`, map[string]any{"s": text})
			for _, edge := range get(data, "certifications", "edges").([]any) {
				if !get(edge, "nearNeighbour").(bool) {
					keys = append(keys, get(edge, "node", "key").(string))
				}
			}
			return keys
		}
		synonyms := func(t *testing.T) map[string]any {
			t.Helper()
			out := map[string]any{}
			for _, s := range get(e.ok(t, `{ searchSynonyms { id key phrase meaning } }`, nil), "searchSynonyms").([]any) {
				out[get(s, "phrase").(string)] = s
			}
			return out
		}
		seeded := synonyms(t)
		if get(seeded, "hydraulics", "meaning") != "fluid power" || get(seeded, "forklift", "meaning") != "powered industrial truck" {
			t.Fatalf("seeded synonyms = %v", seeded)
		}
		if keys := search(t, "hydraulics"); len(keys) != 7 {
			t.Errorf("search hydraulics = %v, want the 7 fluid power entries", keys)
		}
		if keys := search(t, "turner"); len(keys) != 0 {
			t.Fatalf("search turner before any synonym = %v", keys)
		}
		const fields = `synonym { id key phrase meaning history { action actor reason before after } } userErrors { field code message }`
		create := `mutation($in: SearchSynonymInput!, $reason: String!) { createSearchSynonym(input: $in, reason: $reason) { ` + fields + ` } }`
		created := get(e.okAs(t, staff, create, map[string]any{"in": map[string]any{"phrase": " Turner ", "meaning": "turning"}, "reason": "lathe hands say turner"}), "createSearchSynonym")
		id := get(created, "synonym", "id")
		if get(created, "synonym", "phrase") != "Turner" || get(created, "synonym", "key") != "turner" || get(created, "synonym", "history", 0, "action") != "synonym.create" ||
			get(created, "synonym", "history", 0, "actor") != "staff-1" || get(created, "synonym", "history", 0, "reason") != "lathe hands say turner" {
			t.Fatalf("created = %s", asJSON(t, created))
		}
		if keys := search(t, "turner"); len(keys) == 0 || !strings.Contains(strings.Join(keys, " "), "turning") {
			t.Errorf("search turner after the synonym = %v, want the turning entries", keys)
		}
		for _, tc := range []struct {
			in    map[string]any
			field string
			code  string
		}{
			{map[string]any{"phrase": "turner", "meaning": "TURNING"}, `["input","phrase"]`, "CONFLICT"},
			{map[string]any{"phrase": "", "meaning": "turning"}, `["input","phrase"]`, "BAD_USER_INPUT"},
			{map[string]any{"phrase": "-- !", "meaning": "turning"}, `["input","phrase"]`, "BAD_USER_INPUT"},
			{map[string]any{"phrase": "Lathe", "meaning": "lathe"}, `["input","meaning"]`, "BAD_USER_INPUT"},
			{map[string]any{"phrase": "a b c d e f g", "meaning": "turning"}, `["input","phrase"]`, "BAD_USER_INPUT"},
		} {
			bad := get(e.okAs(t, staff, create, map[string]any{"in": tc.in, "reason": "test"}), "createSearchSynonym")
			if get(bad, "synonym") != nil || asJSON(t, get(bad, "userErrors", 0, "field")) != tc.field || get(bad, "userErrors", 0, "code") != tc.code {
				t.Errorf("create %v = %s, want %s on %s", tc.in, asJSON(t, bad), tc.code, tc.field)
			}
		}
		long := map[string]any{"in": map[string]any{"phrase": strings.Repeat("x", catalog.MaxSynonymText+1), "meaning": "turning"}, "reason": "test"}
		if r := e.queryAs(t, staff, create, long); r.code(t) != "BAD_USER_INPUT" {
			t.Errorf("a phrase of %d characters = %s", catalog.MaxSynonymText+1, r.Raw)
		}
		if bad := get(e.okAs(t, staff, create, map[string]any{"in": map[string]any{"phrase": "lathe", "meaning": "turning"}, "reason": ""}), "createSearchSynonym"); asJSON(t, get(bad, "userErrors", 0, "field")) != `["reason"]` {
			t.Errorf("create without a reason = %s", asJSON(t, bad))
		}
		candidate := e.token(t, catalog.RoleCandidate, "C-1")
		if r := e.queryAs(t, candidate, create, map[string]any{"in": map[string]any{"phrase": "lathe", "meaning": "turning"}, "reason": "x"}); r.code(t) != "FORBIDDEN" {
			t.Errorf("a candidate creating a synonym = %s", r.Raw)
		}

		update := `mutation($id: ID!, $in: SearchSynonymInput!) { updateSearchSynonym(id: $id, input: $in, reason: "milling too") { ` + fields + ` } }`
		updated := get(e.okAs(t, staff, update, map[string]any{"id": id, "in": map[string]any{"phrase": "turner", "meaning": "milling"}}), "updateSearchSynonym")
		if get(updated, "synonym", "meaning") != "milling" || get(updated, "synonym", "history", 0, "action") != "synonym.update" ||
			!strings.Contains(get(updated, "synonym", "history", 0, "before").(string), `"meaning":"turning"`) {
			t.Fatalf("updated = %s", asJSON(t, updated))
		}
		if keys := strings.Join(search(t, "turner"), " "); !strings.Contains(keys, "milling") || strings.Contains(keys, "turning") {
			t.Errorf("search turner after the update = %v, want the milling entries only", keys)
		}
		if bad := get(e.okAs(t, staff, update, map[string]any{"id": "not-an-id", "in": map[string]any{"phrase": "x1", "meaning": "y1"}}), "updateSearchSynonym"); asJSON(t, get(bad, "userErrors", 0, "field")) != `["id"]` {
			t.Errorf("update of a bad ID = %s", asJSON(t, bad))
		}

		remove := `mutation($id: ID!) { removeSearchSynonym(id: $id, reason: "wrong") { ` + fields + ` } }`
		removed := get(e.okAs(t, staff, remove, map[string]any{"id": id}), "removeSearchSynonym")
		if get(removed, "synonym", "history", 0, "action") != "synonym.remove" || len(get(removed, "userErrors").([]any)) != 0 {
			t.Fatalf("removed = %s", asJSON(t, removed))
		}
		if keys := search(t, "turner"); len(keys) != 0 {
			t.Errorf("search turner after the removal = %v", keys)
		}
		if again := get(e.okAs(t, staff, remove, map[string]any{"id": id}), "removeSearchSynonym"); get(again, "userErrors", 0, "code") != "NOT_FOUND" {
			t.Errorf("removing it twice = %s", asJSON(t, again))
		}
		history := get(e.okAs(t, staff, `query($id: ID!) { catalogHistory(first: 5, filter: {entityId: $id}) { totalCount nodes { action entityType entityId } } }`, map[string]any{"id": id}), "catalogHistory")
		if num(get(history, "totalCount")) != 3 || get(history, "nodes", 0, "entityType") != "SearchSynonym" || get(history, "nodes", 0, "entityId") != id {
			t.Errorf("the synonym's history = %s", asJSON(t, history))
		}

		// A seeded synonym staff edited or removed stays as staff left it.
		edit := get(seeded, "weld")
		get(e.okAs(t, staff, update, map[string]any{"id": get(edit, "id"), "in": map[string]any{"phrase": "weld", "meaning": "welding inspector"}}), "updateSearchSynonym")
		get(e.okAs(t, staff, remove, map[string]any{"id": get(seeded, "hydraulics", "id")}), "removeSearchSynonym")
		version := get(e.ok(t, `{ catalogVersion }`, nil), "catalogVersion")
		reseed(t, e)
		after := synonyms(t)
		if _, back := after["hydraulics"]; back || get(after, "weld", "meaning") != "welding inspector" || len(after) != len(seeded)-1 {
			t.Errorf("after a seed, the synonyms = %v", after)
		}
		if now := get(e.ok(t, `{ catalogVersion }`, nil), "catalogVersion"); now != version {
			t.Errorf("a seed that changed nothing moved the catalog version from %v to %v", version, now)
		}
		node := e.ok(t, `query($id: ID!) { node(id: $id) { ... on SearchSynonym { phrase } } }`, map[string]any{"id": get(after, "weld", "id")})
		if get(node, "node", "phrase") != "weld" {
			t.Errorf("node(weld) = %v", node)
		}
	})
}
