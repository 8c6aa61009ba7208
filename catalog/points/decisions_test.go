package points

import (
	"github.com/mssc/recert/catalog"
	"testing"
)

// The cycle of the examples (issue 19): year 1 runs from
// 2022-07-01 to 2023-06-30 and year 5 from 2026-07-01 to 2027-06-30.
var ptDecisionCycle = PointsCycle{CertifiedOn: catalog.NewDate(2022, 7, 1), ExpiresOn: catalog.NewDate(2027, 6, 30)}

// ptSpan is direct employment from one day to another, both included.
func ptSpan(id int64, title, from, to string, hours float64, internship bool) Activity {
	return Activity{ID: id, Category: catalog.CategoryEmployment, TypeKey: "e-direct", Title: title, StartOn: ptDay(from), EndOn: ptDay(to),
		WeeklyHours: hours, Internship: internship, ProofAttached: true}
}

// ptDecisionCase is one example of a decision: the activities, the day
// they are scored on, and the Employment or Continuing Education points
// wanted now and as of expiration.
type ptDecisionCase struct {
	name       string
	activities []Activity
	now        string
	category   catalog.PointCategory
	want       int
	wantExp    int
	warning    PointsWarningCode
}

func ptRunDecisionCases(t *testing.T, cases []ptDecisionCase) {
	t.Helper()
	rb := ptRulebook(t)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			r := ComputePoints(rb, catalog.ProgramCPT, ptDecisionCycle, tt.activities, *ptDay(tt.now))
			got, gotExp := ptCategoryPoints(r.ByCategory, tt.category), ptCategoryPoints(r.AsOfExpiration.ByCategory, tt.category)
			if got != tt.want || gotExp != tt.wantExp {
				t.Errorf("%s now %d, as of expiration %d; want %d and %d\nyears %+v\nactivities %+v", tt.category, got, gotExp, tt.want, tt.wantExp, r.EmploymentYears, r.Activities)
			}
			if tt.warning != "" && !ptWarned(r, tt.warning, ptIDs(tt.activities)...) {
				t.Errorf("warnings %v, want %s about every activity", r.Warnings, tt.warning)
			}
		})
	}
}

func ptIDs(activities []Activity) []int64 {
	ids := make([]int64, len(activities))
	for i, a := range activities {
		ids[i] = a.ID
	}
	return ids
}

// TestPointsDecision12CycleIncludesItsLastDay checks disagreement A: a cycle
// includes its first and last day, so the expiration day belongs to the
// last cycle year for employment as it does for courses.
func TestPointsDecision12CycleIncludesItsLastDay(t *testing.T) {
	ongoing := ptSpan(1, "Assembler", "2026-07-30", "2026-07-30", 32, false)
	ongoing.EndOn, ongoing.Ongoing = nil, true
	ptRunDecisionCases(t, []ptDecisionCase{
		// 2026-07-30 to 2026-12-01 is 125 days, 4 whole months: 5. To the
		// expiration day it is 336 days, 48 weeks: a full year.
		{name: "an ongoing job from 2026-07-30 at 32 hours projects a full year at expiration",
			activities: []Activity{ongoing}, now: "2026-12-01", category: catalog.CategoryEmployment, want: 5, wantExp: 20},
		{name: "a finished 336-day job ending on the expiration day earns a full year",
			activities: []Activity{ptSpan(1, "Assembler", "2026-07-30", "2027-06-30", 32, false)}, now: "2027-06-30", category: catalog.CategoryEmployment, want: 20, wantExp: 20},
		{name: "the same job ending the day before earns the same",
			activities: []Activity{ptSpan(1, "Assembler", "2026-07-29", "2027-06-29", 32, false)}, now: "2027-06-30", category: catalog.CategoryEmployment, want: 20, wantExp: 20},
		{name: "a course completed on the expiration day counts",
			activities: []Activity{ptCourse(1, "ce-third-party", "Hydraulics", "2027-06-30")}, now: "2027-06-30", category: catalog.CategoryContinuingEducation, want: 10, wantExp: 10},
		{name: "a course completed on the first day counts",
			activities: []Activity{ptCourse(1, "ce-third-party", "Hydraulics", "2022-07-01")}, now: "2027-06-30", category: catalog.CategoryContinuingEducation, want: 10, wantExp: 10},
		{name: "a job on the day after the expiration earns nothing",
			activities: []Activity{ptSpan(1, "Assembler", "2027-07-01", "2027-09-30", 40, false)}, now: "2027-10-01", category: catalog.CategoryEmployment, want: 0, wantExp: 0,
			warning: WarningActivityOutsideCycle},
	})
	t.Run("the last cycle year runs to the expiration day", func(t *testing.T) {
		r := ComputePoints(ptRulebook(t), catalog.ProgramCPT, ptDecisionCycle, []Activity{ptSpan(1, "Assembler", "2026-07-30", "2027-06-30", 32, false)}, catalog.NewDate(2027, 6, 30))
		if len(r.EmploymentYears) != 1 || r.EmploymentYears[0].To != catalog.NewDate(2027, 6, 30) || r.EmploymentYears[0].FullTimeDays != 336 {
			t.Errorf("years %+v", r.EmploymentYears)
		}
	})
}

// TestPointsDecision13InternshipsAreEmployment checks disagreements B, C
// and D: an internship's days merge with every job's, the internship point
// only replaces a year's 0, once a year, and each cycle year is measured on
// its own days.
func TestPointsDecision13InternshipsAreEmployment(t *testing.T) {
	ptRunDecisionCases(t, []ptDecisionCase{
		// 2022-07-01 to 2023-04-04 is 278 days, 9 whole months: 15.
		{name: "B: an internship inside a full-time job adds nothing to its band",
			activities: []Activity{ptSpan(1, "Assembler", "2022-07-01", "2023-04-04", 40, false), ptSpan(2, "Summer intern", "2022-11-13", "2022-12-31", 40, true)},
			now:        "2024-01-01", category: catalog.CategoryEmployment, want: 15, wantExp: 15},
		// Merged, 2023-12-26 to 2024-03-24 is 90 days: 2 whole months, no band.
		{name: "C: two overlapping internships earn the point once",
			activities: []Activity{ptSpan(1, "Intern A", "2023-12-26", "2024-03-18", 20, true), ptSpan(2, "Intern B", "2024-01-22", "2024-03-24", 20, true)},
			now:        "2024-06-01", category: catalog.CategoryEmployment, want: 1, wantExp: 1, warning: WarningOverlappingEmploymentMerged},
		{name: "D: a 42-day internship split 36 + 6 by a cycle year earns nothing",
			activities: []Activity{ptSpan(1, "Intern", "2023-05-26", "2023-07-06", 40, true)},
			now:        "2024-01-01", category: catalog.CategoryEmployment, want: 0, wantExp: 0},
		{name: "D: a 120-day part-time internship split 88 + 32 earns the point in the year of its 88 days",
			activities: []Activity{ptSpan(1, "Intern", "2023-04-04", "2023-08-01", 20, true)},
			now:        "2024-01-01", category: catalog.CategoryEmployment, want: 1, wantExp: 1},
		{name: "an internship of 42 days inside one cycle year earns the point",
			activities: []Activity{ptSpan(1, "Intern", "2023-07-01", "2023-08-11", 40, true)},
			now:        "2024-01-01", category: catalog.CategoryEmployment, want: 1, wantExp: 1},
		// 107 part-time days (3 months, 2) and the internship's 60 full-time
		// days (no band): 2, or all 167 days part-time (5 months, 2).
		{name: "an internship in a year whose other job earns a band adds nothing",
			activities: []Activity{ptSpan(1, "Packer", "2023-07-01", "2023-10-15", 20, false), ptSpan(2, "Intern", "2024-01-01", "2024-02-29", 40, true)},
			now:        "2024-06-01", category: catalog.CategoryEmployment, want: 2, wantExp: 2},
		{name: "internships in two cycle years earn a point in each",
			activities: []Activity{ptSpan(1, "Intern", "2023-01-01", "2023-02-28", 40, true), ptSpan(2, "Intern", "2024-01-01", "2024-02-29", 40, true)},
			now:        "2024-06-01", category: catalog.CategoryEmployment, want: 2, wantExp: 2},
		{name: "an internship at 10 hours a week alone has no employed days",
			activities: []Activity{ptSpan(1, "Intern", "2023-07-01", "2023-08-31", 10, true)},
			now:        "2024-01-01", category: catalog.CategoryEmployment, want: 0, wantExp: 0},
		{name: "an internship at 10 hours beside a 10-hour job has employed days",
			activities: []Activity{ptSpan(1, "Intern", "2023-07-01", "2023-08-31", 10, true), ptSpan(2, "Weekend job", "2023-07-01", "2023-08-31", 10, false)},
			now:        "2024-01-01", category: catalog.CategoryEmployment, want: 1, wantExp: 1},
	})
	t.Run("the point is the internship's, under the internship rule", func(t *testing.T) {
		r := ComputePoints(ptRulebook(t), catalog.ProgramCPT, ptDecisionCycle, []Activity{ptSpan(1, "Intern", "2023-04-04", "2023-08-01", 20, true)}, catalog.NewDate(2024, 1, 1))
		if got := ptOf(t, r, 1); got.Points != 1 || got.Rule.Code != PointsRuleInternship {
			t.Errorf("got %+v", got)
		}
	})
}

// TestPointsDecision14YearCappedAcrossRows checks disagreement E: a cycle
// year's Employment, whatever its rows, is capped at the full-year
// full-time figure.
func TestPointsDecision14YearCappedAcrossRows(t *testing.T) {
	instructor := func(id int64, typeKey string, years map[int]int) Activity {
		return Activity{ID: id, Category: catalog.CategoryEmployment, TypeKey: typeKey, Title: "Instructor", CoursesTaught: years, ProofAttached: true}
	}
	active := func(id int64, from, to string) Activity {
		return Activity{ID: id, Category: catalog.CategoryEmployment, TypeKey: "e-military-active", Title: "Army", StartOn: ptDay(from), EndOn: ptDay(to), ProofAttached: true}
	}
	reserve := active(3, "2022-07-01", "2023-06-30")
	reserve.TypeKey = "e-military-reserve"
	ptRunDecisionCases(t, []ptDecisionCase{
		{name: "both instructor types in one year earn the larger once",
			activities: []Activity{instructor(1, "e-mssc-instructor", map[int]int{1: 1}), instructor(2, "e-other-instructor", map[int]int{1: 2})},
			now:        "2024-01-01", category: catalog.CategoryEmployment, want: 20, wantExp: 20, warning: WarningOverlappingEmploymentMerged},
		// A full year of direct employment (20) and 10 months of active duty (7).
		{name: "direct employment and active duty in one year are capped at 20",
			activities: []Activity{ptSpan(1, "Assembler", "2022-07-01", "2023-06-30", 40, false), active(2, "2022-07-01", "2023-04-30")},
			now:        "2024-01-01", category: catalog.CategoryEmployment, want: 20, wantExp: 20},
		{name: "an instructor year and a full year of work are capped at 20",
			activities: []Activity{ptSpan(1, "Assembler", "2022-07-01", "2023-06-30", 40, false), instructor(2, "e-other-instructor", map[int]int{1: 1})},
			now:        "2024-01-01", category: catalog.CategoryEmployment, want: 20, wantExp: 20},
		{name: "every row in one year is capped at 20",
			activities: []Activity{ptSpan(1, "Assembler", "2022-07-01", "2023-06-30", 40, false), active(2, "2022-07-01", "2023-06-30"), reserve, instructor(4, "e-mssc-instructor", map[int]int{1: 1})},
			now:        "2024-01-01", category: catalog.CategoryEmployment, want: 20, wantExp: 20},
		// 6 months full-time (10) and a year of Reserve service (5).
		{name: "rows under the cap add up",
			activities: []Activity{ptSpan(1, "Assembler", "2022-07-01", "2022-12-31", 40, false), reserve},
			now:        "2024-01-01", category: catalog.CategoryEmployment, want: 15, wantExp: 15},
		{name: "the cap is per cycle year",
			activities: []Activity{ptSpan(1, "Assembler", "2022-07-01", "2024-06-30", 40, false), active(2, "2022-07-01", "2024-06-30")},
			now:        "2025-01-01", category: catalog.CategoryEmployment, want: 40, wantExp: 40},
	})
	t.Run("the capped year's shares add up to 20", func(t *testing.T) {
		r := ComputePoints(ptRulebook(t), catalog.ProgramCPT, ptDecisionCycle,
			[]Activity{ptSpan(1, "Assembler", "2022-07-01", "2023-06-30", 40, false), active(2, "2022-07-01", "2023-04-30")}, catalog.NewDate(2024, 1, 1))
		a, b := ptOf(t, r, 1), ptOf(t, r, 2)
		years := 0
		for _, y := range r.EmploymentYears {
			years += y.Points
		}
		if a.Points+b.Points != 20 || years != 20 || a.Points < b.Points {
			t.Errorf("shares %d and %d, years %+v", a.Points, b.Points, r.EmploymentYears)
		}
	})
}

// TestPointsDecision15SameCourse checks disagreement F: the same title is
// the same course, whatever its row or date, compared without case,
// spacing or punctuation; it counts once at its larger figure.
func TestPointsDecision15SameCourse(t *testing.T) {
	forCredit := ptCourse(2, "ce-for-credit-3-plus", "COURSE 3.", "2024-02-01")
	forCredit.CreditHours, forCredit.Passed = 3, ptBool(true)
	failed := forCredit
	failed.Passed = ptBool(false)
	ptRunDecisionCases(t, []ptDecisionCase{
		{name: "F: Course 3 as third-party training and as a non-credit course, same date",
			activities: []Activity{ptCourse(1, "ce-third-party", "Course 3", "2023-05-01"), ptCourse(2, "ce-non-credit", "Course 3", "2023-05-01")},
			now:        "2024-06-01", category: catalog.CategoryContinuingEducation, want: 10, wantExp: 10, warning: WarningDuplicateClaim},
		{name: "the same title in other case, spacing and punctuation on another date",
			activities: []Activity{ptCourse(1, "ce-third-party", "Course 3", "2023-05-01"), ptCourse(2, "ce-military", "course-3 ", "2024-02-01")},
			now:        "2024-06-01", category: catalog.CategoryContinuingEducation, want: 10, wantExp: 10, warning: WarningDuplicateClaim},
		{name: "the larger figure counts",
			activities: []Activity{ptCourse(1, "ce-third-party", "Course 3", "2023-05-01"), forCredit},
			now:        "2024-06-01", category: catalog.CategoryContinuingEducation, want: 20, wantExp: 20, warning: WarningDuplicateClaim},
		{name: "a claim that earns nothing leaves the other to count",
			activities: []Activity{ptCourse(1, "ce-third-party", "Course 3", "2023-05-01"), failed},
			now:        "2024-06-01", category: catalog.CategoryContinuingEducation, want: 10, wantExp: 10, warning: WarningDuplicateClaim},
		{name: "different titles are different courses",
			activities: []Activity{ptCourse(1, "ce-third-party", "Course 3", "2023-05-01"), ptCourse(2, "ce-non-credit", "Course 33", "2023-05-01")},
			now:        "2024-06-01", category: catalog.CategoryContinuingEducation, want: 20, wantExp: 20},
	})
	t.Run("the larger claim counts, the other earns 0 under the duplicate rule", func(t *testing.T) {
		r := ComputePoints(ptRulebook(t), catalog.ProgramCPT, ptDecisionCycle, []Activity{ptCourse(1, "ce-third-party", "Course 3", "2023-05-01"), forCredit}, catalog.NewDate(2024, 6, 1))
		if a, b := ptOf(t, r, 1), ptOf(t, r, 2); a.Points != 0 || a.Rule.Code != PointsRuleDuplicate || b.Points != 20 {
			t.Errorf("got %+v / %+v", a, b)
		}
	})
}

// TestSameTitleKey checks what makes two titles the same course.
func TestSameTitleKey(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Course 3", "course 3"},
		{"Course 3", "COURSE-3."},
		{"Lean  Six Sigma", "lean six-sigma"},
		{"Métrologie", "MÉTROLOGIE"},
	} {
		if SameTitleKey(tt.a) != SameTitleKey(tt.b) {
			t.Errorf("%q and %q should be the same course", tt.a, tt.b)
		}
	}
	if SameTitleKey("Course 3") == SameTitleKey("Course 33") {
		t.Error("Course 3 and Course 33 should differ")
	}
}
