package apitest

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/notification"
	"github.com/mssc/recert/internal/notify"
)

// startQueue runs the notification queue over the env's database, with the
// env's clock, sending to the mail server; it stops when the test ends or
// when the returned function is called.
func startQueue(t *testing.T, e *env, m *mailServer, staff []string, maxAttempts int) func() {
	t.Helper()
	ctx := context.Background()
	if err := notify.Migrate(ctx, e.store); err != nil {
		t.Fatal(err)
	}
	mailer, err := notify.NewSMTPMailer(fmt.Sprintf("smtp://%s:%s@%s?tls=none&auth=plain-noenc", mailUser, mailPassword, m.addr), "MSSC Recertification <recert@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	clock := func() time.Time { return e.clock.Load().(time.Time) }
	q, err := notify.New(ctx, e.store, e.store, notify.Config{
		Mailer:           mailer,
		Reminders:        notification.NewReminders(e.catalog, e.store, e.store, e.store, staff, clock),
		Link:             "https://recert.example.org/app",
		PollInterval:     20 * time.Millisecond,
		ReminderInterval: 40 * time.Millisecond,
		RetryBase:        20 * time.Millisecond,
		RetryMax:         100 * time.Millisecond,
		MaxAttempts:      maxAttempts,
		Logger:           slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	e.inbox.SetDeliveries(q)
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			if err := q.Stop(sctx); err != nil {
				t.Errorf("stopping the queue: %v", err)
			}
		}
	}
	t.Cleanup(stop)
	return stop
}

// kindOf reads the notification kind from a message's key.
func kindOf(d delivered) string {
	for _, part := range strings.Split(d.Key, "|") {
		if part == strings.ToUpper(part) && strings.Contains(part, "_") || part == "EXPIRED" {
			return part
		}
	}
	return ""
}

// waitForMail waits until a message of the kind reaches the address, and
// returns it.
func waitForMail(t *testing.T, m *mailServer, to, kind string) delivered {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		for _, d := range m.messages() {
			if d.To == to && kindOf(d) == kind {
				return d
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no %s message reached %s; got %v", kind, to, summary(m.messages()))
	return delivered{}
}

// mailsOf returns the messages that reached the address.
func mailsOf(m *mailServer, to string) []delivered {
	var out []delivered
	for _, d := range m.messages() {
		if d.To == to {
			out = append(out, d)
		}
	}
	return out
}

// summary lists the messages as recipient and kind, sorted.
func summary(ds []delivered) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.To + " " + kindOf(d)
	}
	sort.Strings(out)
	return out
}

// mustSay fails unless the message's text and HTML bodies say each phrase.
func mustSay(t *testing.T, d delivered, phrases ...string) {
	t.Helper()
	for _, p := range phrases {
		if !strings.Contains(d.Text, p) || !strings.Contains(d.HTML, p) {
			t.Errorf("the %s message to %s does not say %q:\n%s\n%s", kindOf(d), d.To, p, d.Text, d.HTML)
		}
	}
}

func TestNotificationsFollowTheLifecycleOnceEach(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		m := startMailServer(t)
		day := func() time.Time { return e.clock.Load().(time.Time) }
		expires := e.now.UTC().Truncate(24*time.Hour).AddDate(0, 0, 100)
		exp := expires.Format("2006-01-02")
		approvedHolder := registerHolder(t, e, "N-1001", expires, expires.AddDate(3, 0, 0))
		deniedHolder := registerHolder(t, e, "N-1002", expires, expires.AddDate(3, 0, 0))
		registerHolder(t, e, "N-1003", expires, expires.AddDate(3, 0, 0))
		staff := e.token(t, catalog.RoleStaff, "staff-n")
		stop := startQueue(t, e, m, []string{"queue@mssc.example.org"}, 100)

		// 100 days before: nothing is due yet.
		time.Sleep(300 * time.Millisecond)
		if got := m.messages(); len(got) != 0 {
			t.Fatalf("mail before the window opens: %v", summary(got))
		}

		// 90 days before: the window opens for all three.
		e.advance(10 * 24 * time.Hour)
		for _, who := range []string{"N-1001", "N-1002", "N-1003"} {
			d := waitForMail(t, m, who+"@example.com", "WINDOW_OPENS")
			mustSay(t, d, "expires on "+exp, "$75.00", "https://recert.example.org/app")
		}

		// N-1001 and N-1002 apply; N-1001's is submitted, paid and approved.
		e.advance(30 * 24 * time.Hour)
		app := buildToHundredPoints(t, e, approvedHolder, "CPT", expires)
		app = appCall(t, e, approvedHolder, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		mustSay(t, waitForMail(t, m, "N-1001@example.com", "APPLICATION_SUBMITTED"), "$75.00")
		denied := buildToHundredPoints(t, e, deniedHolder, "CPT", expires)
		denied = appCall(t, e, deniedHolder, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": denied["id"], "v": denied["version"]})

		// The mail server goes down: the payment's mail waits, and the
		// restart of the service in the middle loses and repeats nothing.
		m.setDown(true)
		app = appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 7500, reference: "N-R1") { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		denied = appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: 7500, reference: "N-R2") { applications { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": denied["id"], "v": denied["version"]})
		deadline := time.Now().Add(20 * time.Second)
		for m.refusals() < 4 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if m.refusals() < 4 {
			t.Fatalf("the queue tried %d times while the mail server was down", m.refusals())
		}
		stop()
		stop = startQueue(t, e, m, []string{"queue@mssc.example.org"}, 100)
		m.setDown(false)
		paidDue := day().AddDate(0, 0, 30).Format("2006-01-02")
		mustSay(t, waitForMail(t, m, "N-1001@example.com", "PAYMENT_RECORDED"), "$75.00", "by "+paidDue)
		waitForMail(t, m, "N-1002@example.com", "PAYMENT_RECORDED")

		// Staff's answers are due in 4 days: the staff digest lists both.
		e.advance(26 * 24 * time.Hour)
		digest := waitForMail(t, m, "queue@mssc.example.org", "STAFF_DIGEST")
		mustSay(t, digest, "CPT application", "N-1001", "N-1002", "answer due "+paidDue)

		// 30 days before expiration: only N-1003, who has not applied, is
		// reminded; staff get the day's digest, the answers now due today.
		e.advance(4 * 24 * time.Hour)
		mustSay(t, waitForMail(t, m, "N-1003@example.com", "EXPIRES_SOON"), "expires on "+exp)
		deadline = time.Now().Add(20 * time.Second)
		for len(mailsOf(m, "queue@mssc.example.org")) < 2 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}

		approved := appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { approveApplication(applicationId: $id, version: $v, reason: "100 points proved") { application { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": app["id"], "v": app["version"]})
		mustSay(t, waitForMail(t, m, "N-1001@example.com", "APPLICATION_APPROVED"), "expires on "+approved["newExpiresOn"].(string), "expires on "+expires.AddDate(5, 0, 0).Format("2006-01-02"))
		appCall(t, e, staff, `mutation($id: ID!, $v: Int!) { denyApplication(applicationId: $id, version: $v, reasons: ["the employment is administrative"]) { application { `+appFields+` } userErrors { field message } } }`, map[string]any{"id": denied["id"], "v": denied["version"]})
		deniedOn := day().Format("2006-01-02")
		mustSay(t, waitForMail(t, m, "N-1002@example.com", "APPLICATION_DENIED"), "denied on "+deniedOn,
			"by "+day().AddDate(0, 0, 30).Format("2006-01-02"), "$25.00", "$50.00", "within 30 days", "the employment is administrative")

		// The day after expiration: N-1003 is told the certification expired.
		e.advance(31 * 24 * time.Hour)
		mustSay(t, waitForMail(t, m, "N-1003@example.com", "EXPIRED"), "expired on "+exp)

		// Let the reminders run a few more times, then count: each event once.
		time.Sleep(400 * time.Millisecond)
		want := []string{
			"N-1001@example.com APPLICATION_APPROVED", "N-1001@example.com APPLICATION_SUBMITTED", "N-1001@example.com PAYMENT_RECORDED", "N-1001@example.com WINDOW_OPENS",
			"N-1002@example.com APPLICATION_DENIED", "N-1002@example.com APPLICATION_SUBMITTED", "N-1002@example.com PAYMENT_RECORDED", "N-1002@example.com WINDOW_OPENS",
			"N-1003@example.com EXPIRED", "N-1003@example.com EXPIRES_SOON", "N-1003@example.com WINDOW_OPENS",
			"queue@mssc.example.org STAFF_DIGEST", "queue@mssc.example.org STAFF_DIGEST",
		}
		got := summary(m.messages())
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("delivered:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		stop()
	})
}

func TestRemindersCanBeTurnedOffAndTheInboxListsEverything(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		m := startMailServer(t)
		expires := e.now.UTC().Truncate(24*time.Hour).AddDate(0, 0, 95)
		quiet := registerHolder(t, e, "Q-2001", expires, expires.AddDate(3, 0, 0))
		registerHolder(t, e, "Q-2002", expires, expires.AddDate(3, 0, 0))
		other := registerHolder(t, e, "Q-2003", expires.AddDate(2, 0, 0), expires.AddDate(3, 0, 0))
		prefs := e.okAs(t, quiet, `mutation { setNotificationPreferences(remindersOn: false) { remindersOn } }`, nil)
		if get(prefs, "setNotificationPreferences", "remindersOn") != false {
			t.Fatalf("preferences = %v", prefs)
		}
		startQueue(t, e, m, nil, 100)
		e.advance(5 * 24 * time.Hour)
		waitForMail(t, m, "Q-2002@example.com", "WINDOW_OPENS")
		list := `{ viewer { notificationPreferences { remindersOn } notifications(first: 10) { totalCount nodes { id kind readAt facts { name value } } } } }`
		var inbox map[string]any
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			inbox = e.okAs(t, quiet, list, nil)
			if num(get(inbox, "viewer", "notifications", "totalCount")) == 1 {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		node := get(inbox, "viewer", "notifications", "nodes", 0)
		if get(node, "kind") != "WINDOW_OPENS" || get(node, "readAt") != nil || get(inbox, "viewer", "notificationPreferences", "remindersOn") != false {
			t.Fatalf("the inbox of a candidate with reminders off = %v", inbox)
		}
		time.Sleep(300 * time.Millisecond)
		if got := mailsOf(m, "Q-2001@example.com"); len(got) != 0 {
			t.Errorf("a reminder was mailed to a candidate who turned reminders off: %v", summary(got))
		}

		mark := `mutation($id: ID!) { markNotificationRead(id: $id) { notification { id readAt } userErrors { field code message } } }`
		stolen := e.okAs(t, other, mark, map[string]any{"id": get(node, "id")})
		if get(stolen, "markNotificationRead", "userErrors", 0, "code") != "NOT_FOUND" || get(stolen, "markNotificationRead", "notification") != nil {
			t.Errorf("another candidate marked the notification read: %v", stolen)
		}
		bad := e.okAs(t, quiet, mark, map[string]any{"id": strings.Repeat("x", 5000)})
		if get(bad, "markNotificationRead", "userErrors", 0, "field") == nil {
			t.Errorf("a malformed ID: %v", bad)
		}
		read := e.okAs(t, quiet, mark, map[string]any{"id": get(node, "id")})
		if get(read, "markNotificationRead", "notification", "readAt") == nil {
			t.Errorf("mark read = %v", read)
		}
		unread := e.okAs(t, quiet, `{ viewer { notifications(first: 10, unreadOnly: true) { totalCount } } }`, nil)
		if num(get(unread, "viewer", "notifications", "totalCount")) != 0 {
			t.Errorf("unread after marking read = %v", unread)
		}
		if r := e.queryAs(t, other, `{ deliveryFailures { key } }`, nil); len(r.Errors) != 1 {
			t.Errorf("a candidate read the delivery failures: %s", r.Raw)
		}
	})
}

func TestDeliveriesThatKeepFailingAreListedForStaff(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		m := startMailServer(t)
		m.setDown(true)
		expires := e.now.UTC().Truncate(24*time.Hour).AddDate(0, 0, 60)
		registerHolder(t, e, "F-3001", expires, expires.AddDate(3, 0, 0))
		staff := e.token(t, catalog.RoleStaff, "staff-f")
		startQueue(t, e, m, nil, 3)
		var failures []any
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			failures = get(e.okAs(t, staff, `{ deliveryFailures(first: 10) { notificationId key attempts lastError failedAt } }`, nil), "deliveryFailures").([]any)
			if len(failures) > 0 {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if len(failures) != 1 || num(get(failures[0], "attempts")) != 3 || !strings.Contains(get(failures[0], "lastError").(string), "unavailable") ||
			!strings.Contains(get(failures[0], "key").(string), "WINDOW_OPENS") {
			t.Fatalf("delivery failures = %v (refused %d)", failures, m.refusals())
		}
		if m.refusals() != 3 {
			t.Errorf("the mail server refused %d sends, want 3", m.refusals())
		}
	})
}
