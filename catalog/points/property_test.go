package points

import (
	"flag"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/mssc/recert/catalog"
	"pgregory.net/rapid"
)

// The property tests generate activity sets in the cycle of the issue's
// examples (2022-07-01 to 2027-06-30): courses under every Continuing
// Education row, certifications, jobs with overlaps and gaps at any hours,
// internships, instructor years, active duty, Reserve and Guard service and
// Extra activities, dated before, inside and after the cycle, scored on a
// day inside or after it. rapid prints the seed of a failing run and
// shrinks it to a small example; -rapid.seed replays it.

// ptPropertyChecks is how many sets each property tries, unless
// -rapid.checks or RAPID_CHECKS says otherwise.
const ptPropertyChecks = 300

var ptChecksOnce sync.Once

// ptCheck runs a property over ptPropertyChecks generated cases.
func ptCheck(t *testing.T, prop func(*rapid.T)) {
	t.Helper()
	ptChecksOnce.Do(func() {
		given := os.Getenv("RAPID_CHECKS") != ""
		flag.Visit(func(f *flag.Flag) { given = given || f.Name == "rapid.checks" })
		if !given {
			if err := flag.Set("rapid.checks", strconv.Itoa(ptPropertyChecks)); err != nil {
				t.Fatal(err)
			}
		}
	})
	rapid.Check(t, prop)
}

// ptGenSet is a generated activity set and the day it is scored on.
type ptGenSet struct {
	now        catalog.Date
	activities []Activity
}

// ptGenDay draws a day from lo to hi, both included.
func ptGenDay(t *rapid.T, lo, hi catalog.Date, label string) *catalog.Date {
	d := lo.AddDays(rapid.IntRange(0, max(lo.DaysUntil(hi), 0)).Draw(t, label))
	return &d
}

var (
	ptGenTitles   = []string{"Course 1", "course 1", "COURSE-1.", "Course 2", "Hydraulics", "hydraulics ", "Lean Six Sigma", "Forklift safety"}
	ptGenJobs     = []string{"Assembler", "Picker", "Intern", "Machine operator"}
	ptGenCerts    = []string{"osha-10", "OSHA-10", "osha-30", "cqt", "aws-cwi"}
	ptGenCETypes  = []string{"ce-for-credit-3-plus", "ce-for-credit-under-3", "ce-non-credit", "ce-third-party", "ce-military"}
	ptGenHours    = []float64{8, 10, 14.9, 15, 16, 20, 25, 30, 30.5, 32, 40, 45}
	ptGenActivity = []string{"course", "certification", "job", "job", "job", "internship", "instructor", "active", "reserve", "extra"}
)

// ptGenActivityOf draws one valid activity as of now, of the given kind.
func ptGenActivityOf(t *rapid.T, kind string, now catalog.Date, label string) Activity {
	lo, hi := ptDecisionCycle.CertifiedOn.AddDays(-400), now
	switch kind {
	case "course":
		key := rapid.SampledFrom(ptGenCETypes).Draw(t, label+".type")
		a := Activity{Category: catalog.CategoryContinuingEducation, TypeKey: key, Title: rapid.SampledFrom(ptGenTitles).Draw(t, label+".title"),
			CompletedOn: ptGenDay(t, lo, hi, label+".completed"), ProofAttached: true}
		if strings.HasPrefix(key, "ce-for-credit") {
			a.CreditHours = rapid.SampledFrom([]float64{0, 1, 2.5, 3, 4}).Draw(t, label+".credit")
			a.Passed = rapid.SampledFrom([]*bool{nil, ptBool(true), ptBool(false)}).Draw(t, label+".passed")
		}
		if rapid.IntRange(0, 2).Draw(t, label+".led") == 0 {
			a.LedToCertificationKey = rapid.SampledFrom(ptGenCerts).Draw(t, label+".ledTo")
		}
		return a
	case "certification":
		key := rapid.SampledFrom(ptGenCerts).Draw(t, label+".key")
		return Activity{Category: catalog.CategoryIndustryCertification, TypeKey: "ic-certification", Title: key, CertificationKey: key,
			CompletedOn: ptGenDay(t, lo, hi, label+".completed"), ProofAttached: true}
	case "instructor":
		years := map[int]int{}
		for y := 1; y <= 5; y++ {
			years[y] = rapid.IntRange(0, 2).Draw(t, label+".taught"+strconv.Itoa(y))
		}
		return Activity{Category: catalog.CategoryEmployment, TypeKey: rapid.SampledFrom([]string{"e-mssc-instructor", "e-other-instructor"}).Draw(t, label+".type"),
			Title: "Instructor", CoursesTaught: years, ProofAttached: true}
	case "extra":
		return Activity{Category: catalog.CategoryExtra, TypeKey: rapid.SampledFrom([]string{"x-volunteer", "x-committee"}).Draw(t, label+".type"),
			Title: "Food bank", CompletedOn: ptGenDay(t, lo, hi, label+".completed"), Hours: float64(rapid.IntRange(0, 60).Draw(t, label+".hours")), ProofAttached: true}
	}
	a := Activity{Category: catalog.CategoryEmployment, TypeKey: "e-direct", Title: rapid.SampledFrom(ptGenJobs).Draw(t, label+".title"), ProofAttached: true}
	switch kind {
	case "active":
		a.TypeKey, a.Title = "e-military-active", "Army"
	case "reserve":
		a.TypeKey, a.Title = "e-military-reserve", "Guard"
	case "internship":
		a.Internship = true
		a.WeeklyHours = rapid.SampledFrom(ptGenHours).Draw(t, label+".weekly")
	default:
		a.WeeklyHours = rapid.SampledFrom(ptGenHours).Draw(t, label+".weekly")
	}
	// Internships are short; other periods run up to three years.
	longest := 3 * 365
	if a.Internship {
		longest = 130
	}
	a.StartOn = ptGenDay(t, lo, hi, label+".start")
	length := rapid.IntRange(0, longest).Draw(t, label+".length")
	end := a.StartOn.AddDays(length)
	switch {
	case !end.After(now):
		a.EndOn = &end
	case rapid.Bool().Draw(t, label+".expectedEnd"):
		a.Ongoing, a.EndOn = true, &end
	default:
		a.Ongoing = true
	}
	return a
}

// ptGenActivities draws a set of valid activities as of now.
func ptGenActivities(t *rapid.T, now catalog.Date, most int) []Activity {
	n := rapid.IntRange(0, most).Draw(t, "count")
	var out []Activity
	for i := range n {
		label := "a" + strconv.Itoa(i)
		a := ptGenActivityOf(t, rapid.SampledFrom(ptGenActivity).Draw(t, label+".kind"), now, label)
		a.ID = int64(i + 1)
		out = append(out, a)
	}
	return out
}

// ptGen draws the day of scoring and an activity set.
func ptGen(t *rapid.T) ptGenSet {
	now := *ptGenDay(t, ptDecisionCycle.CertifiedOn.AddDays(30), ptDecisionCycle.ExpiresOn.AddDays(120), "now")
	return ptGenSet{now: now, activities: ptGenActivities(t, now, 12)}
}

// ptScore scores a set in the cycle, after checking that every
// activity the generator made is valid.
func ptScore(t *rapid.T, rb *Rulebook, set ptGenSet) PointsReport {
	for _, a := range set.activities {
		if errs := ValidateActivity("", a, rb, set.now); len(errs) > 0 {
			t.Fatalf("the generator made an invalid activity %+v: %v", a, errs)
		}
	}
	return ComputePoints(rb, catalog.ProgramCPT, ptDecisionCycle, set.activities, set.now)
}

// ptTotals are the four category totals and the total, now and as of
// expiration.
type ptTotals struct {
	now, exp map[catalog.PointCategory]int
}

func ptTotalsOf(r PointsReport) ptTotals {
	out := ptTotals{now: map[catalog.PointCategory]int{}, exp: map[catalog.PointCategory]int{}}
	for _, c := range r.ByCategory {
		out.now[c.Category] = c.Points
	}
	for _, c := range r.AsOfExpiration.ByCategory {
		out.exp[c.Category] = c.Points
	}
	out.now[""], out.exp[""] = r.Total, r.AsOfExpiration.Total
	return out
}

var ptCategories = []catalog.PointCategory{catalog.CategoryContinuingEducation, catalog.CategoryIndustryCertification, catalog.CategoryEmployment, catalog.CategoryExtra, ""}

// ptSameTotals fails unless two reports agree on every category and total,
// now and as of expiration.
func ptSameTotals(t *rapid.T, what string, a, b PointsReport) {
	ta, tb := ptTotalsOf(a), ptTotalsOf(b)
	for _, c := range ptCategories {
		if ta.now[c] != tb.now[c] || ta.exp[c] != tb.exp[c] {
			t.Fatalf("%s changed %q from %d (as of expiration %d) to %d (%d)", what, c, ta.now[c], ta.exp[c], tb.now[c], tb.exp[c])
		}
	}
}

// ptDirectOverlaps reports whether a direct job overlaps, in either
// reading, a direct job of the set.
func ptDirectOverlaps(a Activity, set []Activity, now catalog.Date) bool {
	if a.TypeKey != "e-direct" {
		return false
	}
	span := func(x Activity) (catalog.Date, catalog.Date) {
		if !x.Ongoing {
			return *x.StartOn, *x.EndOn
		}
		return *x.StartOn, ptDecisionCycle.ExpiresOn.AddDays(1000)
	}
	from, to := span(a)
	for _, b := range set {
		if b.TypeKey != "e-direct" {
			continue
		}
		bf, bt := span(b)
		if !from.After(bt) && !bf.After(to) {
			return true
		}
	}
	return false
}

// ptSameClaim reports whether two periods are one claim made twice as the
// duplicate rule reads it (points_duplicates.go): the same type, title
// (without case, spacing or punctuation), days and weekly hours.
func ptSameClaim(a, b Activity) bool {
	sameDay := func(x, y *catalog.Date) bool { return (x == nil) == (y == nil) && (x == nil || x.Equal(*y)) }
	return a.StartOn != nil && b.StartOn != nil && a.TypeKey == b.TypeKey && SameTitleKey(a.Title) == SameTitleKey(b.Title) &&
		sameDay(a.StartOn, b.StartOn) && sameDay(a.EndOn, b.EndOn) && a.Ongoing == b.Ongoing &&
		a.WeeklyHours == b.WeeklyHours && a.Internship == b.Internship
}

// TestPointsPropertySplittingAJob checks that splitting a job into two
// adjacent jobs with the same hours changes nothing, unless the job or one
// of its parts is the very claim of another activity of the set. The same
// job claimed twice counts once (DOMAIN decision 2: overlapping periods are
// "merged, never counted twice"; TestPointsPropertyClaimingTwice), while two
// different jobs on the same days add their hours, so a split can turn two
// jobs into one job claimed twice, or the reverse, and rightly change the
// points: TestPointsSplittingAJobOntoAnotherClaim has rapid's example.
func TestPointsPropertySplittingAJob(t *testing.T) {
	rb := ptRulebook(t)
	ptCheck(t, func(t *rapid.T) {
		set := ptGen(t)
		job := ptGenActivityOf(t, "job", set.now, "job")
		job.ID = 100
		last := *job.StartOn
		if job.EndOn != nil {
			last = *job.EndOn
		}
		if !job.Ongoing && last.Equal(*job.StartOn) {
			t.Skip("a one-day job cannot be split")
		}
		cut := job.StartOn.AddDays(rapid.IntRange(1, max(1, job.StartOn.DaysUntil(last))).Draw(t, "cut"))
		if job.Ongoing && !job.StartOn.Before(cut) {
			cut = job.StartOn.AddDays(1)
		}
		if cut.After(set.now) {
			t.Skip("the second part would start after now")
		}
		first, second := job, job
		before := cut.AddDays(-1)
		first.ID, first.EndOn, first.Ongoing = 100, &before, false
		second.ID, second.StartOn = 101, &cut
		if second.EndOn != nil && second.EndOn.Before(cut) {
			t.Skip("the cut falls after the expected end")
		}
		if slices.ContainsFunc(set.activities, func(a Activity) bool {
			return ptSameClaim(a, job) || ptSameClaim(a, first) || ptSameClaim(a, second)
		}) {
			t.Skip("the job or a part of it is another activity claimed again, which counts once")
		}
		whole := ptScore(t, rb, ptGenSet{now: set.now, activities: append(slices.Clone(set.activities), job)})
		split := ptScore(t, rb, ptGenSet{now: set.now, activities: append(slices.Clone(set.activities), first, second)})
		ptSameTotals(t, "splitting the job at "+cut.String(), whole, split)
	})
}

// TestPointsSplittingAJobOntoAnotherClaim is the counterexample rapid
// found to TestPointsPropertySplittingAJob (-rapid.seed=11220727731359043048),
// reduced by hand to the two jobs that matter, scored on 2022-07-31. Whole,
// "Picker" at 8 hours a week from 2021-05-27 and another "Picker" at 8 hours
// from 2021-05-28, both ongoing, are two jobs: their hours add up to 16 on
// every day of the cycle, part-time (decision 1). Now that is 31 days of
// cycle year 1, one whole month, under 3 months: 0. As of expiration both
// run to 2027-06-30, so each of the five cycle years has at least 48 weeks:
// the full-year part-time 10, 50 in all. Split on 2021-05-28, the first part
// lies before the cycle and earns nothing, and the second part is the other
// "Picker" claimed again, which counts once (decision 2): 8 hours a week, under
// the part-time minimum of 15, so 0 now and 0 as of expiration.
func TestPointsSplittingAJobOntoAnotherClaim(t *testing.T) {
	ongoing := func(id int64, from string) Activity {
		a := ptSpan(id, "Picker", from, from, 8, false)
		a.EndOn, a.Ongoing = nil, true
		return a
	}
	split := []Activity{ptSpan(100, "Picker", "2021-05-27", "2021-05-27", 8, false), ongoing(101, "2021-05-28"), ongoing(7, "2021-05-28")}
	ptRunDecisionCases(t, []ptDecisionCase{
		{name: "two like jobs a day apart add their hours",
			activities: []Activity{ongoing(100, "2021-05-27"), ongoing(7, "2021-05-28")},
			now:        "2022-07-31", category: catalog.CategoryEmployment, want: 0, wantExp: 50, warning: WarningOverlappingEmploymentMerged},
		{name: "split on 2021-05-28, the second part is the other job claimed twice and counts once",
			activities: split, now: "2022-07-31", category: catalog.CategoryEmployment, want: 0, wantExp: 0},
	})
	t.Run("the split's second part and the other job are one claim", func(t *testing.T) {
		r := ComputePoints(ptRulebook(t), catalog.ProgramCPT, ptDecisionCycle, split, catalog.NewDate(2022, 7, 31))
		if !ptWarned(r, WarningDuplicateClaim, 101, 7) {
			t.Errorf("warnings %v, want %s about activities 101 and 7", r.Warnings, WarningDuplicateClaim)
		}
	})
}

// TestPointsPropertyAddingNeverLowers checks that adding an activity never
// lowers a category. Two rules move points rather than add them, and the
// property leaves exactly those moves aside. A certification earned inside
// the cycle and claimed beside the training that led to it takes the
// training's Continuing Education points (only the certification counts,
// never both), so then Continuing Education and the total are not
// compared. A direct job overlapping another can turn part-time days
// full-time, and DOMAIN decision 2's "larger of the split reading and the
// all-part-time reading" does not always reward that (100 full-time and 92
// part-time days earn 5 + 2; 102 and 90 earn 5), so then Employment and the
// total are not compared. Every other category is.
func TestPointsPropertyAddingNeverLowers(t *testing.T) {
	rb := ptRulebook(t)
	ptCheck(t, func(t *rapid.T) {
		set := ptGen(t)
		extra := ptGenActivityOf(t, rapid.SampledFrom(ptGenActivity).Draw(t, "added.kind"), set.now, "added")
		extra.ID = 100
		before := ptTotalsOf(ptScore(t, rb, set))
		after := ptTotalsOf(ptScore(t, rb, ptGenSet{now: set.now, activities: append(slices.Clone(set.activities), extra)}))
		counts := extra.CompletedOn != nil && !extra.CompletedOn.Before(ptDecisionCycle.CertifiedOn) && !extra.CompletedOn.After(ptDecisionCycle.ExpiresOn)
		movesTraining := extra.TypeKey == "ic-certification" && counts && slices.ContainsFunc(set.activities, func(a Activity) bool {
			return a.LedToCertificationKey != "" && strings.EqualFold(a.LedToCertificationKey, extra.CertificationKey)
		})
		overlaps := ptDirectOverlaps(extra, set.activities, set.now)
		for _, c := range ptCategories {
			if (c == catalog.CategoryContinuingEducation || c == "") && movesTraining || (c == catalog.CategoryEmployment || c == "") && overlaps {
				continue
			}
			if after.now[c] < before.now[c] || after.exp[c] < before.exp[c] {
				t.Fatalf("adding %+v lowered %q from %d (as of expiration %d) to %d (%d)", extra, c, before.now[c], before.exp[c], after.now[c], after.exp[c])
			}
		}
	})
}

// TestPointsPropertyClaimingTwice checks that claiming the same job,
// course or certification twice changes nothing but a warning.
func TestPointsPropertyClaimingTwice(t *testing.T) {
	rb := ptRulebook(t)
	ptCheck(t, func(t *rapid.T) {
		set := ptGen(t)
		if len(set.activities) == 0 {
			t.Skip("nothing to claim twice")
		}
		i := rapid.IntRange(0, len(set.activities)-1).Draw(t, "twice")
		again := set.activities[i]
		if again.TypeKey == "x-volunteer" || again.TypeKey == "x-committee" {
			t.Skip("an Extra activity claimed twice is two activities")
		}
		again.ID = 100
		once := ptScore(t, rb, set)
		twice := ptScore(t, rb, ptGenSet{now: set.now, activities: append(slices.Clone(set.activities), again)})
		ptSameTotals(t, "claiming activity "+strconv.Itoa(i+1)+" again", once, twice)
		if !slices.ContainsFunc(twice.Warnings, func(w PointsWarning) bool {
			return w.Code == WarningDuplicateClaim && slices.Contains(w.ActivityIDs, again.ID)
		}) {
			t.Fatalf("claiming activity %d again gave no duplicate warning: %v", i+1, twice.Warnings)
		}
	})
}

// TestPointsPropertyYearCap checks that no cycle year earns more than the
// full-year full-time figure of Employment, whatever its rows.
func TestPointsPropertyYearCap(t *testing.T) {
	rb := ptRulebook(t)
	ptCheck(t, func(t *rapid.T) {
		set := ptGen(t)
		r := ptScore(t, rb, set)
		perYear := map[int]int{}
		for _, y := range r.EmploymentYears {
			perYear[y.Year] += y.Points
		}
		sum := 0
		for year, p := range perYear {
			if p > rb.fullYear.FullTimePoints {
				t.Fatalf("cycle year %d earns %d Employment: %+v", year, p, r.EmploymentYears)
			}
			sum += p
		}
		if got := ptCategoryPoints(r.ByCategory, catalog.CategoryEmployment); got != sum {
			t.Fatalf("Employment is %d but its cycle years add up to %d", got, sum)
		}
		if e := ptCategoryPoints(r.AsOfExpiration.ByCategory, catalog.CategoryEmployment); e > rb.fullYear.FullTimePoints*rb.cycleYears {
			t.Fatalf("Employment as of expiration is %d", e)
		}
	})
}

// TestPointsPropertyOrder checks that reordering the claims changes
// nothing.
func TestPointsPropertyOrder(t *testing.T) {
	rb := ptRulebook(t)
	ptCheck(t, func(t *rapid.T) {
		set := ptGen(t)
		shuffled := rapid.Permutation(set.activities).Draw(t, "order")
		ptSameTotals(t, "reordering the claims", ptScore(t, rb, set), ptScore(t, rb, ptGenSet{now: set.now, activities: shuffled}))
	})
}

// TestPointsPropertyExpirationNeverBelowNow checks that the points as of
// expiration are never below the points now, category by category.
func TestPointsPropertyExpirationNeverBelowNow(t *testing.T) {
	rb := ptRulebook(t)
	ptCheck(t, func(t *rapid.T) {
		r := ptScore(t, rb, ptGen(t))
		totals := ptTotalsOf(r)
		for _, c := range ptCategories {
			if totals.exp[c] < totals.now[c] {
				t.Fatalf("%q as of expiration %d is below %d now", c, totals.exp[c], totals.now[c])
			}
		}
		for _, a := range r.Activities {
			if a.AsOfExpiration < a.Points && a.ReviewerPoints == nil && a.Category != catalog.CategoryEmployment {
				t.Fatalf("activity %d: %d as of expiration, %d now", a.ActivityID, a.AsOfExpiration, a.Points)
			}
		}
	})
}

// TestPointsPropertyOutsideTheCycle checks that an activity wholly outside
// the cycle adds nothing.
func TestPointsPropertyOutsideTheCycle(t *testing.T) {
	rb := ptRulebook(t)
	ptCheck(t, func(t *rapid.T) {
		set := ptGen(t)
		before := rapid.Bool().Draw(t, "before")
		if !before && !set.now.After(ptDecisionCycle.ExpiresOn) {
			before = true
		}
		kind := rapid.SampledFrom([]string{"course", "certification", "job", "internship", "active", "reserve", "extra"}).Draw(t, "outside.kind")
		outside := ptGenActivityOf(t, kind, set.now, "outside")
		outside.ID = 100
		lo, hi := ptDecisionCycle.CertifiedOn.AddDays(-900), ptDecisionCycle.CertifiedOn.AddDays(-1)
		if !before {
			lo, hi = ptDecisionCycle.ExpiresOn.AddDays(1), set.now
		}
		if outside.CompletedOn != nil {
			outside.CompletedOn = ptGenDay(t, lo, hi, "outside.completed")
		} else {
			start := ptGenDay(t, lo, hi, "outside.start")
			end := start.AddDays(rapid.IntRange(0, start.DaysUntil(hi)).Draw(t, "outside.length"))
			outside.StartOn, outside.EndOn, outside.Ongoing = start, &end, false
		}
		with := ptScore(t, rb, ptGenSet{now: set.now, activities: append(slices.Clone(set.activities), outside)})
		ptSameTotals(t, "adding an activity outside the cycle", ptScore(t, rb, set), with)
		for _, p := range with.Activities {
			if p.ActivityID == 100 && (p.Points != 0 || p.AsOfExpiration != 0) {
				t.Fatalf("the activity outside the cycle earned %+v", p)
			}
		}
	})
}

// TestPointsPropertyOracle compares the engine with the independent
// oracle of points_oracle_test.go, category by category and in total, now
// and as of expiration.
func TestPointsPropertyOracle(t *testing.T) {
	rb := ptRulebook(t)
	figures := newOracleFigures(ptTables())
	ptCheck(t, func(t *rapid.T) {
		set := ptGen(t)
		r := ptScore(t, rb, set)
		wantNow, wantExp := oracleScore(figures, ptDecisionCycle, set.activities, set.now)
		for _, c := range ptCategories[:4] {
			wantNow[""] += wantNow[c]
			wantExp[""] += wantExp[c]
		}
		got := ptTotalsOf(r)
		for _, c := range ptCategories {
			if got.now[c] != wantNow[c] || got.exp[c] != wantExp[c] {
				t.Fatalf("%q: the engine gives %d (as of expiration %d), the oracle %d (%d)\nyears %+v\nactivities %+v",
					c, got.now[c], got.exp[c], wantNow[c], wantExp[c], r.EmploymentYears, r.Activities)
			}
		}
	})
}
