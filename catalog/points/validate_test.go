package points

import (
	"math"
	"slices"
	"testing"

	"github.com/mssc/recert/catalog"
)

// TestValidateActivity checks each rule of ValidateActivity and the field
// it names.
func TestValidateActivity(t *testing.T) {
	rb := ptRulebook(t)
	edit := func(a Activity, change func(*Activity)) Activity {
		change(&a)
		return a
	}
	course := ptCourse(1, "ce-third-party", "Lean", "2022-01-10")
	job := ptJob(1, "2021-06-01", 365, 40)
	extra := ptExtra(1, "x-volunteer", 16)
	tests := []struct {
		name   string
		a      Activity
		fields []string
	}{
		{"valid course", course, nil},
		{"valid job", job, nil},
		{"valid ongoing job", edit(job, func(a *Activity) { a.EndOn, a.Ongoing = nil, true }), nil},
		{"valid ongoing job with an expected end", edit(job, func(a *Activity) { a.EndOn, a.Ongoing = ptDay("2026-12-31"), true }), nil},
		{"valid extra activity", extra, nil},
		{"unknown type", edit(course, func(a *Activity) { a.TypeKey = "ce-poetry" }), []string{"activities.2.typeKey"}},
		{"category not the type's", edit(course, func(a *Activity) { a.Category = catalog.CategoryExtra }), []string{"activities.2.category"}},
		{"category missing", edit(course, func(a *Activity) { a.Category = "" }), []string{"activities.2.category"}},
		{"course without a title", edit(course, func(a *Activity) { a.Title = "  " }), []string{"activities.2.title"}},
		{"course without a completion date", edit(course, func(a *Activity) { a.CompletedOn = nil }), []string{"activities.2.completedOn"}},
		{"course completed in the future", edit(course, func(a *Activity) { a.CompletedOn = ptDay("2026-03-02") }), []string{"activities.2.completedOn"}},
		{"certification without its catalog entry", edit(ptCert(1, "cqt", "2022-01-01"), func(a *Activity) { a.CertificationKey = "" }), []string{"activities.2.certificationKey"}},
		{"dates in the wrong order", edit(job, func(a *Activity) { a.StartOn, a.EndOn = ptDay("2023-01-01"), ptDay("2022-01-01") }), []string{"activities.2.endOn"}},
		{"end without a start", edit(job, func(a *Activity) { a.StartOn = nil }), []string{"activities.2.startOn", "activities.2.startOn"}},
		{"job without an end that is not ongoing", edit(job, func(a *Activity) { a.EndOn = nil }), []string{"activities.2.endOn"}},
		{"job ending in the future", edit(job, func(a *Activity) { a.EndOn = ptDay("2026-04-01") }), []string{"activities.2.endOn"}},
		{"job starting in the future", edit(job, func(a *Activity) { a.StartOn, a.EndOn, a.Ongoing = ptDay("2026-04-01"), nil, true }), []string{"activities.2.startOn"}},
		{"ongoing job that has ended", edit(job, func(a *Activity) { a.EndOn, a.Ongoing = ptDay("2025-01-01"), true }), []string{"activities.2.endOn"}},
		{"job without weekly hours", edit(job, func(a *Activity) { a.WeeklyHours = 0 }), []string{"activities.2.weeklyHours"}},
		{"weekly hours over 168", edit(job, func(a *Activity) { a.WeeklyHours = 169 }), []string{"activities.2.weeklyHours"}},
		{"weekly hours negative", edit(job, func(a *Activity) { a.WeeklyHours = -1 }), []string{"activities.2.weeklyHours", "activities.2.weeklyHours"}},
		{"hours negative", edit(extra, func(a *Activity) { a.Hours = -8 }), []string{"activities.2.hours"}},
		{"hours not a number", edit(extra, func(a *Activity) { a.Hours = math.NaN() }), []string{"activities.2.hours"}},
		{"hours infinite", edit(extra, func(a *Activity) { a.Hours = math.Inf(1) }), []string{"activities.2.hours"}},
		{"credit hours negative", edit(ptCourse(1, "ce-for-credit-3-plus", "Statics", "2022-01-01"), func(a *Activity) { a.CreditHours = -3 }), []string{"activities.2.creditHours"}},
		{"credit hours on a non-credit course", edit(course, func(a *Activity) { a.CreditHours = 3 }), []string{"activities.2.creditHours"}},
		{"passed on a non-credit course", edit(course, func(a *Activity) { a.Passed = ptBool(true) }), []string{"activities.2.passed"}},
		{"internship that is not direct employment", edit(ptPeriod(1, "e-military-active", "2021-06-01", 60, 0), func(a *Activity) { a.Internship = true }), []string{"activities.2.internship"}},
		{"extra activity without a date", edit(extra, func(a *Activity) { a.CompletedOn = nil }), []string{"activities.2.completedOn"}},
		{"instructor year out of the cycle", Activity{ID: 1, Category: catalog.CategoryEmployment, TypeKey: "e-other-instructor", CoursesTaught: map[int]int{6: 1}}, []string{"activities.2.coursesTaught.6"}},
		{"instructor with a negative number of courses", Activity{ID: 1, Category: catalog.CategoryEmployment, TypeKey: "e-other-instructor", CoursesTaught: map[int]int{2: -1}}, []string{"activities.2.coursesTaught.2"}},
		{"MSSC records on a course", edit(course, func(a *Activity) { a.MSSCRecordsOnFile = true }), []string{"activities.2.msscRecordsOnFile"}},
		{"training toward a certification on a job", edit(job, func(a *Activity) { a.LedToCertificationKey = "cqt" }), []string{"activities.2.ledToCertificationKey"}},
		{"ongoing course", edit(course, func(a *Activity) { a.Ongoing = true }), []string{"activities.2.ongoing"}},
		{"reviewer figure above the extra range", edit(extra, func(a *Activity) { a.ReviewerPoints, a.ReviewerReason = ptInt(6), "x" }), []string{"activities.2.reviewerPoints"}},
		{"reviewer figure within the extra range", edit(extra, func(a *Activity) { a.ReviewerPoints, a.ReviewerReason = ptInt(5), "x" }), nil},
		{"reviewer rejects with 0", edit(extra, func(a *Activity) { a.ReviewerPoints, a.ReviewerReason = ptInt(0), "not related" }), nil},
		{"reviewer figure negative", edit(extra, func(a *Activity) { a.ReviewerPoints, a.ReviewerReason = ptInt(-1), "x" }), []string{"activities.2.reviewerPoints"}},
		{"reviewer figure between 0 and a fixed award", edit(course, func(a *Activity) { a.ReviewerPoints, a.ReviewerReason = ptInt(5), "x" }), []string{"activities.2.reviewerPoints"}},
		{"reviewer figure for a job within five years", edit(job, func(a *Activity) { a.ReviewerPoints, a.ReviewerReason = ptInt(15), "x" }), nil},
		{"reviewer figure for a job above five years", edit(job, func(a *Activity) { a.ReviewerPoints, a.ReviewerReason = ptInt(101), "x" }), []string{"activities.2.reviewerPoints"}},
		{"reviewer Reserve figure above 5 a year", edit(ptPeriod(1, "e-military-reserve", "2021-06-01", 365, 0), func(a *Activity) { a.ReviewerPoints, a.ReviewerReason = ptInt(26), "x" }), []string{"activities.2.reviewerPoints"}},
		{"reviewer figure without a reason", edit(extra, func(a *Activity) { a.ReviewerPoints = ptInt(3) }), []string{"activities.2.reviewerReason"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := ValidateActivity("activities.2.", tt.a, rb, ptNow)
			var fields []string
			for _, e := range errs {
				if e.Code != catalog.CodeBadUserInput {
					t.Errorf("code %s", e.Code)
				}
				fields = append(fields, e.Field)
			}
			slices.Sort(fields)
			if !slices.Equal(fields, tt.fields) {
				t.Errorf("fields %q, want %q: %v", fields, tt.fields, errs)
			}
		})
	}
}

// TestPointsInvalidInput checks that ComputePoints reports invalid
// activities and cycles instead of scoring them.
func TestPointsInvalidInput(t *testing.T) {
	rb := ptRulebook(t)
	t.Run("an invalid activity earns nothing", func(t *testing.T) {
		bad := ptCourse(2, "ce-poetry", "Sonnets", "2022-01-01")
		r := ptCompute(rb, ptCourse(1, "ce-third-party", "Lean", "2022-01-10"), bad)
		got := ptOf(t, r, 2)
		if got.Points != 0 || got.Rule.Code != PointsRuleInvalid || !ptWarned(r, WarningInvalidActivity, 2) || r.Total != 10 {
			t.Errorf("got %+v, total %d, warnings %v", got, r.Total, r.Warnings)
		}
	})
	t.Run("an invalid cycle counts nothing", func(t *testing.T) {
		cycle := PointsCycle{CertifiedOn: ptCycle.ExpiresOn, ExpiresOn: ptCycle.CertifiedOn}
		r := ComputePoints(rb, catalog.ProgramCPT, cycle, []Activity{ptCourse(1, "ce-third-party", "Lean", "2022-01-10")}, ptNow)
		if r.Total != 0 || r.Shortfall != 100 || ptOf(t, r, 1).Rule.Code != PointsRuleInvalidCycle || !ptWarned(r, WarningInvalidCycle) {
			t.Errorf("got %+v", r)
		}
	})
}
