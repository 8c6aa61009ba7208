package apitest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/together"
)

const submitMutation = `mutation($in: SubmitCertificationForReviewInput!) {
	submitCertificationForReview(input: $in) {
		review { id status dueOn submitterCount flags { code } copy { name contentType size sha256 downloadPath } keyActivities { key } }
		alreadyListed { key }
		attachedToExistingReview
		userErrors { field code message }
	}
}`

// keyActivityIDs returns the global IDs of the first n CPT key activities.
func keyActivityIDs(t *testing.T, e *env, n int) []any {
	t.Helper()
	data := e.ok(t, `{ keyActivities(program: CPT) { id } }`, nil)
	var out []any
	for _, a := range get(data, "keyActivities").([]any)[:n] {
		out = append(out, get(a, "id"))
	}
	return out
}

func submission(t *testing.T, e *env, name, org string) map[string]any {
	return map[string]any{
		"certificationName":    name,
		"organization":         map[string]any{"name": org, "url": "https://widgets.example.org"},
		"copy":                 nil,
		"trainingRequirements": "40 hours of classroom rigging training and a practical exam",
		"keyActivityIds":       keyActivityIDs(t, e, 2),
		"earningMethods":       []string{"WRITTEN_ASSESSMENT", "OBSERVATION_PERFORMANCE"},
		"recognition":          []string{"NATIONAL"},
	}
}

// submit uploads a submission with the PDF and returns its payload.
func submit(t *testing.T, e *env, token string, in map[string]any) any {
	t.Helper()
	r := e.upload(t, token, submitMutation, map[string]any{"in": in}, "variables.in.copy", "widget-rigger.pdf", pdf)
	if len(r.Errors) > 0 {
		t.Fatalf("submit: %s", r.Raw)
	}
	return get(r.Data, "submitCertificationForReview")
}

const approveMutation = `mutation($id: ID!, $c: CertificationInput!) {
	approveCatalogReview(reviewId: $id, certification: $c, reason: "portable, nationally recognised, third-party assessed") {
		review { status version decision { outcome decidedBy certification { key displayName provenance { source reference } } } }
		userErrors { field code message }
	}
}`

func widgetEntry() map[string]any {
	return map[string]any{
		"newOrganization":  map[string]any{"name": "Widget Rigging Board", "acronym": "WRB", "url": "https://widgets.example.org"},
		"name":             "Certified Widget Rigger",
		"recognitionBases": []string{"ANSI_ISO_17024"},
		"aliases":          []any{map[string]any{"kind": "ACRONYM", "value": "CWR"}},
	}
}

func TestCatalogReviewFromSubmissionToCatalog(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate := e.token(t, catalog.RoleCandidate, "C-1001")
		other := e.token(t, catalog.RoleCandidate, "C-2002")
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		payload := submit(t, e, candidate, submission(t, e, "Certified Widget Rigger", "Widget Rigging Board"))
		review := get(payload, "review")
		sum := sha256.Sum256(pdf)
		if get(review, "status") != "PENDING" || get(review, "copy", "sha256") != hex.EncodeToString(sum[:]) ||
			get(review, "copy", "contentType") != "application/pdf" || get(review, "dueOn") != e.now.UTC().AddDate(0, 0, 30).Format("2006-01-02") {
			t.Fatalf("review = %v", review)
		}
		id := get(review, "id").(string)

		check := get(e.ok(t, checkQuery, map[string]any{"in": map[string]any{"text": "Certified Widget Rigger"}}), "checkCredential")
		if get(check, "verdict") != "UNDER_REVIEW" {
			t.Errorf("a credential under review: %v", check)
		}
		path := get(review, "copy", "downloadPath").(string)
		if status, body := e.download(t, candidate, path); status != 200 || string(body) != string(pdf) {
			t.Errorf("the submitter downloads the copy: %d", status)
		}
		if status, _ := e.download(t, other, path); status != 404 {
			t.Errorf("another candidate downloads the copy: %d, want 404", status)
		}
		if status, _ := e.download(t, "", path); status != 401 {
			t.Errorf("an anonymous download: %d, want 401", status)
		}

		queue := e.okAs(t, staff, `{ catalogReviews(filter: {statuses: [PENDING]}) { totalCount nodes { id overdue } } }`, nil)
		if num(get(queue, "catalogReviews", "totalCount")) != 1 || get(queue, "catalogReviews", "nodes", 0, "overdue") != false {
			t.Errorf("queue = %v", queue)
		}
		e.okAs(t, staff, `mutation($id: ID!) { assignCatalogReview(reviewId: $id) { review { assignee } } }`, map[string]any{"id": id})
		asked := e.okAs(t, staff, `mutation($id: ID!) { requestReviewInformation(reviewId: $id, message: "Who accredits the exam?") { review { status informationRequest } } }`, map[string]any{"id": id})
		if get(asked, "requestReviewInformation", "review", "status") != "INFORMATION_REQUESTED" {
			t.Errorf("request = %v", asked)
		}
		answered := e.okAs(t, candidate, `mutation($id: ID!) { provideReviewInformation(reviewId: $id, response: "ANSI accredits it under ISO 17024.") { review { status informationResponse } userErrors { code } } }`, map[string]any{"id": id})
		if get(answered, "provideReviewInformation", "review", "status") != "PENDING" {
			t.Errorf("answer = %v", answered)
		}

		approved := get(e.okAs(t, staff, approveMutation, map[string]any{"id": id, "c": widgetEntry()}), "approveCatalogReview")
		entry := get(approved, "review", "decision", "certification")
		if get(approved, "review", "status") != "APPROVED" || get(entry, "provenance", "source") != "CATALOG_REVIEW" ||
			!strings.Contains(get(entry, "provenance", "reference").(string), "catalog review") {
			t.Fatalf("approval = %v", approved)
		}

		found := e.ok(t, `{ certifications(filter: {search: "Widget Rigger"}) { nodes { key recognitionBases organization { acronym } } } }`, nil)
		if get(found, "certifications", "nodes", 0, "key") != get(entry, "key") || get(found, "certifications", "nodes", 0, "organization", "acronym") != "WRB" {
			t.Errorf("search after approval = %v", found)
		}
		check = get(e.ok(t, checkQuery, map[string]any{"in": map[string]any{"text": "CWR"}}), "checkCredential")
		if get(check, "verdict") != "INDUSTRY_CERTIFICATION" || get(check, "entry", "key") != get(entry, "key") {
			t.Errorf("checkCredential after approval = %v", check)
		}
		history := e.okAs(t, staff, `query($s: String) { certifications(filter: {search: $s}) { nodes { history { action actor reason after review { id status } } } } }`, map[string]any{"s": "Widget Rigger"})
		h := get(history, "certifications", "nodes", 0, "history", 0)
		if get(h, "action") != "review.approve" || get(h, "actor") != "staff-1" || get(h, "review", "id") != id || !strings.Contains(get(h, "after").(string), "Certified Widget Rigger") {
			t.Errorf("history = %v", h)
		}
	})
}

func TestSubmissionScreening(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		first := e.token(t, catalog.RoleCandidate, "C-1001")
		second := e.token(t, catalog.RoleCandidate, "C-2002")
		listed := submit(t, e, first, submission(t, e, "Certified Welding Inspector", "American Welding Society"))
		if get(listed, "alreadyListed", "key") != "aws-cwi" || get(listed, "review") != nil {
			t.Errorf("a listed certification opened a review: %v", listed)
		}
		one := submit(t, e, first, submission(t, e, "Certified Widget Rigger", "Widget Rigging Board"))
		two := submit(t, e, second, submission(t, e, "certified widget  rigger", "WIDGET Rigging Board"))
		// The joiner sees their own submission only; staff see both.
		if get(two, "attachedToExistingReview") != true || get(two, "review", "id") != get(one, "review", "id") || num(get(two, "review", "submitterCount")) != 1 {
			t.Errorf("an identical pending review was duplicated: %v", two)
		}
		staffView := e.okAs(t, e.token(t, catalog.RoleStaff, "staff-1"), `query($id: ID!) { catalogReview(id: $id) { submitterCount } }`, map[string]any{"id": get(one, "review", "id")})
		if num(get(staffView, "catalogReview", "submitterCount")) != 2 {
			t.Errorf("staff see the submitters: %v", staffView)
		}
		local := submission(t, e, "Acme Line Lead", "Acme Plastics")
		local["recognition"], local["earningMethods"] = []string{"COMPANY", "CITY"}, []string{"TRAINING_ATTENDANCE"}
		flags := get(submit(t, e, first, local), "review", "flags").([]any)
		if len(flags) != 2 || get(flags, 0, "code") != "LOCAL_OR_COMPANY_SPECIFIC" || get(flags, 1, "code") != "ATTENDANCE_ONLY" {
			t.Errorf("flags = %v", flags)
		}
	})
}

func TestSubmissionRefusesBadInputAndStoresNothing(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate := e.token(t, catalog.RoleCandidate, "C-1001")
		empty := map[string]any{"certificationName": " ", "organization": map[string]any{"name": ""}, "copy": nil,
			"trainingRequirements": "", "keyActivityIds": []any{}, "earningMethods": []any{}, "recognition": []any{}}
		errs := get(submit(t, e, candidate, empty), "userErrors").([]any)
		fields := map[string]bool{}
		for _, u := range errs {
			fields[strings.Join(strings.Fields(strings.ReplaceAll(strings.Trim(strings.Join(toStrings(get(u, "field")), " "), " "), "input ", "")), ".")] = true
		}
		for _, want := range []string{"certificationName", "organization.name", "organization.url", "trainingRequirements", "keyActivityIds", "earningMethods", "recognition"} {
			if !fields[want] {
				t.Errorf("no user error for %s: %v", want, errs)
			}
		}
		in := submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")
		big := append(append([]byte{}, pdf...), make([]byte, testUploadLimit)...)
		for _, tc := range []struct {
			name, file, mention string
			content             []byte
		}{
			{"over the limit", "big.pdf", "at most", big},
			{"a text file", "notes.pdf", "PDF, PNG or JPEG", []byte("just some text, not a PDF")},
			{"a program", "setup.pdf", "PDF, PNG or JPEG", []byte("MZ\x90\x00\x03\x00\x00\x00")},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := e.upload(t, candidate, submitMutation, map[string]any{"in": in}, "variables.in.copy", tc.file, tc.content)
				u := get(r.Data, "submitCertificationForReview", "userErrors", 0)
				if get(u, "code") != "BAD_USER_INPUT" || !strings.Contains(get(u, "message").(string), tc.mention) || get(r.Data, "submitCertificationForReview", "review") != nil {
					t.Fatalf("refusal = %s", r.Raw)
				}
				sum := sha256.Sum256(tc.content)
				h := hex.EncodeToString(sum[:])
				if _, err := e.blobs.Attributes(context.Background(), "sha256/"+h[:2]+"/"+h[2:]); catalog.ErrorCode(err) != catalog.CodeNotFound {
					t.Errorf("a refused file was stored: %v", err)
				}
			})
		}
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		if n := num(get(e.okAs(t, staff, `{ catalogReviews { totalCount } }`, nil), "catalogReviews", "totalCount")); n != 0 {
			t.Errorf("refused submissions opened %d reviews", n)
		}
	})
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestDecisionsAreTakenOnce(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate := e.token(t, catalog.RoleCandidate, "C-1001")
		staffA := e.token(t, catalog.RoleStaff, "staff-a")
		staffB := e.token(t, catalog.RoleStaff, "staff-b")
		id := get(submit(t, e, candidate, submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")), "review", "id")
		staff := []string{staffA, staffB}
		results := together.Run(2, func(i int) any {
			return get(e.okAs(t, staff[i], approveMutation, map[string]any{"id": id, "c": widgetEntry()}), "approveCatalogReview")
		})
		won, conflicts := 0, 0
		for _, r := range results {
			switch {
			case get(r, "review", "status") == "APPROVED":
				won++
			case get(r, "userErrors", 0, "code") == "CONFLICT":
				conflicts++
			}
		}
		if won != 1 || conflicts != 1 {
			t.Fatalf("two simultaneous approvals: %v", results)
		}
		entries := e.ok(t, `{ certifications(filter: {search: "Certified Widget Rigger"}) { totalCount } organizations(first: 100) { totalCount } }`, nil)
		if num(get(entries, "certifications", "totalCount")) != 1 || num(get(entries, "organizations", "totalCount")) != 25 {
			t.Errorf("catalog after two approvals = %v", entries)
		}
		again := get(e.okAs(t, staffB, `mutation($id: ID!) { rejectCatalogReview(reviewId: $id, reason: OTHER, message: "late") { review { status } userErrors { code } } }`, map[string]any{"id": id}), "rejectCatalogReview")
		if get(again, "userErrors", 0, "code") != "CONFLICT" {
			t.Errorf("deciding a decided review = %v", again)
		}
		for _, q := range []string{
			`mutation($id: ID!) { rejectCatalogReview(reviewId: $id, reason: OTHER, message: "x") { review { id } } }`,
			`mutation($id: ID!) { assignCatalogReview(reviewId: $id) { review { id } } }`,
			`{ catalogReviews { totalCount } }`,
			`{ catalogHistory { totalCount } }`,
			`mutation { createOrganization(input: {name: "X"}, reason: "y") { organization { id } } }`,
		} {
			if r := e.queryAs(t, candidate, q, map[string]any{"id": id}); r.code(t) != "FORBIDDEN" {
				t.Errorf("a candidate calling a staff operation: %s", r.Raw)
			}
		}
	})
}

func TestReviewClockPausesAndDecisionsAreDue(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		candidate := e.token(t, catalog.RoleCandidate, "C-1001")
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		review := get(submit(t, e, candidate, submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")), "review")
		id, due := get(review, "id"), get(review, "dueOn").(string)
		e.advance(3 * 24 * time.Hour)
		e.okAs(t, staff, `mutation($id: ID!) { requestReviewInformation(reviewId: $id, message: "Which body accredits it?") { review { status } } }`, map[string]any{"id": id})
		e.advance(5 * 24 * time.Hour)
		answered := get(e.okAs(t, candidate, `mutation($id: ID!) { provideReviewInformation(reviewId: $id, response: "ANSI.") { review { status dueOn pausedDays } } }`, map[string]any{"id": id}), "provideReviewInformation", "review")
		wantDue, _ := time.Parse("2006-01-02", due)
		if num(get(answered, "pausedDays")) != 5 || get(answered, "dueOn") != wantDue.AddDate(0, 0, 5).Format("2006-01-02") {
			t.Errorf("after a 5-day pause = %v, want due %s moved by 5 days", answered, due)
		}
		overdue := `{ catalogReviews(filter: {overdue: true}) { totalCount nodes { overdue } } }`
		if n := num(get(e.okAs(t, staff, overdue, nil), "catalogReviews", "totalCount")); n != 0 {
			t.Errorf("overdue reviews on day 8 = %d", n)
		}
		e.advance(40 * 24 * time.Hour)
		late := get(e.okAs(t, staff, overdue, nil), "catalogReviews")
		if num(get(late, "totalCount")) != 1 || get(late, "nodes", 0, "overdue") != true {
			t.Errorf("overdue reviews on day 48 = %v", late)
		}
		mine := `{ myCatalogReviews { status decision { outcome reason message decidedBy } } }`
		rejected := get(e.okAs(t, staff, `mutation($id: ID!) { rejectCatalogReview(reviewId: $id, reason: INSUFFICIENT_DOCUMENTATION, message: "Send the accreditation certificate.") { review { status } userErrors { code } } }`, map[string]any{"id": id}), "rejectCatalogReview")
		if get(rejected, "review", "status") != "REJECTED" {
			t.Fatalf("rejection = %v", rejected)
		}
		seen := get(e.okAs(t, candidate, mine, nil), "myCatalogReviews", 0, "decision")
		if get(seen, "reason") != "INSUFFICIENT_DOCUMENTATION" || get(seen, "message") != "Send the accreditation certificate." || get(seen, "decidedBy") != "staff-1" {
			t.Errorf("the submitter sees %v", seen)
		}
		if n := num(get(e.okAs(t, staff, overdue, nil), "catalogReviews", "totalCount")); n != 0 {
			t.Errorf("a decided review is still overdue: %d", n)
		}
	})
}
