package apitest

import (
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/together"
)

func TestCPTAndCLTSubmittedTogetherPayTheBundledFee(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		expires := e.now.UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "C-8001", expires, expires.AddDate(0, 0, 60))
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		cpt := buildToHundredPoints(t, e, candidate, "CPT", expires)
		clt := buildToHundredPoints(t, e, candidate, "CLT", expires.AddDate(0, 0, 60))
		data := e.okAs(t, candidate, `mutation($ids: [ID!]!, $vs: [Int!]!) { submitApplications(applicationIds: $ids, versions: $vs) {
			applications { id status version feeKind feeDue { cents } bundle { feeKind feeDue { cents } } } userErrors { field code message } } }`,
			map[string]any{"ids": []any{cpt["id"], clt["id"]}, "vs": []any{cpt["version"], clt["version"]}})
		apps := get(data, "submitApplications", "applications").([]any)
		if len(apps) != 2 || get(apps, 0, "bundle", "feeKind") != "BUNDLED_APPLICATION" || num(get(apps, 0, "bundle", "feeDue", "cents")) != 10000 || get(apps, 0, "feeDue") != nil {
			t.Fatalf("bundle = %v", data)
		}
		paid := e.okAs(t, staff, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 10000, reference: "B-1") {
			applications { status } userErrors { field message } } }`, map[string]any{"id": get(apps, 0, "id"), "v": get(apps, 0, "version")})
		paidApps := get(paid, "recordPayment", "applications").([]any)
		if len(paidApps) != 2 || get(paidApps, 0, "status") != "IN_REVIEW" || get(paidApps, 1, "status") != "IN_REVIEW" {
			t.Errorf("one payment for the bundle = %v", paid)
		}
		wrong := e.okAs(t, staff, `mutation($id: ID!) { recordPayment(applicationId: $id, version: 99, amountCents: 1, reference: "x") { userErrors { code } } }`, map[string]any{"id": get(apps, 1, "id")})
		if get(wrong, "recordPayment", "userErrors", 0, "code") != "CONFLICT" {
			t.Errorf("a payment on a stale version = %v", wrong)
		}
	})
}

func TestActivityInputIsRefusedWithTheReason(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		expires := e.now.UTC().AddDate(1, 0, 0).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "C-9001", expires, expires)
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		app := appCall(t, e, candidate, `mutation { createApplication(program: CPT) { application { id version } userErrors { field message } } }`, nil)
		save := `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { version } userErrors { field code message } } }`
		start := expires.AddDate(-4, 0, 0).Format("2006-01-02")
		for _, tc := range []struct {
			name  string
			a     map[string]any
			field string
		}{
			{"dates in the wrong order", map[string]any{"category": "EMPLOYMENT", "activityTypeKey": "e-direct", "title": "Job", "startOn": start, "endOn": expires.AddDate(-5, 0, 0).Format("2006-01-02"), "weeklyHours": 40}, "endOn"},
			{"more than 168 hours a week", map[string]any{"category": "EMPLOYMENT", "activityTypeKey": "e-direct", "title": "Job", "startOn": start, "endOn": e.now.Format("2006-01-02"), "weeklyHours": 200}, "weeklyHours"},
			{"negative hours", map[string]any{"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": "Food bank", "completedOn": start, "hours": -5}, "hours"},
			{"an end in the future", map[string]any{"category": "EMPLOYMENT", "activityTypeKey": "e-direct", "title": "Job", "startOn": start, "endOn": e.now.AddDate(0, 3, 0).Format("2006-01-02"), "weeklyHours": 40}, "endOn"},
			{"a category that is not its type's", map[string]any{"category": "EXTRA", "activityTypeKey": "e-direct", "title": "Job", "startOn": start, "endOn": e.now.Format("2006-01-02"), "weeklyHours": 40}, "category"},
			{"an unknown type", map[string]any{"category": "EXTRA", "activityTypeKey": "x-unknown", "title": "x", "completedOn": start, "hours": 5}, "typeKey"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := get(e.okAs(t, candidate, save, map[string]any{"id": app["id"], "v": app["version"], "a": tc.a}), "saveApplicationActivity")
				found := false
				for _, u := range get(r, "userErrors").([]any) {
					f := toStrings(get(u, "field"))
					found = found || f[len(f)-1] == tc.field
				}
				if !found || get(r, "application") != nil {
					t.Errorf("want a user error on %s: %v", tc.field, r)
				}
			})
		}
		after := e.okAs(t, candidate, `query($id: ID!) { application(id: $id) { version activities { activityId } } }`, map[string]any{"id": app["id"]})
		if num(get(after, "application", "version")) != num(app["version"]) || len(get(after, "application", "activities").([]any)) != 0 {
			t.Errorf("refused edits changed the application: %v", after)
		}
		expiring := e.okAs(t, staff, `{ expiringCertifications(withinDays: 400) { candidate { msscCandidateId } heldCertification { program expiresOn } } }`, nil)
		if len(get(expiring, "expiringCertifications").([]any)) != 2 {
			t.Errorf("expiring within 400 days = %v", expiring)
		}
		soon := e.okAs(t, staff, `{ expiringCertifications(withinDays: 30) { candidate { msscCandidateId } } }`, nil)
		if len(get(soon, "expiringCertifications").([]any)) != 0 {
			t.Errorf("expiring within 30 days = %v", soon)
		}
	})
}

func TestTwoEditsAtOnceOneWins(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		expires := e.now.UTC().AddDate(1, 0, 0).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "C-9101", expires, expires)
		app := appCall(t, e, candidate, `mutation { createApplication(program: CLT) { application { id version } userErrors { field message } } }`, nil)
		save := `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { version } userErrors { code } } }`
		codes := together.Run(2, func(int) any {
			r := e.okAs(t, candidate, save, map[string]any{"id": app["id"], "v": app["version"], "a": map[string]any{
				"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": "Food bank", "completedOn": e.now.AddDate(0, -1, 0).Format("2006-01-02"), "hours": 16}})
			return get(r, "saveApplicationActivity", "userErrors", 0, "code")
		})
		if !((codes[0] == nil && codes[1] == "CONFLICT") || (codes[0] == "CONFLICT" && codes[1] == nil)) {
			t.Errorf("two edits of version %v: %v", app["version"], codes)
		}
		final := e.okAs(t, candidate, `query($id: ID!) { application(id: $id) { activities { activityId } } }`, map[string]any{"id": app["id"]})
		if len(get(final, "application", "activities").([]any)) != 1 {
			t.Errorf("after two simultaneous edits = %v", final)
		}
	})
}

func TestCertificationUnderReviewDelaysTheDecision(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		expires := e.now.UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "C-1001", expires, expires.AddDate(2, 0, 0))
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		review := get(submit(t, e, candidate, submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")), "review", "id")
		app := buildToHundredPoints(t, e, candidate, "CPT", expires)
		app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { `+appFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": app["version"], "a": map[string]any{"category": "INDUSTRY_CERTIFICATION", "activityTypeKey": "ic-certification",
				"title": "Certified Widget Rigger", "completedOn": e.now.AddDate(0, -2, 0).Format("2006-01-02"), "catalogReviewId": review}})
		app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		paid := appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 7500, reference: "R") { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		if paid["decisionDueOn"] != e.now.UTC().AddDate(0, 0, 60).Format("2006-01-02") {
			t.Errorf("the decision with a certification under review is due %v, want 30 + 30 days", paid["decisionDueOn"])
		}
	})
}
