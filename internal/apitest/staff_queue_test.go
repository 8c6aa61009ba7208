package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
)

// staffQueuePage is the web app's staff queue query (ApplicationQueue in
// web/src/screens/Staff.tsx), its page size the variable $first.
const staffQueuePage = `query ApplicationQueue($first: Int!, $after: String) {
    applications(first: $first, after: $after, filter: { statuses: [SUBMITTED, IN_REVIEW, INFORMATION_REQUESTED, DETAILED_REVIEW, APPEALED] }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id program status version decisionDueOn
        candidate { name msscCandidateId }
        points { required total }
        informationRequest informationResponse informationAnswerBy
        history { at action }
        activities { activityId title category reviewerPoints proofs { name downloadPath } }
      }
    }
    waiting: applications(first: 1, filter: { statuses: [INFORMATION_REQUESTED] }) { totalCount }
    applicationTransitions { from action by }
  }`

// TestStaffQueuePageIsTheWebAppsQuery checks that staffQueuePage is the
// query the web app's staff queue sends, page size aside, so that what
// the tests count is what the staff screen costs.
func TestStaffQueuePageIsTheWebAppsQuery(t *testing.T) {
	src, err := os.ReadFile("../../web/src/screens/Staff.tsx")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(string(src)), " "), strings.Join(strings.Fields(staffQueuePage), " ")) {
		t.Errorf("web/src/screens/Staff.tsx does not send the staff queue query the tests count:\n%s", staffQueuePage)
	}
}

// serveUploadAs posts a GraphQL multipart request with the token through
// the handler, in process, with content as the file bound to the variable
// path, and returns its data, failing on any error or user error.
func serveUploadAs(tb testing.TB, e *env, token, query string, vars map[string]any, path string, content []byte) map[string]any {
	tb.Helper()
	body, contentType := multipartBody(tb, map[string]any{"query": query, "variables": vars}, map[string][]string{"0": {path}}, []string{"0"}, "proof.pdf", content)
	return serveBody(tb, e, token, contentType, body)
}

// staffQueue registers n candidates, each of whom submits a CPT
// application of 100 points with a proof for each activity, and returns
// the staff token. Staff take the payment of every third from the second
// on (IN_REVIEW) and of every third from the third on, whose candidate
// they then ask a question (INFORMATION_REQUESTED); the others wait for
// their fee (SUBMITTED). Every application is in the queue.
func staffQueue(tb testing.TB, e *env, n int) string {
	tb.Helper()
	staff := e.token(tb, catalog.RoleStaff, "staff-queue")
	expires := e.now.UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
	start := expires.AddDate(-5, 0, 0)
	cwi := get(serveAs(tb, e, staff, `{ certifications(first: 1, filter: {search: "CWI"}) { nodes { id } } }`, nil), "certifications", "nodes", 0, "id")
	const fields = `application { id version } userErrors { code }`
	for i := range n {
		number := fmt.Sprintf("Q-%04d", i)
		held := []any{map[string]any{"program": "CPT", "certifiedOn": start.Format("2006-01-02"), "expiresOn": expires.Format("2006-01-02")}}
		serveAs(tb, e, staff, registerMutation, map[string]any{"in": map[string]any{
			"msscCandidateId": number, "name": "Holder " + number, "email": number + "@example.com", "heldCertifications": held}})
		candidate := e.token(tb, catalog.RoleCandidate, number)
		app := get(serveAs(tb, e, candidate, `mutation { createApplication(program: CPT) { `+fields+` } }`, nil), "createApplication", "application")
		for _, activity := range []map[string]any{
			{"category": "EMPLOYMENT", "activityTypeKey": "e-direct", "title": "Production associate, Acme Plastics",
				"startOn": start.Format("2006-01-02"), "weeklyHours": 40, "ongoing": true},
			{"category": "INDUSTRY_CERTIFICATION", "activityTypeKey": "ic-certification", "title": "AWS Certified Welding Inspector",
				"certificationId": cwi, "completedOn": start.AddDate(1, 0, 0).Format("2006-01-02")},
		} {
			app = get(serveAs(tb, e, candidate, `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { `+fields+` } }`,
				map[string]any{"id": get(app, "id"), "v": get(app, "version"), "a": activity}), "saveApplicationActivity", "application")
		}
		for _, activityID := range []int{1, 2} {
			app = get(serveUploadAs(tb, e, candidate, `mutation($id: ID!, $v: Int!, $a: Int!, $f: Upload!) { attachActivityProof(applicationId: $id, version: $v, activityId: $a, file: $f) { `+fields+` } }`,
				map[string]any{"id": get(app, "id"), "v": get(app, "version"), "a": activityID, "f": nil}, "variables.f", pdf), "attachActivityProof", "application")
		}
		app = get(serveAs(tb, e, candidate, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { applications { id version } userErrors { code } } }`,
			map[string]any{"id": get(app, "id"), "v": get(app, "version")}), "submitApplications", "applications", 0)
		if i%3 == 0 {
			continue
		}
		app = get(serveAs(tb, e, staff, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 7500, reference: "R") { applications { id version } userErrors { code } } }`,
			map[string]any{"id": get(app, "id"), "v": get(app, "version")}), "recordPayment", "applications", 0)
		if i%3 == 2 {
			serveAs(tb, e, staff, `mutation($id: ID!, $v: Int!) { requestApplicationInformation(applicationId: $id, version: $v, message: "Send the HR letter.") { `+fields+` } }`,
				map[string]any{"id": get(app, "id"), "v": get(app, "version")})
		}
	}
	return staff
}

// BenchmarkStaffQueuePage measures the web app's staff queue query over a
// page of 50 submitted applications of 50 candidates, through the real
// handler, in process, on each database.
func BenchmarkStaffQueuePage(b *testing.B) {
	for _, dialect := range []gormstore.Dialect{gormstore.DialectSQLite, gormstore.DialectPostgres} {
		b.Run(string(dialect), func(b *testing.B) {
			e := newEnv(b, dialect)
			staff := staffQueue(b, e, 50)
			vars := map[string]any{"first": 50}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				serveAs(b, e, staff, staffQueuePage, vars)
			}
		})
	}
}

// TestAnotherCandidatesRecordIsNotReadable has one candidate ask for
// another's candidate record by every way it is reached, each through the
// batched candidate reads: through the other's application by its ID and
// through node, by the record's own ID and through node, in one operation
// beside their own, from their own list, from a mutation's answer and
// from the staff queue. No answer names the other candidate; the asker's
// own record is answered. Staff's page answers each application's own
// candidate: the one whose number is the actor of its CREATE event.
func TestAnotherCandidatesRecordIsNotReadable(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := staffQueue(t, e, 2)
		page := serveAs(t, e, staff, `{ applications(first: 10) { nodes { id candidate { id msscCandidateId } history { actor action } } } }`, nil)
		vars := map[string]any{}
		for _, node := range get(page, "applications", "nodes").([]any) {
			number := get(node, "candidate", "msscCandidateId")
			if creator := get(node, "history", 0, "actor"); get(node, "history", 0, "action") != "CREATE" || creator != number {
				t.Fatalf("staff's page answers the candidate %v for the application created by %v", number, creator)
			}
			switch number {
			case "Q-0000":
				vars["alice"], vars["aliceCandidate"] = get(node, "id"), get(node, "candidate", "id")
			case "Q-0001":
				vars["bob"] = get(node, "id")
			}
		}
		if len(vars) != 3 {
			t.Fatalf("staff's page misses an application: %v", page)
		}
		bob := e.token(t, catalog.RoleCandidate, "Q-0001")
		const who = `candidate { id name msscCandidateId email heldCertifications { program expiresOn } }`
		const record = `id name msscCandidateId email heldCertifications { program expiresOn }`
		checkPrivateReads(t, e, bob, vars, "Q-0000", "Q-0001", []privateRead{
			{name: "through the application by ID", query: `query($alice: ID!) { application(id: $alice) { id ` + who + ` } }`},
			{name: "through the application by node", query: `query($alice: ID!) { node(id: $alice) { ... on Application { id ` + who + ` } } }`},
			{name: "by the record's ID", query: `query($aliceCandidate: ID!) { candidate(id: $aliceCandidate) { ` + record + ` } }`},
			{name: "by the record's node", query: `query($aliceCandidate: ID!) { node(id: $aliceCandidate) { ... on Candidate { ` + record + ` } } }`},
			{name: "beside their own", own: []any{"mine", "candidate", "msscCandidateId"}, query: `query($alice: ID!, $bob: ID!, $aliceCandidate: ID!) {
				mine: application(id: $bob) { ` + who + ` } theirs: application(id: $alice) { ` + who + ` }
				theirRecord: candidate(id: $aliceCandidate) { ` + record + ` }
				mineAgain: node(id: $bob) { ... on Application { ` + who + ` } }
				theirsAgain: node(id: $alice) { ... on Application { ` + who + ` } } }`},
			{name: "from their own list", own: []any{"myApplications", 0, "candidate", "msscCandidateId"}, query: `{ myApplications { id ` + who + ` } }`},
			{name: "from a mutation's answer", query: `mutation($alice: ID!) { saveApplicationActivity(applicationId: $alice, version: 1, activity: {category: EMPLOYMENT,
				activityTypeKey: "e-direct", title: "Not mine", startOn: "2020-01-01", weeklyHours: 40, ongoing: true}) { application { ` + who + ` } userErrors { code } } }`},
			{name: "from the staff queue", code: "FORBIDDEN", query: `{ applications(first: 10) { nodes { ` + who + ` } } }`},
		})
	})
}

// TestEachMutationAnswersItsOwnCandidate assigns an application in
// review and then approves it, in one operation, each mutation answering
// the application's candidate: the second answer holds the CPT the
// approval renewed, although the first read the same candidate in the
// same operation (candidates are kept for one root field, not the
// operation).
func TestEachMutationAnswersItsOwnCandidate(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := staffQueue(t, e, 2)
		app := get(serveAs(t, e, staff, `{ applications(first: 1, filter: {statuses: [IN_REVIEW]}) { nodes { id version candidate { heldCertifications { expiresOn } } } } }`, nil), "applications", "nodes", 0)
		held := `application { candidate { heldCertifications { expiresOn } } } userErrors { code }`
		data := serveAs(t, e, staff, `mutation($id: ID!, $v: Int!, $w: Int!) {
			first: assignApplication(applicationId: $id, version: $v, reviewer: "staff-queue") { `+held+` }
			second: approveApplication(applicationId: $id, version: $w, reason: "100 points proved") { `+held+` } }`,
			map[string]any{"id": get(app, "id"), "v": get(app, "version"), "w": num(get(app, "version")) + 1})
		was, first, second := get(app, "candidate", "heldCertifications", 0, "expiresOn"),
			get(data, "first", "application", "candidate", "heldCertifications", 0, "expiresOn"),
			get(data, "second", "application", "candidate", "heldCertifications", 0, "expiresOn")
		if first != was || second == was || second == nil {
			t.Errorf("the CPT expired on %v, after the assignment on %v and after the approval on %v; want the approval to move it", was, first, second)
		}
	})
}

// serveBody posts a GraphQL request body of the content type with the
// token through the handler, in process, and returns its data, failing on
// any error or user error.
func serveBody(tb testing.TB, e *env, token, contentType string, body *bytes.Buffer) map[string]any {
	tb.Helper()
	req := httptest.NewRequest(http.MethodPost, "/graphql", body)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	e.handler.ServeHTTP(rec, req)
	var out struct {
		Data   map[string]any `json:"data"`
		Errors []gqlError     `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || rec.Code != http.StatusOK || len(out.Errors) > 0 || out.Data == nil {
		tb.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	for _, payload := range out.Data {
		if errs, _ := get(payload, "userErrors").([]any); len(errs) > 0 {
			tb.Fatalf("user errors: %s", rec.Body)
		}
	}
	return out.Data
}
