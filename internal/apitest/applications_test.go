package apitest

import (
	"fmt"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
)

const appFields = `id status version feeDue { cents } feeKind decisionDueOn newExpiresOn lastDayToSubmit
	points { total required shortfall warnings { code } activities { activityId points rule { code } } }
	activities { activityId proofs { sha256 } } history { action from to actor reason }`

// registerHolder has staff register a candidate whose CPT and CLT expire
// on the given days, and returns the candidate's token.
func registerHolder(t *testing.T, e *env, number string, cptExpires, cltExpires time.Time) string {
	t.Helper()
	staff := e.token(t, catalog.RoleStaff, "staff-reg")
	held := []any{}
	for program, exp := range map[string]time.Time{"CPT": cptExpires, "CLT": cltExpires} {
		held = append(held, map[string]any{"program": program, "certifiedOn": exp.AddDate(-5, 0, 0).Format("2006-01-02"), "expiresOn": exp.Format("2006-01-02")})
	}
	data := e.okAs(t, staff, registerMutation, map[string]any{"in": map[string]any{
		"msscCandidateId": number, "name": "Holder " + number, "email": number + "@example.com", "heldCertifications": held,
	}})
	if errs := get(data, "registerCandidate", "userErrors").([]any); len(errs) > 0 {
		t.Fatalf("register: %v", errs)
	}
	return e.token(t, catalog.RoleCandidate, number)
}

// holderExpiringIn registers a candidate whose CPT and CLT both expire at
// midnight UTC days after the test's start, and returns the candidate's
// token and that day.
func holderExpiringIn(t *testing.T, e *env, number string, days int) (string, time.Time) {
	t.Helper()
	expires := e.now.UTC().AddDate(0, 0, days).Truncate(24 * time.Hour)
	return registerHolder(t, e, number, expires, expires), expires
}

// appCall runs an application mutation that must succeed and returns the application.
func appCall(t *testing.T, e *env, token, mutation string, vars map[string]any) map[string]any {
	t.Helper()
	var field string
	fmt.Sscanf(mutation[len("mutation"):], "%s", &field)
	data := e.okAs(t, token, mutation, vars)
	var payload any
	for _, v := range data {
		payload = v
	}
	if errs, _ := get(payload, "userErrors").([]any); len(errs) > 0 {
		t.Fatalf("%s: %v", mutation[:40], errs)
	}
	if a, ok := get(payload, "application").(map[string]any); ok {
		return a
	}
	return get(payload, "applications", 0).(map[string]any)
}

// buildToHundredPoints claims employment since the cycle began, still going
// on, and an AWS CWI earned in the cycle, each with proof.
func buildToHundredPoints(t *testing.T, e *env, token string, program string, expires time.Time) map[string]any {
	t.Helper()
	app := appCall(t, e, token, `mutation($p: Program!) { createApplication(program: $p, idempotencyKey: "create-`+program+`") { application { `+appFields+` } userErrors { field message } } }`, map[string]any{"p": program})
	start := expires.AddDate(-5, 0, 0)
	cwi := get(e.ok(t, `{ certifications(first: 1, filter: {search: "CWI"}) { nodes { id } } }`, nil), "certifications", "nodes", 0, "id")
	save := `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { ` + appFields + ` } userErrors { field message } } }`
	for _, activity := range []map[string]any{
		{"category": "EMPLOYMENT", "activityTypeKey": "e-direct", "title": "Production associate, Acme Plastics",
			"startOn": start.Format("2006-01-02"), "weeklyHours": 40, "ongoing": true},
		{"category": "INDUSTRY_CERTIFICATION", "activityTypeKey": "ic-certification", "title": "AWS Certified Welding Inspector",
			"certificationId": cwi, "completedOn": start.AddDate(1, 0, 0).Format("2006-01-02")},
	} {
		app = appCall(t, e, token, save, map[string]any{"id": app["id"], "v": app["version"], "a": activity})
	}
	for _, activityID := range []int{1, 2} {
		r := e.upload(t, token, `mutation($id: ID!, $v: Int!, $a: Int!, $f: Upload!) { attachActivityProof(applicationId: $id, version: $v, activityId: $a, file: $f) { application { `+appFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": app["version"], "a": activityID, "f": nil}, "variables.f", "proof.pdf", pdf)
		if len(r.Errors) > 0 || len(get(r.Data, "attachActivityProof", "userErrors").([]any)) > 0 {
			t.Fatalf("attach proof: %s", r.Raw)
		}
		app = get(r.Data, "attachActivityProof", "application").(map[string]any)
	}
	return app
}

func TestApplicationFromDraftToRecertification(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		expires := e.now.UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "C-5001", expires, expires.AddDate(1, 0, 0))
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		app := buildToHundredPoints(t, e, candidate, "CPT", expires)
		if num(get(app, "points", "total")) < 100 || len(get(app, "points", "warnings").([]any)) != 0 {
			t.Fatalf("points = %v", get(app, "points"))
		}
		again := e.okAs(t, candidate, `mutation { createApplication(program: CPT, idempotencyKey: "create-CPT") { application { id } userErrors { code } } }`, nil)
		if get(again, "createApplication", "application", "id") != app["id"] {
			t.Errorf("a retried create made another application: %v", again)
		}

		stale := e.okAs(t, candidate, `mutation($id: ID!) { removeApplicationActivity(applicationId: $id, version: 1, activityId: 1) { userErrors { field code } } }`, map[string]any{"id": app["id"]})
		if get(stale, "removeApplicationActivity", "userErrors", 0, "code") != "CONFLICT" {
			t.Errorf("an edit on an old version: %v", stale)
		}

		submit := `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v], idempotencyKey: "submit-1") { applications { ` + appFields + ` } userErrors { field code message } } }`
		first := appCall(t, e, candidate, submit, map[string]any{"id": app["id"], "v": app["version"]})
		retry := appCall(t, e, candidate, submit, map[string]any{"id": app["id"], "v": app["version"]})
		if first["status"] != "SUBMITTED" || num(get(first, "feeDue", "cents")) != 7500 || retry["version"] != first["version"] {
			t.Fatalf("submission = %v, retry = %v", first, retry)
		}
		twice := e.okAs(t, candidate, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { userErrors { code } } }`, map[string]any{"id": app["id"], "v": first["version"]})
		if get(twice, "submitApplications", "userErrors", 0, "code") != "CONFLICT" {
			t.Errorf("a second submission without the key: %v", twice)
		}

		paid := appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 7500, reference: "RCPT-1") { applications { `+appFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": first["version"]})
		if paid["status"] != "IN_REVIEW" || paid["decisionDueOn"] != e.now.UTC().AddDate(0, 0, 30).Format("2006-01-02") {
			t.Fatalf("after payment = %v", paid)
		}
		approved := appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { approveApplication(applicationId: $id, version: $v, reason: "100 points proved") { application { `+appFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": paid["version"]})
		want := expires.AddDate(5, 0, 0).Format("2006-01-02")
		if approved["status"] != "APPROVED" || approved["newExpiresOn"] != want {
			t.Fatalf("approval = %v", approved)
		}
		viewer := e.okAs(t, candidate, `{ viewer { candidate { heldCertifications { program certifiedOn expiresOn } } } }`, nil)
		for _, h := range get(viewer, "viewer", "candidate", "heldCertifications").([]any) {
			if get(h, "program") == "CPT" && (get(h, "expiresOn") != want || get(h, "certifiedOn") != expires.AddDate(0, 0, 1).Format("2006-01-02")) {
				t.Errorf("the held CPT after approval = %v, want it to expire on %s", h, want)
			}
		}
		var actions []string
		for _, h := range get(approved, "history").([]any) {
			actions = append(actions, get(h, "action").(string))
		}
		if fmt.Sprint(actions) != "[CREATE EDIT EDIT EDIT EDIT SUBMIT RECORD_PAYMENT APPROVE]" {
			t.Errorf("history = %v", actions)
		}
	})
}

func TestDeniedApplicationIsReviewedThenAppealed(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		expires := e.now.UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "C-6001", expires.AddDate(2, 0, 0), expires)
		reviewer, second, committee := e.token(t, catalog.RoleStaff, "staff-a"), e.token(t, catalog.RoleStaff, "staff-b"), e.token(t, catalog.RoleStaff, "staff-c")
		app := buildToHundredPoints(t, e, candidate, "CLT", expires)
		app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		app = appCall(t, e, reviewer, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 7500, reference: "R-2") { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		app = appCall(t, e, reviewer, `mutation($id: ID!, $v: Int!) { denyApplication(applicationId: $id, version: $v, reasons: ["the employment is administrative"]) { application { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		e.advance(31 * 24 * time.Hour)
		app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!) { requestDetailedReview(applicationId: $id, version: $v, reason: "the job is on the floor") { application { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		if app["status"] != "DETAILED_REVIEW" || app["feeKind"] != "LATE_DETAILED_REVIEW" || num(get(app, "feeDue", "cents")) != 2500 {
			t.Fatalf("a review asked on day 31 = %v", app)
		}
		same := e.okAs(t, reviewer, `mutation($id: ID!, $v: Int!) { upholdDenial(applicationId: $id, version: $v, reason: "r") { userErrors { code } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		if get(same, "upholdDenial", "userErrors", 0, "code") != "FORBIDDEN" {
			t.Errorf("the denying reviewer decided the detailed review: %v", same)
		}
		unpaid := e.okAs(t, second, `mutation($id: ID!, $v: Int!) { upholdDenial(applicationId: $id, version: $v, reason: "r") { userErrors { code message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		if get(unpaid, "upholdDenial", "userErrors", 0, "code") != "CONFLICT" {
			t.Errorf("a review decided before its fee was paid: %v", unpaid)
		}
		app = appCall(t, e, second, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 2500, reference: "R-3") { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		app = appCall(t, e, second, `mutation($id: ID!, $v: Int!) { upholdDenial(applicationId: $id, version: $v, reason: "administrative job") { application { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!) { appealApplication(applicationId: $id, version: $v, reason: "to the committee") { application { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		if app["status"] != "APPEALED" || num(get(app, "feeDue", "cents")) != 5000 {
			t.Fatalf("appeal = %v", app)
		}
		app = appCall(t, e, committee, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 5000, reference: "R-4") { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		app = appCall(t, e, committee, `mutation($id: ID!, $v: Int!) { rejectAppeal(applicationId: $id, version: $v, reason: "the committee upholds the denial") { application { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		var actions []string
		for _, h := range get(app, "history").([]any) {
			actions = append(actions, get(h, "action").(string))
		}
		want := "[CREATE EDIT EDIT EDIT EDIT SUBMIT RECORD_PAYMENT DENY REQUEST_DETAILED_REVIEW RECORD_PAYMENT UPHOLD_DENIAL APPEAL RECORD_PAYMENT REJECT_APPEAL]"
		if app["status"] != "CLOSED_DENIED" || fmt.Sprint(actions) != want {
			t.Errorf("final = %s, history %v", app["status"], actions)
		}
		other := e.token(t, catalog.RoleCandidate, "C-7777")
		if r := e.queryAs(t, other, `query($id: ID!) { node(id: $id) { id } application(id: $id) { id } }`, map[string]any{"id": app["id"]}); len(r.Errors) != 0 || r.Data["node"] != nil || r.Data["application"] != nil {
			t.Errorf("another candidate reads the application: %s", r.Raw)
		}
	})
}
