package apitest

import (
	"testing"

	"github.com/mssc/recert/catalog"
)

// TestOrganizationOtherNames reads the other names the seed gives a body
// (and none for a body without), checks that staff edits of the body, one
// by one or by a bulk file, keep them, and that the credential check takes
// an issuer written with one of them for the body.
func TestOrganizationOtherNames(t *testing.T) {
	const names = `query { apics: organization(key: "apics") { otherNames } aws: organization(key: "aws") { otherNames } }`
	const want = `{"apics":{"otherNames":["ASCM","Association for Supply Chain Management"]},"aws":{"otherNames":[]}}`
	eachDialect(t, func(t *testing.T, e *env) {
		if got := asJSON(t, e.ok(t, names, nil)); got != want {
			t.Fatalf("other names = %s, want %s", got, want)
		}
		staff := e.token(t, catalog.RoleStaff, "staff-names")
		updated := get(e.okAs(t, staff, `mutation($o: ID!) { updateOrganization(id: $o, input: {name: "APICS", acronym: "APICS", url: "https://www.ascm.org/certification"}, reason: "new page") {
			organization { otherNames } userErrors { field } } }`, map[string]any{"o": orgID(t, e, "apics")}), "updateOrganization")
		if got := asJSON(t, updated); got != `{"organization":{"otherNames":["ASCM","Association for Supply Chain Management"]},"userErrors":[]}` {
			t.Errorf("updateOrganization = %s", got)
		}
		file := map[string]any{"csv": "action,kind,key,description\nupdate,organization,apics,The association for supply chain management.\n"}
		v := get(e.okAs(t, staff, previewMutation, map[string]any{"in": file}), "previewCatalogChanges", "preview", "catalogVersion")
		if errs := get(e.okAs(t, staff, applyMutation, map[string]any{"in": file, "v": v}), "applyCatalogChanges", "userErrors").([]any); len(errs) > 0 {
			t.Fatal(errs)
		}
		if got := asJSON(t, e.ok(t, names, nil)); got != want {
			t.Errorf("other names after staff edits = %s, want %s", got, want)
		}
		c := get(e.ok(t, checkQuery, map[string]any{"in": map[string]any{"text": "CPIM", "issuer": "Association for Supply Chain Management"}}), "checkCredential")
		if get(c, "verdict") != "INDUSTRY_CERTIFICATION" || get(c, "entry", "key") != "apics-cpim" {
			t.Errorf("CPIM from the Association for Supply Chain Management = %v", c)
		}
	})
}
