package catalog

import "fmt"

// ruleDays reads a figure of the rule tables as whole days or years.
func (s *Snapshot) RuleDays(key string) int { return int(s.ruleValue(key)) }

// WindowOpensOn is the first day an application may be submitted: the
// application window before the expiration.
func (s *Snapshot) WindowOpensOn(expiresOn Date) Date {
	return expiresOn.AddDays(-s.RuleDays("application_window_days"))
}

// CheckSubmissionDay refuses a submission before the window opens or after
// the last day (the expiration, or a granted extension's end).
func (s *Snapshot) CheckSubmissionDay(a *Application, today Date) *Error {
	if opens := s.WindowOpensOn(a.Cycle.ExpiresOn); today.Before(opens) {
		return &Error{Code: CodeInvalid, Field: "applicationId", Message: fmt.Sprintf(
			"the application window opens on %s, %d days before the certification expires on %s", opens, s.RuleDays("application_window_days"), a.Cycle.ExpiresOn)}
	}
	if last := a.LastDay(); today.After(last) {
		return &Error{Code: CodeInvalid, Field: "applicationId", Message: fmt.Sprintf(
			"the certification expired on %s and can no longer be recertified; a new certification is needed", last)}
	}
	return nil
}

// CheckExtension accepts an extension request for a course ending after the
// expiration but within the extension period, and returns its last day.
func (s *Snapshot) CheckExtension(expiresOn, courseEndsOn Date) (Date, *Error) {
	until := expiresOn.AddDays(s.RuleDays("extension_days"))
	if !courseEndsOn.After(expiresOn) {
		return Date{}, Invalid("courseEndsOn", "the course ends on or before the expiration on %s: no extension is needed", expiresOn)
	}
	if courseEndsOn.After(until) {
		return Date{}, Invalid("courseEndsOn", "an extension covers a course ending by %s (%d days after the expiration); contact MSSC for a course ending later",
			until, s.RuleDays("extension_days"))
	}
	return until, nil
}

// Fee returns the fee of the kind from the fee table.
func (s *Snapshot) Fee(kind FeeKind) (Money, *Error) {
	for _, f := range s.Fees() {
		if f.Kind == kind {
			return f.Amount, nil
		}
	}
	return Money{}, &Error{Code: CodeInternal, Message: "the fee table has no " + string(kind) + " fee"}
}

// BundleEligible reports whether a CPT and a CLT application may be paid
// together at the bundled fee: one of each program, expiring within the
// bundle window of each other.
func (s *Snapshot) BundleEligible(a, b *Application) bool {
	if a.Program == b.Program || a.CandidateID != b.CandidateID {
		return false
	}
	gap := a.Cycle.ExpiresOn.DaysUntil(b.Cycle.ExpiresOn)
	return max(gap, -gap) <= s.RuleDays("bundle_expiry_window_days")
}

// DetailedReviewFee is the fee of a detailed review asked for on the given
// day: free within the free period after the denial (its last day
// included), the late fee after.
func (s *Snapshot) DetailedReviewFee(deniedOn, today Date) (FeeKind, Money, *Error) {
	kind := FeeDetailedReview
	if deniedOn.DaysUntil(today) > s.RuleDays("free_detailed_review_days") {
		kind = FeeLateDetailedReview
	}
	m, err := s.Fee(kind)
	return kind, m, err
}

// DecisionDueOn is the day an answer given on today is due.
func (s *Snapshot) DecisionDueOn(today Date) Date { return today.AddDays(s.RuleDays("decision_days")) }

// RecertifiedUntil is the new expiration an approval sets: the cycle's
// length after the old expiration, whenever the approval comes.
func (s *Snapshot) RecertifiedUntil(oldExpiresOn Date) Date {
	return oldExpiresOn.AddYears(s.RuleDays("cycle_years"))
}
