package application

import (
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/points"
)

// notificationSnapshot holds the seeded fees and the rule figures the
// notifications read.
func notificationSnapshot() *catalog.Snapshot {
	usd := func(cents int64) catalog.Money { return catalog.Money{Cents: cents, Currency: "USD"} }
	return catalog.NewSnapshot(&catalog.Data{
		Fees: []catalog.Fee{{Kind: catalog.FeeApplication, Amount: usd(7500)}, {Kind: catalog.FeeBundledApplication, Amount: usd(10000)},
			{Kind: catalog.FeeDetailedReview, Amount: usd(0)}, {Kind: catalog.FeeLateDetailedReview, Amount: usd(2500)}, {Kind: catalog.FeeAppeal, Amount: usd(5000)}},
		Rules: []catalog.Rule{{Key: "free_detailed_review_days", Value: 30}, {Key: "decision_days", Value: 30}},
	})
}

// TestEveryTransitionSendsWhatTheIssueSays walks the one table of
// application transitions: each action either sends the candidate its
// notification with the facts the email needs, or is listed here as sending
// none, with the reason. A transition added to the table without a line
// here fails.
func TestEveryTransitionSendsWhatTheIssueSays(t *testing.T) {
	type want struct {
		kind  catalog.NotificationKind
		facts []string
		// none says why the action notifies nobody.
		none string
	}
	wants := map[ApplicationAction]want{
		ActionEdit:                  {none: "the candidate's own draft"},
		ActionRequestExtension:      {none: "the candidate's own request; staff's decision is notified"},
		ActionGrantExtension:        {kind: catalog.NotifyExtensionGranted, facts: []string{"newExpiresOn", "courseEndsOn", "reason", "expiresOn"}},
		ActionRefuseExtension:       {kind: catalog.NotifyExtensionRefused, facts: []string{"courseEndsOn", "reason", "expiresOn"}},
		ActionSubmit:                {kind: catalog.NotifySubmitted, facts: []string{"feeDue", "application"}},
		ActionRecordPayment:         {kind: catalog.NotifyPaymentRecorded, facts: []string{"paid", "decisionDueOn"}},
		ActionAssign:                {none: "staff's own work"},
		ActionSetPoints:             {none: "staff's own work; the decision says the outcome"},
		ActionRefuseActivity:        {none: "staff's own work; the decision says the outcome"},
		ActionRequestInformation:    {kind: catalog.NotifyInformationRequested, facts: []string{"question", "askedOn", "answerBy"}},
		ActionProvideInformation:    {none: "the candidate's own answer; staff are told (apitest TestStaffAskAndTheCandidateAnswersOnAnApplication)"},
		ActionApprove:               {kind: catalog.NotifyApproved, facts: []string{"newExpiresOn"}},
		ActionDeny:                  {kind: catalog.NotifyDenied, facts: []string{"deniedOn", "freeReviewUntil", "reviewFee", "lateReviewFee", "appealFee", "answerDays", "reason1"}},
		ActionRequestDetailedReview: {none: "the candidate's own request; its fee's payment and its decision are notified"},
		ActionGrantDetailedReview:   {kind: catalog.NotifyApproved, facts: []string{"newExpiresOn"}},
		ActionUpholdDenial:          {kind: catalog.NotifyDenialUpheld, facts: []string{"decidedOn", "reason", "appealFee", "answerDays"}},
		ActionAppeal:                {none: "the candidate's own request; its fee's payment and its decision are notified"},
		ActionGrantAppeal:           {kind: catalog.NotifyApproved, facts: []string{"newExpiresOn"}},
		ActionRejectAppeal:          {kind: catalog.NotifyAppealRejected, facts: []string{"decidedOn", "reason"}},
	}
	snap := notificationSnapshot()
	at := time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC)
	expires := catalog.NewDate(2026, time.May, 1)
	for _, tr := range Transitions {
		t.Run(string(tr.From)+"/"+string(tr.Action), func(t *testing.T) {
			w, ok := wants[tr.Action]
			if !ok {
				t.Fatalf("%s from %s is not in this table: say which notification it sends, or why it sends none", tr.Action, tr.From)
			}
			due, newExpires, until := expires.AddDays(60), expires.AddDays(5*365), expires.AddDays(90)
			a := &Application{ID: 7, CandidateID: 11, Program: catalog.ProgramCPT, Status: tr.To, Version: 3,
				Cycle: points.PointsCycle{ExpiresOn: expires}, DecisionDueOn: &due, NewExpiresOn: &newExpires,
				DenialReasons: []string{"the employment is administrative"},
				NewEvents:     []ApplicationEvent{{At: at, Action: tr.Action, From: tr.From, To: tr.To, Reason: "the reason given"}}}
			if tr.Action == ActionGrantExtension {
				a.Extension = &Extension{Status: ExtensionGranted, CourseEndsOn: expires.AddDays(30), Until: &until, Decision: "the course ends soon"}
			}
			if tr.Action == ActionRefuseExtension {
				a.Extension = &Extension{Status: ExtensionRefused, CourseEndsOn: expires.AddDays(300), Decision: "the course ends too late"}
			}
			fee := catalog.Money{Cents: 7500, Currency: "USD"}
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
		money catalog.Money
		want  string
	}{
		{catalog.Money{Cents: 7500, Currency: "USD"}, "$75.00"},
		{catalog.Money{Cents: 0, Currency: "USD"}, "$0.00"},
		{catalog.Money{Cents: 2505, Currency: "usd"}, "$25.05"},
		{catalog.Money{Cents: 123456789, Currency: "USD"}, "$1,234,567.89"},
		{catalog.Money{Cents: 100000, Currency: "USD"}, "$1,000.00"},
		{catalog.Money{Cents: -1050, Currency: "USD"}, "-$10.50"},
		{catalog.Money{Cents: 7500, Currency: "EUR"}, "€75.00"},
		{catalog.Money{Cents: 7500, Currency: "CHF"}, "CHF 75.00"},
		{catalog.Money{Cents: 9, Currency: ""}, "0.09"},
	} {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.money.String(); got != tt.want {
				t.Errorf("%+v prints %q, want %q", tt.money, got, tt.want)
			}
		})
	}
}
