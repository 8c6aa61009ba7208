package apitest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/together"
)

// integrityFields are the application fields the workflow integrity tests read.
const integrityFields = `id status version feeDue { cents } feeKind newExpiresOn lastDayToSubmit cycle { certifiedOn expiresOn }
	extension { status courseEndsOn until decidedBy decision }
	payments { amount { cents } }
	points { total activities { activityId points rule { code } } }
	activities { activityId reviewerPoints reviewerReason reviewerSetBy reviewerSetAt refusal { code reason by at } }
	history { action from to actor reason at }`

// mutate runs a mutation that must answer without a top-level error and
// returns its payload, user errors included.
func mutate(t *testing.T, e *env, token, mutation string, vars map[string]any) map[string]any {
	t.Helper()
	for _, v := range e.okAs(t, token, mutation, vars) {
		return v.(map[string]any)
	}
	t.Fatalf("no payload: %s", mutation)
	return nil
}

// userErrorCodes lists a payload's user errors as "field:code", the field
// path joined with dots, without the "input" root some payloads add.
func userErrorCodes(payload map[string]any) []string {
	var out []string
	for _, e := range payload["userErrors"].([]any) {
		var path []string
		for _, p := range get(e, "field").([]any) {
			path = append(path, fmt.Sprint(p))
		}
		if len(path) > 1 && path[0] == "input" {
			path = path[1:]
		}
		out = append(out, strings.Join(path, ".")+":"+fmt.Sprint(get(e, "code")))
	}
	return out
}

// attachProof attaches a PDF proof to an activity of a draft and returns the application.
func attachProof(t *testing.T, e *env, candidate string, app map[string]any, activityID int) map[string]any {
	t.Helper()
	r := e.upload(t, candidate, `mutation($id: ID!, $v: Int!, $a: Int!, $f: Upload!) { attachActivityProof(applicationId: $id, version: $v, activityId: $a, file: $f) { application { `+integrityFields+` } userErrors { field message } } }`,
		map[string]any{"id": app["id"], "v": app["version"], "a": activityID, "f": nil}, "variables.f", "proof.pdf", pdf)
	if len(r.Errors) > 0 || len(get(r.Data, "attachActivityProof", "userErrors").([]any)) > 0 {
		t.Fatalf("attach proof: %s", r.Raw)
	}
	return get(r.Data, "attachActivityProof", "application").(map[string]any)
}

// historyActions lists the actions of an application's history.
func historyActions(app map[string]any) []string {
	var out []string
	for _, h := range get(app, "history").([]any) {
		out = append(out, get(h, "action").(string))
	}
	return out
}

// activityPoints returns the points an application's activity counts.
func activityPoints(app map[string]any, activityID int) (int, string) {
	for _, a := range get(app, "points", "activities").([]any) {
		if num(get(a, "activityId")) == activityID {
			return num(get(a, "points")), get(a, "rule", "code").(string)
		}
	}
	return -1, ""
}

// submitAndPay submits a draft and has staff pay its $75 fee: it is then IN_REVIEW.
func submitAndPay(t *testing.T, e *env, candidate, staff string, app map[string]any) map[string]any {
	t.Helper()
	app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { applications { `+integrityFields+` } userErrors { field message } } }`,
		map[string]any{"id": app["id"], "v": app["version"]})
	return appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 7500, reference: "RCPT") { applications { `+integrityFields+` } userErrors { field message } } }`,
		map[string]any{"id": app["id"], "v": app["version"]})
}

const saveActivity = `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { ` + integrityFields + ` } userErrors { field code message } } }`

func TestParallelCreatesLeaveOneOpenApplication(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		expires := e.now.UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
		const rounds, n = 5, 10
		for round := range rounds {
			candidate := registerHolder(t, e, fmt.Sprintf("C-20%02d", 10+round), expires, expires)
			e.okAs(t, candidate, `{ viewer { candidate { msscCandidateId } } }`, nil)
			payloads := together.Run(n, func(int) map[string]any {
				return mutate(t, e, candidate, `mutation { createApplication(program: CPT) { application { id } userErrors { field code message } } }`, nil)
			})
			created := 0
			for _, p := range payloads {
				switch codes := userErrorCodes(p); {
				case p["application"] != nil && len(codes) == 0:
					created++
				case fmt.Sprint(codes) != "[program:CONFLICT]":
					t.Errorf("a losing create answered %v", p)
				}
			}
			mine := e.okAs(t, candidate, `{ myApplications { id program } }`, nil)
			if created != 1 || len(get(mine, "myApplications").([]any)) != 1 {
				t.Errorf("round %d: %d of %d parallel creates succeeded; the candidate has %v", round, created, n, mine)
			}
		}
	})
}

func TestParallelIdempotentReplaysGetTheOriginalAnswer(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate, expires := holderExpiringIn(t, e, "C-2002", 30)
		const n = 10
		replay := func(mutation string, vars map[string]any) []map[string]any {
			return together.Run(n, func(int) map[string]any { return mutate(t, e, candidate, mutation, vars) })
		}
		creates := replay(`mutation { createApplication(program: CPT, idempotencyKey: "create-CPT") { application { id version } userErrors { field code message } } }`, nil)
		for _, p := range creates {
			if len(userErrorCodes(p)) != 0 || get(p, "application", "id") != get(creates[0], "application", "id") {
				t.Fatalf("parallel replays of one create answered %v and %v", creates[0], p)
			}
		}
		app := buildToHundredPoints(t, e, candidate, "CPT", expires)
		if app["id"] != get(creates[0], "application", "id") {
			t.Fatalf("the create key made another application: %v", app["id"])
		}
		submits := replay(`mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v], idempotencyKey: "submit-once") { applications { id status version } userErrors { field code message } } }`,
			map[string]any{"id": app["id"], "v": app["version"]})
		for _, p := range submits {
			if len(userErrorCodes(p)) != 0 || get(p, "applications", 0, "status") != "SUBMITTED" || get(p, "applications", 0, "version") != get(submits[0], "applications", 0, "version") {
				t.Fatalf("parallel replays of one submission answered %v and %v", submits[0], p)
			}
		}
		final := e.okAs(t, candidate, `query($id: ID!) { application(id: $id) { `+integrityFields+` } }`, map[string]any{"id": app["id"]})
		if got := strings.Count(fmt.Sprint(historyActions(get(final, "application").(map[string]any))), "SUBMIT"); got != 1 {
			t.Errorf("%d submissions written for one key: %v", got, historyActions(get(final, "application").(map[string]any)))
		}
		if mine := e.okAs(t, candidate, `{ myApplications { id } }`, nil); len(get(mine, "myApplications").([]any)) != 1 {
			t.Errorf("the candidate has %v", mine)
		}
	})
}

func TestExtensionIsOneStateGrantedOnce(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate, expires := holderExpiringIn(t, e, "C-2003", 10)
		staffA, staffB := e.token(t, catalog.RoleStaff, "staff-a"), e.token(t, catalog.RoleStaff, "staff-b")
		request := `mutation($id: ID!, $v: Int!, $d: Date!) { requestExtension(applicationId: $id, version: $v, courseEndsOn: $d, reason: "welding course") { application { ` + integrityFields + ` } userErrors { field code message } } }`
		grant := `mutation($id: ID!, $v: Int!) { grantExtension(applicationId: $id, version: $v, reason: "course confirmed") { application { ` + integrityFields + ` } userErrors { field code message } } }`
		refuse := `mutation($id: ID!, $v: Int!) { refuseExtension(applicationId: $id, version: $v, reason: "the course is not related") { application { ` + integrityFields + ` } userErrors { field code message } } }`
		courseEnds := expires.AddDate(0, 0, 20).Format("2006-01-02")
		until := expires.AddDate(0, 0, 90).Format("2006-01-02")

		app := appCall(t, e, candidate, `mutation { createApplication(program: CPT) { application { `+integrityFields+` } userErrors { field message } } }`, nil)
		app = appCall(t, e, candidate, request, map[string]any{"id": app["id"], "v": app["version"], "d": courseEnds})
		if get(app, "extension", "status") != "REQUESTED" || get(app, "extension", "until") != nil {
			t.Fatalf("requested extension = %v", app["extension"])
		}
		app = appCall(t, e, staffA, grant, map[string]any{"id": app["id"], "v": app["version"]})
		if get(app, "extension", "status") != "GRANTED" || get(app, "extension", "until") != until || get(app, "extension", "decidedBy") != "staff-a" {
			t.Fatalf("granted extension = %v", app["extension"])
		}
		again := mutate(t, e, candidate, request, map[string]any{"id": app["id"], "v": app["version"], "d": courseEnds})
		if fmt.Sprint(userErrorCodes(again)) != "[applicationId:CONFLICT]" || !strings.Contains(fmt.Sprint(again["userErrors"]), until) {
			t.Errorf("a second request after the grant answered %v, want a CONFLICT naming %s", again, until)
		}
		twice := mutate(t, e, staffB, grant, map[string]any{"id": app["id"], "v": app["version"]})
		if fmt.Sprint(userErrorCodes(twice)) != "[applicationId:CONFLICT]" {
			t.Errorf("a second grant answered %v", twice)
		}
		late := mutate(t, e, staffB, refuse, map[string]any{"id": app["id"], "v": app["version"]})
		if fmt.Sprint(userErrorCodes(late)) != "[applicationId:CONFLICT]" {
			t.Errorf("refusing a granted extension answered %v", late)
		}
		now := e.okAs(t, candidate, `query($id: ID!) { application(id: $id) { `+integrityFields+` } }`, map[string]any{"id": app["id"]})
		kept := get(now, "application").(map[string]any)
		if kept["version"] != app["version"] || get(kept, "extension", "until") != until || kept["lastDayToSubmit"] != until {
			t.Errorf("after the refused requests the application is %v", kept)
		}
		if fmt.Sprint(historyActions(kept)) != "[CREATE REQUEST_EXTENSION GRANT_EXTENSION]" {
			t.Errorf("history = %v", historyActions(kept))
		}

		other := registerHolder(t, e, "C-2004", expires, expires)
		refused := appCall(t, e, other, `mutation { createApplication(program: CLT) { application { `+integrityFields+` } userErrors { field message } } }`, nil)
		refused = appCall(t, e, other, request, map[string]any{"id": refused["id"], "v": refused["version"], "d": courseEnds})
		refused = appCall(t, e, staffA, refuse, map[string]any{"id": refused["id"], "v": refused["version"]})
		if get(refused, "extension", "status") != "REFUSED" || get(refused, "extension", "decision") != "the course is not related" || refused["lastDayToSubmit"] != expires.Format("2006-01-02") {
			t.Errorf("refused extension = %v, last day %v", refused["extension"], refused["lastDayToSubmit"])
		}
		for name, p := range map[string]map[string]any{
			"request after a refusal": mutate(t, e, other, request, map[string]any{"id": refused["id"], "v": refused["version"], "d": courseEnds}),
			"grant after a refusal":   mutate(t, e, staffB, grant, map[string]any{"id": refused["id"], "v": refused["version"]}),
		} {
			if fmt.Sprint(userErrorCodes(p)) != "[applicationId:CONFLICT]" {
				t.Errorf("%s answered %v", name, p)
			}
		}
	})
}

func TestGrantedExtensionCountsTheCourseAndKeepsTheCycles(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		expires := e.now.UTC().AddDate(0, 0, 10).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "C-2005", expires, expires.AddDate(2, 0, 0))
		staff := e.token(t, catalog.RoleStaff, "staff-x")
		app := buildToHundredPoints(t, e, candidate, "CPT", expires)
		courseOn := expires.AddDate(0, 0, 20)
		app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!, $d: Date!) { requestExtension(applicationId: $id, version: $v, courseEndsOn: $d, reason: "forklift course") { application { `+integrityFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": app["version"], "d": courseOn.Format("2006-01-02")})
		app = appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { grantExtension(applicationId: $id, version: $v, reason: "course confirmed") { application { `+integrityFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": app["version"]})
		until := expires.AddDate(0, 0, 90).Format("2006-01-02")
		held := func() map[string]any {
			viewer := e.okAs(t, candidate, `{ viewer { candidate { heldCertifications { program certifiedOn expiresOn } } } }`, nil)
			for _, h := range get(viewer, "viewer", "candidate", "heldCertifications").([]any) {
				if get(h, "program") == "CPT" {
					return h.(map[string]any)
				}
			}
			t.Fatal("the candidate holds no CPT")
			return nil
		}
		if h := held(); h["expiresOn"] != until {
			t.Errorf("the held CPT after the grant = %v, want it to expire on %s", h, until)
		}

		e.advance(time.Until(courseOn.AddDate(0, 0, 5)))
		course := map[string]any{"category": "CONTINUING_EDUCATION", "activityTypeKey": "ce-third-party", "title": "Forklift operator training, Acme",
			"completedOn": courseOn.Format("2006-01-02")}
		app = appCall(t, e, candidate, saveActivity, map[string]any{"id": app["id"], "v": app["version"], "a": course})
		if points, rule := activityPoints(app, 3); points != 10 {
			t.Fatalf("a course completed inside the granted extension earns %d (%s), want 10", points, rule)
		}
		app = attachProof(t, e, candidate, app, 3)
		app = submitAndPay(t, e, candidate, staff, app)
		app = appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { approveApplication(applicationId: $id, version: $v, reason: "proved") { application { `+integrityFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": app["version"]})
		next := expires.AddDate(5, 0, 0).Format("2006-01-02")
		if app["newExpiresOn"] != next {
			t.Errorf("approval after an extension set %v, want 5 years after the original expiration: %s", app["newExpiresOn"], next)
		}
		if h := held(); h["certifiedOn"] != expires.AddDate(0, 0, 1).Format("2006-01-02") || h["expiresOn"] != next {
			t.Errorf("the next cycle is %v, want it to start the day after %s and end on %s", h, expires.Format("2006-01-02"), next)
		}

		following := appCall(t, e, candidate, `mutation { createApplication(program: CPT) { application { `+integrityFields+` } userErrors { field message } } }`, nil)
		if get(following, "cycle", "certifiedOn") != expires.AddDate(0, 0, 1).Format("2006-01-02") {
			t.Errorf("the next application's cycle = %v", following["cycle"])
		}
		claimed := mutate(t, e, candidate, saveActivity, map[string]any{"id": following["id"], "v": following["version"], "a": course})
		if fmt.Sprint(userErrorCodes(claimed)) != "[activity.completedOn:CONFLICT]" {
			t.Errorf("claiming the extension's course again in the next cycle answered %v", claimed)
		}
		renamed := map[string]any{"category": "CONTINUING_EDUCATION", "activityTypeKey": "ce-third-party", "title": "forklift OPERATOR training - Acme",
			"completedOn": courseOn.Format("2006-01-02")}
		if again := mutate(t, e, candidate, saveActivity, map[string]any{"id": following["id"], "v": following["version"], "a": renamed}); fmt.Sprint(userErrorCodes(again)) != "[activity.completedOn:CONFLICT]" {
			t.Errorf("the same course written differently answered %v", again)
		}
	})
}

func TestReviewerFiguresStayInsideTheRules(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate, expires := holderExpiringIn(t, e, "C-2006", 30)
		staff := e.token(t, catalog.RoleStaff, "staff-r")
		app := buildToHundredPoints(t, e, candidate, "CPT", expires)
		start := expires.AddDate(-5, 0, 0)
		for _, a := range []map[string]any{
			{"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": "Food bank warehouse", "completedOn": start.AddDate(2, 0, 0).Format("2006-01-02"), "hours": 16},
			{"category": "EMPLOYMENT", "activityTypeKey": "e-other-instructor", "title": "Welding instructor, county college",
				"startOn": start.AddDate(1, 0, 0).Format("2006-01-02"), "endOn": start.AddDate(3, 0, 0).AddDate(0, 0, -1).Format("2006-01-02"), "coursesTaught": []any{map[string]any{"year": 2, "courses": 1}, map[string]any{"year": 3, "courses": 1}}},
		} {
			app = appCall(t, e, candidate, saveActivity, map[string]any{"id": app["id"], "v": app["version"], "a": a})
		}
		app = attachProof(t, e, candidate, attachProof(t, e, candidate, app, 3), 4)
		app = submitAndPay(t, e, candidate, staff, app)
		set := `mutation($id: ID!, $v: Int!, $a: Int!, $p: Int!) { setActivityPoints(applicationId: $id, version: $v, activityId: $a, points: $p, reason: "checked the proof") { application { ` + integrityFields + ` } userErrors { field code message } } }`
		for _, c := range []struct {
			name     string
			activity int
			points   int
		}{
			{"0 on a certification", 2, 0},
			{"a figure other than the fixed row's", 2, 9},
			{"0 on an Extra activity", 3, 0},
			{"6 on an Extra activity", 3, 6},
			{"more than 10 a year on two years of other instruction", 4, 21},
			{"more than 20 a year on the five-year job", 1, 101},
		} {
			t.Run(c.name, func(t *testing.T) {
				p := mutate(t, e, staff, set, map[string]any{"id": app["id"], "v": app["version"], "a": c.activity, "p": c.points})
				if fmt.Sprint(userErrorCodes(p)) != "[points:BAD_USER_INPUT]" {
					t.Errorf("setting %d on activity %d answered %v", c.points, c.activity, p)
				}
			})
		}
		for _, c := range []struct{ activity, points int }{{2, 10}, {3, 5}, {4, 20}, {1, 100}} {
			app = appCall(t, e, staff, set, map[string]any{"id": app["id"], "v": app["version"], "a": c.activity, "p": c.points})
			if got, _ := activityPoints(app, c.activity); got != c.points {
				t.Errorf("activity %d counts %d after the reviewer set %d", c.activity, got, c.points)
			}
		}
		a3 := get(app, "activities", 2).(map[string]any)
		if a3["reviewerSetBy"] != "staff-r" || a3["reviewerSetAt"] == nil || a3["reviewerReason"] != "checked the proof" {
			t.Errorf("the reviewer's figure keeps %v", a3)
		}
		app = appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { refuseActivity(applicationId: $id, version: $v, activityId: 3, code: NOT_RELATED, reason: "a toy drive at a school") { application { `+integrityFields+` } userErrors { field code message } } }`,
			map[string]any{"id": app["id"], "v": app["version"]})
		if got, _ := activityPoints(app, 3); got != 0 || get(app, "activities", 2, "refusal", "code") != "NOT_RELATED" || get(app, "activities", 2, "refusal", "by") != "staff-r" {
			t.Errorf("the refused activity counts %d with %v", got, get(app, "activities", 2))
		}
		blank := mutate(t, e, staff, `mutation($id: ID!, $v: Int!) { refuseActivity(applicationId: $id, version: $v, activityId: 2, code: OTHER, reason: " ") { userErrors { field code } } }`,
			map[string]any{"id": app["id"], "v": app["version"]})
		if fmt.Sprint(userErrorCodes(blank)) != "[reason:BAD_USER_INPUT]" {
			t.Errorf("a refusal without a reason answered %v", blank)
		}
		var sets []map[string]any
		for _, h := range get(app, "history").([]any) {
			if a := get(h, "action"); a == "SET_POINTS" || a == "REFUSE_ACTIVITY" {
				sets = append(sets, h.(map[string]any))
			}
		}
		if len(sets) != 5 {
			t.Fatalf("history = %v, want 4 SET_POINTS and a REFUSE_ACTIVITY", historyActions(app))
		}
		for _, h := range sets {
			if h["actor"] != "staff-r" || h["at"] == nil || !strings.Contains(fmt.Sprint(h["reason"]), "activity") {
				t.Errorf("a reviewer's change in history = %v", h)
			}
		}
	})
}

func TestNoPaymentIsRecordedWhereNoFeeIsDue(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate, expires := holderExpiringIn(t, e, "C-2007", 30)
		staff := e.token(t, catalog.RoleStaff, "staff-p")
		app := submitAndPay(t, e, candidate, staff, buildToHundredPoints(t, e, candidate, "CPT", expires))
		app = appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { denyApplication(applicationId: $id, version: $v, reasons: ["not related"]) { application { `+integrityFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": app["version"]})
		app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!) { requestDetailedReview(applicationId: $id, version: $v, reason: "it is related") { application { `+integrityFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": app["version"]})
		if app["feeKind"] != "DETAILED_REVIEW" || num(get(app, "feeDue", "cents")) != 0 {
			t.Fatalf("a detailed review within 30 days = %v", app)
		}
		paid := mutate(t, e, staff, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 0, reference: "FREE") { applications { id } userErrors { field code message } } }`,
			map[string]any{"id": app["id"], "v": app["version"]})
		if fmt.Sprint(userErrorCodes(paid)) != "[applicationId:CONFLICT]" {
			t.Errorf("a $0 payment on a free review answered %v", paid)
		}
		now := get(e.okAs(t, staff, `query($id: ID!) { application(id: $id) { `+integrityFields+` } }`, map[string]any{"id": app["id"]}), "application").(map[string]any)
		if len(now["payments"].([]any)) != 1 || now["version"] != app["version"] {
			t.Errorf("payments after the refused $0 payment = %v", now["payments"])
		}
		decided := appCall(t, e, e.token(t, catalog.RoleStaff, "staff-q"), `mutation($id: ID!, $v: Int!) { grantDetailedReview(applicationId: $id, version: $v, reason: "related after all") { application { `+integrityFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": app["version"]})
		if decided["status"] != "APPROVED" {
			t.Errorf("the free review could not be decided: %v", decided)
		}
	})
}

func TestEveryChangeIsInHistory(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate, expires := holderExpiringIn(t, e, "C-2008", 30)
		app := buildToHundredPoints(t, e, candidate, "CLT", expires)
		app = appCall(t, e, candidate, saveActivity, map[string]any{"id": app["id"], "v": app["version"], "a": map[string]any{
			"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": "Toy drive warehouse", "completedOn": e.now.AddDate(0, -2, 0).Format("2006-01-02"), "hours": 8}})
		app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!) { removeApplicationActivity(applicationId: $id, version: $v, activityId: 3) { application { `+integrityFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": app["version"]})
		history := get(app, "history").([]any)
		if fmt.Sprint(historyActions(app)) != "[CREATE EDIT EDIT EDIT EDIT EDIT EDIT]" || num(app["version"]) != len(history) {
			t.Fatalf("history = %v at version %v", historyActions(app), app["version"])
		}
		for _, want := range []string{`added activity "Production associate`, `attached proof "proof.pdf" to activity 2`, `added activity "Toy drive warehouse"`, "removed activity 3"} {
			found := false
			for _, h := range history {
				if strings.Contains(fmt.Sprint(get(h, "reason")), want) && get(h, "actor") == "C-2008" && get(h, "at") != nil {
					found = true
				}
			}
			if !found {
				t.Errorf("no history entry says %q by the candidate: %v", want, history)
			}
		}
	})
}

// TestParallelEditsOfOneVersionWriteOneHistoryEvent sends twenty edits of
// one application version at once: one is saved, with one history event,
// and every other is refused as stale without a trace in the history,
// which is written in the edit's own transaction.
func TestParallelEditsOfOneVersionWriteOneHistoryEvent(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		expires := e.now.UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "C-2012", expires, expires)
		app := appCall(t, e, candidate, `mutation { createApplication(program: CPT) { application { `+integrityFields+` } userErrors { field message } } }`, nil)
		const n = 20
		var saved int
		for i, p := range together.Run(n, func(int) map[string]any {
			return mutate(t, e, candidate, saveActivity, map[string]any{"id": app["id"], "v": app["version"], "a": map[string]any{
				"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": "Toy drive warehouse", "completedOn": e.now.AddDate(0, -2, 0).Format("2006-01-02"), "hours": 8}})
		}) {
			switch codes := fmt.Sprint(userErrorCodes(p)); codes {
			case "[]":
				saved++
			case "[version:CONFLICT]":
			default:
				t.Errorf("edit %d of one version answered %v", i, p)
			}
		}
		now := get(e.okAs(t, candidate, `query($id: ID!) { application(id: $id) { `+integrityFields+` } }`, map[string]any{"id": app["id"]}), "application").(map[string]any)
		if saved != 1 || fmt.Sprint(historyActions(now)) != "[CREATE EDIT]" || num(now["version"]) != 2 || len(now["activities"].([]any)) != 1 {
			t.Errorf("%d of %d parallel edits of one version were saved; the application is at version %v with %d activities and the history %v",
				saved, n, now["version"], len(now["activities"].([]any)), historyActions(now))
		}
	})
}

func TestParallelGrantsGrantTheExtensionOnce(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate, expires := holderExpiringIn(t, e, "C-2009", 10)
		app := appCall(t, e, candidate, `mutation { createApplication(program: CPT) { application { `+integrityFields+` } userErrors { field message } } }`, nil)
		app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!, $d: Date!) { requestExtension(applicationId: $id, version: $v, courseEndsOn: $d, reason: "welding course") { application { `+integrityFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": app["version"], "d": expires.AddDate(0, 0, 30).Format("2006-01-02")})
		const n = 20
		tokens := make(chan string, n)
		for i := range n {
			tokens <- e.token(t, catalog.RoleStaff, fmt.Sprintf("staff-%d", i))
		}
		payloads := together.Run(n, func(int) map[string]any {
			return mutate(t, e, <-tokens, `mutation($id: ID!, $v: Int!) { grantExtension(applicationId: $id, version: $v, reason: "confirmed") { application { id } userErrors { field code } } }`,
				map[string]any{"id": app["id"], "v": app["version"]})
		})
		granted := 0
		for _, p := range payloads {
			switch codes := userErrorCodes(p); {
			case len(codes) == 0:
				granted++
			case fmt.Sprint(codes) != "[version:CONFLICT]" && fmt.Sprint(codes) != "[applicationId:CONFLICT]":
				t.Errorf("a losing grant answered %v", p)
			}
		}
		after := get(e.okAs(t, candidate, `query($id: ID!) { application(id: $id) { version } }`, map[string]any{"id": app["id"]}), "application", "version")
		for i := range n {
			tokens <- e.token(t, catalog.RoleStaff, fmt.Sprintf("staff-%d", n+i))
		}
		again := together.Run(n, func(int) map[string]any {
			return mutate(t, e, <-tokens, `mutation($id: ID!, $v: Int!) { grantExtension(applicationId: $id, version: $v, reason: "confirmed") { application { id } userErrors { field code } } }`,
				map[string]any{"id": app["id"], "v": after})
		})
		for _, p := range again {
			if codes := userErrorCodes(p); fmt.Sprint(codes) != "[version:CONFLICT]" && fmt.Sprint(codes) != "[applicationId:CONFLICT]" {
				t.Errorf("a grant of the granted extension answered %v", p)
			}
		}
		final := get(e.okAs(t, candidate, `query($id: ID!) { application(id: $id) { `+integrityFields+` } }`, map[string]any{"id": app["id"]}), "application").(map[string]any)
		if granted != 1 || fmt.Sprint(historyActions(final)) != "[CREATE REQUEST_EXTENSION GRANT_EXTENSION]" {
			t.Errorf("%d of %d parallel grants succeeded; history %v", granted, n, historyActions(final))
		}
	})
}

func TestDecisionReasonsAreBounded(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate, expires := holderExpiringIn(t, e, "C-2010", 10)
		staff := e.token(t, catalog.RoleStaff, "staff-l")
		app := appCall(t, e, candidate, `mutation { createApplication(program: CPT) { application { `+integrityFields+` } userErrors { field message } } }`, nil)
		request := `mutation($id: ID!, $v: Int!, $d: Date!, $r: String!) { requestExtension(applicationId: $id, version: $v, courseEndsOn: $d, reason: $r) { application { id } userErrors { field code } } }`
		for reason, mention := range map[string]string{strings.Repeat("welding ", 25000): "at most", "welding\x00course": "NUL"} {
			vars := map[string]any{"id": app["id"], "v": app["version"], "d": expires.AddDate(0, 0, 20).Format("2006-01-02"), "r": reason}
			expectRefusedText(t, e.post(t, candidate, request, vars), "reason", mention)
		}
		app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!, $d: Date!) { requestExtension(applicationId: $id, version: $v, courseEndsOn: $d, reason: "welding course") { application { `+integrityFields+` } userErrors { field message } } }`,
			map[string]any{"id": app["id"], "v": app["version"], "d": expires.AddDate(0, 0, 20).Format("2006-01-02")})
		if app["version"] != float64(2) {
			t.Errorf("the refused requests changed the application: version %v", app["version"])
		}
		expectRefusedText(t, e.post(t, staff, `mutation($id: ID!, $v: Int!, $r: String!) { refuseExtension(applicationId: $id, version: $v, reason: $r) { application { id } userErrors { field code } } }`,
			map[string]any{"id": app["id"], "v": app["version"], "r": strings.Repeat("x", 2001)}), "reason", "at most")
	})
}
