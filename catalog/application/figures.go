package application

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/points"
)

// ActivityRefusalCode names the ground on which a reviewer refuses a
// claimed activity.
type ActivityRefusalCode string

// The grounds for refusing an activity.
const (
	// RefusalNotRelated is an activity not related to manufacturing or logistics.
	RefusalNotRelated ActivityRefusalCode = "NOT_RELATED"
	// RefusalExcluded is an activity the guide excludes: general education,
	// proprietary or basic job training, an excluded job.
	RefusalExcluded ActivityRefusalCode = "EXCLUDED"
	// RefusalInsufficientProof is proof that does not show what the row asks.
	RefusalInsufficientProof ActivityRefusalCode = "INSUFFICIENT_PROOF"
	// RefusalNotPassed is a for-credit course that was not passed.
	RefusalNotPassed ActivityRefusalCode = "NOT_PASSED"
	// RefusalOutsideCycle is an activity that did not take place in the cycle.
	RefusalOutsideCycle ActivityRefusalCode = "OUTSIDE_CYCLE"
	// RefusalDuplicate is an activity counted already, in this cycle or another.
	RefusalDuplicate ActivityRefusalCode = "DUPLICATE"
	// RefusalNotRecognised is a certification that is not portable or not
	// recognised in industry.
	RefusalNotRecognised ActivityRefusalCode = "NOT_RECOGNISED"
	// RefusalOther is any other ground, explained in the reason.
	RefusalOther ActivityRefusalCode = "OTHER"
)

// ActivityRefusalCodes lists every ground for refusing an activity.
var ActivityRefusalCodes = []ActivityRefusalCode{
	RefusalNotRelated, RefusalExcluded, RefusalInsufficientProof, RefusalNotPassed,
	RefusalOutsideCycle, RefusalDuplicate, RefusalNotRecognised, RefusalOther,
}

// MaxDecisionReason is the longest reason, in characters, a reviewer's
// figure, a refusal or an extension may carry.
const MaxDecisionReason = 2000

// decisionReason refuses a missing or overlong reason, or one with control
// characters, naming the argument.
func decisionReason(field, reason, missing string) *catalog.Error {
	switch {
	case strings.TrimSpace(reason) == "":
		return catalog.Invalid(field, "%s", missing)
	case utf8.RuneCountInString(reason) > MaxDecisionReason || catalog.HasControl(reason):
		return catalog.Invalid(field, "a reason has at most %d printable characters", MaxDecisionReason)
	}
	return nil
}

// SetActivityPoints sets the points of a claimed activity during review,
// within the activity type's range (ReviewerRange), with the reason; the
// figure is final and keeps who set it and when. Refusing an activity is
// RefuseActivity, never a 0 here.
func (s *Applications) SetActivityPoints(ctx context.Context, id int64, version int, activityID int64, given int, reason string) (*Application, []*catalog.Error, error) {
	note := fmt.Sprintf("activity %d set to %d points: %s", activityID, given, strings.TrimSpace(reason))
	return s.changeHeld(ctx, id, version, ActionSetPoints, note, func(p *catalog.Principal, a *Application, snap *catalog.Snapshot, at time.Time) ([]candidate.HeldCertification, []*catalog.Error, error) {
		i := slices.IndexFunc(a.Activities, func(x ApplicationActivity) bool { return x.ID == activityID })
		if i < 0 {
			return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Field: "activityId", Message: "the application has no such activity"}}, nil
		}
		rb, err := points.RulebookOf(snap)
		if err != nil {
			return nil, nil, catalog.Internal(err)
		}
		act := a.Activities[i].Activity
		t, ok := rb.ActivityType(act.TypeKey)
		if !ok {
			return nil, nil, catalog.Internal(fmt.Errorf("activity %d has the unknown type %q", act.ID, act.TypeKey))
		}
		lo, hi := ReviewerRange(rb, t, act, a.CountingCycle())
		switch {
		case given == 0:
			return nil, []*catalog.Error{catalog.Invalid("points", "to count an activity 0, refuse it with refuseActivity and a reason code")}, nil
		case given < lo || given > hi:
			return nil, []*catalog.Error{catalog.Invalid("points", "%s", rangeMessage(t, lo, hi))}, nil
		}
		if e := decisionReason("reason", reason, "the reviewer's figure needs a reason"); e != nil {
			return nil, []*catalog.Error{e}, nil
		}
		act.ReviewerPoints, act.ReviewerReason = &given, strings.TrimSpace(reason)
		if errs := points.ValidateActivity("", act, rb, s.today()); len(errs) > 0 {
			return nil, errs, nil
		}
		a.Activities[i].Activity = act
		a.Activities[i].ReviewerSetBy, a.Activities[i].ReviewerSetAt, a.Activities[i].Refusal = p.Subject, &at, nil
		return nil, nil, nil
	})
}

// rangeMessage says which figures a reviewer may set.
func rangeMessage(t catalog.ActivityType, lo, hi int) string {
	if lo == hi {
		return fmt.Sprintf("%s earns %d points; the reviewer may set only that figure, or refuse the activity", t.Name, hi)
	}
	if t.Per == catalog.PerYear {
		return fmt.Sprintf("%s may be set from %d to %d points: at most %d for each cycle year it covers", t.Name, lo, hi, t.MaxPoints)
	}
	return fmt.Sprintf("%s may be set from %d to %d points", t.Name, lo, hi)
}

// RefuseActivity refuses a claimed activity during review with a reason
// code and the reason: it then counts 0. Setting its points afterwards
// lifts the refusal.
func (s *Applications) RefuseActivity(ctx context.Context, id int64, version int, activityID int64, code ActivityRefusalCode, reason string) (*Application, []*catalog.Error, error) {
	note := fmt.Sprintf("activity %d refused (%s): %s", activityID, code, strings.TrimSpace(reason))
	return s.changeHeld(ctx, id, version, ActionRefuseActivity, note, func(p *catalog.Principal, a *Application, _ *catalog.Snapshot, at time.Time) ([]candidate.HeldCertification, []*catalog.Error, error) {
		i := slices.IndexFunc(a.Activities, func(x ApplicationActivity) bool { return x.ID == activityID })
		switch {
		case i < 0:
			return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Field: "activityId", Message: "the application has no such activity"}}, nil
		case !slices.Contains(ActivityRefusalCodes, code):
			return nil, []*catalog.Error{catalog.Invalid("code", "the reason code is not one of the refusal codes")}, nil
		}
		if e := decisionReason("reason", reason, "say why the activity is refused"); e != nil {
			return nil, []*catalog.Error{e}, nil
		}
		x := &a.Activities[i]
		x.Refusal = &ActivityRefusal{Code: code, Reason: strings.TrimSpace(reason), By: p.Subject, At: at}
		x.ReviewerPoints, x.ReviewerReason, x.ReviewerSetBy, x.ReviewerSetAt = nil, "", "", nil
		return nil, nil, nil
	})
}

// ReviewerRange is the lowest and highest figure a reviewer may set for
// an activity of the type, from the rule tables: a fixed-figure row only
// its figure, a ranged row (Extra) its range, and a per-year row (such as
// Employment) at least 1 and at most its yearly figure for each cycle year
// the claimed period covers.
func ReviewerRange(rb *points.Rulebook, t catalog.ActivityType, a points.Activity, cycle points.PointsCycle) (lo, hi int) {
	if t.Per != catalog.PerYear {
		return max(t.MinPoints, 1), t.MaxPoints
	}
	return 1, t.MaxPoints * coveredCycleYears(rb, a, cycle)
}

// coveredCycleYears counts the cycle years a claimed period has days in;
// a claim without a period may cover every year.
func coveredCycleYears(rb *points.Rulebook, a points.Activity, cycle points.PointsCycle) int {
	years := rb.CycleYears()
	if a.StartOn == nil || a.StartOn.IsZero() {
		return years
	}
	end := cycle.ExpiresOn
	if a.EndOn != nil && !a.EndOn.IsZero() && a.EndOn.Before(end) {
		end = *a.EndOn
	}
	n := 0
	for k := range years {
		first, last := cycle.CertifiedOn.AddYears(k), cycle.CertifiedOn.AddYears(k+1).AddDays(-1)
		if !a.StartOn.After(last) && !end.Before(first) {
			n++
		}
	}
	return n
}

// claimedBefore refuses an activity claimed on the candidate's approved
// application of an earlier cycle of the same program: an activity counts
// in one cycle only, also one completed during an extension.
func (s *Applications) claimedBefore(ctx context.Context, a *Application, act points.Activity) (*catalog.Error, error) {
	if act.CompletedOn == nil || act.CompletedOn.IsZero() {
		return nil, nil
	}
	all, err := s.store.ApplicationsOfCandidate(ctx, a.CandidateID)
	if err != nil {
		return nil, err
	}
	key := claimKey(act)
	for _, x := range all {
		if x.ID == a.ID || x.Program != a.Program || x.Status != AppApproved || !x.Cycle.ExpiresOn.Before(a.Cycle.ExpiresOn) {
			continue
		}
		for _, y := range x.Activities {
			if y.CompletedOn != nil && y.CompletedOn.Equal(*act.CompletedOn) && claimKey(y.Activity) == key {
				return &catalog.Error{Code: catalog.CodeConflict, Field: "activity.completedOn", Message: fmt.Sprintf(
					"this activity was claimed on your approved application for the cycle ending %s (activity %d); an activity counts in one cycle only", x.Cycle.ExpiresOn, y.ID)}, nil
			}
		}
	}
	return nil, nil
}

// claimKey identifies a claim across cycles: its category and its title
// (without case, spacing or punctuation) or certification.
func claimKey(a points.Activity) string {
	name := a.CertificationKey
	if name == "" {
		name = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, a.Title)
	}
	return string(a.Category) + "|" + name
}
