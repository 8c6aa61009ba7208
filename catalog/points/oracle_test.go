package points

import (
	"github.com/mssc/recert/catalog"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// The oracle below scores activity sets a second time, written straight
// from DOMAIN.md (decisions 1-4, 9, 12-15) and the guide's tables, sharing no
// code with the engine: it reads the figures from the rule tables as plain
// slices, walks the cycle day by day with the time package, and knows
// nothing of Rulebook, the grid or the engine's helpers. It covers what
// the generated sets hold: courses, certifications (with no pre-approved
// list, so any key counts), direct employment with internships, instructor
// years, active duty, Reserve and Guard service and one-off Extra
// activities, without reviewer figures.

// oracleFigures are the figures the oracle reads from the rule tables.
type oracleFigures struct {
	typeMax, typeMin                 map[string]int
	forCreditMinHours                float64
	fullYearFT, fullYearPT           int
	bands                            []catalog.EmploymentBand
	internMinWeeks, internMaxMonths  int
	internFT, internPT               int
	cycleYears, fullYearWeeks        int
	fullTimeAbove, partTimeMin       float64
	monthDays, extraHours, reservePc float64
}

func newOracleFigures(types []catalog.ActivityType, bands []catalog.EmploymentBand, rules []catalog.Rule) oracleFigures {
	f := oracleFigures{typeMax: map[string]int{}, typeMin: map[string]int{}}
	for _, t := range types {
		f.typeMax[t.Key], f.typeMin[t.Key] = t.MaxPoints, t.MinPoints
		if t.Key == "ce-for-credit-3-plus" {
			m := regexp.MustCompile(`≥\s*([0-9.]+)`).FindStringSubmatch(t.Name)
			f.forCreditMinHours, _ = strconv.ParseFloat(m[1], 64)
		}
	}
	for _, b := range bands {
		switch b.Kind {
		case catalog.BandFullYear:
			f.fullYearFT, f.fullYearPT = b.FullTimePoints, b.PartTimePoints
		case catalog.BandInternship:
			f.internMinWeeks, f.internMaxMonths, f.internFT, f.internPT = b.MinWeeks, b.MaxMonths, b.FullTimePoints, b.PartTimePoints
		default:
			f.bands = append(f.bands, b)
		}
	}
	for _, r := range rules {
		switch r.Key {
		case "cycle_years":
			f.cycleYears = int(r.Value)
		case "full_year_min_weeks":
			f.fullYearWeeks = int(r.Value)
		case "full_time_min_weekly_hours_exclusive":
			f.fullTimeAbove = r.Value
		case "part_time_min_weekly_hours":
			f.partTimeMin = r.Value
		case "average_month_days":
			f.monthDays = r.Value
		case "extra_hours_per_point":
			f.extraHours = r.Value
		case "reserve_guard_percent_of_active":
			f.reservePc = r.Value
		}
	}
	return f
}

// oracleBand is the partial-year table: days of one column in one cycle
// year, a full year at the full-year weeks, else whole months pick a row.
func (f oracleFigures) oracleBand(days int, fullTime bool, fullYear int) int {
	if days/7 >= f.fullYearWeeks {
		return fullYear
	}
	months := int(math.Floor(float64(days) / f.monthDays))
	for _, b := range f.bands {
		if months >= b.MinMonths && months <= b.MaxMonths {
			if fullTime {
				return b.FullTimePoints
			}
			return b.PartTimePoints
		}
	}
	return 0
}

// oracleTitle is a title without case, spacing or punctuation.
func oracleTitle(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// oracleResult holds the four category totals of one reading.
type oracleResult map[catalog.PointCategory]int

// oracleScore scores the activities now and as of expiration.
func oracleScore(f oracleFigures, cycle PointsCycle, activities []Activity, now catalog.Date) (oracleResult, oracleResult) {
	first, last := cycle.CertifiedOn.Time(), cycle.ExpiresOn.Time()
	inside := func(d *catalog.Date) bool { return !d.Time().Before(first) && !d.Time().After(last) }
	fixed := oracleResult{}

	// Industry Certification: each catalog entry earned inside the cycle once.
	certs := map[string]bool{}
	for _, a := range activities {
		if a.TypeKey == "ic-certification" && inside(a.CompletedOn) {
			certs[strings.ToLower(strings.TrimSpace(a.CertificationKey))] = true
		}
	}
	fixed[catalog.CategoryIndustryCertification] = len(certs) * f.typeMax["ic-certification"]

	// Continuing Education: the larger figure of each title.
	courses := map[string]int{}
	for _, a := range activities {
		if !strings.HasPrefix(a.TypeKey, "ce-") || !inside(a.CompletedOn) || certs[strings.ToLower(strings.TrimSpace(a.LedToCertificationKey))] {
			continue
		}
		points := f.typeMax[a.TypeKey]
		if strings.HasPrefix(a.TypeKey, "ce-for-credit") {
			if a.CreditHours >= f.forCreditMinHours {
				points = f.typeMax["ce-for-credit-3-plus"]
			} else if a.CreditHours > 0 {
				points = f.typeMax["ce-for-credit-under-3"]
			}
			if a.Passed != nil && !*a.Passed {
				points = 0
			}
		}
		key := oracleTitle(a.Title)
		courses[key] = max(courses[key], points)
	}
	for _, p := range courses {
		fixed[catalog.CategoryContinuingEducation] += p
	}

	// Extra: 1 point per extra_hours_per_point hours, within the type's range.
	for _, a := range activities {
		if strings.HasPrefix(a.TypeKey, "x-") && inside(a.CompletedOn) {
			p := int(a.Hours / f.extraHours)
			fixed[catalog.CategoryExtra] += min(max(p, f.typeMin[a.TypeKey]), f.typeMax[a.TypeKey])
		}
	}

	reading := func(projected bool) oracleResult {
		out := oracleResult{}
		for c, p := range fixed {
			out[c] = p
		}
		out[catalog.CategoryEmployment] = f.oracleEmployment(cycle, activities, now, projected)
		return out
	}
	return reading(false), reading(true)
}

// oracleEmployment is the Employment total of one reading.
func (f oracleFigures) oracleEmployment(cycle PointsCycle, activities []Activity, now catalog.Date, projected bool) int {
	first, last := cycle.CertifiedOn.Time(), cycle.ExpiresOn.Time()
	days := int(last.Sub(first).Hours()/24) + 1
	yearOf := make([]int, days)
	for d := range days {
		day := first.AddDate(0, 0, d)
		y := 0
		for y+1 < f.cycleYears && !day.Before(first.AddDate(y+1, 0, 0)) {
			y++
		}
		yearOf[d] = y
	}
	index := func(t time.Time) int { return int(t.Sub(first).Hours() / 24) }
	span := func(a Activity) (int, int) {
		from := index(a.StartOn.Time())
		var to int
		switch {
		case !a.Ongoing:
			to = index(a.EndOn.Time())
		case !projected:
			to = index(now.Time())
		case a.EndOn != nil:
			to = index(a.EndOn.Time())
		default:
			to = days - 1
		}
		if !projected {
			to = min(to, index(now.Time()))
		}
		return max(from, 0), min(to, days-1)
	}

	// The same job claimed twice is one job.
	seen := map[string]bool{}
	hours := make([]float64, days)
	active := make([]bool, days)
	reserve := make([]bool, days)
	type internship struct{ from, to int }
	var interns []internship
	for _, a := range activities {
		if a.StartOn == nil {
			continue
		}
		key := strings.Join([]string{a.TypeKey, oracleTitle(a.Title), a.StartOn.String(), strconv.FormatBool(a.Ongoing),
			func() string {
				if a.EndOn == nil {
					return ""
				}
				return a.EndOn.String()
			}(), strconv.FormatFloat(a.WeeklyHours, 'g', -1, 64), strconv.FormatBool(a.Internship)}, "|")
		if seen[key] {
			continue
		}
		seen[key] = true
		from, to := span(a)
		for d := from; d <= to; d++ {
			switch a.TypeKey {
			case "e-direct":
				hours[d] += a.WeeklyHours
			case "e-military-active":
				active[d] = true
			case "e-military-reserve":
				reserve[d] = true
			}
		}
		if a.TypeKey == "e-direct" && a.Internship && from <= to {
			interns = append(interns, internship{from, to})
		}
	}

	total := 0
	for y := range f.cycleYears {
		ft, pt, act, res := 0, 0, 0, 0
		for d := range days {
			if yearOf[d] != y {
				continue
			}
			switch {
			case hours[d] > f.fullTimeAbove:
				ft++
			case hours[d] >= f.partTimeMin:
				pt++
			}
			if active[d] {
				act++
			}
			if reserve[d] {
				res++
			}
		}
		direct := 0
		if ft+pt > 0 {
			direct = max(f.oracleBand(ft, true, f.fullYearFT)+f.oracleBand(pt, false, f.fullYearPT), f.oracleBand(ft+pt, false, f.fullYearPT))
			direct = min(direct, f.fullYearFT)
		}
		if direct == 0 {
			for _, in := range interns {
				n, nft := 0, 0
				for d := in.from; d <= in.to; d++ {
					if yearOf[d] == y && hours[d] >= f.partTimeMin {
						n++
						if hours[d] > f.fullTimeAbove {
							nft++
						}
					}
				}
				if n >= 7*f.internMinWeeks && int(math.Floor(float64(n)/f.monthDays)) <= f.internMaxMonths {
					p := f.internPT
					if nft >= 7*f.internMinWeeks {
						p = f.internFT
					}
					direct = max(direct, p)
				}
			}
		}
		military := 0
		if act > 0 {
			military = min(f.oracleBand(act, false, f.typeMax["e-military-active"]), f.typeMax["e-military-active"])
		}
		guard := 0
		if res > 0 {
			asActive := min(f.oracleBand(res, false, f.typeMax["e-military-active"]), f.typeMax["e-military-active"])
			guard = int(math.Floor(float64(asActive)*f.reservePc/100 + 0.5))
			if guard > 0 {
				guard = min(max(guard, f.typeMin["e-military-reserve"]), f.typeMax["e-military-reserve"])
			}
		}
		teaching := 0
		yearStart := cycle.CertifiedOn.Time().AddDate(y, 0, 0)
		if !yearStart.After(now.Time()) && !yearStart.After(last) {
			for _, a := range activities {
				if (a.TypeKey == "e-mssc-instructor" || a.TypeKey == "e-other-instructor") && a.CoursesTaught[y+1] > 0 {
					teaching = max(teaching, f.typeMax[a.TypeKey])
				}
			}
		}
		total += min(direct+military+guard+teaching, f.fullYearFT)
	}
	return total
}
