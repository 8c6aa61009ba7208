package points

import (
	"fmt"
	"github.com/mssc/recert/catalog"
	"math"
	"strings"
)

// ComputePoints proposes the recertification points of the claimed
// activities in the cycle, for the program, as of now. It is pure: the
// same arguments give the same report, and no clock is read.
//
// Every activity is checked with ValidateActivity first; an invalid one
// earns nothing and is reported with an INVALID_ACTIVITY warning. Courses,
// certifications and one-off Extra activities count by their completion
// date; periods of employment count by their days inside the cycle, up to
// now (and, in the AsOfExpiration projection, ongoing ones up to their
// expected end or the end of the cycle). A reviewer's figure on a valid
// activity is final: it replaces the proposed points, and the activity
// takes no part in merging with the candidate's other periods (its
// proposed figure is what it earns on its own). rb must not be nil.
func ComputePoints(rb *Rulebook, program catalog.Program, cycle PointsCycle, activities []Activity, now catalog.Date) PointsReport {
	e := &pointsEngine{rb: rb, program: program, cycle: cycle, now: now}
	for i, a := range activities {
		it := &pointsItem{index: i, a: a}
		it.t = rb.types[a.TypeKey]
		it.kind = rb.kindOf(it.t)
		e.items = append(e.items, it)
	}
	if cycle.CertifiedOn.IsZero() || cycle.ExpiresOn.IsZero() || !cycle.ExpiresOn.After(cycle.CertifiedOn) {
		msg := fmt.Sprintf("the cycle from %s to %s is not valid: the expiration must come after the certification date", cycle.CertifiedOn, cycle.ExpiresOn)
		e.warn(WarningInvalidCycle, nil, "%s", msg)
		for _, it := range e.items {
			it.zero(PointsRuleInvalidCycle, "%s", msg)
		}
		return e.report()
	}
	e.grid = newCycleGrid(rb, cycle)
	for _, it := range e.items {
		errs := ValidateActivity("", it.a, rb, now)
		if len(errs) == 0 {
			it.valid = true
			continue
		}
		msgs := make([]string, len(errs))
		for i, err := range errs {
			msgs[i] = err.Error()
		}
		msg := fmt.Sprintf("activity %d is not valid and earns nothing until corrected: %s", it.a.ID, strings.Join(msgs, "; "))
		it.zero(PointsRuleInvalid, "%s", msg)
		e.warn(WarningInvalidActivity, []int64{it.a.ID}, "%s", msg)
	}
	for _, it := range e.valid() {
		switch it.kind {
		case kindCourse, kindForCredit, kindCertification:
			e.scoreCompleted(it)
		case kindExtra:
			e.scoreExtra(it)
		}
	}
	e.trainingBesideCertification()
	e.duplicates()
	e.scoreEmployment()
	e.missingProof()
	return e.report()
}

// pointsEngine holds one computation.
type pointsEngine struct {
	rb       *Rulebook
	program  catalog.Program
	cycle    PointsCycle
	now      catalog.Date
	grid     cycleGrid
	items    []*pointsItem
	warnings []PointsWarning
	years    []EmploymentYear
}

// pointsItem is one activity being scored.
type pointsItem struct {
	index     int
	a         Activity
	t         catalog.ActivityType
	kind      activityKind
	valid     bool
	proposed  int
	projected int
	rule      PointsRule
	zeroed    bool
}

// award sets the proposed points, unless a rule already set them to 0.
func (it *pointsItem) award(points int, code PointsRuleCode, format string, args ...any) {
	if it.zeroed {
		return
	}
	it.proposed, it.projected = points, points
	it.rule = PointsRule{Code: code, Description: fmt.Sprintf(format, args...)}
}

// zero makes the activity earn nothing under the first rule that says so.
func (it *pointsItem) zero(code PointsRuleCode, format string, args ...any) {
	if it.zeroed {
		return
	}
	it.zeroed = true
	it.proposed, it.projected = 0, 0
	it.rule = PointsRule{Code: code, Description: fmt.Sprintf(format, args...)}
}

func (e *pointsEngine) warn(code PointsWarningCode, ids []int64, format string, args ...any) {
	e.warnings = append(e.warnings, PointsWarning{Code: code, ActivityIDs: ids, Message: fmt.Sprintf(format, args...)})
}

// valid returns the valid activities, in order.
func (e *pointsEngine) valid() []*pointsItem {
	var out []*pointsItem
	for _, it := range e.items {
		if it.valid {
			out = append(out, it)
		}
	}
	return out
}

// inCycle reports whether a day lies in the cycle, both ends included.
func (e *pointsEngine) inCycle(d catalog.Date) bool {
	return !d.Before(e.cycle.CertifiedOn) && !d.After(e.cycle.ExpiresOn)
}

// scoreCompleted scores a course, training or certification by its
// completion date and its type's points.
func (e *pointsEngine) scoreCompleted(it *pointsItem) {
	a, t := it.a, it.t
	done := *a.CompletedOn
	if !e.inCycle(done) {
		msg := fmt.Sprintf("completed on %s, outside the cycle %s to %s: only activities completed inside the cycle count", done, e.cycle.CertifiedOn, e.cycle.ExpiresOn)
		it.zero(PointsRuleOutsideCycle, "%s", msg)
		e.warn(WarningActivityOutsideCycle, []int64{a.ID}, "activity %d was %s", a.ID, msg)
		return
	}
	it.award(t.MaxPoints, PointsRuleTypeAward, "%s: %d points", t.Name, t.MaxPoints)
	switch it.kind {
	case kindForCredit:
		e.scoreForCredit(it)
	case kindCertification:
		e.checkCertification(it)
	}
}

// scoreForCredit applies the for-credit rules: the course must be passed,
// and its credit hours pick the row.
func (e *pointsEngine) scoreForCredit(it *pointsItem) {
	a, t := it.a, it.t
	if a.CreditHours > 0 {
		plus := a.CreditHours >= e.rb.forCreditMinHours
		if plus != (t.Key == TypeForCreditPlus) {
			row := e.rb.types[TypeForCreditUnder]
			if plus {
				row = e.rb.types[TypeForCreditPlus]
			}
			e.warn(WarningCreditHoursMismatch, []int64{a.ID}, "activity %d is claimed as %q but has %v credit hours, which belong to %q: it is scored as %q",
				a.ID, t.Name, a.CreditHours, row.Name, row.Name)
			it.award(row.MaxPoints, PointsRuleCreditHoursRow, "%v credit hours fall in the row %s: %d points (claimed as %s)", a.CreditHours, row.Name, row.MaxPoints, t.Name)
		}
	}
	switch {
	case a.Passed == nil:
		e.warn(WarningPassNotStated, []int64{a.ID}, "activity %d counts only if the course was passed: the transcript must show a passing status", a.ID)
	case !*a.Passed:
		it.zero(PointsRuleNotPassed, "a for-credit course counts only if passed, and this one was not")
		e.warn(WarningNotPassed, []int64{a.ID}, "activity %d was not passed: a for-credit course must be passed to earn points", a.ID)
	}
}

// checkCertification checks an Industry Certification against the
// pre-approved list, when the rulebook holds it.
func (e *pointsEngine) checkCertification(it *pointsItem) {
	if e.rb.certifications == nil {
		return
	}
	a := it.a
	c := e.rb.certifications[strings.ToLower(strings.TrimSpace(a.CertificationKey))]
	switch {
	case c == nil:
		it.zero(PointsRuleCertificationNotListed, "%q is not on the pre-approved list", a.CertificationKey)
		e.warn(WarningCertificationNotListed, []int64{a.ID}, "activity %d names %q, which is not on the pre-approved list: submit the certification for catalog review, or claim its training as Continuing Education", a.ID, a.CertificationKey)
	case (e.program == catalog.ProgramCPT || e.program == catalog.ProgramCLT) && !c.EligibleFor(e.program):
		it.zero(PointsRuleProgramNotEligible, "%s does not count toward %s recertification", c.DisplayName, e.program)
		e.warn(WarningProgramNotEligible, []int64{a.ID}, "activity %d: %s does not count toward %s recertification", a.ID, c.DisplayName, e.program)
	case !c.CountsAt(*a.CompletedOn):
		it.zero(PointsRuleCertificationNotCounting, "%s was not on the pre-approved list on %s", c.DisplayName, a.CompletedOn)
		e.warn(WarningCertificationNotCounting, []int64{a.ID}, "activity %d: %s was not on the pre-approved list when it was earned on %s", a.ID, c.DisplayName, a.CompletedOn)
	default:
		it.award(it.t.MaxPoints, PointsRuleTypeAward, "%s is on the pre-approved list: %s, %d points", c.DisplayName, it.t.Name, it.t.MaxPoints)
	}
}

// scoreExtra proposes an Extra activity's points from its hours: one point
// per extra_hours_per_point hours, within the type's range.
func (e *pointsEngine) scoreExtra(it *pointsItem) {
	a, t := it.a, it.t
	if dateGiven(a.CompletedOn) {
		if !e.inCycle(*a.CompletedOn) {
			msg := fmt.Sprintf("took place on %s, outside the cycle %s to %s: only activities inside the cycle count", a.CompletedOn, e.cycle.CertifiedOn, e.cycle.ExpiresOn)
			it.zero(PointsRuleOutsideCycle, "%s", msg)
			e.warn(WarningActivityOutsideCycle, []int64{a.ID}, "activity %d %s", a.ID, msg)
			return
		}
	} else {
		end := e.now
		if dateGiven(a.EndOn) {
			end = *a.EndOn
		}
		switch {
		case end.Before(e.cycle.CertifiedOn) || a.StartOn.After(e.cycle.ExpiresOn):
			msg := fmt.Sprintf("the service from %s to %s lies outside the cycle %s to %s", a.StartOn, end, e.cycle.CertifiedOn, e.cycle.ExpiresOn)
			it.zero(PointsRuleOutsideCycle, "%s", msg)
			e.warn(WarningActivityOutsideCycle, []int64{a.ID}, "activity %d: %s", a.ID, msg)
			return
		case a.StartOn.Before(e.cycle.CertifiedOn) || end.After(e.cycle.ExpiresOn):
			e.warn(WarningActivityOutsideCycle, []int64{a.ID}, "activity %d: the service from %s to %s lies partly outside the cycle %s to %s; only hours inside the cycle may be claimed",
				a.ID, a.StartOn, end, e.cycle.CertifiedOn, e.cycle.ExpiresOn)
		}
	}
	raw := int(math.Floor(a.Hours / e.rb.extraHoursPerPoint))
	points := min(max(raw, t.MinPoints), t.MaxPoints)
	it.award(points, PointsRuleExtraHours, "%v hours of service at 1 point per %v hours, at least %d and at most %d: %d points",
		a.Hours, e.rb.extraHoursPerPoint, t.MinPoints, t.MaxPoints, points)
}

// trainingBesideCertification gives nothing to Continuing Education that
// led to a certification claimed as well, or to one on the pre-approved
// list: only the certification counts. A certification claim that itself
// earns nothing (outside the cycle, not on the list, not for the program)
// leaves its training alone.
func (e *pointsEngine) trainingBesideCertification() {
	claimed := map[string][]int64{}
	for _, it := range e.valid() {
		if it.kind == kindCertification && !it.zeroed {
			k := strings.ToLower(strings.TrimSpace(it.a.CertificationKey))
			claimed[k] = append(claimed[k], it.a.ID)
		}
	}
	for _, it := range e.valid() {
		key := strings.ToLower(strings.TrimSpace(it.a.LedToCertificationKey))
		if it.t.Category != catalog.CategoryContinuingEducation || key == "" {
			continue
		}
		if ids, ok := claimed[key]; ok {
			it.zero(PointsRuleTrainingBesideCertification, "the training led to %q, which is claimed as an Industry Certification: only the certification counts", it.a.LedToCertificationKey)
			e.warn(WarningTrainingBesideCertification, append([]int64{it.a.ID}, ids...),
				"activity %d is training toward %q, which is also claimed: only the certification counts, never both", it.a.ID, it.a.LedToCertificationKey)
			continue
		}
		if c := e.rb.certifications[key]; c != nil {
			it.zero(PointsRuleTrainingTowardListed, "the training led to %s, which is on the pre-approved list: only the certification counts", c.DisplayName)
			e.warn(WarningTrainingTowardListed, []int64{it.a.ID},
				"activity %d is training toward %s, which is on the pre-approved list: claim the certification as an Industry Certification instead", it.a.ID, c.DisplayName)
		}
	}
}

// missingProof warns about activities that can count but lack the proof
// their type asks for.
func (e *pointsEngine) missingProof() {
	for _, it := range e.valid() {
		a, t := it.a, it.t
		if t.ProofRequired == "" || a.ProofAttached || (a.MSSCRecordsOnFile && proofWaivable(t.Key)) {
			continue
		}
		if it.proposed == 0 && it.projected == 0 && a.ReviewerPoints == nil {
			continue
		}
		e.warn(WarningMissingProof, []int64{a.ID}, "activity %d needs proof: %s", a.ID, t.ProofRequired)
	}
}

// report adds up the final points.
func (e *pointsEngine) report() PointsReport {
	r := PointsReport{
		Program: e.program, Cycle: e.cycle, Required: e.rb.pointsRequired,
		EmploymentYears: e.years, Warnings: e.warnings,
	}
	categories := []catalog.PointCategory{catalog.CategoryContinuingEducation, catalog.CategoryIndustryCertification, catalog.CategoryEmployment, catalog.CategoryExtra}
	actual := make(map[catalog.PointCategory]int, len(categories))
	projected := make(map[catalog.PointCategory]int, len(categories))
	for _, it := range e.items {
		ap := ActivityPoints{
			ActivityID: it.a.ID, Category: it.t.Category, TypeKey: it.a.TypeKey,
			Proposed: it.proposed, Rule: it.rule, Points: it.proposed, AsOfExpiration: it.projected,
		}
		if ap.Category == "" {
			ap.Category = it.a.Category
		}
		// The reviewer's figure is final for a claim the rules count; a
		// claim a rule sets aside (another claim of the same course, a
		// day outside the cycle) earns 0 whatever figure it was given, so
		// that a reviewer's figure stays inside the rules (decision 16).
		if p := it.a.ReviewerPoints; p != nil {
			v := *p
			ap.ReviewerPoints, ap.ReviewerReason = &v, it.a.ReviewerReason
			if it.valid && !it.zeroed {
				ap.Points, ap.AsOfExpiration = v, v
			}
		}
		r.Activities = append(r.Activities, ap)
		actual[ap.Category] += ap.Points
		projected[ap.Category] += ap.AsOfExpiration
		r.Total += ap.Points
		r.AsOfExpiration.Total += ap.AsOfExpiration
	}
	for _, c := range categories {
		r.ByCategory = append(r.ByCategory, CategoryPoints{Category: c, Points: actual[c]})
		r.AsOfExpiration.ByCategory = append(r.AsOfExpiration.ByCategory, CategoryPoints{Category: c, Points: projected[c]})
	}
	r.Shortfall = max(r.Required-r.Total, 0)
	r.AsOfExpiration.Shortfall = max(r.Required-r.AsOfExpiration.Total, 0)
	return r
}
