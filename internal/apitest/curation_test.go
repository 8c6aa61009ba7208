package apitest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
)

func TestStaffCurationIsRecordedInTheHistory(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		org := get(e.okAs(t, staff, `mutation { createOrganization(input: {name: "Widget Rigging Board", acronym: "WRB", url: "https://widgets.example.org"}, reason: "new NCCA accredited body") {
			organization { id key } userErrors { field message } } }`, nil), "createOrganization", "organization")
		created := get(e.okAs(t, staff, `mutation($o: ID!) { createCertification(input: {organizationId: $o, name: "Certified Widget Rigger", recognitionBases: [NCCA]}, reason: "approved by the board") {
			certification { id key displayName eligiblePrograms provenance { source } } userErrors { field message } } }`, map[string]any{"o": get(org, "id")}), "createCertification")
		cert := get(created, "certification")
		id := get(cert, "id")
		if get(cert, "displayName") != "WRB Certified Widget Rigger" || get(cert, "provenance", "source") != "STAFF" || len(get(cert, "eligiblePrograms").([]any)) != 2 {
			t.Fatalf("created = %v", created)
		}
		steps := []struct{ query, field string }{
			{`mutation($id: ID!) { updateCertification(id: $id, input: {name: "Certified Widget Rigger", displayName: "WRB Certified Widget Rigger (CWR)", recognitionBases: [NCCA, ANSI_ISO_17024]}, reason: "also ANSI accredited") { userErrors { message } } }`, "updateCertification"},
			{`mutation($id: ID!) { addCertificationAlias(id: $id, alias: {kind: ACRONYM, value: "CWR"}, reason: "common acronym") { userErrors { message } } }`, "addCertificationAlias"},
			{`mutation($id: ID!) { addCertificationAlias(id: $id, alias: {kind: ALTERNATE_NAME, value: "Widget Rigger"}, reason: "short name") { userErrors { message } } }`, "addCertificationAlias"},
			{`mutation($id: ID!) { removeCertificationAlias(id: $id, alias: {kind: ALTERNATE_NAME, value: "Widget Rigger"}, reason: "too vague") { userErrors { message } } }`, "removeCertificationAlias"},
			{`mutation($id: ID!) { retireCertification(id: $id, retiredOn: "2025-01-01", reason: "the board closed") { userErrors { message } } }`, "retireCertification"},
		}
		for _, s := range steps {
			if errs := get(e.okAs(t, staff, s.query, map[string]any{"id": id}), s.field, "userErrors").([]any); len(errs) > 0 {
				t.Fatalf("%s: %v", s.field, errs)
			}
		}
		history := get(e.okAs(t, staff, `query($id: ID!) { node(id: $id) { ... on Certification { status retiredOn aliases { value } history { action actor reason before after } } } }`, map[string]any{"id": id}), "node")
		if get(history, "status") != "RETIRED" || get(history, "retiredOn") != "2025-01-01" || len(get(history, "aliases").([]any)) != 1 {
			t.Errorf("entry after curation = %v", history)
		}
		var actions []string
		for _, h := range get(history, "history").([]any) {
			actions = append(actions, get(h, "action").(string))
			if get(h, "actor") != "staff-1" || get(h, "reason") == "" {
				t.Errorf("a change without its actor or reason: %v", h)
			}
		}
		want := "certification.retire,certification.alias.remove,certification.alias.add,certification.alias.add,certification.update,certification.create"
		if strings.Join(actions, ",") != want {
			t.Errorf("history = %v, want %s", actions, want)
		}
		retire := get(history, "history", 0)
		if !strings.Contains(get(retire, "before").(string), `"status":"ACTIVE"`) || !strings.Contains(get(retire, "after").(string), `"status":"RETIRED"`) {
			t.Errorf("the retirement's before and after = %v", retire)
		}

		for _, tc := range []struct{ earned, verdict string }{{"2024-12-31", "INDUSTRY_CERTIFICATION"}, {"2025-01-01", "DOES_NOT_COUNT"}} {
			c := get(e.ok(t, checkQuery, map[string]any{"in": map[string]any{"text": "Certified Widget Rigger", "earnedOn": tc.earned}}), "checkCredential")
			if get(c, "verdict") != tc.verdict {
				t.Errorf("earned %s after retirement on 2025-01-01: %v", tc.earned, c)
			}
		}
		ranged := e.okAs(t, staff, `query($from: DateTime, $to: DateTime) { catalogHistory(filter: {from: $from, to: $to}) { totalCount nodes { action } } }`,
			map[string]any{"from": e.now.Add(-time.Microsecond).UTC().Format(time.RFC3339Nano), "to": e.now.Add(time.Second).UTC().Format(time.RFC3339Nano)})
		if num(get(ranged, "catalogHistory", "totalCount")) != 7 {
			t.Errorf("history in the time range = %v, want the 7 changes", ranged)
		}
		none := e.okAs(t, staff, `{ catalogHistory(filter: {to: "2000-01-01T00:00:00Z"}) { totalCount } }`, nil)
		if num(get(none, "catalogHistory", "totalCount")) != 0 {
			t.Errorf("history before 2000 = %v", none)
		}
		dup := get(e.okAs(t, staff, `mutation($o: ID!) { createCertification(input: {organizationId: $o, name: "X", displayName: "AWS Certified Welding Inspector (CWI)", recognitionBases: [NCCA]}, reason: "r") { certification { id } userErrors { field code } } }`,
			map[string]any{"o": get(org, "id")}), "createCertification")
		if get(dup, "userErrors", 0, "code") != "CONFLICT" || get(dup, "certification") != nil {
			t.Errorf("a duplicate display name = %v", dup)
		}
	})
}

// TestCatalogChangesAreAnnounced subscribes over both transports on each
// database and checks the very first change is announced.
func TestCatalogChangesAreAnnounced(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		sse, ws := sseEvents(t, ctx, e), wsEvents(t, ctx, e)
		eventually(t, "the subscriptions register", func() bool { return e.catalog.SubscriberCount() >= 2 })
		eventually(t, "the change listener connects", e.catalog.Watching)
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		e.okAs(t, staff, `mutation { createOrganization(input: {name: "Widget Rigging Board"}, reason: "new body") { organization { id } } }`, nil)
		version := get(e.ok(t, `{ catalogVersion }`, nil), "catalogVersion")
		if v := await(t, sse, "SSE"); v != version {
			t.Errorf("SSE announced %s, want %s", v, version)
		}
		if v := await(t, ws, "websocket"); v != version {
			t.Errorf("websocket announced %s, want %s", v, version)
		}
	})
}
