package points

import (
	"github.com/mssc/recert/catalog"
	"slices"
	"testing"
)

// ptTables mirrors the seed's rule tables (seed/data/activity_types.yaml,
// employment_bands.yaml and rules.yaml) by hand.
func ptTables() ([]catalog.ActivityType, []catalog.EmploymentBand, []catalog.Rule) {
	row := func(key string, c catalog.PointCategory, name, proof string, minP, maxP int, per catalog.PointUnit) catalog.ActivityType {
		return catalog.ActivityType{Key: key, Category: c, Name: name, ProofRequired: proof, MinPoints: minP, MaxPoints: maxP, Per: per}
	}
	const (
		ce, ic, e, x = catalog.CategoryContinuingEducation, catalog.CategoryIndustryCertification, catalog.CategoryEmployment, catalog.CategoryExtra
		transcript   = "Transcript or certificate of completion showing passing status & course description"
		records      = "Joint Service Transcript (JST), VMET, Enlisted Records Brief or Officer Records Brief"
		paystub      = "Paystub showing cumulative weeks of employment or form letter signed by HR department"
	)
	types := []catalog.ActivityType{
		row("ce-for-credit-3-plus", ce, "For-credit course (≥ 3 hours)", transcript, 20, 20, catalog.PerActivity),
		row("ce-for-credit-under-3", ce, "For-credit course (< 3 hours)", transcript, 10, 10, catalog.PerActivity),
		row("ce-non-credit", ce, "Non-credit course; Certificate course", "Transcript, certificate or form letter & course description", 10, 10, catalog.PerActivity),
		row("ce-third-party", ce, "Third-party training; Employer training", "Certificate of completion or form letter & course description", 10, 10, catalog.PerActivity),
		row("ce-military", ce, "Military training", records, 10, 10, catalog.PerActivity),
		row("ic-certification", ic, "Industry certification", "Copy of certificate or OSHA card", 10, 10, catalog.PerActivity),
		row("e-direct", e, "Direct employment", paystub, 20, 20, catalog.PerYear),
		row("e-mssc-instructor", e, "MSSC-authorized instructor", paystub+" & list of courses taught each year", 20, 20, catalog.PerYear),
		row("e-other-instructor", e, "Other instructor in manufacturing or logistics", paystub+" & list of courses taught each year", 10, 10, catalog.PerYear),
		row("e-military-active", e, "Active duty military employment in related field", records, 10, 10, catalog.PerYear),
		row("e-military-reserve", e, "Reserve or Guard military service in related field", records, 1, 5, catalog.PerYear),
		row("x-volunteer", x, "General volunteer activities", "Form letter signed by organization's volunteer coordinator", 1, 5, catalog.PerActivity),
		row("x-committee", x, "Committee or panel membership", "Published list showing your membership or form letter", 1, 5, catalog.PerActivity),
	}
	bands := []catalog.EmploymentBand{
		{Key: "full-year", Label: "Full-year", Kind: catalog.BandFullYear, FullTimePoints: 20, PartTimePoints: 10},
		{Key: "months-9-11", Label: "9-11 months", Kind: catalog.BandMonths, MinMonths: 9, MaxMonths: 11, FullTimePoints: 15, PartTimePoints: 7},
		{Key: "months-6-8", Label: "6-8 months", Kind: catalog.BandMonths, MinMonths: 6, MaxMonths: 8, FullTimePoints: 10, PartTimePoints: 5},
		{Key: "months-3-5", Label: "3-5 months", Kind: catalog.BandMonths, MinMonths: 3, MaxMonths: 5, FullTimePoints: 5, PartTimePoints: 2},
		{Key: "under-3-months", Label: "Less than three months", Kind: catalog.BandUnderThreeMonths, MinMonths: 0, MaxMonths: 2},
		{Key: "internship", Label: "Internships of at least 6 weeks, but less than 3 months", Kind: catalog.BandInternship, MaxMonths: 2, MinWeeks: 6, FullTimePoints: 1, PartTimePoints: 1},
	}
	rules := []catalog.Rule{
		{Key: "points_required", Value: 100},
		{Key: "cycle_years", Value: 5},
		{Key: "application_window_days", Value: 90},
		{Key: "full_year_min_weeks", Value: 48},
		{Key: "full_time_min_weekly_hours_exclusive", Value: 30},
		{Key: "part_time_min_weekly_hours", Value: 15},
		{Key: "average_month_days", Value: 30.4375},
		{Key: "extra_hours_per_point", Value: 8},
		{Key: "reserve_guard_percent_of_active", Value: 50},
	}
	return types, bands, rules
}

// ptTableEdit changes the mirrored tables before the rulebook is built.
type ptTableEdit func(types []catalog.ActivityType, bands []catalog.EmploymentBand, rules []catalog.Rule) ([]catalog.ActivityType, []catalog.EmploymentBand, []catalog.Rule)

// ptRulebook builds a rulebook from the mirrored tables, after the edits.
func ptRulebook(t testing.TB, edits ...ptTableEdit) *Rulebook {
	t.Helper()
	types, bands, rules := ptTables()
	for _, edit := range edits {
		types, bands, rules = edit(types, bands, rules)
	}
	rb, err := NewRulebookFromTables(types, bands, rules)
	if err != nil {
		t.Fatalf("NewRulebookFromTables: %v", err)
	}
	return rb
}

// ptSetRule sets a rule figure.
func ptSetRule(key string, value float64) ptTableEdit {
	return func(types []catalog.ActivityType, bands []catalog.EmploymentBand, rules []catalog.Rule) ([]catalog.ActivityType, []catalog.EmploymentBand, []catalog.Rule) {
		rules = slices.Clone(rules)
		for i := range rules {
			if rules[i].Key == key {
				rules[i].Value = value
				return types, bands, rules
			}
		}
		return types, bands, append(rules, catalog.Rule{Key: key, Value: value})
	}
}

// ptSetType changes an activity type.
func ptSetType(key string, change func(*catalog.ActivityType)) ptTableEdit {
	return func(types []catalog.ActivityType, bands []catalog.EmploymentBand, rules []catalog.Rule) ([]catalog.ActivityType, []catalog.EmploymentBand, []catalog.Rule) {
		types = slices.Clone(types)
		for i := range types {
			if types[i].Key == key {
				change(&types[i])
			}
		}
		return types, bands, rules
	}
}

// ptSetBand changes an employment band.
func ptSetBand(key string, change func(*catalog.EmploymentBand)) ptTableEdit {
	return func(types []catalog.ActivityType, bands []catalog.EmploymentBand, rules []catalog.Rule) ([]catalog.ActivityType, []catalog.EmploymentBand, []catalog.Rule) {
		bands = slices.Clone(bands)
		for i := range bands {
			if bands[i].Key == key {
				change(&bands[i])
			}
		}
		return types, bands, rules
	}
}

// The cycle of the tests: year 1 runs from 2021-06-01 to 2022-05-31 and
// year 5 from 2025-06-01 to 2026-05-31.
var (
	ptCycle = PointsCycle{CertifiedOn: catalog.NewDate(2021, 6, 1), ExpiresOn: catalog.NewDate(2026, 6, 1)}
	ptNow   = catalog.NewDate(2026, 3, 1)
)

func ptDay(s string) *catalog.Date {
	d, err := catalog.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &d
}

func ptInt(v int) *int { return &v }

func ptBool(v bool) *bool { return &v }

// ptCourse is a course or certification of a type completed on a day,
// with its proof attached.
func ptCourse(id int64, typeKey, title, completed string) Activity {
	return Activity{ID: id, Category: ptCategory(typeKey), TypeKey: typeKey, Title: title, CompletedOn: ptDay(completed), ProofAttached: true}
}

// ptCert is an Industry Certification of a catalog entry earned on a day.
func ptCert(id int64, key, completed string) Activity {
	a := ptCourse(id, "ic-certification", key, completed)
	a.CertificationKey = key
	return a
}

// ptJob is direct employment of the given number of days from start, at
// the given weekly hours, with its proof attached.
func ptJob(id int64, start string, days int, hours float64) Activity {
	return ptPeriod(id, "e-direct", start, days, hours)
}

// ptPeriod is a period of employment of a type.
func ptPeriod(id int64, typeKey, start string, days int, hours float64) Activity {
	from := ptDay(start)
	to := from.AddDays(days - 1)
	return Activity{ID: id, Category: catalog.CategoryEmployment, TypeKey: typeKey, Title: "job", StartOn: from, EndOn: &to, WeeklyHours: hours, ProofAttached: true}
}

// ptExtra is an Extra activity of the given hours on a day.
func ptExtra(id int64, typeKey string, hours float64) Activity {
	return Activity{ID: id, Category: catalog.CategoryExtra, TypeKey: typeKey, Title: "food bank", CompletedOn: ptDay("2023-03-01"), Hours: hours, ProofAttached: true}
}

func ptCategory(typeKey string) catalog.PointCategory {
	switch typeKey[:2] {
	case "ce":
		return catalog.CategoryContinuingEducation
	case "ic":
		return catalog.CategoryIndustryCertification
	case "e-":
		return catalog.CategoryEmployment
	}
	return catalog.CategoryExtra
}

// ptCompute computes the points of the activities in the test cycle.
func ptCompute(rb *Rulebook, activities ...Activity) PointsReport {
	return ComputePoints(rb, catalog.ProgramCPT, ptCycle, activities, ptNow)
}

// ptOf returns the points of one activity of a report.
func ptOf(t testing.TB, r PointsReport, id int64) ActivityPoints {
	t.Helper()
	for _, a := range r.Activities {
		if a.ActivityID == id {
			return a
		}
	}
	t.Fatalf("no activity %d in the report", id)
	return ActivityPoints{}
}

// ptCountsOnceInEitherOrder checks two claims of one 10-point course,
// listed in both orders: the claim counted earns the 10 points and the
// other is set aside as a duplicate, so the total is 10 either way.
func ptCountsOnceInEitherOrder(t *testing.T, rb *Rulebook, a, b Activity, counted int64) {
	t.Helper()
	other := a.ID
	if other == counted {
		other = b.ID
	}
	for _, listed := range [][]Activity{{a, b}, {b, a}} {
		r := ptCompute(rb, listed...)
		if r.Total != 10 || ptOf(t, r, counted).Points != 10 || ptOf(t, r, other).Rule.Code != PointsRuleDuplicate {
			t.Errorf("listed as %d, %d: total %d, counted %+v, set aside %+v", listed[0].ID, listed[1].ID, r.Total, ptOf(t, r, counted), ptOf(t, r, other))
		}
	}
}

// ptWarned reports whether the report has a warning of the code about
// exactly the given activities (in any order).
func ptWarned(r PointsReport, code PointsWarningCode, ids ...int64) bool {
	for _, w := range r.Warnings {
		if w.Code != code || len(w.ActivityIDs) != len(ids) {
			continue
		}
		if !slices.ContainsFunc(ids, func(id int64) bool { return !slices.Contains(w.ActivityIDs, id) }) {
			return true
		}
	}
	return false
}

// ptCodes lists the warning codes of a report.
func ptCodes(r PointsReport) []PointsWarningCode {
	var out []PointsWarningCode
	for _, w := range r.Warnings {
		out = append(out, w.Code)
	}
	return out
}

// ptCategoryPoints returns a category's total.
func ptCategoryPoints(list []CategoryPoints, c catalog.PointCategory) int {
	for _, x := range list {
		if x.Category == c {
			return x.Points
		}
	}
	return -1
}
