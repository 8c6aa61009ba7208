package application_test

import (
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/catalogtest"
	"github.com/mssc/recert/catalog/points"
)

func appExpiring(program catalog.Program, expires string) *application.Application {
	e := *day(expires)
	return &application.Application{CandidateID: 1, Program: program, Cycle: points.PointsCycle{CertifiedOn: e.AddYears(-5), ExpiresOn: e}}
}

func TestSubmissionWindowAndExpiration(t *testing.T) {
	snap := seededSnapshot(t)
	a := appExpiring(catalog.ProgramCPT, "2026-06-01")
	for _, tc := range []struct {
		name, today string
		ok          bool
		mention     string
	}{
		{"the day before the window opens", "2026-03-02", false, "opens on 2026-03-03"},
		{"the day the window opens", "2026-03-03", true, ""},
		{"the expiration day", "2026-06-01", true, ""},
		{"the day after the expiration", "2026-06-02", false, "expired on 2026-06-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := application.CheckSubmissionDay(snap, a, *day(tc.today))
			if (err == nil) != tc.ok || (err != nil && !strings.Contains(err.Message, tc.mention)) {
				t.Errorf("on %s: %v", tc.today, err)
			}
		})
	}
	t.Run("an extension moves the last day by 90 days", func(t *testing.T) {
		until, err := application.CheckExtension(snap, a.Cycle.ExpiresOn, *day("2026-07-15"))
		if err != nil || until.String() != "2026-08-30" {
			t.Fatalf("extension until %s, %v", until, err)
		}
		extended := *a
		extended.Extension = &application.Extension{CourseEndsOn: *day("2026-07-15"), Until: &until}
		if err := application.CheckSubmissionDay(snap, &extended, *day("2026-08-30")); err != nil {
			t.Errorf("the extension's last day: %v", err)
		}
		if err := application.CheckSubmissionDay(snap, &extended, *day("2026-08-31")); err == nil {
			t.Error("the day after the extension must be refused")
		}
	})
	for _, tc := range []struct {
		name, ends string
		ok         bool
	}{
		{"a course ending on the expiration needs none", "2026-06-01", false},
		{"a course ending 90 days after", "2026-08-30", true},
		{"a course ending 91 days after", "2026-08-31", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := application.CheckExtension(snap, a.Cycle.ExpiresOn, *day(tc.ends)); (err == nil) != tc.ok {
				t.Errorf("course ending %s: %v", tc.ends, err)
			}
		})
	}
}

func TestFees(t *testing.T) {
	snap := seededSnapshot(t)
	cpt := appExpiring(catalog.ProgramCPT, "2026-06-01")
	for _, tc := range []struct {
		name, cltExpires string
		bundled          bool
	}{
		{"CLT expiring 90 days after CPT", "2026-08-30", true},
		{"CLT expiring 91 days after CPT", "2026-08-31", false},
		{"CLT expiring 90 days before CPT", "2026-03-03", true},
		{"CLT expiring 91 days before CPT", "2026-03-02", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := application.BundleEligible(snap, cpt, appExpiring(catalog.ProgramCLT, tc.cltExpires)); got != tc.bundled {
				t.Errorf("bundle eligible = %v, want %v", got, tc.bundled)
			}
		})
	}
	if application.BundleEligible(snap, cpt, appExpiring(catalog.ProgramCPT, "2026-06-01")) {
		t.Error("two CPT applications are no bundle")
	}
	single, _ := application.Fee(snap, catalog.FeeApplication)
	bundle, _ := application.Fee(snap, catalog.FeeBundledApplication)
	appeal, _ := application.Fee(snap, catalog.FeeAppeal)
	if single.Cents != 7500 || bundle.Cents != 10000 || appeal.Cents != 5000 {
		t.Errorf("fees = %v %v %v", single, bundle, appeal)
	}
	denied := *day("2026-07-01")
	for _, tc := range []struct {
		name, on string
		kind     catalog.FeeKind
		cents    int64
	}{
		{"a review asked on day 30 is free", "2026-07-31", catalog.FeeDetailedReview, 0},
		{"a review asked on day 31 costs the late fee", "2026-08-01", catalog.FeeLateDetailedReview, 2500},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kind, fee, err := application.DetailedReviewFee(snap, denied, *day(tc.on))
			if err != nil || kind != tc.kind || fee.Cents != tc.cents {
				t.Errorf("%s: %s %v %v", tc.on, kind, fee, err)
			}
		})
	}
	if got := application.RecertifiedUntil(snap, *day("2026-06-01")); got.String() != "2031-06-01" {
		t.Errorf("recertified until %s, want 2031-06-01", got)
	}
	if got := application.DecisionDueOn(snap, *day("2026-06-01")); got.String() != "2026-07-01" {
		t.Errorf("decision due %s, want 2026-07-01", got)
	}
}

// TestTransitionsTable checks the table holds the guide's path and no
// status can be left by a role other than its owner.
func TestTransitionsTable(t *testing.T) {
	seen := map[[2]string]bool{}
	for _, tr := range application.Transitions {
		key := [2]string{string(tr.From), string(tr.Action)}
		if seen[key] {
			t.Errorf("two transitions for %v", key)
		}
		seen[key] = true
	}
	path := []struct {
		from   application.ApplicationStatus
		action application.ApplicationAction
		to     application.ApplicationStatus
	}{
		{application.AppDraft, application.ActionSubmit, application.AppSubmitted},
		{application.AppSubmitted, application.ActionRecordPayment, application.AppInReview},
		{application.AppInReview, application.ActionDeny, application.AppDenied},
		{application.AppDenied, application.ActionRequestDetailedReview, application.AppDetailedReview},
		{application.AppDetailedReview, application.ActionUpholdDenial, application.AppDenialUpheld},
		{application.AppDenialUpheld, application.ActionAppeal, application.AppAppealed},
		{application.AppAppealed, application.ActionRejectAppeal, application.AppClosedDenied},
	}
	for _, p := range path {
		found := false
		for _, tr := range application.Transitions {
			found = found || (tr.From == p.from && tr.Action == p.action && tr.To == p.to)
		}
		if !found {
			t.Errorf("the table lacks %s --%s--> %s", p.from, p.action, p.to)
		}
	}
	for _, tr := range application.Transitions {
		if tr.From == application.AppApproved || tr.From == application.AppClosedDenied {
			t.Errorf("a final status has a way out: %+v", tr)
		}
	}
}

// day parses an ISO date of the tests.
func day(s string) *catalog.Date {
	d, err := catalog.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &d
}

// seededSnapshot builds a snapshot of the real seed catalog, with IDs.
func seededSnapshot(t testing.TB) *catalog.Snapshot { return catalogtest.SeededSnapshot(t) }
