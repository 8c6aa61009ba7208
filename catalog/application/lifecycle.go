package application

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/points"
)

// Submit submits one draft, or a CPT and a CLT draft together for the
// bundled fee. It checks the window, the expiration (or extension), the
// points and the proofs, and computes the fee. With an idempotency key a
// retried request gets the same result once, never a second submission:
// a replay that finds the first request still in flight waits for it
// (the store's row lock) and answers with its result.
func (s *Applications) Submit(ctx context.Context, ids []int64, versions []int, idemKey string) ([]*Application, []*catalog.Error, error) {
	p, err := catalog.Require(ctx, catalog.RoleCandidate)
	if err != nil {
		return nil, nil, err
	}
	if len(ids) == 0 || len(ids) > 2 || len(ids) != len(versions) {
		return nil, []*catalog.Error{catalog.Invalid("applicationIds", "submit one application, or a CPT and a CLT application together, each with its version")}, nil
	}
	idem, earlier, errs, err := s.idempotent(ctx, p, idemKey, "submitApplications", map[string]any{"ids": ids, "versions": versions})
	if errs != nil || err != nil {
		return nil, errs, err
	}
	if earlier != nil {
		return s.withBundle(ctx, earlier)
	}
	apps, errs, err := s.submit(ctx, p, ids, versions, idem)
	if idem != nil && (errs != nil || catalog.ErrorCode(err) == catalog.CodeConflict) {
		if earlier, replayErrs, replayErr := s.replay(ctx, p, idem); earlier != nil || replayErrs != nil || replayErr != nil {
			if earlier != nil {
				return s.withBundle(ctx, earlier)
			}
			return nil, replayErrs, replayErr
		}
	}
	return apps, errs, err
}

// submit checks and submits the drafts, saving the idempotency key with
// them.
func (s *Applications) submit(ctx context.Context, p *catalog.Principal, ids []int64, versions []int, idem *IdempotencyKey) ([]*Application, []*catalog.Error, error) {
	snap, err := s.catalog.Snapshot(ctx)
	if err != nil {
		return nil, nil, err
	}
	rb, err := points.RulebookOf(snap)
	if err != nil {
		return nil, nil, catalog.Internal(err)
	}
	today := s.today()
	var apps []*Application
	for i, id := range ids {
		a, err := s.store.ApplicationByID(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		field := "applicationIds." + strconv.Itoa(i)
		if a == nil || a.CandidateNumber != p.CandidateNumber {
			return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Field: field, Message: "no application has this ID"}}, nil
		}
		if a.Version != versions[i] {
			e := staleVersion(a)
			e.Field = "versions." + strconv.Itoa(i)
			return nil, []*catalog.Error{e}, nil
		}
		if a.Status != AppDraft {
			return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: field, Message: "the application was submitted already; it is " + string(a.Status)}}, nil
		}
		if e := CheckSubmissionDay(snap, a, today); e != nil {
			e.Field = field
			return nil, []*catalog.Error{e}, nil
		}
		report := points.ComputePoints(rb, a.Program, a.CountingCycle(), activitiesOf(a), today)
		if report.Total < rb.PointsRequired() {
			return nil, []*catalog.Error{shortfallRefusal(field, report)}, nil
		}
		if e := missingProofRefusal(field, a, report); e != nil {
			return nil, []*catalog.Error{e}, nil
		}
		apps = append(apps, a)
	}
	kind := catalog.FeeApplication
	if len(apps) == 2 {
		if !BundleEligible(snap, apps[0], apps[1]) {
			return nil, []*catalog.Error{catalog.Invalid("applicationIds", "the bundled fee is for a CPT and a CLT certification expiring within %d days of each other; submit them one by one",
				points.FiguresOf(snap).BundleExpiryWindowDays())}, nil
		}
		kind = catalog.FeeBundledApplication
	}
	fee, e := Fee(snap, kind)
	if e != nil {
		return nil, nil, e
	}
	at := s.now().UTC()
	expected := make([]int, len(apps))
	for i, a := range apps {
		expected[i] = a.Version
		a.Version++
		a.Status, a.SubmittedAt, a.FeeDue, a.FeeKind = AppSubmitted, &at, &fee, kind
		if len(apps) == 2 {
			if i == 0 {
				a.BundleChange = newBundle(apps, kind, fee, at)
			}
			a.BundleID, a.FeeDue, a.FeeKind = apps[0].BundleChange.ID, nil, ""
		}
		a.NewEvents = append(a.NewEvents, ApplicationEvent{At: at, Actor: p.Actor(), Action: ActionSubmit, From: AppDraft, To: AppSubmitted,
			Reason: fmt.Sprintf("%s fee of %s due", strings.ToLower(strings.ReplaceAll(string(kind), "_", " ")), formatMoney(fee))})
	}
	if idem != nil {
		idem.ResultID = apps[0].ID
	}
	change := catalog.Change{Action: string(ActionSubmit), Actor: p.Actor(), At: at, Notify: applicationNotifications(snap, apps, ActionSubmit, at, &fee)}
	if err := s.store.UpdateApplications(ctx, apps, expected, nil, idem, change); err != nil {
		if catalog.ErrorCode(err) == catalog.CodeConflict {
			return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "applicationIds", Message: "the application was changed at the same time; reload it and try again"}}, nil
		}
		return nil, nil, err
	}
	return apps, nil, nil
}

// withBundle returns an application with the other application of its bundle.
func (s *Applications) withBundle(ctx context.Context, a *Application) ([]*Application, []*catalog.Error, error) {
	if a.BundleID == "" {
		return []*Application{a}, nil, nil
	}
	all, err := s.store.ApplicationsOfCandidate(ctx, a.CandidateID)
	if err != nil {
		return nil, nil, err
	}
	out := []*Application{a}
	for _, x := range all {
		if x.ID != a.ID && x.BundleID == a.BundleID {
			out = append(out, x)
		}
	}
	return out, nil, nil
}

// feeName is a fee kind in words.
func feeName(kind catalog.FeeKind) string {
	return strings.ToLower(strings.ReplaceAll(string(kind), "_", " "))
}

// formatMoney prints an amount as people read it, such as "$75.00".
func formatMoney(m catalog.Money) string { return m.String() }

// stageFee is the fee the current stage of an application needs paid.
func stageFee(a *Application) (catalog.FeeKind, int64) {
	if a.FeeDue == nil {
		return "", 0
	}
	return a.FeeKind, a.FeeDue.Cents
}

func paidFor(a *Application, kind catalog.FeeKind) int64 {
	var n int64
	for _, p := range a.Payments {
		if p.Fee == kind {
			n += p.Amount.Cents
		}
	}
	return n
}

// RecordPayment records a fee payment made outside the service (no payment
// gateway is integrated). Paying a submitted application's fee in full, or
// both of a bundle, starts the review.
func (s *Applications) RecordPayment(ctx context.Context, id int64, version int, amount catalog.Money, reference string) ([]*Application, []*catalog.Error, error) {
	p, err := catalog.Require(ctx, catalog.RoleStaff)
	if err != nil {
		return nil, nil, err
	}
	a, err := s.store.ApplicationByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if a == nil {
		return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Field: "applicationId", Message: "no application has this ID"}}, nil
	}
	if a.Version != version {
		return nil, []*catalog.Error{staleVersion(a)}, nil
	}
	t := transition(a.Status, ActionRecordPayment)
	if t == nil {
		return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "applicationId", Message: "no fee is due on an application that is " + string(a.Status)}}, nil
	}
	kind, owed, currency, bundle, err := s.owedFee(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case bundle != nil && owed <= 0:
		return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "applicationId", Message: "the fee was paid at the same time; reload the application"}}, nil
	case owed <= 0:
		return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "applicationId", Message: "no fee is due on this application: the " + feeName(kind) + " is free or paid"}}, nil
	case strings.TrimSpace(reference) == "":
		return nil, []*catalog.Error{catalog.Invalid("reference", "the payment reference is required")}, nil
	case amount.Cents != owed:
		return nil, []*catalog.Error{catalog.Invalid("amountCents", "the amount due is %s", catalog.Money{Cents: owed, Currency: currency}.String())}, nil
	}
	apps, _, err := s.withBundle(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	if a.Status != AppSubmitted {
		apps = apps[:1]
	}
	snap, err := s.catalog.Snapshot(ctx)
	if err != nil {
		return nil, nil, err
	}
	at := s.now().UTC()
	if bundle != nil {
		bundle.Payments = append(bundle.Payments, Payment{Amount: amount, Reference: reference, RecordedBy: p.Actor(), RecordedAt: at, Fee: kind})
		bundle.Version++
		apps[0].BundleChange = bundle
	}
	expected := make([]int, len(apps))
	for i, x := range apps {
		due := DecisionDueOn(snap, s.today())
		delay, err := s.reviewDelay(ctx, x, snap)
		if err != nil {
			return nil, nil, err
		}
		due = due.AddDays(delay)
		expected[i] = x.Version
		x.Version++
		reason := "paid " + amount.String() + ", reference " + reference
		if bundle != nil {
			reason += ", for " + bundle.ID + " with both applications"
		} else {
			x.Payments = append(x.Payments, Payment{Amount: amount, Reference: reference, RecordedBy: p.Actor(), RecordedAt: at, Fee: kind})
		}
		if delay > 0 {
			reason += fmt.Sprintf("; the decision may wait up to %d more days for a catalog review", delay)
		}
		x.NewEvents = append(x.NewEvents, ApplicationEvent{At: at, Actor: p.Actor(), Action: ActionRecordPayment, From: x.Status, To: t.To, Reason: reason})
		if x.Status == AppSubmitted {
			x.DecisionDueOn = &due
		}
		x.Status = t.To
	}
	change := catalog.Change{Action: string(ActionRecordPayment), Actor: p.Actor(), At: at, Notify: applicationNotifications(snap, apps, ActionRecordPayment, at, &amount)}
	if err := s.store.UpdateApplications(ctx, apps, expected, nil, nil, change); err != nil {
		return nil, catalog.ConflictAsUserError(err, "version"), catalog.UserErrorOrNil(err)
	}
	return apps, nil, nil
}

// Assign gives an application's review to a staff member (the caller when empty).
func (s *Applications) Assign(ctx context.Context, id int64, version int, reviewer string) (*Application, []*catalog.Error, error) {
	return s.change(ctx, id, version, ActionAssign, "", func(p *catalog.Principal, a *Application, _ *catalog.Snapshot) ([]*catalog.Error, error) {
		a.Reviewer = catalog.FirstNonEmpty(strings.TrimSpace(reviewer), p.Subject)
		return nil, nil
	})
}

// approve recertifies: the held certification's new cycle starts the day
// after the cycle's own expiration (never overlapping it, whatever
// extension ran) and ends the cycle's length after that expiration.
func (s *Applications) approve(ctx context.Context, a *Application, snap *catalog.Snapshot, reason string) ([]candidate.HeldCertification, []*catalog.Error, error) {
	report, err := s.Report(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	if report.Total < report.Required {
		return nil, []*catalog.Error{{Code: catalog.CodeBadUserInput, Field: "applicationId", Message: fmt.Sprintf("the application has %d points with the reviewer's figures; %d are required", report.Total, report.Required)}}, nil
	}
	held, conflict, err := s.heldCycle(ctx, a)
	if conflict != nil || err != nil {
		return nil, conflict, err
	}
	next := RecertifiedUntil(snap, a.Cycle.ExpiresOn)
	a.NewExpiresOn = &next
	moved := *held
	moved.CertifiedOn, moved.ExpiresOn, moved.ExtendedFrom = a.Cycle.ExpiresOn.AddDays(1), next, nil
	return []candidate.HeldCertification{moved}, nil, nil
}

// Approve recertifies the candidate.
func (s *Applications) Approve(ctx context.Context, id int64, version int, reason string) (*Application, []*catalog.Error, error) {
	return s.changeHeld(ctx, id, version, ActionApprove, reason, func(p *catalog.Principal, a *Application, snap *catalog.Snapshot, _ time.Time) ([]candidate.HeldCertification, []*catalog.Error, error) {
		a.DecidedBy[ActionApprove] = p.Subject
		return s.approve(ctx, a, snap, reason)
	})
}

// Deny denies the application with its reasons.
func (s *Applications) Deny(ctx context.Context, id int64, version int, reasons []string) (*Application, []*catalog.Error, error) {
	return s.change(ctx, id, version, ActionDeny, strings.Join(reasons, "; "), func(p *catalog.Principal, a *Application, _ *catalog.Snapshot) ([]*catalog.Error, error) {
		if len(reasons) == 0 || strings.TrimSpace(strings.Join(reasons, "")) == "" {
			return []*catalog.Error{catalog.Invalid("reasons", "give the reasons for the denial")}, nil
		}
		today := s.today()
		a.DeniedOn, a.DenialReasons, a.DecidedBy[ActionDeny] = &today, reasons, p.Subject
		return nil, nil
	})
}

// RequestDetailedReview asks for a detailed review of a denial: free within
// the free period after the denial, for the late fee after.
func (s *Applications) RequestDetailedReview(ctx context.Context, id int64, version int, reason string) (*Application, []*catalog.Error, error) {
	return s.change(ctx, id, version, ActionRequestDetailedReview, reason, func(_ *catalog.Principal, a *Application, snap *catalog.Snapshot) ([]*catalog.Error, error) {
		kind, fee, e := DetailedReviewFee(snap, *a.DeniedOn, s.today())
		if e != nil {
			return nil, e
		}
		due := DecisionDueOn(snap, s.today())
		a.FeeDue, a.FeeKind, a.DecisionDueOn = &fee, kind, &due
		return nil, nil
	})
}

// decideStage takes a staff decision of a detailed review or an appeal:
// the stage's fee must be paid, and the deciding staff member must not have
// taken an earlier decision on the application.
func (s *Applications) decideStage(ctx context.Context, id int64, version int, action ApplicationAction, reason string, approves bool) (*Application, []*catalog.Error, error) {
	return s.changeHeld(ctx, id, version, action, reason, func(p *catalog.Principal, a *Application, snap *catalog.Snapshot, _ time.Time) ([]candidate.HeldCertification, []*catalog.Error, error) {
		for done, who := range a.DecidedBy {
			if who == p.Subject && done != ActionApprove {
				return nil, []*catalog.Error{{Code: catalog.CodeForbidden, Field: "applicationId", Message: "a later stage must be decided by staff other than those who decided before (" + strings.ToLower(string(done)) + ")"}}, nil
			}
		}
		if kind, due := stageFee(a); paidFor(a, kind) < due {
			return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "applicationId", Message: "the " + feeName(kind) + " fee is not paid yet"}}, nil
		}
		if strings.TrimSpace(reason) == "" {
			return nil, []*catalog.Error{catalog.Invalid("reason", "give the reason for the decision")}, nil
		}
		a.DecidedBy[action] = p.Subject
		if approves {
			return s.approve(ctx, a, snap, reason)
		}
		return nil, nil, nil
	})
}

// GrantDetailedReview overturns the denial and recertifies.
func (s *Applications) GrantDetailedReview(ctx context.Context, id int64, version int, reason string) (*Application, []*catalog.Error, error) {
	return s.decideStage(ctx, id, version, ActionGrantDetailedReview, reason, true)
}

// UpholdDenial upholds the denial on detailed review; an appeal may follow.
func (s *Applications) UpholdDenial(ctx context.Context, id int64, version int, reason string) (*Application, []*catalog.Error, error) {
	return s.decideStage(ctx, id, version, ActionUpholdDenial, reason, false)
}

// Appeal takes an upheld denial to the Appeals and Complaints Committee, for its fee.
func (s *Applications) Appeal(ctx context.Context, id int64, version int, reason string) (*Application, []*catalog.Error, error) {
	return s.change(ctx, id, version, ActionAppeal, reason, func(_ *catalog.Principal, a *Application, snap *catalog.Snapshot) ([]*catalog.Error, error) {
		fee, e := Fee(snap, catalog.FeeAppeal)
		if e != nil {
			return nil, e
		}
		due := DecisionDueOn(snap, s.today())
		a.FeeDue, a.FeeKind, a.DecisionDueOn = &fee, catalog.FeeAppeal, &due
		return nil, nil
	})
}

// GrantAppeal overturns the denial on appeal and recertifies.
func (s *Applications) GrantAppeal(ctx context.Context, id int64, version int, reason string) (*Application, []*catalog.Error, error) {
	return s.decideStage(ctx, id, version, ActionGrantAppeal, reason, true)
}

// RejectAppeal upholds the denial finally.
func (s *Applications) RejectAppeal(ctx context.Context, id int64, version int, reason string) (*Application, []*catalog.Error, error) {
	return s.decideStage(ctx, id, version, ActionRejectAppeal, reason, false)
}

// Queue pages the applications for staff, by decision due date.
func (s *Applications) Queue(ctx context.Context, f ApplicationFilter, req catalog.PageRequest) (catalog.Page[*Application], error) {
	if _, err := catalog.Require(ctx, catalog.RoleStaff); err != nil {
		return catalog.Page[*Application]{}, err
	}
	if err := req.Validate(); err != nil {
		return catalog.Page[*Application]{}, err
	}
	return s.store.PageApplications(ctx, f, req)
}

// Expiring lists the held certifications expiring within the given number
// of days, to remind their holders; staff only.
func (s *Applications) Expiring(ctx context.Context, withinDays int) ([]ExpiringCertification, error) {
	if _, err := catalog.Require(ctx, catalog.RoleStaff); err != nil {
		return nil, err
	}
	if withinDays < 0 || withinDays > 3650 {
		return nil, catalog.Invalid("withinDays", "give a number of days from 0 to 3650")
	}
	return s.store.ExpiringCertifications(ctx, s.today(), s.today().AddDays(withinDays))
}

// heldCycle returns the candidate's held certification whose cycle the
// application is for; one that has moved on to another cycle since is a
// conflict, returned as a user error.
func (s *Applications) heldCycle(ctx context.Context, a *Application) (*candidate.HeldCertification, []*catalog.Error, error) {
	c, err := s.candidates.CandidateByID(ctx, a.CandidateID)
	if err != nil {
		return nil, nil, err
	}
	held := c.Holds(a.Program)
	if held == nil || !held.CycleExpiresOn().Equal(a.Cycle.ExpiresOn) {
		return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "applicationId", Message: "the candidate's certification no longer has this cycle"}}, nil
	}
	return held, nil, nil
}
