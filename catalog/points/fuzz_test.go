package points

import (
	"github.com/mssc/recert/catalog"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FuzzComputePoints feeds the points engine three claimed activities built
// from arbitrary inputs (any type key and category, dates before, inside
// and after the cycle, any hours, internships, reviewer figures, cycles of
// any length); the third claims the second's title, days and hours again
// under the first's type, so that the same course under two rows, the same
// job twice and rows of one cycle year meet. The engine must never panic,
// be deterministic, refuse what ValidateActivity refuses with a
// BAD_USER_INPUT error about a named field, give an invalid activity
// nothing, keep its totals consistent, give no cycle year more than the
// full-year full-time figure of Employment (decision 14), give the same
// totals whatever the order of the claims, and never project fewer points
// at expiration than now.
func FuzzComputePoints(f *testing.F) {
	f.Add("e-direct", "e-direct", 10, 400, 200, 100, 0.0, 40.0, 20.0, 0.0, false, false, -1, "", 1, 1, 1826)
	f.Add("ce-for-credit-3-plus", "ce-for-credit-under-3", 30, 0, 30, 0, 0.0, 0.0, 0.0, 3.0, false, false, -1, "", 0, 0, 1826)
	f.Add("ic-certification", "ce-third-party", 100, 0, 90, 0, 0.0, 0.0, 0.0, 0.0, false, false, -1, "aws-cwi", 0, 0, 1826)
	f.Add("x-volunteer", "x-committee", 50, 0, 60, 30, 17.0, 0.0, 0.0, 0.0, false, true, 3, "", 0, 0, 1826)
	f.Add("e-military-reserve", "e-military-active", -100, 2000, 1500, 600, 0.0, 0.0, 0.0, 0.0, true, false, 6, "", 0, 0, 1826)
	f.Add("e-mssc-instructor", "e-other-instructor", 0, 1826, 0, 1826, 0.0, 0.0, 0.0, 0.0, false, false, -1, "", 3, 2, 1826)
	f.Add("", "nope", -5000, -10, 99999, -3, math.NaN(), math.Inf(1), -1.0, math.MaxFloat64, true, true, 127, "\x00", -1, -7, 0)
	f.Add("ce-military", "e-direct", 1825, 10, 1826, 1, 0.0, 168.0, 168.5, 0.0, true, false, 0, "", 6, 1, -30)
	f.Add("e-direct", "e-direct", 336, 41, 0, 365, 0.0, 40.0, 40.0, 0.0, false, false, -1, "", 1, 1, 1825)
	f.Add("ce-non-credit", "ce-third-party", 400, 0, 400, 0, 0.0, 0.0, 0.0, 0.0, false, false, -1, "", 0, 0, 1825)
	f.Add("e-mssc-instructor", "e-military-active", 0, 0, 0, 300, 0.0, 0.0, 0.0, 0.0, false, false, -1, "", 1, 1, 1825)
	f.Add("e-direct", "e-direct", 1490, 335, 1490, 335, 0.0, 32.0, 20.0, 0.0, true, false, -1, "", 3, 1, 1825)

	rb := ptRulebook(f)
	f.Fuzz(func(t *testing.T, typeA, typeB string, startA, lenA, startB, lenB int, hours, weeklyA, weeklyB, credit float64,
		ongoingB, wrongCategory bool, reviewer int, certKey string, year, courses, cycleDays int) {
		base := catalog.NewDate(2021, 6, 1)
		day := func(offset int) *catalog.Date {
			d := base.AddDays(clamp(offset, -20000, 20000))
			return &d
		}
		// The first activity takes the fields its type takes from the
		// inputs; an activity of an unknown type takes them all.
		a := Activity{ID: 1, TypeKey: typeA, Category: categoryOfKey(typeA), Title: typeA, ProofAttached: startA%2 == 0}
		switch rb.kindOf(rb.types[typeA]) {
		case kindCourse, kindForCredit:
			a.CompletedOn, a.CreditHours = day(startA), credit
		case kindCertification:
			a.CompletedOn, a.CertificationKey = day(startA), certKey
		case kindDirect, kindMilitaryActive, kindMilitaryReserve:
			a.StartOn, a.EndOn, a.WeeklyHours = day(startA), day(startA+lenA), weeklyA
			a.Internship = typeA == typeDirectEmployment && courses%2 != 0
		case kindInstructor:
			a.CoursesTaught = map[int]int{year: courses}
		case kindExtra:
			a.CompletedOn, a.Hours = day(startA), hours
		default:
			a = Activity{ID: 1, TypeKey: typeA, Category: categoryOfKey(typeA), Title: typeA, CompletedOn: day(startA),
				StartOn: day(startA), EndOn: day(startA + lenA), Hours: hours, WeeklyHours: weeklyA, CreditHours: credit,
				CertificationKey: certKey, CoursesTaught: map[int]int{year: courses}, ProofAttached: startA%2 == 0}
		}
		// claim builds the second and third activities from the same inputs,
		// with the fields their type takes.
		claim := func(id int64, typeKey, title string) Activity {
			c := Activity{ID: id, TypeKey: typeKey, Category: categoryOfKey(typeKey), Title: title, StartOn: day(startB),
				EndOn: day(startB + lenB), Ongoing: ongoingB, WeeklyHours: weeklyB,
				Internship: typeKey == typeDirectEmployment && year%2 != 0}
			switch rb.kindOf(rb.types[typeKey]) {
			case kindForCredit:
				c.Passed = ptBool(lenB%2 == 0)
				fallthrough
			case kindCourse:
				c.StartOn, c.EndOn, c.CompletedOn, c.LedToCertificationKey = nil, nil, day(startB), certKey
			case kindCertification:
				c.StartOn, c.EndOn, c.CompletedOn, c.CertificationKey = nil, nil, day(startB), certKey
			case kindInstructor:
				c.CoursesTaught = map[int]int{year: courses}
			}
			return c
		}
		b := claim(2, typeB, strings.ToUpper(typeB))
		c := claim(3, typeA, strings.ReplaceAll(strings.ToLower(typeB), "-", " "))
		if wrongCategory {
			a.Category = catalog.CategoryExtra
		}
		if reviewer >= 0 {
			points := clamp(reviewer, 0, 1000)
			b.ReviewerPoints, b.ReviewerReason = &points, "set by the fuzzer"
		}
		cycle := PointsCycle{CertifiedOn: base, ExpiresOn: base.AddDays(clamp(cycleDays, -20000, 20000))}
		activities := []Activity{a, b, c}

		valid := map[int64]bool{}
		for i, act := range activities {
			errs := ValidateActivity("activities.", act, rb, ptNow)
			valid[act.ID] = len(errs) == 0
			for _, err := range errs {
				if err.Code != catalog.CodeBadUserInput || !strings.HasPrefix(err.Field, "activities.") || err.Message == "" {
					t.Fatalf("activity %d: ValidateActivity gave %+v, want BAD_USER_INPUT about an activities. field", i, err)
				}
			}
		}

		r := ComputePoints(rb, catalog.ProgramCPT, cycle, activities, ptNow)
		if again := ComputePoints(rb, catalog.ProgramCPT, cycle, activities, ptNow); !reflect.DeepEqual(r, again) {
			t.Fatal("ComputePoints is not deterministic")
		}
		if len(r.Activities) != len(activities) {
			t.Fatalf("report has %d activities, want %d", len(r.Activities), len(activities))
		}
		total, byCategory := 0, 0
		for i, ap := range r.Activities {
			if ap.ActivityID != activities[i].ID {
				t.Fatalf("activity %d reported as %d", activities[i].ID, ap.ActivityID)
			}
			if ap.Points < 0 || ap.AsOfExpiration < 0 || ap.Proposed < 0 {
				t.Fatalf("negative points: %+v", ap)
			}
			if ap.Rule.Code == "" || ap.Rule.Description == "" {
				t.Fatalf("activity %d has no rule: %+v", ap.ActivityID, ap)
			}
			if typ, ok := rb.types[activities[i].TypeKey]; !ok && ap.Points != 0 {
				t.Fatalf("an activity of unknown type %q earned %d", activities[i].TypeKey, ap.Points)
			} else if ok && ap.Points > typ.MaxPoints*rb.cycleYears {
				t.Fatalf("activity %d earned %d, more than %d a year for %d years", ap.ActivityID, ap.Points, typ.MaxPoints, rb.cycleYears)
			}
			if cycle.ExpiresOn.After(cycle.CertifiedOn) && !valid[ap.ActivityID] &&
				(ap.Points != 0 || ap.Rule.Code != PointsRuleInvalid) {
				t.Fatalf("invalid activity %d earned %d under %s", ap.ActivityID, ap.Points, ap.Rule.Code)
			}
			total += ap.Points
		}
		for _, c := range r.ByCategory {
			byCategory += c.Points
		}
		if r.Total != total || byCategory != total {
			t.Fatalf("total %d, by category %d, sum of activities %d", r.Total, byCategory, total)
		}
		if r.Shortfall != max(0, r.Required-r.Total) || r.AsOfExpiration.Shortfall != max(0, r.Required-r.AsOfExpiration.Total) {
			t.Fatalf("shortfall %d / %d for total %d / %d of %d", r.Shortfall, r.AsOfExpiration.Shortfall, r.Total, r.AsOfExpiration.Total, r.Required)
		}
		perYear := map[int]int{}
		for _, y := range r.EmploymentYears {
			if perYear[y.Year] += y.Points; perYear[y.Year] > rb.fullYear.FullTimePoints {
				t.Fatalf("cycle year %d earns %d Employment: %+v", y.Year, perYear[y.Year], r.EmploymentYears)
			}
		}
		for i, c := range r.ByCategory {
			if p := r.AsOfExpiration.ByCategory[i]; p.Category != c.Category || p.Points < c.Points {
				t.Fatalf("%s projects %d at expiration, below %d now", c.Category, p.Points, c.Points)
			}
		}
		reversed := slices.Clone(activities)
		slices.Reverse(reversed)
		back := ComputePoints(rb, catalog.ProgramCPT, cycle, reversed, ptNow)
		if !reflect.DeepEqual(back.ByCategory, r.ByCategory) || !reflect.DeepEqual(back.AsOfExpiration, r.AsOfExpiration) {
			t.Fatalf("the order of the claims changed the totals: %+v and %+v, as of expiration %+v and %+v", r.ByCategory, back.ByCategory, r.AsOfExpiration, back.AsOfExpiration)
		}
	})
}

func clamp(v, lo, hi int) int {
	return min(max(v, lo), hi)
}

// categoryOfKey is the category a type key's prefix names; any string.
func categoryOfKey(key string) catalog.PointCategory {
	switch {
	case strings.HasPrefix(key, "ce"):
		return catalog.CategoryContinuingEducation
	case strings.HasPrefix(key, "ic"):
		return catalog.CategoryIndustryCertification
	case strings.HasPrefix(key, "e-"):
		return catalog.CategoryEmployment
	}
	return catalog.CategoryExtra
}
