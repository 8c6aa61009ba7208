package catalog

import (
	"strings"
	"testing"
	"time"
)

// notificationSnapshot holds the seeded fees and the rule figures the
// notifications read.
func notificationSnapshot() *Snapshot {
	usd := func(cents int64) Money { return Money{Cents: cents, Currency: "USD"} }
	return NewSnapshot(&Data{
		Fees: []Fee{{Kind: FeeApplication, Amount: usd(7500)}, {Kind: FeeBundledApplication, Amount: usd(10000)},
			{Kind: FeeDetailedReview, Amount: usd(0)}, {Kind: FeeLateDetailedReview, Amount: usd(2500)}, {Kind: FeeAppeal, Amount: usd(5000)}},
		Rules: []Rule{{Key: "free_detailed_review_days", Value: 30}, {Key: "decision_days", Value: 30}},
	})
}

// TestEveryTransitionSendsWhatTheIssueSays walks the one table of
// application transitions: each action either sends the candidate its
// notification with the facts the email needs, or is listed here as sending
// none, with the reason. A transition added to the table without a line
// here fails.
func TestEveryTransitionSendsWhatTheIssueSays(t *testing.T) {
	type want struct {
		kind  NotificationKind
		facts []string
		// none says why the action notifies nobody.
		none string
	}
	wants := map[ApplicationAction]want{
		ActionEdit:                  {none: "the candidate's own draft"},
		ActionRequestExtension:      {none: "the candidate's own request; staff's decision is notified"},
		ActionGrantExtension:        {kind: NotifyExtensionGranted, facts: []string{"newExpiresOn", "courseEndsOn", "reason", "expiresOn"}},
		ActionRefuseExtension:       {kind: NotifyExtensionRefused, facts: []string{"courseEndsOn", "reason", "expiresOn"}},
		ActionSubmit:                {kind: NotifySubmitted, facts: []string{"feeDue", "application"}},
		ActionRecordPayment:         {kind: NotifyPaymentRecorded, facts: []string{"paid", "decisionDueOn"}},
		ActionAssign:                {none: "staff's own work"},
		ActionSetPoints:             {none: "staff's own work; the decision says the outcome"},
		ActionRefuseActivity:        {none: "staff's own work; the decision says the outcome"},
		ActionRequestInformation:    {kind: NotifyInformationRequested, facts: []string{"question", "askedOn", "answerBy"}},
		ActionProvideInformation:    {none: "the candidate's own answer; staff are told (apitest TestStaffAskAndTheCandidateAnswersOnAnApplication)"},
		ActionApprove:               {kind: NotifyApproved, facts: []string{"newExpiresOn"}},
		ActionDeny:                  {kind: NotifyDenied, facts: []string{"deniedOn", "freeReviewUntil", "reviewFee", "lateReviewFee", "appealFee", "answerDays", "reason1"}},
		ActionRequestDetailedReview: {none: "the candidate's own request; its fee's payment and its decision are notified"},
		ActionGrantDetailedReview:   {kind: NotifyApproved, facts: []string{"newExpiresOn"}},
		ActionUpholdDenial:          {kind: NotifyDenialUpheld, facts: []string{"decidedOn", "reason", "appealFee", "answerDays"}},
		ActionAppeal:                {none: "the candidate's own request; its fee's payment and its decision are notified"},
		ActionGrantAppeal:           {kind: NotifyApproved, facts: []string{"newExpiresOn"}},
		ActionRejectAppeal:          {kind: NotifyAppealRejected, facts: []string{"decidedOn", "reason"}},
	}
	snap := notificationSnapshot()
	at := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	expires := NewDate(2026, time.May, 1)
	for _, tr := range Transitions {
		t.Run(string(tr.From)+"/"+string(tr.Action), func(t *testing.T) {
			w, ok := wants[tr.Action]
			if !ok {
				t.Fatalf("%s from %s is not in this table: say which notification it sends, or why it sends none", tr.Action, tr.From)
			}
			due, newExpires, until := expires.AddDays(60), expires.AddDays(5*365), expires.AddDays(90)
			a := &Application{ID: 7, CandidateID: 11, Program: ProgramCPT, Status: tr.To, Version: 3,
				Cycle: PointsCycle{ExpiresOn: expires}, DecisionDueOn: &due, NewExpiresOn: &newExpires,
				DenialReasons: []string{"the employment is administrative"},
				NewEvents:     []ApplicationEvent{{At: at, Action: tr.Action, From: tr.From, To: tr.To, Reason: "the reason given"}}}
			if tr.Action == ActionGrantExtension {
				a.Extension = &Extension{Status: ExtensionGranted, CourseEndsOn: expires.AddDays(30), Until: &until, Decision: "the course ends soon"}
			}
			if tr.Action == ActionRefuseExtension {
				a.Extension = &Extension{Status: ExtensionRefused, CourseEndsOn: expires.AddDays(300), Decision: "the course ends too late"}
			}
			fee := Money{Cents: 7500, Currency: "USD"}
			got := applicationNotification(snap, a, tr.Action, at, &fee)
			if w.none != "" {
				if len(got) != 0 {
					t.Fatalf("sends %v, want none (%s)", got, w.none)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("sends %d notifications, want one %s", len(got), w.kind)
			}
			n := got[0]
			if n.Kind != w.kind || n.CandidateID != a.CandidateID || n.Kind.IsReminder() {
				t.Fatalf("sends %s to candidate %d, want %s (not a reminder) to %d", n.Kind, n.CandidateID, w.kind, a.CandidateID)
			}
			if !strings.Contains(n.Key, "application:7|"+string(w.kind)+"|v3") {
				t.Errorf("key %q does not name the application, kind and version", n.Key)
			}
			for _, f := range append(w.facts, "program", "application", "expiresOn") {
				if n.Facts[f] == "" {
					t.Errorf("fact %s is missing: %v", f, n.Facts)
				}
			}
			for name, v := range n.Facts {
				if strings.Contains(v, "USD") {
					t.Errorf("fact %s prints money by its code: %q", name, v)
				}
			}
		})
	}
}

func TestMoneyPrintsAsPeopleReadIt(t *testing.T) {
	for _, tt := range []struct {
		money Money
		want  string
	}{
		{Money{Cents: 7500, Currency: "USD"}, "$75.00"},
		{Money{Cents: 0, Currency: "USD"}, "$0.00"},
		{Money{Cents: 2505, Currency: "usd"}, "$25.05"},
		{Money{Cents: 123456789, Currency: "USD"}, "$1,234,567.89"},
		{Money{Cents: 100000, Currency: "USD"}, "$1,000.00"},
		{Money{Cents: -1050, Currency: "USD"}, "-$10.50"},
		{Money{Cents: 7500, Currency: "EUR"}, "€75.00"},
		{Money{Cents: 7500, Currency: "CHF"}, "CHF 75.00"},
		{Money{Cents: 9, Currency: ""}, "0.09"},
	} {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.money.String(); got != tt.want {
				t.Errorf("%+v prints %q, want %q", tt.money, got, tt.want)
			}
		})
	}
}
