package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
)

// staffHistoryPage is the staff queue's first page of applications with
// each one's history.
const staffHistoryPage = `query($n: Int) { applications(first: $n) { nodes { id history { at action } } } }`

// serveAs posts a GraphQL request with the token through the handler, in
// process, and returns its data, failing on any error or user error.
func serveAs(tb testing.TB, e *env, token, query string, vars map[string]any) map[string]any {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return serveBody(tb, e, token, "application/json", bytes.NewBuffer(body))
}

// draftsWithEdits registers n candidates, each with a CPT draft edited
// edits times (one EDIT event each), and returns the staff token.
func draftsWithEdits(tb testing.TB, e *env, n, edits int) string {
	tb.Helper()
	staff := e.token(tb, catalog.RoleStaff, "staff-history")
	expires := e.now.UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
	start := expires.AddDate(-5, 0, 0).Format("2006-01-02")
	for i := range n {
		number := fmt.Sprintf("H-%04d", i)
		held := []any{map[string]any{"program": "CPT", "certifiedOn": start, "expiresOn": expires.Format("2006-01-02")}}
		serveAs(tb, e, staff, registerMutation, map[string]any{"in": map[string]any{
			"msscCandidateId": number, "name": "Holder " + number, "email": number + "@example.com", "heldCertifications": held}})
		candidate := e.token(tb, catalog.RoleCandidate, number)
		app := get(serveAs(tb, e, candidate, `mutation { createApplication(program: CPT) { application { id version } userErrors { code } } }`, nil),
			"createApplication", "application")
		for edit := range edits {
			activity := map[string]any{"category": "EMPLOYMENT", "activityTypeKey": "e-direct", "title": fmt.Sprintf("Production associate, edit %d", edit),
				"startOn": start, "weeklyHours": 40, "ongoing": true}
			if edit > 0 {
				activity["activityId"] = 1
			}
			app = get(serveAs(tb, e, candidate, `mutation($id: ID!, $v: Int!, $a: ActivityInput!) {
				saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { id version } userErrors { code } } }`,
				map[string]any{"id": get(app, "id"), "v": get(app, "version"), "a": activity}), "saveApplicationActivity", "application")
		}
	}
	return staff
}

// staffQueueStatements is the most SQL statements the web app's staff
// queue query may run, for a page of any size: the page and its total,
// the page's histories in one statement and its candidates in two (the
// candidates, then their held certifications), and the count of the
// applications waiting for their candidate's answer (a second connection,
// its page and its total).
const staffQueueStatements = 7

// TestStaffQueuePageRunsAFixedNumberOfStatements sends the web app's
// staff queue query for pages of 5 and 50 applications of as many
// candidates, with each one's candidate, history and the information
// exchange read from it, and counts the SQL statements each request
// executes: a page's histories are read in one statement and its
// candidates in one batch, not one or two per application.
func TestStaffQueuePageRunsAFixedNumberOfStatements(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := staffQueue(t, e, 50)
		histories := map[string]string{
			"SUBMITTED":             "[CREATE EDIT EDIT EDIT EDIT SUBMIT]",
			"IN_REVIEW":             "[CREATE EDIT EDIT EDIT EDIT SUBMIT RECORD_PAYMENT]",
			"INFORMATION_REQUESTED": "[CREATE EDIT EDIT EDIT EDIT SUBMIT RECORD_PAYMENT REQUEST_INFORMATION]",
		}
		counts := map[int]int64{}
		for _, n := range []int{5, 50} {
			before := e.counter.Count()
			nodes := get(serveAs(t, e, staff, staffQueuePage, map[string]any{"first": n}), "applications", "nodes").([]any)
			counts[n] = e.counter.Count() - before
			if len(nodes) != n {
				t.Fatalf("a page of %d returned %d applications", n, len(nodes))
			}
			for _, node := range nodes {
				status, number := get(node, "status").(string), get(node, "candidate", "msscCandidateId")
				if number == nil || get(node, "candidate", "name") != "Holder "+number.(string) {
					t.Fatalf("application %v has the candidate %v", get(node, "id"), get(node, "candidate"))
				}
				if got := fmt.Sprint(historyActions(node.(map[string]any))); got != histories[status] {
					t.Fatalf("application %v (%s) has the history %s, want %s", get(node, "id"), status, got, histories[status])
				}
				if asked := status == "INFORMATION_REQUESTED"; asked != (get(node, "informationRequest") == "Send the HR letter.") || asked != (get(node, "informationAnswerBy") != nil) {
					t.Fatalf("application %v (%s) has the question %v, to answer by %v", get(node, "id"), status, get(node, "informationRequest"), get(node, "informationAnswerBy"))
				}
			}
		}
		t.Logf("statements per request: %v", counts)
		if counts[5] != counts[50] || counts[50] > staffQueueStatements {
			t.Fatalf("statements per request: %v, want the same for both pages and at most %d", counts, staffQueueStatements)
		}
	})
}

// BenchmarkStaffPageWithHistory measures the staff queue's page of 50
// draft applications, each with its history of three events, through the
// real handler, in process, on each database.
func BenchmarkStaffPageWithHistory(b *testing.B) {
	for _, dialect := range []gormstore.Dialect{gormstore.DialectSQLite, gormstore.DialectPostgres} {
		b.Run(string(dialect), func(b *testing.B) {
			e := newEnv(b, dialect)
			staff := draftsWithEdits(b, e, 50, 2)
			vars := map[string]any{"first": 50}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				serveAs(b, e, staff, staffHistoryPage, vars)
			}
		})
	}
}

// TestAnotherCandidatesHistoryIsNotReadable has one candidate ask for
// another's application history by every way an application is reached:
// by its ID, through node, in one operation beside their own (where the
// reads share the operation's batch), from their own list, from a
// mutation's answer and from the staff queue. No answer holds the other's
// history or names the other candidate, whose number is the actor of
// every event of their history; the asker's own history is answered.
func TestAnotherCandidatesHistoryIsNotReadable(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		draftsWithEdits(t, e, 2, 1)
		alice, bob := e.token(t, catalog.RoleCandidate, "H-0000"), e.token(t, catalog.RoleCandidate, "H-0001")
		vars := map[string]any{
			"alice": get(e.okAs(t, alice, `{ myApplications { id } }`, nil), "myApplications", 0, "id"),
			"bob":   get(e.okAs(t, bob, `{ myApplications { id } }`, nil), "myApplications", 0, "id"),
		}
		const events = `history { action actor reason } informationRequest informationResponse`
		checkPrivateReads(t, e, bob, vars, "H-0000", "H-0001", []privateRead{
			{name: "by ID", query: `query($alice: ID!) { application(id: $alice) { ` + events + ` } }`},
			{name: "through node", query: `query($alice: ID!) { node(id: $alice) { ... on Application { ` + events + ` } } }`},
			{name: "beside their own", own: []any{"mine", "history", 0, "actor"}, query: `query($alice: ID!, $bob: ID!) {
				mine: application(id: $bob) { ` + events + ` } theirs: application(id: $alice) { ` + events + ` }
				mineAgain: node(id: $bob) { ... on Application { history(last: 1) { actor } } }
				theirsAgain: node(id: $alice) { ... on Application { history(last: 1) { actor } } } }`},
			{name: "from their own list", own: []any{"myApplications", 0, "history", 0, "actor"}, query: `{ myApplications { ` + events + ` } }`},
			{name: "from a mutation's answer", query: `mutation($alice: ID!) { saveApplicationActivity(applicationId: $alice, version: 2, activity: {category: EMPLOYMENT,
				activityTypeKey: "e-direct", title: "Not mine", startOn: "2020-01-01", weeklyHours: 40, ongoing: true}) { application { ` + events + ` } userErrors { code } } }`},
			{name: "from the staff queue", code: "FORBIDDEN", query: `{ applications(first: 10) { nodes { ` + events + ` } } }`},
		})
	})
}

// TestHistoryLastReturnsTheNewestEvents asks for the newest events of
// histories of three events (CREATE and two EDITs): each answer is the
// newest last of them, oldest first, on one application and across a
// page; last outside 1 to 500 is refused as BAD_USER_INPUT.
func TestHistoryLastReturnsTheNewestEvents(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := draftsWithEdits(t, e, 3, 2)
		page := `query($last: Int) { applications(first: 3) { nodes { id history(last: $last) { action reason } } } }`
		for last, want := range map[int]string{1: "[EDIT]", 2: "[EDIT EDIT]", 3: "[CREATE EDIT EDIT]", 500: "[CREATE EDIT EDIT]"} {
			for _, node := range get(e.okAs(t, staff, page, map[string]any{"last": last}), "applications", "nodes").([]any) {
				if got := fmt.Sprint(historyActions(node.(map[string]any))); got != want {
					t.Errorf("history(last: %d) of %v = %s, want %s", last, get(node, "id"), got, want)
				}
			}
		}
		one := `query($last: Int) { applications(first: 1) { nodes { history(last: $last) { action } } } }`
		for _, last := range []int{0, -1, 501} {
			if code := e.queryAs(t, staff, one, map[string]any{"last": last}).code(t); code != "BAD_USER_INPUT" {
				t.Errorf("history(last: %d) answered the code %q, want BAD_USER_INPUT", last, code)
			}
		}
	})
}

// TestEachMutationAnswersItsOwnWrite edits one draft twice in one
// operation, each mutation answering the history: the second answer holds
// the second edit, although the first read the same history in the same
// operation (histories are kept for one root field, not the operation).
func TestEachMutationAnswersItsOwnWrite(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		draftsWithEdits(t, e, 1, 1)
		candidate := e.token(t, catalog.RoleCandidate, "H-0000")
		id := get(e.okAs(t, candidate, `{ myApplications { id version } }`, nil), "myApplications", 0, "id")
		edit := func(alias string, version int) string {
			return fmt.Sprintf(`%s: saveApplicationActivity(applicationId: $id, version: %d, activity: {activityId: 1, category: EMPLOYMENT,
				activityTypeKey: "e-direct", title: "Edited in %s", startOn: "2020-01-01", weeklyHours: 40, ongoing: true}) {
				application { history { action } informationRequest } userErrors { code } }`, alias, version, alias)
		}
		data := e.okAs(t, candidate, `mutation($id: ID!) { `+edit("first", 2)+` `+edit("second", 3)+` }`, map[string]any{"id": id})
		first := fmt.Sprint(historyActions(get(data, "first", "application").(map[string]any)))
		second := fmt.Sprint(historyActions(get(data, "second", "application").(map[string]any)))
		if first != "[CREATE EDIT EDIT]" || second != "[CREATE EDIT EDIT EDIT]" {
			t.Errorf("the two edits answered the histories %s and %s, want [CREATE EDIT EDIT] and [CREATE EDIT EDIT EDIT]", first, second)
		}
	})
}
