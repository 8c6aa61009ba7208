package apitest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
)

// travelTo sets the services' "today" as APP_CLOCK does, so that a
// lifecycle test runs on the day it needs instead of back-dating rows.
func (e *env) travelTo(t *testing.T, setting string) {
	t.Helper()
	clock, err := catalog.ParseClockSetting(setting)
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Store(clock.Clock(time.Now)())
}

// userError returns the only user error of a payload, failing otherwise.
func userError(t *testing.T, payload any) map[string]any {
	t.Helper()
	errs, _ := get(payload, "userErrors").([]any)
	if len(errs) != 1 {
		t.Fatalf("want exactly one user error, got %v", payload)
	}
	return errs[0].(map[string]any)
}

func TestSubmissionRefusalsSayWhatToDo(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		e.travelTo(t, "2027-04-01")
		expires := time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)
		candidate := registerHolder(t, e, "C-R100", expires, expires.AddDate(1, 0, 0))
		app := appCall(t, e, candidate, `mutation { createApplication(program: CPT) { application { id version } userErrors { field message } } }`, nil)
		save := `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) {
			application { id version points { total required shortfall byCategory { category points } } } userErrors { field message } } }`
		submit := `mutation($ids: [ID!]!, $vs: [Int!]!) { submitApplications(applicationIds: $ids, versions: $vs) { applications { id } userErrors { field code message } } }`
		app = appCall(t, e, candidate, save, map[string]any{"id": app["id"], "v": app["version"], "a": map[string]any{
			"category": "EMPLOYMENT", "activityTypeKey": "e-direct", "title": "Line lead, Acme Plastics", "startOn": "2024-05-01", "weeklyHours": 40, "ongoing": true}})
		if num(get(app, "points", "shortfall")) == 0 {
			t.Fatalf("the claim should fall short: %v", get(app, "points"))
		}

		short := userError(t, get(e.okAs(t, candidate, submit, map[string]any{"ids": []any{app["id"]}, "vs": []any{app["version"]}}), "submitApplications"))
		msg := short["message"].(string)
		if fmt.Sprint(short["field"]) != "[applicationIds 0]" || short["code"] != "BAD_USER_INPUT" {
			t.Errorf("a short submission is refused on %v (%v); want [applicationIds 0], an argument of submitApplications", short["field"], short["code"])
		}
		wants := []string{fmt.Sprintf("has %d points", num(get(app, "points", "total"))), fmt.Sprintf("%d are required", num(get(app, "points", "required"))),
			fmt.Sprintf("%d more are needed", num(get(app, "points", "shortfall")))}
		names := map[string]string{"CONTINUING_EDUCATION": "Continuing Education", "INDUSTRY_CERTIFICATION": "Industry Certification", "EMPLOYMENT": "Employment", "EXTRA": "Extra"}
		for _, c := range get(app, "points", "byCategory").([]any) {
			wants = append(wants, fmt.Sprintf("%s %d", names[get(c, "category").(string)], num(get(c, "points"))))
		}
		for _, want := range wants {
			if !strings.Contains(msg, want) {
				t.Errorf("the shortfall refusal %q does not say %q", msg, want)
			}
		}

		stale := userError(t, get(e.okAs(t, candidate, submit, map[string]any{"ids": []any{app["id"]}, "vs": []any{1}}), "submitApplications"))
		if fmt.Sprint(stale["field"]) != "[versions 0]" {
			t.Errorf("a stale version is refused on %v, want [versions 0]", stale["field"])
		}
		bogus := userError(t, get(e.okAs(t, candidate, submit, map[string]any{"ids": []any{app["id"], "not-an-id"}, "vs": []any{app["version"], 1}}), "submitApplications"))
		if fmt.Sprint(bogus["field"]) != "[applicationIds 1]" {
			t.Errorf("an unreadable ID is refused on %v, want [applicationIds 1]", bogus["field"])
		}
		tooMany := userError(t, get(e.okAs(t, candidate, submit, map[string]any{"ids": []any{}, "vs": []any{}}), "submitApplications"))
		if fmt.Sprint(tooMany["field"]) != "[applicationIds]" {
			t.Errorf("an empty submission is refused on %v, want [applicationIds]", tooMany["field"])
		}
	})
}

func TestMissingProofRefusalNamesEveryActivity(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		e.travelTo(t, "2027-04-01")
		expires := time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)
		candidate := registerHolder(t, e, "C-R200", expires, expires.AddDate(1, 0, 0))
		app := buildToHundredPoints(t, e, candidate, "CPT", expires)
		save := `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { id version } userErrors { field message } } }`
		for _, a := range []map[string]any{
			{"category": "CONTINUING_EDUCATION", "activityTypeKey": "ce-third-party", "title": "Lockout/tagout refresher", "completedOn": "2025-03-14"},
			{"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": "Food bank warehouse", "completedOn": "2026-02-07", "hours": 16},
		} {
			app = appCall(t, e, candidate, save, map[string]any{"id": app["id"], "v": app["version"], "a": a})
		}
		refused := userError(t, get(e.okAs(t, candidate, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { userErrors { field code message } } }`,
			map[string]any{"id": app["id"], "v": app["version"]}), "submitApplications"))
		msg := refused["message"].(string)
		for _, want := range []string{"activity 3 (Lockout/tagout refresher)", "activity 4 (Food bank warehouse)"} {
			if !strings.Contains(msg, want) {
				t.Errorf("the missing-proof refusal %q does not name %s", msg, want)
			}
		}
		if strings.Contains(msg, "activity 1 ") || strings.Contains(msg, "activity 2 ") || fmt.Sprint(refused["field"]) != "[applicationIds 0]" {
			t.Errorf("the refusal names activities with proof or the wrong argument: %v", refused)
		}
	})
}

func TestApplicationForACertificationPastAnyExtensionIsRefused(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		e.travelTo(t, "2027-04-01")
		candidate := registerHolder(t, e, "C-R300", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
		create := `mutation($p: Program!) { createApplication(program: $p) { application { id status } userErrors { field code message } } }`
		refused := get(e.okAs(t, candidate, create, map[string]any{"p": "CPT"}), "createApplication")
		u := userError(t, refused)
		if get(refused, "application") != nil || fmt.Sprint(u["field"]) != "[program]" || u["code"] != "BAD_USER_INPUT" ||
			!strings.Contains(u["message"].(string), "expired on 2026-12-01") || !strings.Contains(u["message"].(string), "ended on 2027-03-01") {
			t.Errorf("a CPT expired on 2026-12-01, past its 90 days of extension on 2027-04-01: %v", refused)
		}
		mine := e.okAs(t, candidate, `{ myApplications { id } }`, nil)
		if n := len(get(mine, "myApplications").([]any)); n != 0 {
			t.Errorf("the refusal left %d applications", n)
		}

		// The CLT expired a month ago: an extension could still cover a course, so a draft may start.
		draft := get(e.okAs(t, candidate, create, map[string]any{"p": "CLT"}), "createApplication")
		if get(draft, "application", "status") != "DRAFT" {
			t.Errorf("a CLT inside its extension period was refused: %v", draft)
		}
	})
}
