package apitest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/graph/relay"
)

// inboxKinds lists the kinds of the candidate's notifications, newest first,
// leaving out reminders: the reminder sweep runs on its own schedule, so
// whether a window reminder has arrived when the test reads the inbox
// depends on timing, while every decision is written with its change.
func inboxKinds(t *testing.T, e *env, token string) []string {
	t.Helper()
	data := e.okAs(t, token, `{ viewer { notifications(first: 50) { nodes { kind } } } }`, nil)
	var out []string
	for _, n := range get(data, "viewer", "notifications", "nodes").([]any) {
		if kind := get(n, "kind").(string); !catalog.NotificationKind(kind).IsReminder() {
			out = append(out, kind)
		}
	}
	return out
}

// waitForMails waits until n messages of the kind reach the address, and
// returns them in the order they arrived.
func waitForMails(t *testing.T, m *mailServer, to, kind string, n int) []delivered {
	t.Helper()
	var got []delivered
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		got = got[:0]
		for _, d := range mailsOf(m, to) {
			if kindOf(d) == kind {
				got = append(got, d)
			}
		}
		if len(got) >= n {
			return got
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%d %s messages reached %s, want %d; got %v", len(got), kind, to, n, summary(m.messages()))
	return nil
}

func TestCatalogReviewEventsReachSubmittersAndStaffOnce(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		m := startMailServer(t)
		far := e.now.UTC().Truncate(24*time.Hour).AddDate(2, 0, 0)
		first := registerHolder(t, e, "V-4001", far, far)
		second := registerHolder(t, e, "V-4002", far, far)
		staff := e.token(t, catalog.RoleStaff, "staff-v")
		startQueue(t, e, m, []string{"queue@mssc.example.org"}, 100)
		today := func() string { return e.clock.Load().(time.Time).UTC().Format("2006-01-02") }
		due := e.now.UTC().AddDate(0, 0, 30).Format("2006-01-02")

		// Both submit the same certification: the second joins the review;
		// each is told theirs was received, with the day the decision is due.
		payload := submit(t, e, first, submission(t, e, "Certified Widget Rigger", "Widget Rigging Board"))
		id := get(payload, "review", "id").(string)
		mustSay(t, waitForMail(t, m, "V-4001@example.com", "CATALOG_REVIEW_RECEIVED"), "Certified Widget Rigger", "Widget Rigging Board", "by "+due)
		if joined := submit(t, e, second, submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")); get(joined, "attachedToExistingReview") != true {
			t.Fatalf("the second submission did not join the review: %v", joined)
		}
		mustSay(t, waitForMail(t, m, "V-4002@example.com", "CATALOG_REVIEW_RECEIVED"), "by "+due)
		other := submit(t, e, second, submission(t, e, "Certified Pallet Stacker", "Stacking Institute"))
		otherID := get(other, "review", "id").(string)
		deadline := time.Now().Add(20 * time.Second)
		for len(mailsOf(m, "V-4002@example.com")) < 2 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}

		// Staff ask; both submitters read the question.
		e.advance(24 * time.Hour)
		e.okAs(t, staff, `mutation($id: ID!) { requestReviewInformation(reviewId: $id, message: "Which body accredits the exam?") { review { status } } }`, map[string]any{"id": id})
		for _, who := range []string{"V-4001@example.com", "V-4002@example.com"} {
			mustSay(t, waitForMail(t, m, who, "CATALOG_REVIEW_INFORMATION_REQUESTED"), "Which body accredits the exam?", "on "+today(), "Certified Widget Rigger")
		}

		// The first answers two days later: staff read the answer and the
		// due date moved on by the days the clock was paused.
		e.advance(2 * 24 * time.Hour)
		e.okAs(t, first, `mutation($id: ID!) { provideReviewInformation(reviewId: $id, response: "ANSI accredits it under ISO 17024.") { review { status } } }`, map[string]any{"id": id})
		moved := e.now.UTC().AddDate(0, 0, 32).Format("2006-01-02")
		mustSay(t, waitForMail(t, m, staffAnswerAddress, "CATALOG_REVIEW_ANSWERED"), "V-4001", "ANSI accredits it under ISO 17024.", "Which body accredits the exam?", "due "+moved)

		// Three days before the other review's decision is due, the staff
		// digest lists it, with the review of the widget rigger.
		e.advance(24 * 24 * time.Hour)
		digest := waitForMail(t, m, "queue@mssc.example.org", "STAFF_DIGEST")
		mustSay(t, digest, "catalog review", "Certified Pallet Stacker", "Certified Widget Rigger", "decision due "+due, "decision due "+moved)

		// The decisions reach every submitter of each review.
		approved := e.okAs(t, staff, approveMutation, map[string]any{"id": id, "c": widgetEntry()})
		if errs := get(approved, "approveCatalogReview", "userErrors").([]any); len(errs) > 0 {
			t.Fatalf("approve: %v", errs)
		}
		for _, who := range []string{"V-4001@example.com", "V-4002@example.com"} {
			mustSay(t, waitForMail(t, m, who, "CATALOG_REVIEW_APPROVED"), "Certified Widget Rigger", "on "+today(), "pre-approved")
		}
		e.okAs(t, staff, `mutation($id: ID!) { rejectCatalogReview(reviewId: $id, reason: ATTENDANCE_ONLY, message: "Pass an assessment first.") { review { status } } }`, map[string]any{"id": otherID})
		mustSay(t, waitForMail(t, m, "V-4002@example.com", "CATALOG_REVIEW_REJECTED"), "Certified Pallet Stacker", "simple attendance", "Pass an assessment first.")

		time.Sleep(300 * time.Millisecond)
		want := []string{
			"V-4001@example.com CATALOG_REVIEW_APPROVED", "V-4001@example.com CATALOG_REVIEW_INFORMATION_REQUESTED", "V-4001@example.com CATALOG_REVIEW_RECEIVED",
			"V-4002@example.com CATALOG_REVIEW_APPROVED", "V-4002@example.com CATALOG_REVIEW_INFORMATION_REQUESTED", "V-4002@example.com CATALOG_REVIEW_RECEIVED",
			"V-4002@example.com CATALOG_REVIEW_RECEIVED", "V-4002@example.com CATALOG_REVIEW_REJECTED",
			staffAnswerAddress + " CATALOG_REVIEW_ANSWERED", "queue@mssc.example.org STAFF_DIGEST",
		}
		if got := summary(m.messages()); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("delivered:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if got := inboxKinds(t, e, first); fmt.Sprint(got) != "[CATALOG_REVIEW_APPROVED CATALOG_REVIEW_INFORMATION_REQUESTED CATALOG_REVIEW_RECEIVED]" {
			t.Errorf("the first submitter's inbox = %v", got)
		}
	})
}

func TestEveryDecisionOnAnApplicationReachesTheCandidate(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		m := startMailServer(t)
		expires := e.now.UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "D-6001", expires.AddDate(2, 0, 0), expires)
		reviewer, second, committee := e.token(t, catalog.RoleStaff, "staff-a"), e.token(t, catalog.RoleStaff, "staff-b"), e.token(t, catalog.RoleStaff, "staff-c")
		startQueue(t, e, m, nil, 100)
		call := func(token, mutation string, app map[string]any) map[string]any {
			return appCall(t, e, token, mutation, map[string]any{"id": app["id"], "v": app["version"]})
		}
		app := buildToHundredPoints(t, e, candidate, "CLT", expires)
		app = call(candidate, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { applications { `+appFields+` } userErrors { field message } } }`, app)
		app = call(reviewer, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 7500, reference: "D-1") { applications { `+appFields+` } userErrors { field message } } }`, app)
		app = call(reviewer, `mutation($id: ID!, $v: Int!) { denyApplication(applicationId: $id, version: $v, reasons: ["the employment is administrative"]) { application { `+appFields+` } userErrors { field message } } }`, app)
		app = call(candidate, `mutation($id: ID!, $v: Int!) { requestDetailedReview(applicationId: $id, version: $v, reason: "the job is on the floor") { application { `+appFields+` } userErrors { field message } } }`, app)
		app = call(second, `mutation($id: ID!, $v: Int!) { upholdDenial(applicationId: $id, version: $v, reason: "the job is administrative") { application { `+appFields+` } userErrors { field message } } }`, app)
		mustSay(t, waitForMail(t, m, "D-6001@example.com", "DENIAL_UPHELD"), "upheld the denial", "the job is administrative", "$50.00", "within 30 days")
		app = call(candidate, `mutation($id: ID!, $v: Int!) { appealApplication(applicationId: $id, version: $v, reason: "to the committee") { application { `+appFields+` } userErrors { field message } } }`, app)
		app = call(committee, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 5000, reference: "D-2") { applications { `+appFields+` } userErrors { field message } } }`, app)
		mustSay(t, waitForMails(t, m, "D-6001@example.com", "PAYMENT_RECORDED", 2)[1], "$50.00")
		call(committee, `mutation($id: ID!, $v: Int!) { rejectAppeal(applicationId: $id, version: $v, reason: "the committee upholds the denial") { application { `+appFields+` } userErrors { field message } } }`, app)
		mustSay(t, waitForMail(t, m, "D-6001@example.com", "APPEAL_REJECTED"), "This decision is final", "the committee upholds the denial")

		want := "[APPEAL_REJECTED PAYMENT_RECORDED DENIAL_UPHELD APPLICATION_DENIED PAYMENT_RECORDED APPLICATION_SUBMITTED]"
		if got := inboxKinds(t, e, candidate); fmt.Sprint(got) != want {
			t.Errorf("the inbox = %v, want %s", got, want)
		}

		// A notification is a Relay node that only its candidate reads.
		id := get(e.okAs(t, candidate, `{ viewer { notifications(first: 1) { nodes { id } } } }`, nil), "viewer", "notifications", "nodes", 0, "id")
		node := `query($id: ID!) { node(id: $id) { id ... on Notification { kind } } }`
		if got := e.okAs(t, candidate, node, map[string]any{"id": id}); get(got, "node", "kind") != "APPEAL_REJECTED" {
			t.Errorf("the candidate reads the notification by node(id:): %v", got)
		}
		stranger := e.token(t, catalog.RoleCandidate, "D-7777")
		for _, token := range []string{stranger, reviewer} {
			if got := e.okAs(t, token, node, map[string]any{"id": id}); got["node"] != nil {
				t.Errorf("someone else reads the notification by node(id:): %v", got)
			}
		}
	})
}

// receivedReview is the review number the newest CATALOG_REVIEW_RECEIVED
// notification in the candidate's inbox names; empty when it names none.
func receivedReview(t *testing.T, e *env, token string) string {
	t.Helper()
	data := e.okAs(t, token, `{ viewer { notifications(first: 50) { nodes { kind facts { name value } } } } }`, nil)
	for _, n := range get(data, "viewer", "notifications", "nodes").([]any) {
		if get(n, "kind") != "CATALOG_REVIEW_RECEIVED" {
			continue
		}
		for _, f := range get(n, "facts").([]any) {
			if get(f, "name") == "review" {
				return get(f, "value").(string)
			}
		}
		return ""
	}
	t.Fatalf("no CATALOG_REVIEW_RECEIVED notification: %v", data)
	return ""
}

func TestTheReceiptOfANewReviewNamesTheReview(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		far := e.now.UTC().Truncate(24*time.Hour).AddDate(2, 0, 0)
		first := registerHolder(t, e, "N-4101", far, far)
		second := registerHolder(t, e, "N-4102", far, far)

		// The review is numbered when it is stored; the receipt of the
		// submission that opened it names that number, as the receipt of
		// one that joins it does.
		payload := submit(t, e, first, submission(t, e, "Certified Hoist Signaller", "Hoist Signalling Board"))
		id, err := relay.DecodeIDOf("id", "CatalogReview", get(payload, "review", "id").(string))
		if err != nil {
			t.Fatalf("the review's ID: %v", err)
		}
		want := fmt.Sprint(id)
		if got := receivedReview(t, e, first); got != want {
			t.Errorf("the receipt of a new review names review %q, want %q", got, want)
		}
		submit(t, e, second, submission(t, e, "Certified Hoist Signaller", "Hoist Signalling Board"))
		if got := receivedReview(t, e, second); got != want {
			t.Errorf("the receipt of a joined review names review %q, want %q", got, want)
		}
	})
}

func TestStaffAskAndTheCandidateAnswersOnAnApplication(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		m := startMailServer(t)
		expires := e.now.UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "I-8001", expires, expires.AddDate(2, 0, 0))
		staff := e.token(t, catalog.RoleStaff, "staff-i")
		startQueue(t, e, m, nil, 100)
		fields := appFields + ` informationRequest informationResponse`
		ask := `mutation($id: ID!, $v: Int!, $m: String!) { requestApplicationInformation(applicationId: $id, version: $v, message: $m) { application { ` + fields + ` } userErrors { field code message } } }`
		answer := `mutation($id: ID!, $v: Int!, $r: String!) { provideApplicationInformation(applicationId: $id, version: $v, response: $r) { application { ` + fields + ` } userErrors { field code message } } }`
		day := func(days int) string { return e.now.UTC().AddDate(0, 0, days).Format("2006-01-02") }

		app := buildToHundredPoints(t, e, candidate, "CPT", expires)
		app = appCall(t, e, candidate, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		if early := e.okAs(t, staff, ask, map[string]any{"id": app["id"], "v": app["version"], "m": "Which employer?"}); get(early, "requestApplicationInformation", "userErrors", 0, "code") != "CONFLICT" {
			t.Errorf("a question on an unpaid application: %v", early)
		}
		app = appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 7500, reference: "I-1") { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})

		e.advance(24 * time.Hour)
		if empty := e.okAs(t, staff, ask, map[string]any{"id": app["id"], "v": app["version"], "m": "  "}); fmt.Sprint(get(empty, "requestApplicationInformation", "userErrors", 0, "field")) != "[message]" {
			t.Errorf("an empty question: %v", empty)
		}
		app = appCall(t, e, staff, ask, map[string]any{"id": app["id"], "v": app["version"], "m": "Send the HR letter for 2023."})
		if app["status"] != "INFORMATION_REQUESTED" || app["informationRequest"] != "Send the HR letter for 2023." || app["informationResponse"] != nil {
			t.Fatalf("after the question = %v", app)
		}
		mustSay(t, waitForMail(t, m, "I-8001@example.com", "APPLICATION_INFORMATION_REQUESTED"), "Send the HR letter for 2023.", "on "+day(1), "by "+day(31))
		if again := e.okAs(t, staff, ask, map[string]any{"id": app["id"], "v": app["version"], "m": "And 2024?"}); get(again, "requestApplicationInformation", "userErrors", 0, "code") != "CONFLICT" {
			t.Errorf("a second question before the answer: %v", again)
		}
		if r := e.queryAs(t, staff, answer, map[string]any{"id": app["id"], "v": app["version"], "r": "staff answers"}); len(r.Errors) != 1 {
			t.Errorf("staff answered for the candidate: %s", r.Raw)
		}
		stranger := e.token(t, catalog.RoleCandidate, "I-9999")
		if got := e.okAs(t, stranger, answer, map[string]any{"id": app["id"], "v": app["version"], "r": "me"}); get(got, "provideApplicationInformation", "userErrors", 0, "code") != "NOT_FOUND" {
			t.Errorf("another candidate answered: %v", got)
		}

		// Three days later the candidate answers: the decision is due three
		// days later than it was, and staff read the answer.
		e.advance(3 * 24 * time.Hour)
		app = appCall(t, e, candidate, answer, map[string]any{"id": app["id"], "v": app["version"], "r": "Attached to activity 1: the HR letter."})
		if app["status"] != "IN_REVIEW" || app["decisionDueOn"] != day(33) || app["informationResponse"] != "Attached to activity 1: the HR letter." {
			t.Fatalf("after the answer = %v", app)
		}
		mustSay(t, waitForMail(t, m, staffAnswerAddress, "APPLICATION_ANSWERED"), "I-8001", "Send the HR letter for 2023.", "Attached to activity 1: the HR letter.", "due "+day(33))

		app = appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { approveApplication(applicationId: $id, version: $v, reason: "proved") { application { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		waitForMail(t, m, "I-8001@example.com", "APPLICATION_APPROVED")
		var actions []string
		for _, h := range get(app, "history").([]any) {
			actions = append(actions, get(h, "action").(string))
		}
		if got := fmt.Sprint(actions[len(actions)-4:]); got != "[RECORD_PAYMENT REQUEST_INFORMATION PROVIDE_INFORMATION APPROVE]" {
			t.Errorf("history ends %s", got)
		}
		want := "[APPLICATION_APPROVED APPLICATION_INFORMATION_REQUESTED PAYMENT_RECORDED APPLICATION_SUBMITTED]"
		if got := inboxKinds(t, e, candidate); fmt.Sprint(got) != want {
			t.Errorf("the inbox = %v, want %s", got, want)
		}
	})
}

// noticeFact is the named fact of the candidate's newest notification of
// the kind; empty when it has none.
func noticeFact(t *testing.T, e *env, token, kind, name string) string {
	t.Helper()
	data := e.okAs(t, token, `{ viewer { notifications(first: 50) { nodes { kind facts { name value } } } } }`, nil)
	for _, n := range get(data, "viewer", "notifications", "nodes").([]any) {
		if get(n, "kind") != kind {
			continue
		}
		for _, f := range get(n, "facts").([]any) {
			if get(f, "name") == name {
				return get(f, "value").(string)
			}
		}
		return ""
	}
	t.Fatalf("no %s notification: %v", kind, data)
	return ""
}

func TestTheAnswerByDayOfAnOpenQuestionIsTheNotificationsDay(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		expires := e.now.UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "I-8101", expires, expires.AddDate(2, 0, 0))
		staff := e.token(t, catalog.RoleStaff, "staff-j")
		fields := appFields + ` informationAnswerBy`
		read := `query($id: ID!) { node(id: $id) { ... on Application { informationAnswerBy } } }`
		answerBy := func(token string, app map[string]any) any {
			return get(e.okAs(t, token, read, map[string]any{"id": app["id"]}), "node", "informationAnswerBy")
		}
		call := func(token, mutation string, app map[string]any, extra map[string]any) map[string]any {
			vars := map[string]any{"id": app["id"], "v": app["version"]}
			for k, v := range extra {
				vars[k] = v
			}
			return appCall(t, e, token, mutation, vars)
		}

		app := buildToHundredPoints(t, e, candidate, "CPT", expires)
		app = call(candidate, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { applications { `+fields+` } userErrors { field message } } }`, app, nil)
		app = call(staff, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 7500, reference: "J-1") { applications { `+fields+` } userErrors { field message } } }`, app, nil)
		if app["informationAnswerBy"] != nil {
			t.Errorf("in review with no question, informationAnswerBy = %v", app["informationAnswerBy"])
		}

		// Asked two days later: answer by decision_days (30) after that day,
		// the day the candidate's notification gives.
		e.advance(2 * 24 * time.Hour)
		asked := e.clock.Load().(time.Time).UTC()
		app = call(staff, `mutation($id: ID!, $v: Int!, $m: String!) { requestApplicationInformation(applicationId: $id, version: $v, message: $m) { application { `+fields+` } userErrors { field code message } } }`, app, map[string]any{"m": "Send the HR letter for 2023."})
		want := asked.AddDate(0, 0, 30).Format("2006-01-02")
		if notified := noticeFact(t, e, candidate, "APPLICATION_INFORMATION_REQUESTED", "answerBy"); notified != want {
			t.Fatalf("the notification's answer-by day = %q, want %q", notified, want)
		}
		if app["informationAnswerBy"] != want {
			t.Errorf("the question's payload gives informationAnswerBy = %v, want %s", app["informationAnswerBy"], want)
		}
		e.advance(5 * 24 * time.Hour)
		for who, token := range map[string]string{"the candidate": candidate, "staff": staff} {
			if got := answerBy(token, app); got != want {
				t.Errorf("five days later %s read informationAnswerBy = %v, want %s", who, got, want)
			}
		}
		if got := answerBy(e.token(t, catalog.RoleCandidate, "I-9998"), app); got != nil {
			t.Errorf("another candidate reads informationAnswerBy = %v", got)
		}

		app = call(candidate, `mutation($id: ID!, $v: Int!, $r: String!) { provideApplicationInformation(applicationId: $id, version: $v, response: $r) { application { `+fields+` } userErrors { field code message } } }`, app, map[string]any{"r": "Attached to activity 1."})
		if app["status"] != "IN_REVIEW" || app["informationAnswerBy"] != nil {
			t.Errorf("after the answer, status %v and informationAnswerBy = %v, want IN_REVIEW and null", app["status"], app["informationAnswerBy"])
		}
		if got := answerBy(staff, app); got != nil {
			t.Errorf("after the answer staff read informationAnswerBy = %v", got)
		}
	})
}
