package catalog

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Employment is scored per cycle year: the cycle years are the 12-month
// periods from the certification date (year k runs from CertifiedOn plus k
// years up to, not including, CertifiedOn plus k+1 years), as many as the
// cycle_years rule says, ending at the expiration date (which, being the
// anniversary that starts the next cycle, is in none of them). Each day of
// a cycle year is scored once, however many periods cover it.
//
// Direct employment (DOMAIN decision 2): a day is full-time when the weekly
// hours of the jobs covering it add up to more than the full-time threshold,
// part-time when they add up to at least the part-time minimum; per column,
// at least full_year_min_weeks covered weeks is a full year, otherwise the
// whole months covered pick a months band; a year earns the larger of the
// full-time band of its full-time days plus the part-time band of its
// part-time days, and the part-time band of all its days, capped at the
// full-year full-time figure. An internship of at least the internship
// band's weeks but no more than its months earns the internship point
// instead, when that gives its cycle year more.
//
// Active military service (DOMAIN decision 3) is scored the same way on its
// covered days, with a full year worth the type's points and partial years
// in the part-time column; Reserve and Guard service is proposed at
// reserve_guard_percent_of_active of that figure, rounded half up, kept
// within the type's range when it earns anything.

// pointsReading says how far ongoing periods run.
type pointsReading int

// The two readings of a report.
const (
	// asOfNow counts periods up to now.
	asOfNow pointsReading = iota
	// asOfExpiration lets ongoing periods run to their expected end or to
	// the end of the cycle.
	asOfExpiration
)

var pointsReadings = []pointsReading{asOfNow, asOfExpiration}

// cycleGrid numbers the days of the cycle years from 0.
type cycleGrid struct {
	start      Date
	origin     int
	days       int
	yearStarts []int
}

// epochDay counts days since 1970-01-01.
func epochDay(d Date) int { return int(d.Time().Unix() / (24 * 60 * 60)) }

func newCycleGrid(rb *Rulebook, c PointsCycle) cycleGrid {
	g := cycleGrid{start: c.CertifiedOn, origin: epochDay(c.CertifiedOn)}
	g.days = min(epochDay(c.CertifiedOn.AddYears(rb.cycleYears)), epochDay(c.ExpiresOn)) - g.origin
	for k := 0; k <= rb.cycleYears; k++ {
		g.yearStarts = append(g.yearStarts, min(epochDay(c.CertifiedOn.AddYears(k))-g.origin, g.days))
	}
	return g
}

func (g cycleGrid) date(i int) Date { return g.start.AddDays(i) }

// pointsJob is a period of an activity, as day numbers of the grid, both ends
// included.
type pointsJob struct {
	it       *pointsItem
	from, to int
	hours    float64
}

// pointsYear is one cycle year of one kind of employment.
type pointsYear struct {
	days, ft, pt int
	points       int
	desc         string
	shares       map[*pointsItem]float64
	interns      []*pointsItem
}

// period returns an activity's period in a reading, unclipped.
func (e *pointsEngine) period(a Activity, r pointsReading) (from, to int) {
	g := e.grid
	from = epochDay(*a.StartOn) - g.origin
	nowDay := epochDay(e.now) - g.origin
	switch {
	case !a.Ongoing:
		to = epochDay(*a.EndOn) - g.origin
	case r == asOfNow:
		to = nowDay
	case dateGiven(a.EndOn):
		to = epochDay(*a.EndOn) - g.origin
	default:
		to = g.days - 1
	}
	if r == asOfNow {
		to = min(to, nowDay)
	}
	return from, to
}

// jobsOf returns the periods of the items inside the cycle years.
func (e *pointsEngine) jobsOf(items []*pointsItem, r pointsReading) []pointsJob {
	var out []pointsJob
	for _, it := range items {
		from, to := e.period(it.a, r)
		from, to = max(from, 0), min(to, e.grid.days-1)
		if from <= to {
			out = append(out, pointsJob{it: it, from: from, to: to, hours: it.a.WeeklyHours})
		}
	}
	return out
}

// scoreEmployment scores every period of employment and service and the
// instructor years.
func (e *pointsEngine) scoreEmployment() {
	for _, kind := range []activityKind{kindDirect, kindMilitaryActive, kindMilitaryReserve} {
		merged, alone := e.employment(kind)
		e.periodWarnings(append(slices.Clone(merged), alone...))
		e.overlapWarnings(merged, kind)
		for _, r := range pointsReadings {
			e.scorePeriods(kind, merged, r, true)
			for _, it := range alone {
				e.scorePeriods(kind, []*pointsItem{it}, r, false)
			}
		}
	}
	merged, alone := e.employment(kindInstructor)
	e.scoreInstructors(merged, true)
	for _, it := range alone {
		e.scoreInstructors([]*pointsItem{it}, false)
	}
}

// employment returns the valid activities of a kind that are merged with
// each other, and those scored alone because a reviewer set their points.
func (e *pointsEngine) employment(kind activityKind) (merged, alone []*pointsItem) {
	for _, it := range e.valid() {
		switch {
		case it.kind != kind:
		case it.a.ReviewerPoints != nil:
			alone = append(alone, it)
		default:
			merged = append(merged, it)
		}
	}
	return merged, alone
}

// periodWarnings warns about periods partly or wholly outside the cycle and
// jobs under the part-time minimum.
func (e *pointsEngine) periodWarnings(items []*pointsItem) {
	first, last := e.cycle.CertifiedOn, e.cycle.ExpiresOn
	for _, it := range items {
		a := it.a
		from, to := e.period(a, asOfNow)
		start, end := e.grid.date(from), e.grid.date(to)
		switch {
		case end.Before(first) || start.After(last) || max(from, 0) > min(to, e.grid.days-1):
			msg := fmt.Sprintf("the period from %s to %s lies outside the cycle %s to %s", start, end, first, last)
			it.zero(PointsRuleOutsideCycle, "%s: only days inside the cycle count", msg)
			e.warn(WarningActivityOutsideCycle, []int64{a.ID}, "activity %d: %s", a.ID, msg)
			continue
		case start.Before(first) || end.After(last):
			inside := min(to, e.grid.days-1) - max(from, 0) + 1
			e.warn(WarningActivityOutsideCycle, []int64{a.ID}, "activity %d runs from %s to %s, partly outside the cycle %s to %s: only its %d days inside the cycle count",
				a.ID, start, end, first, last, inside)
		}
		if it.kind == kindDirect && a.WeeklyHours < e.rb.partTimeMin {
			e.warn(WarningBelowPartTimeHours, []int64{a.ID}, "activity %d averages %v hours a week, under the part-time minimum of %v: it counts only on days when other jobs bring the total to %v hours or more",
				a.ID, a.WeeklyHours, e.rb.partTimeMin, e.rb.partTimeMin)
		}
	}
}

// overlapWarnings says which periods overlap; their days count once.
func (e *pointsEngine) overlapWarnings(items []*pointsItem, kind activityKind) {
	jobs := e.jobsOf(items, asOfNow)
	how := "counted once"
	if kind == kindDirect {
		how = "counted once, with the weekly hours of the jobs added together"
	}
	for i := range jobs {
		for j := i + 1; j < len(jobs); j++ {
			from, to := max(jobs[i].from, jobs[j].from), min(jobs[i].to, jobs[j].to)
			if from > to {
				continue
			}
			a, b := jobs[i].it.a.ID, jobs[j].it.a.ID
			e.warn(WarningOverlappingEmploymentMerged, []int64{a, b}, "activities %d and %d overlap for %d days, from %s to %s: those days are %s",
				a, b, to-from+1, e.grid.date(from), e.grid.date(to), how)
		}
	}
}

// scorePeriods scores the periods of one kind in one reading and gives
// each activity its share; record keeps the years for the report.
func (e *pointsEngine) scorePeriods(kind activityKind, items []*pointsItem, r pointsReading, record bool) {
	var years []pointsYear
	switch kind {
	case kindDirect:
		years = e.directYears(items, r)
	default:
		years = e.serviceYears(kind, items, r)
	}
	got := map[*pointsItem]int{}
	perYear := map[*pointsItem][]string{}
	for k, y := range years {
		if y.points == 0 {
			continue
		}
		pool := y.points
		for _, it := range y.interns {
			p := e.rb.internship.FullTimePoints
			if col, ok := e.rb.classify(it.a.WeeklyHours); ok {
				p = col.of(e.rb.internship)
			}
			pool -= p
			got[it] += p
			perYear[it] = append(perYear[it], fmt.Sprintf("year %d: %d (internship point)", k+1, p))
		}
		of := fmt.Sprintf("the year's %d", y.points)
		if len(y.interns) > 0 {
			of = fmt.Sprintf("the year's %d besides its internship points", max(pool, 0))
		}
		for it, p := range apportionPoints(max(pool, 0), y.shares) {
			got[it] += p
			perYear[it] = append(perYear[it], fmt.Sprintf("year %d: %d of %s", k+1, p, of))
		}
	}
	for _, it := range items {
		if it.zeroed {
			continue
		}
		if r == asOfExpiration {
			it.projected = got[it]
			continue
		}
		it.proposed = got[it]
		it.rule = e.periodRule(it, perYear[it], record)
	}
	if record && r == asOfNow {
		e.recordYears(kind, years)
	}
}

// periodRule says in words how a period was scored.
func (e *pointsEngine) periodRule(it *pointsItem, parts []string, merged bool) PointsRule {
	t := it.t
	var code PointsRuleCode
	var how string
	switch it.kind {
	case kindDirect:
		code = PointsRuleEmploymentBands
		how = fmt.Sprintf("direct employment at %v hours a week, scored per cycle year by the employment bands (full-time above %v hours a week, part-time from %v, a full year at least %d weeks)",
			it.a.WeeklyHours, e.rb.fullTimeAbove, e.rb.partTimeMin, e.rb.fullYearMinWeeks)
		if len(parts) > 0 && !slices.ContainsFunc(parts, func(s string) bool { return !strings.HasSuffix(s, "(internship point)") }) {
			code = PointsRuleInternship
			how = fmt.Sprintf("an internship of at least %d weeks but at most %d whole months earns the internship point", e.rb.internship.MinWeeks, e.rb.internship.MaxMonths)
		}
	case kindMilitaryActive:
		code = PointsRuleMilitaryActive
		how = fmt.Sprintf("%s: %d points a full year, partial years in the part-time column", t.Name, t.MaxPoints)
	default:
		code = PointsRuleMilitaryReserve
		how = fmt.Sprintf("%s: proposed at %v%% of the active-duty figure of each cycle year, %d to %d a year", t.Name, e.rb.reservePercent, t.MinPoints, t.MaxPoints)
	}
	if merged {
		how += ", with the other periods of the same kind merged"
	} else {
		how += ", on its own"
	}
	if len(parts) == 0 {
		return PointsRule{Code: code, Description: how + ": no cycle year reaches a band, 0 points"}
	}
	return PointsRule{Code: code, Description: how + ": " + strings.Join(parts, "; ")}
}

// directYears scores direct employment per cycle year, with the internship
// reading where it gives a year more.
func (e *pointsEngine) directYears(items []*pointsItem, r pointsReading) []pointsYear {
	jobs := e.jobsOf(items, r)
	years := e.bandYears(jobs)
	short := map[int][]*pointsItem{}
	var rest []pointsJob
	for _, j := range jobs {
		if k, ok := e.shortInternship(j); ok {
			short[k] = append(short[k], j.it)
			continue
		}
		rest = append(rest, j)
	}
	if len(short) == 0 {
		return years
	}
	alt := e.bandYears(rest)
	limit := e.rb.fullYear.FullTimePoints
	for k, interns := range short {
		points := alt[k].points
		for _, it := range interns {
			p := e.rb.internship.FullTimePoints
			if col, ok := e.rb.classify(it.a.WeeklyHours); ok {
				p = col.of(e.rb.internship)
			}
			points += p
		}
		points = min(points, limit)
		if points > years[k].points {
			y := alt[k]
			y.points, y.interns = points, interns
			y.desc = fmt.Sprintf("%s; with %d internship point(s) for the short internship(s): %d", y.desc, points-alt[k].points, points)
			years[k] = y
		}
	}
	return years
}

// shortInternship reports whether a job is an internship too short for a
// band that still earns the internship point, and the cycle year (from 0)
// holding most of its days.
func (e *pointsEngine) shortInternship(j pointsJob) (int, bool) {
	if !j.it.a.Internship || j.hours < e.rb.partTimeMin {
		return 0, false
	}
	days := j.to - j.from + 1
	if days/7 < e.rb.internship.MinWeeks || e.rb.wholeMonths(days) > e.rb.internship.MaxMonths {
		return 0, false
	}
	best, most := 0, -1
	for k := range e.rb.cycleYears {
		n := min(j.to+1, e.grid.yearStarts[k+1]) - max(j.from, e.grid.yearStarts[k])
		if n > most {
			best, most = k, n
		}
	}
	return best, true
}

// bandYears scores the days of direct employment per cycle year.
func (e *pointsEngine) bandYears(jobs []pointsJob) []pointsYear {
	g, rb := e.grid, e.rb
	hours := make([]float64, g.days)
	for _, j := range jobs {
		for d := j.from; d <= j.to; d++ {
			hours[d] += j.hours
		}
	}
	years := make([]pointsYear, rb.cycleYears)
	for k := range years {
		y := &years[k]
		y.shares = map[*pointsItem]float64{}
		for d := g.yearStarts[k]; d < g.yearStarts[k+1]; d++ {
			col, ok := rb.classify(hours[d])
			if !ok {
				continue
			}
			if col == fullTimeColumn {
				y.ft++
			} else {
				y.pt++
			}
			for _, j := range jobs {
				if d >= j.from && d <= j.to {
					y.shares[j.it] += j.hours / hours[d]
				}
			}
		}
		y.days = y.ft + y.pt
		y.points, y.desc = rb.directYear(y.ft, y.pt)
	}
	return years
}

// directYear scores one cycle year of direct employment from its
// full-time and part-time days.
func (rb *Rulebook) directYear(ft, pt int) (int, string) {
	limit := rb.fullYear.FullTimePoints
	if ft+pt == 0 {
		return 0, "no day of direct employment at the part-time minimum or more"
	}
	ftPoints, ftWhy := rb.band(ft, fullTimeColumn, rb.fullYear.FullTimePoints)
	ptPoints, ptWhy := rb.band(pt, partTimeColumn, rb.fullYear.PartTimePoints)
	allPoints, allWhy := rb.band(ft+pt, partTimeColumn, rb.fullYear.PartTimePoints)
	var points int
	var why string
	switch {
	case pt == 0:
		points, why = ftPoints, ftWhy
		if allPoints > ftPoints {
			points, why = allPoints, allWhy
		}
	case ft == 0:
		points, why = ptPoints, ptWhy
	default:
		split := ftPoints + ptPoints
		points = max(split, allPoints)
		why = fmt.Sprintf("%d full-time days (%s) and %d part-time days (%s) make %d; all %d days as part-time (%s); the larger is %d",
			ft, ftWhy, pt, ptWhy, split, ft+pt, allWhy, points)
	}
	if points > limit {
		why = fmt.Sprintf("%s, capped at the full-year full-time %d", why, limit)
		points = limit
	}
	return points, why
}

// serviceYears scores active or Reserve and Guard military service per
// cycle year.
func (e *pointsEngine) serviceYears(kind activityKind, items []*pointsItem, r pointsReading) []pointsYear {
	g, rb := e.grid, e.rb
	jobs := e.jobsOf(items, r)
	covering := make([]int, g.days)
	for _, j := range jobs {
		for d := j.from; d <= j.to; d++ {
			covering[d]++
		}
	}
	active, reserve := rb.types[typeMilitaryActive], rb.types[typeMilitaryReserve]
	years := make([]pointsYear, rb.cycleYears)
	for k := range years {
		y := &years[k]
		y.shares = map[*pointsItem]float64{}
		for d := g.yearStarts[k]; d < g.yearStarts[k+1]; d++ {
			if covering[d] == 0 {
				continue
			}
			y.days++
			for _, j := range jobs {
				if d >= j.from && d <= j.to {
					y.shares[j.it] += 1 / float64(covering[d])
				}
			}
		}
		y.ft = y.days
		if y.days == 0 {
			continue
		}
		points, why := rb.band(y.days, partTimeColumn, active.MaxPoints)
		points = min(points, active.MaxPoints)
		y.points, y.desc = points, why
		if kind == kindMilitaryReserve {
			share := int(math.Floor(float64(points)*rb.reservePercent/100 + 0.5))
			if share > 0 {
				share = min(max(share, reserve.MinPoints), reserve.MaxPoints)
			}
			y.points = share
			y.desc = fmt.Sprintf("as active duty %s; Reserve or Guard at %v%% of it: %d", why, rb.reservePercent, share)
		}
	}
	return years
}

// recordYears keeps the scored years of a kind for the report.
func (e *pointsEngine) recordYears(kind activityKind, years []pointsYear) {
	key := typeDirectEmployment
	switch kind {
	case kindMilitaryActive:
		key = typeMilitaryActive
	case kindMilitaryReserve:
		key = typeMilitaryReserve
	}
	for k, y := range years {
		if y.days == 0 && len(y.interns) == 0 {
			continue
		}
		var ids []int64
		for _, it := range e.items {
			if y.shares[it] > 0 || slices.Contains(y.interns, it) {
				ids = append(ids, it.a.ID)
			}
		}
		e.years = append(e.years, EmploymentYear{
			Year: k + 1, From: e.grid.date(e.grid.yearStarts[k]), To: e.grid.date(e.grid.yearStarts[k+1] - 1),
			TypeKey: key, FullTimeDays: y.ft, PartTimeDays: y.pt, Points: y.points, Description: y.desc, ActivityIDs: ids,
		})
	}
}

// apportionPoints shares whole points out in proportion to the shares, by the
// largest remainder; ties go to the earlier activity.
func apportionPoints(points int, shares map[*pointsItem]float64) map[*pointsItem]int {
	out := map[*pointsItem]int{}
	if points == 0 || len(shares) == 0 {
		return out
	}
	items := make([]*pointsItem, 0, len(shares))
	total := 0.0
	for it, s := range shares {
		items = append(items, it)
		total += s
	}
	slices.SortFunc(items, func(a, b *pointsItem) int { return a.index - b.index })
	type rest struct {
		it   *pointsItem
		frac float64
	}
	var rests []rest
	handed := 0
	for _, it := range items {
		exact := float64(points) * shares[it] / total
		whole := int(math.Floor(exact))
		out[it] = whole
		handed += whole
		rests = append(rests, rest{it, exact - float64(whole)})
	}
	slices.SortStableFunc(rests, func(a, b rest) int {
		switch {
		case a.frac > b.frac:
			return -1
		case a.frac < b.frac:
			return 1
		}
		return 0
	})
	for i := 0; handed < points; i++ {
		out[rests[i%len(rests)].it]++
		handed++
	}
	return out
}
