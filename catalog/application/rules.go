package application

import (
	"fmt"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/points"
)

// Rulebook returns the snapshot's validated rulebook. The catalog serves
// only snapshots that pass points.Require, so it fails only for a snapshot
// built around the catalog; it then stops, naming the missing or malformed
// figure, rather than answering 0.
func Rulebook(s *catalog.Snapshot) *points.Rulebook {
	rb, err := points.RulebookOf(s)
	if err != nil {
		panic(err)
	}
	return rb
}

// WindowOpensOn is the first day an application may be submitted: the
// application window before the expiration.
func WindowOpensOn(s *catalog.Snapshot, expiresOn catalog.Date) catalog.Date {
	return expiresOn.AddDays(-points.FiguresOf(s).ApplicationWindowDays())
}

// CheckSubmissionDay refuses a submission before the window opens or after
// the last day (the expiration, or a granted extension's end).
func CheckSubmissionDay(s *catalog.Snapshot, a *Application, today catalog.Date) *catalog.Error {
	if opens := WindowOpensOn(s, a.Cycle.ExpiresOn); today.Before(opens) {
		return &catalog.Error{Code: catalog.CodeBadUserInput, Field: "applicationId", Message: fmt.Sprintf(
			"the application window opens on %s, %d days before the certification expires on %s", opens, points.FiguresOf(s).ApplicationWindowDays(), a.Cycle.ExpiresOn)}
	}
	if last := a.LastDay(); today.After(last) {
		return &catalog.Error{Code: catalog.CodeBadUserInput, Field: "applicationId", Message: fmt.Sprintf(
			"the certification expired on %s and can no longer be recertified; a new certification is needed", last)}
	}
	return nil
}

// CheckExtension accepts an extension request for a course ending after the
// expiration but within the extension period, and returns its last day.
func CheckExtension(s *catalog.Snapshot, expiresOn, courseEndsOn catalog.Date) (catalog.Date, *catalog.Error) {
	until := expiresOn.AddDays(points.FiguresOf(s).ExtensionDays())
	if !courseEndsOn.After(expiresOn) {
		return catalog.Date{}, catalog.Invalid("courseEndsOn", "the course ends on or before the expiration on %s: no extension is needed", expiresOn)
	}
	if courseEndsOn.After(until) {
		return catalog.Date{}, catalog.Invalid("courseEndsOn", "an extension covers a course ending by %s (%d days after the expiration); contact MSSC for a course ending later",
			until, points.FiguresOf(s).ExtensionDays())
	}
	return until, nil
}

// Fee returns the fee of the kind from the fee table.
func Fee(s *catalog.Snapshot, kind catalog.FeeKind) (catalog.Money, *catalog.Error) {
	for _, f := range s.Fees() {
		if f.Kind == kind {
			return f.Amount, nil
		}
	}
	return catalog.Money{}, &catalog.Error{Code: catalog.CodeInternal, Message: "the fee table has no " + string(kind) + " fee"}
}

// BundleEligible reports whether a CPT and a CLT application may be paid
// together at the bundled fee: one of each program, expiring within the
// bundle window of each other.
func BundleEligible(s *catalog.Snapshot, a, b *Application) bool {
	if a.Program == b.Program || a.CandidateID != b.CandidateID {
		return false
	}
	gap := a.Cycle.ExpiresOn.DaysUntil(b.Cycle.ExpiresOn)
	return max(gap, -gap) <= points.FiguresOf(s).BundleExpiryWindowDays()
}

// DetailedReviewFee is the fee of a detailed review asked for on the given
// day: free within the free period after the denial (its last day
// included), the late fee after.
func DetailedReviewFee(s *catalog.Snapshot, deniedOn, today catalog.Date) (catalog.FeeKind, catalog.Money, *catalog.Error) {
	kind := catalog.FeeDetailedReview
	if deniedOn.DaysUntil(today) > points.FiguresOf(s).FreeDetailedReviewDays() {
		kind = catalog.FeeLateDetailedReview
	}
	m, err := Fee(s, kind)
	return kind, m, err
}

// DecisionDueOn is the day an answer given on today is due.
func DecisionDueOn(s *catalog.Snapshot, today catalog.Date) catalog.Date {
	return today.AddDays(points.FiguresOf(s).DecisionDays())
}

// RecertifiedUntil is the new expiration an approval sets: the cycle's
// length after the old expiration, whenever the approval comes.
func RecertifiedUntil(s *catalog.Snapshot, oldExpiresOn catalog.Date) catalog.Date {
	return oldExpiresOn.AddYears(Rulebook(s).CycleYears())
}
