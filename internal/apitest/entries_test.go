package apitest

import (
	"context"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/seed"
)

func TestEntriesAreFoundByTheirStableKeys(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		byKey := e.ok(t, `{ certification(key: "aws-cwi") { id key displayName organization { key } } organization(key: "aws") { key name } }`, nil)
		if get(byKey, "certification", "displayName") != "AWS Certified Welding Inspector (CWI)" || get(byKey, "organization", "name") != "American Welding Society" {
			t.Fatalf("by key = %v", byKey)
		}
		id := get(byKey, "certification", "id").(string)
		byID := e.ok(t, `query($id: ID!) { certification(id: $id) { key } }`, map[string]any{"id": id})
		if get(byID, "certification", "key") != "aws-cwi" {
			t.Errorf("by ID = %v", byID)
		}
		missing := e.ok(t, `{ certification(key: "no-such-entry") { id } organization(key: "`+strings.Repeat("k", 80)+`") { id } }`, nil)
		if get(missing, "certification") != nil || get(missing, "organization") != nil {
			t.Errorf("unknown keys = %v", missing)
		}
		expectRefusedText(t, e.post(t, "", `{ organization(key: "`+strings.Repeat("k", 5000)+`") { id } }`, nil), "key", "at most")
		for _, q := range []string{
			`{ certification { id } }`,
			`query($id: ID!) { certification(id: $id, key: "aws-cwi") { id } }`,
			`{ organization { id } }`,
		} {
			if r := e.query(t, q, map[string]any{"id": id}); r.code(t) != "BAD_USER_INPUT" {
				t.Errorf("%s = %s", q, r.Raw)
			}
		}

		// A retired entry keeps its key, and an update never changes it.
		upd := get(e.okAs(t, staff, `mutation($id: ID!) { updateCertification(id: $id, input: {name: "Certified Welding Inspector", displayName: "AWS CWI (renamed)", recognitionBases: [NAM_ENDORSED]}, reason: "rename") { certification { key } userErrors { message } } }`, map[string]any{"id": id}), "updateCertification")
		e.okAs(t, staff, `mutation($id: ID!) { retireCertification(id: $id, retiredOn: "2026-01-01", reason: "gone") { userErrors { message } } }`, map[string]any{"id": id})
		retired := e.ok(t, `{ certification(key: "aws-cwi") { key status displayName } }`, nil)
		if get(upd, "certification", "key") != "aws-cwi" || get(retired, "certification", "status") != "RETIRED" || get(retired, "certification", "displayName") != "AWS CWI (renamed)" {
			t.Errorf("after rename and retirement: %v, %v", upd, retired)
		}
	})
}

func TestRicherEntriesAreStaffEditedAndValidated(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		const page = `query($after: String) { certifications(first: 100, after: $after) { pageInfo { endCursor } nodes { key description url ctid renewalPeriodMonths organization { ctid } } } relatedFields { onetSocCodes } }`
		blank := e.ok(t, page, nil)
		next := e.ok(t, page, map[string]any{"after": get(blank, "certifications", "pageInfo", "endCursor")})
		entries := append(get(blank, "certifications", "nodes").([]any), get(next, "certifications", "nodes").([]any)...)
		if len(entries) != 164 {
			t.Fatalf("read %d entries", len(entries))
		}
		for _, n := range entries {
			renewal := get(n, "renewalPeriodMonths")
			if get(n, "key") == "mssc-clt" {
				if num(renewal) != 60 {
					t.Errorf("the full CLT, which the guide says is recertified every five years, renews every %v months", renewal)
				}
				renewal = nil
			}
			if get(n, "description") != nil || get(n, "url") != nil || get(n, "ctid") != nil || renewal != nil || get(n, "organization", "ctid") != nil {
				t.Fatalf("an entry with invented facts: %v", n)
			}
		}
		for _, f := range get(blank, "relatedFields").([]any) {
			if len(get(f, "onetSocCodes").([]any)) != 0 {
				t.Fatalf("a field with invented occupation codes: %v", f)
			}
		}
		org := orgID(t, e, "aee")
		const create = `mutation($o: ID!, $ctid: String, $url: String, $months: Int) { createCertification(input: {organizationId: $o, name: "Certified Test Engineer", recognitionBases: [ANSI_ISO_17024], description: "Attests energy testing skills.", url: $url, ctid: $ctid, renewalPeriodMonths: $months}, reason: "approved") {
			certification { key description url ctid renewalPeriodMonths } userErrors { field code } } }`
		for _, bad := range []struct {
			vars  map[string]any
			field string
		}{
			{map[string]any{"ctid": "ce-1234"}, "ctid"},
			{map[string]any{"ctid": "00000000-0000-4000-8000-000000000001"}, "ctid"},
			{map[string]any{"url": "javascript:alert(1)"}, "url"},
			{map[string]any{"months": -1}, "renewalPeriodMonths"},
			{map[string]any{"months": 100000}, "renewalPeriodMonths"},
		} {
			bad.vars["o"] = org
			got := get(e.okAs(t, staff, create, bad.vars), "createCertification")
			if get(got, "certification") != nil || asJSON(t, get(got, "userErrors", 0, "field")) != `["input","`+bad.field+`"]` {
				t.Errorf("%v = %v", bad.vars, got)
			}
		}
		expectRefusedText(t, e.post(t, staff, create, map[string]any{"o": org, "url": "https://example.org/" + strings.Repeat("a", 3000)}), "url", "at most")
		good := get(e.okAs(t, staff, create, map[string]any{"o": org, "ctid": "CE-5B2A8F0E-3C1D-4E6F-9A7B-1C2D3E4F5A6B", "url": "https://example.org/cte", "months": 36}), "createCertification")
		if asJSON(t, get(good, "certification")) != `{"ctid":"ce-5b2a8f0e-3c1d-4e6f-9a7b-1c2d3e4f5a6b","description":"Attests energy testing skills.","key":"aee-certified-test-engineer","renewalPeriodMonths":36,"url":"https://example.org/cte"}` {
			t.Errorf("created = %v", good)
		}
		orgSet := get(e.okAs(t, staff, `mutation($o: ID!) { updateOrganization(id: $o, input: {name: "Association of Energy Engineers", acronym: "AEE", ctid: "ce-11111111-2222-4333-8444-555555555555"}, reason: "registry") { organization { ctid } userErrors { field } } }`, map[string]any{"o": org}), "updateOrganization")
		if get(orgSet, "organization", "ctid") != "ce-11111111-2222-4333-8444-555555555555" {
			t.Errorf("organization CTID = %v", orgSet)
		}
	})
}

func TestReseedingKeepsWhatStaffFilledIn(t *testing.T) {
	e := newEnv(t, gormstore.DialectPostgres)
	staff := e.token(t, catalog.RoleStaff, "staff-1")
	file := map[string]any{"csv": "action,kind,key,ctid,description\nupdate,certification,aee-cem,ce-00000000-0000-4000-8000-000000000009,Kept.\nupdate,organization,aee,ce-00000000-0000-4000-8000-00000000000a,\n"}
	v := get(e.okAs(t, staff, previewMutation, map[string]any{"in": file}), "previewCatalogChanges", "preview", "catalogVersion")
	if errs := get(e.okAs(t, staff, applyMutation, map[string]any{"in": file, "v": v}), "applyCatalogChanges", "userErrors").([]any); len(errs) > 0 {
		t.Fatal(errs)
	}
	reseed(t, e)
	kept := e.ok(t, `{ certification(key: "aee-cem") { ctid description organization { ctid } } }`, nil)
	if asJSON(t, kept) != `{"certification":{"ctid":"ce-00000000-0000-4000-8000-000000000009","description":"Kept.","organization":{"ctid":"ce-00000000-0000-4000-8000-00000000000a"}}}` {
		t.Errorf("after reseeding = %s", asJSON(t, kept))
	}
}

func TestApprovalStartsFromTheSubmission(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate := e.token(t, catalog.RoleCandidate, "C-3003")
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		fresh := get(submit(t, e, candidate, submission(t, e, "Certified Gear Rigger", "Gear Rigging Guild")), "review", "id")
		approved := get(e.okAs(t, staff, approveMutation, map[string]any{"id": fresh, "c": map[string]any{"recognitionBases": []string{"NCCA"}}}), "approveCatalogReview")
		entry := get(approved, "review", "decision", "certification")
		if errs := get(approved, "userErrors").([]any); len(errs) > 0 || get(entry, "displayName") != "Gear Rigging Guild Certified Gear Rigger" {
			t.Fatalf("approval with only the bases = %v", approved)
		}
		org := e.ok(t, `query($k: String!) { certification(key: $k) { name organization { name url } } }`, map[string]any{"k": get(entry, "key")})
		if asJSON(t, org) != `{"certification":{"name":"Certified Gear Rigger","organization":{"name":"Gear Rigging Guild","url":"https://widgets.example.org"}}}` {
			t.Errorf("the entry made from the submission = %s", asJSON(t, org))
		}

		// A submission naming a listed body joins that body rather than making another.
		known := get(submit(t, e, candidate, submission(t, e, "Certified Weld Grinder", "American Welding Society")), "review", "id")
		joined := get(e.okAs(t, staff, approveMutation, map[string]any{"id": known, "c": map[string]any{"recognitionBases": []string{"NAM_ENDORSED"}, "displayName": "AWS Certified Weld Grinder"}}), "approveCatalogReview")
		key := get(joined, "review", "decision", "certification", "key")
		owner := e.ok(t, `query($k: String!) { certification(key: $k) { organization { key } } }`, map[string]any{"k": key})
		if get(owner, "certification", "organization", "key") != "aws" {
			t.Errorf("an approval of a listed body's certification = %v, %v", joined, owner)
		}

		// What staff decide is still required.
		third := get(submit(t, e, candidate, submission(t, e, "Certified Hoist Rigger", "Hoist Board")), "review", "id")
		missing := get(e.okAs(t, staff, approveMutation, map[string]any{"id": third, "c": map[string]any{"recognitionBases": []string{}}}), "approveCatalogReview")
		if get(missing, "userErrors", 0, "code") != "BAD_USER_INPUT" || get(missing, "review") != nil {
			t.Errorf("an approval without bases = %v", missing)
		}
	})
}

// reseed applies the seed again, as a deploy does.
func reseed(t *testing.T, e *env) {
	t.Helper()
	if _, err := seed.Apply(context.Background(), e.store); err != nil {
		t.Fatal(err)
	}
	e.catalog.Changed(context.Background())
}

func TestStaffLinkOccupationCodesToRelatedFields(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		field := get(e.ok(t, `{ relatedFields(filter: {related: true}) { id name } }`, nil), "relatedFields", 0)
		const set = `mutation($id: ID!, $codes: [String!]!) { setRelatedFieldOccupations(id: $id, onetSocCodes: $codes, reason: "O*NET crosswalk") {
			relatedField { onetSocCodes } userErrors { field code message } } }`
		bad := get(e.okAs(t, staff, set, map[string]any{"id": get(field, "id"), "codes": []string{"51-4121.06", "51-4121", "51-4121.06"}}), "setRelatedFieldOccupations")
		if asJSON(t, get(bad, "userErrors")) != `[{"code":"BAD_USER_INPUT","field":["onetSocCodes","1"],"message":"an O*NET-SOC code such as 51-4121.06"},{"code":"BAD_USER_INPUT","field":["onetSocCodes","2"],"message":"this code is listed twice"}]` {
			t.Errorf("bad codes = %s", asJSON(t, bad))
		}
		tooMany := make([]string, 51)
		for i := range tooMany {
			tooMany[i] = "51-4121.06"
		}
		if errs := get(e.okAs(t, staff, set, map[string]any{"id": get(field, "id"), "codes": tooMany}), "setRelatedFieldOccupations", "userErrors"); asJSON(t, get(errs, 0, "field")) != `["onetSocCodes"]` {
			t.Errorf("51 codes = %v", errs)
		}
		good := get(e.okAs(t, staff, set, map[string]any{"id": get(field, "id"), "codes": []string{"53-7051.00", "51-4121.06"}}), "setRelatedFieldOccupations")
		if asJSON(t, get(good, "relatedField", "onetSocCodes")) != `["51-4121.06","53-7051.00"]` {
			t.Errorf("set codes = %v", good)
		}
		read := e.ok(t, `query($id: ID!) { node(id: $id) { ... on RelatedField { onetSocCodes } } }`, map[string]any{"id": get(field, "id")})
		history := get(e.okAs(t, staff, `{ catalogHistory(first: 1) { nodes { action entityType after } } }`, nil), "catalogHistory", "nodes", 0)
		if asJSON(t, get(read, "node", "onetSocCodes")) != `["51-4121.06","53-7051.00"]` || get(history, "action") != "field.occupations" || !strings.Contains(get(history, "after").(string), "53-7051.00") {
			t.Errorf("read back %v, history %v", read, history)
		}
		candidate := e.token(t, catalog.RoleCandidate, "C-1")
		if r := e.queryAs(t, candidate, set, map[string]any{"id": get(field, "id"), "codes": []string{}}); r.code(t) != "FORBIDDEN" {
			t.Errorf("a candidate setting codes = %s", r.Raw)
		}
	})
}
