package apitest

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/internal/httpapi"
)

// saveActivityWithErrors is the mutation that adds a claimed activity to a draft.
const saveActivityWithErrors = `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) {
	application { id version activities { activityId title } } userErrors { field code message } } }`

// expectRefusedText checks that a request was refused before it ran with
// BAD_USER_INPUT naming field.
func expectRefusedText(t *testing.T, r rawResponse, field, mention string) {
	t.Helper()
	got := r.expect(t, http.StatusOK, "BAD_USER_INPUT")
	if got.Errors[0].Extensions["field"] != field || !strings.Contains(got.Errors[0].Message, mention) {
		t.Errorf("want BAD_USER_INPUT on %s mentioning %q: %s", field, mention, r.Body)
	}
	if got.Data != nil {
		t.Errorf("a refused operation has no data: %s", r.Body)
	}
}

// aliceWithDraft registers C-1001, whose CPT expires in two months and
// CLT a year later, and starts her CPT application; it returns her token
// and the draft.
func aliceWithDraft(t *testing.T, e *env) (string, map[string]any) {
	t.Helper()
	exp := e.now.AddDate(0, 2, 0)
	alice := registerHolder(t, e, "C-1001", exp, exp.AddDate(1, 0, 0))
	return alice, appCall(t, e, alice, `mutation { createApplication(program: CPT) { application { id version } userErrors { field message } } }`, nil)
}

// TestNULIsRefusedInEveryTextArgument checks that a NUL character in any
// string argument, as a variable or a literal, at any depth, answers
// BAD_USER_INPUT naming the argument, on both databases, and that nothing
// is stored.
func TestNULIsRefusedInEveryTextArgument(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		alice, app := aliceWithDraft(t, e)
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		before := e.rowCounts(t)
		for _, tc := range []struct {
			name, token, query string
			vars               map[string]any
			field              string
		}{
			{"idempotency key", alice, `mutation($k: String) { createApplication(program: CLT, idempotencyKey: $k) { application { id } userErrors { code } } }`,
				map[string]any{"k": "retry-\x00-1"}, "idempotencyKey"},
			{"idempotency key of a submission", alice, `mutation($id: ID!) { submitApplications(applicationIds: [$id], versions: [1], idempotencyKey: "a\u0000") { userErrors { code } } }`,
				map[string]any{"id": app["id"]}, "idempotencyKey"},
			{"an activity's title, as a literal", alice, `mutation($id: ID!, $v: Int!) { saveApplicationActivity(applicationId: $id, version: $v, activity: {category: EXTRA, activityTypeKey: "x-volunteer", title: "Food\u0000bank", completedOn: "2025-01-01", hours: 8}) { userErrors { code } } }`,
				map[string]any{"id": app["id"], "v": app["version"]}, "activity.title"},
			{"a staff reason", staff, `mutation($id: ID!, $r: String!) { grantExtension(applicationId: $id, version: 1, reason: $r) { userErrors { code } } }`,
				map[string]any{"id": app["id"], "r": "ok\x00"}, "reason"},
			{"a candidate's registration", staff, registerMutation,
				map[string]any{"in": map[string]any{"msscCandidateId": "C-7777", "name": "Eve\x00", "email": "eve@example.com"}}, "name"},
			{"one of several denial reasons", staff, `mutation($id: ID!, $r: [String!]!) { denyApplication(applicationId: $id, version: 1, reasons: $r) { userErrors { code } } }`,
				map[string]any{"id": app["id"], "r": []string{"fine", "not\x00fine"}}, "reasons.1"},
			{"a search", "", `query($s: String) { certifications(filter: {search: $s}) { totalCount } }`,
				map[string]any{"s": "OSHA\x00"}, "filter.search"},
			{"a credential check in a list", "", `query($ins: [CredentialCheckInput!]!) { checkCredentials(inputs: $ins) { verdict } }`,
				map[string]any{"ins": []any{map[string]any{"text": "CSP"}, map[string]any{"text": "CWI", "issuer": "AWS\x00"}}}, "inputs.1.issuer"},
			{"a cursor", "", `query($c: String) { organizations(first: 1, after: $c) { totalCount } }`,
				map[string]any{"c": "\x00"}, "after"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				expectRefusedText(t, e.post(t, tc.token, tc.query, tc.vars), tc.field, "NUL")
			})
		}
		t.Run("a review submission", func(t *testing.T) {
			in := submission(t, e, "Certified\x00 Widget Rigger", "Widget Rigging Board")
			r := e.upload(t, alice, submitMutation, map[string]any{"in": in}, "variables.in.copy", "copy.pdf", pdf)
			if r.code(t) != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "certificationName" {
				t.Errorf("NUL in a submission: %s", r.Raw)
			}
		})
		e.nothingWritten(t, before)
	})
}

// TestIntrospectionInProductionAnswersItsOwnCode checks that asking for
// the schema where introspection is off is answered with
// INTROSPECTION_DISABLED and logged below error level.
func TestIntrospectionInProductionAnswersItsOwnCode(t *testing.T) {
	var mu sync.Mutex
	var logged bytes.Buffer
	logger := slog.New(slog.NewTextHandler(lockedWriter{&mu, &logged}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	prod := newEnvWith(t, "sqlite", func(c *httpapi.Config) { c.Production, c.Logger = true, logger })
	for _, q := range []string{
		`{ __schema { types { name } } }`,
		`{ __type(name: "Certification") { fields { name } } }`,
		`query { catalogVersion ...F } fragment F on Query { __schema { queryType { name } } }`,
	} {
		r := prod.post(t, "", q, nil).expect(t, http.StatusOK, "INTROSPECTION_DISABLED")
		if !strings.Contains(r.Errors[0].Message, "introspection is disabled") || r.Data != nil {
			t.Errorf("%s: %s", q, r.Raw)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Contains(logged.String(), "level=ERROR") || !strings.Contains(logged.String(), "introspection refused") {
		t.Errorf("introspection must be logged below error level:\n%s", logged.String())
	}
}

// lockedWriter serialises writes to a buffer shared with the server.
type lockedWriter struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// TestFreeTextHasItsDocumentedLimit checks that a text longer than the
// limit its schema description states answers BAD_USER_INPUT naming the
// field, with nothing stored, and that a text of exactly the limit is
// accepted.
func TestFreeTextHasItsDocumentedLimit(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		alice, app := aliceWithDraft(t, e)
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		activity := func(title string) map[string]any {
			return map[string]any{"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": title,
				"completedOn": e.now.AddDate(0, -1, 0).Format("2006-01-02"), "hours": 8}
		}
		before := e.rowCounts(t)
		for _, tc := range []struct {
			name, token, query string
			vars               map[string]any
			field              string
			limit              int
		}{
			{"an activity title of 200,000 characters", alice, saveActivityWithErrors,
				map[string]any{"id": app["id"], "v": app["version"], "a": activity(strings.Repeat("t", 200_000))}, "activity.title", 300},
			{"an idempotency key", alice, `mutation($k: String) { createApplication(program: CLT, idempotencyKey: $k) { userErrors { code } } }`,
				map[string]any{"k": strings.Repeat("k", 201)}, "idempotencyKey", 200},
			{"a staff reason", staff, `mutation($id: ID!, $r: String!) { grantExtension(applicationId: $id, version: 1, reason: $r) { userErrors { code } } }`,
				map[string]any{"id": app["id"], "r": strings.Repeat("é", 2001)}, "reason", 2000},
			{"an answer to staff", alice, `mutation($r: String!) { provideReviewInformation(reviewId: "Q2F0YWxvZ1JldmlldzoxMjM", response: $r) { userErrors { code } } }`,
				map[string]any{"r": strings.Repeat("r", 5001)}, "response", 5000},
			{"contact details", alice, `mutation($in: ContactDetailsInput!) { updateMyContactDetails(input: $in) { userErrors { code } } }`,
				map[string]any{"in": map[string]any{"name": strings.Repeat("n", 201), "email": "a@example.com"}}, "name", 200},
			{"a cursor", "", `query($c: String) { certifications(first: 1, before: $c) { totalCount } }`,
				map[string]any{"c": strings.Repeat("c", 1001)}, "before", 1000},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := e.post(t, tc.token, tc.query, tc.vars)
				expectRefusedText(t, r, tc.field, "at most")
				if got := r.json(t).Errors[0].Extensions["limit"]; num(got) != tc.limit {
					t.Errorf("limit = %v, want %d", got, tc.limit)
				}
			})
		}
		t.Run("training requirements of a submission", func(t *testing.T) {
			in := submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")
			in["trainingRequirements"] = strings.Repeat("x", 5001)
			r := e.upload(t, alice, submitMutation, map[string]any{"in": in}, "variables.in.copy", "copy.pdf", pdf)
			if r.code(t) != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "trainingRequirements" {
				t.Errorf("a long submission: %s", r.Raw)
			}
		})
		e.nothingWritten(t, before)
		t.Run("a text of exactly the limit is accepted", func(t *testing.T) {
			title := strings.Repeat("é", 300)
			saved := appCall(t, e, alice, saveActivityWithErrors, map[string]any{"id": app["id"], "v": app["version"], "a": activity(title)})
			if get(saved, "activities", 0, "title") != title {
				t.Errorf("saved = %v", saved)
			}
		})
	})
}

// TestActivitiesPerApplicationAreCapped checks that an application holds
// at most MAX_ACTIVITIES_PER_APPLICATION activities (100 by default): one
// more answers BAD_USER_INPUT on the activity and is not stored, while an
// existing activity may still be replaced.
func TestActivitiesPerApplicationAreCapped(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		alice, app := aliceWithDraft(t, e)
		activity := map[string]any{"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": "Food bank",
			"completedOn": e.now.AddDate(0, -1, 0).Format("2006-01-02"), "hours": 8}
		save := `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) {
			application { id version } userErrors { field code message } } }`
		for range application.DefaultMaxActivities {
			app = appCall(t, e, alice, save, map[string]any{"id": app["id"], "v": app["version"], "a": activity})
		}
		r := e.okAs(t, alice, saveActivityWithErrors, map[string]any{"id": app["id"], "v": app["version"], "a": activity})
		errs := get(r, "saveApplicationActivity", "userErrors").([]any)
		if len(errs) != 1 || get(errs[0], "code") != "BAD_USER_INPUT" || mustJSON(t, get(errs[0], "field")) != `["activity"]` ||
			!strings.Contains(get(errs[0], "message").(string), "at most 100 activities") || get(r, "saveApplicationActivity", "application") != nil {
			t.Fatalf("the 101st activity: %v", r)
		}
		stored := e.okAs(t, alice, `query($id: ID!) { application(id: $id) { version activities { activityId } } }`, map[string]any{"id": app["id"]})
		if n := len(get(stored, "application", "activities").([]any)); n != 100 || num(get(stored, "application", "version")) != num(app["version"]) {
			t.Errorf("stored activities = %d, version %v (was %v)", n, get(stored, "application", "version"), app["version"])
		}
		replaced := map[string]any{"activityId": 7, "category": "EXTRA", "activityTypeKey": "x-volunteer", "title": "Toy drive",
			"completedOn": e.now.AddDate(0, -1, 0).Format("2006-01-02"), "hours": 8}
		appCall(t, e, alice, save, map[string]any{"id": app["id"], "v": app["version"], "a": replaced})
	})
}

// TestReviewNamesLoseInvisibleFormatting checks that bidirectional
// overrides and zero-width characters are removed from the names of a
// certification submitted for review, so that a name that only looks like
// another's joins the same review.
func TestReviewNamesLoseInvisibleFormatting(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		alice := e.token(t, catalog.RoleCandidate, "C-1001")
		bob := e.token(t, catalog.RoleCandidate, "C-1002")
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		first := submitOwn(t, e, alice, submission(t, e, "\u202eCertified\u200b Widget\u2066 Rigger\u2069\ufeff", "Widget\u200d Rigging\u200e Board"), pdf)
		if get(first, "review", "certificationName") != "Certified Widget Rigger" || get(first, "review", "organization", "name") != "Widget Rigging Board" {
			t.Errorf("names keep invisible characters: %q", []any{get(first, "review", "certificationName"), get(first, "review", "organization", "name")})
		}
		second := submitOwn(t, e, bob, submission(t, e, "Certified Widget Rigger", "Widget Rigging Board"), pdf)
		if get(second, "attachedToExistingReview") != true || get(second, "review", "id") != get(first, "review", "id") {
			t.Errorf("the same name without invisible characters opened another review: %v", second)
		}
		queue := e.okAs(t, staff, `{ catalogReviews { totalCount nodes { certificationName submitterCount } } }`, nil)
		if num(get(queue, "catalogReviews", "totalCount")) != 1 || get(queue, "catalogReviews", "nodes", 0, "certificationName") != "Certified Widget Rigger" {
			t.Errorf("queue = %v", queue)
		}
		r := e.upload(t, alice, submitMutation, map[string]any{"in": submission(t, e, "\u200b\u202e\u2060", "Widget Rigging Board")}, "variables.in.copy", "copy.pdf", pdf)
		if errs, _ := get(r.Data, "submitCertificationForReview", "userErrors").([]any); len(errs) != 1 || mustJSON(t, get(errs[0], "field")) != `["input","certificationName"]` {
			t.Errorf("a name of invisible characters only: %s", r.Raw)
		}
	})
}
