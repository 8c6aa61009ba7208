package points

import (
	"fmt"
	"github.com/mssc/recert/catalog"
	"math"
	"slices"
	"strings"
)

// Employment is scored per cycle year: the cycle years are the 12-month
// periods from the certification date (year k runs from CertifiedOn plus k
// years up to, not including, CertifiedOn plus k+1 years), as many as the
// cycle_years rule says. A cycle includes its first and last day (DOMAIN
// decision 12), so the last cycle year runs up to and including the
// expiration date, wherever that falls. Each day of a cycle year is scored
// once, however many periods cover it.
//
// Direct employment (DOMAIN decision 2): a day is full-time when the weekly
// hours of the jobs covering it add up to more than the full-time threshold,
// part-time when they add up to at least the part-time minimum; per column,
// at least full_year_min_weeks covered weeks is a full year, otherwise the
// whole months covered pick a months band; a year earns the larger of the
// full-time band of its full-time days plus the part-time band of its
// part-time days, and the part-time band of all its days, capped at the
// full-year full-time figure. Internships are direct employment and merge
// with every other job (decision 13); the internship row only replaces the 0
// of a cycle year that earns no band, when one internship has at least the
// internship band's weeks (and no more than its months) of employed days in
// that year, and a year earns it once.
//
// Active military service (DOMAIN decision 3) is scored the same way on its
// covered days, with a full year worth the type's points and partial years
// in the part-time column; Reserve and Guard service is proposed at
// reserve_guard_percent_of_active of that figure, rounded half up, kept
// within the type's range when it earns anything.
//
// A cycle year's rows (direct employment, the instructor types, active
// duty, Reserve and Guard) are then capped together at the full-year
// full-time figure (decision 14): see points_year_cap.go.

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
	start      catalog.Date
	origin     int
	days       int
	yearStarts []int
}

// epochDay counts days since 1970-01-01.
func epochDay(d catalog.Date) int { return int(d.Time().Unix() / (24 * 60 * 60)) }

// newCycleGrid lays the cycle's days out in cycle years: every day from
// the certification date up to and including the expiration date, the last
// cycle year taking every day after its start.
func newCycleGrid(rb *Rulebook, c PointsCycle) cycleGrid {
	g := cycleGrid{start: c.CertifiedOn, origin: epochDay(c.CertifiedOn)}
	g.days = epochDay(c.ExpiresOn) - g.origin + 1
	for k := 0; k < rb.cycleYears; k++ {
		g.yearStarts = append(g.yearStarts, min(epochDay(c.CertifiedOn.AddYears(k))-g.origin, g.days))
	}
	g.yearStarts = append(g.yearStarts, g.days)
	return g
}

func (g cycleGrid) date(i int) catalog.Date { return g.start.AddDays(i) }

// pointsJob is a period of an activity, as day numbers of the grid, both ends
// included.
type pointsJob struct {
	it       *pointsItem
	from, to int
	hours    float64
}

// pointsYear is one row of one cycle year: one kind of employment, or the
// instructor years.
type pointsYear struct {
	kind    activityKind
	typeKey string
	days    int
	ft, pt  int
	// points is what the row earns on its own; allotted is its part of the
	// year's capped total.
	points, allotted int
	desc             string
	// shares weighs the activities' parts of the row, for sharing its
	// points out; nil when no activity has a part of it.
	shares map[*pointsItem]float64
	// intern is the internship that earned the row the internship point.
	intern *pointsItem
	// claimants are the instructor activities that claim the year.
	claimants []*pointsItem
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

// jobsOf returns the periods of the items of a kind inside the cycle.
func (e *pointsEngine) jobsOf(items []*pointsItem, kind activityKind, r pointsReading) []pointsJob {
	var out []pointsJob
	for _, it := range items {
		if it.kind != kind {
			continue
		}
		from, to := e.period(it.a, r)
		from, to = max(from, 0), min(to, e.grid.days-1)
		if from <= to {
			out = append(out, pointsJob{it: it, from: from, to: to, hours: it.a.WeeklyHours})
		}
	}
	return out
}

// isPeriodKind reports whether a kind is scored by the days of its period.
func isPeriodKind(kind activityKind) bool {
	return kind == kindDirect || kind == kindMilitaryActive || kind == kindMilitaryReserve
}

// scoreEmployment scores every period of employment and service and the
// instructor years: the activities without a reviewer's figure together,
// each with one on its own.
func (e *pointsEngine) scoreEmployment() {
	merged, alone := e.employment()
	e.periodWarnings(append(slices.Clone(merged), alone...))
	for _, kind := range []activityKind{kindDirect, kindMilitaryActive, kindMilitaryReserve} {
		e.overlapWarnings(merged, kind)
	}
	e.instructorWarnings(merged, alone)
	sets := [][]*pointsItem{merged}
	for _, it := range alone {
		sets = append(sets, []*pointsItem{it})
	}
	for i, set := range sets {
		for _, r := range pointsReadings {
			e.scoreEmploymentSet(set, r, i == 0)
		}
	}
}

// employment returns the valid employment activities still in the running
// that are merged with each other, and those scored alone because a
// reviewer set their points.
func (e *pointsEngine) employment() (merged, alone []*pointsItem) {
	for _, it := range e.valid() {
		switch {
		case it.zeroed || !(isPeriodKind(it.kind) || it.kind == kindInstructor):
		case it.a.ReviewerPoints != nil:
			alone = append(alone, it)
		default:
			merged = append(merged, it)
		}
	}
	return merged, alone
}

// scoreEmploymentSet scores a set of employment activities in one reading:
// each kind per cycle year, each year's rows capped together, and each
// row's points shared out among its activities. record keeps the years
// for the report.
func (e *pointsEngine) scoreEmploymentSet(items []*pointsItem, r pointsReading, record bool) {
	live := slices.DeleteFunc(slices.Clone(items), func(it *pointsItem) bool { return it.zeroed })
	rows := [][]pointsYear{
		e.directYears(e.jobsOf(live, kindDirect, r)),
		e.serviceYears(kindMilitaryActive, e.jobsOf(live, kindMilitaryActive, r)),
		e.serviceYears(kindMilitaryReserve, e.jobsOf(live, kindMilitaryReserve, r)),
		e.instructorYears(live),
	}
	e.capYears(rows)
	got := map[*pointsItem]int{}
	parts := map[*pointsItem][]string{}
	for _, years := range rows {
		for k := range years {
			e.shareYear(k, &years[k], got, parts)
		}
	}
	for _, it := range live {
		if r == asOfExpiration {
			it.projected = got[it]
			continue
		}
		it.proposed = got[it]
		it.rule = e.employmentRule(it, parts[it], record)
	}
	if record && r == asOfNow {
		for _, years := range rows {
			e.recordYears(years)
		}
	}
}

// shareYear shares a row's allotted points out among its activities and
// says so in each activity's rule.
func (e *pointsEngine) shareYear(k int, y *pointsYear, got map[*pointsItem]int, parts map[*pointsItem][]string) {
	switch {
	case y.kind == kindInstructor:
		e.shareInstructorYear(k, y, got, parts)
		return
	case y.allotted == 0:
		return
	case y.intern != nil:
		got[y.intern] += y.allotted
		parts[y.intern] = append(parts[y.intern], fmt.Sprintf("year %d: %d (internship point)", k+1, y.allotted))
		return
	}
	of := fmt.Sprintf("the year's %d", y.allotted)
	if y.allotted < y.points {
		of = fmt.Sprintf("the year's %d (%d before the cap of %d a year)", y.allotted, y.points, e.rb.fullYear.FullTimePoints)
	}
	for it, p := range apportionPoints(y.allotted, y.shares) {
		got[it] += p
		parts[it] = append(parts[it], fmt.Sprintf("year %d: %d of %s", k+1, p, of))
	}
}

// employmentRule says in words how an employment activity was scored.
func (e *pointsEngine) employmentRule(it *pointsItem, parts []string, merged bool) PointsRule {
	t := it.t
	var code PointsRuleCode
	var how string
	switch it.kind {
	case kindInstructor:
		return e.instructorRule(it, parts)
	case kindDirect:
		code = PointsRuleEmploymentBands
		how = fmt.Sprintf("direct employment at %v hours a week, scored per cycle year by the employment bands (full-time above %v hours a week, part-time from %v, a full year at least %d weeks)",
			it.a.WeeklyHours, e.rb.fullTimeAbove, e.rb.partTimeMin, e.rb.fullYearMinWeeks)
		if len(parts) > 0 && !slices.ContainsFunc(parts, func(s string) bool { return !strings.HasSuffix(s, "(internship point)") }) {
			code = PointsRuleInternship
			how = fmt.Sprintf("an internship with at least %d weeks of employment in a cycle year that earns no band earns the internship point, once a year", e.rb.internship.MinWeeks)
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

// periodWarnings warns about periods partly or wholly outside the cycle and
// jobs under the part-time minimum; a period wholly outside earns nothing.
func (e *pointsEngine) periodWarnings(items []*pointsItem) {
	first, last := e.cycle.CertifiedOn, e.cycle.ExpiresOn
	for _, it := range items {
		if !isPeriodKind(it.kind) {
			continue
		}
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

// overlapWarnings says which periods of a kind overlap; their days count
// once. Each period gets at most one warning, naming the later periods it
// overlaps, so that many overlapping claims give as many warnings as
// claims, not one for every pair.
func (e *pointsEngine) overlapWarnings(items []*pointsItem, kind activityKind) {
	live := slices.DeleteFunc(slices.Clone(items), func(it *pointsItem) bool { return it.zeroed })
	jobs := e.jobsOf(live, kind, asOfNow)
	how := "counted once"
	if kind == kindDirect {
		how = "counted once, with the weekly hours of the jobs added together"
	}
	for i := range jobs {
		var others []*pointsItem
		var from, to int
		for j := i + 1; j < len(jobs); j++ {
			f, l := max(jobs[i].from, jobs[j].from), min(jobs[i].to, jobs[j].to)
			if f > l {
				continue
			}
			if len(others) == 0 || f < from {
				from = f
			}
			if len(others) == 0 || l > to {
				to = l
			}
			others = append(others, jobs[j].it)
		}
		a := jobs[i].it.a.ID
		switch len(others) {
		case 0:
		case 1:
			b := others[0].a.ID
			e.warn(WarningOverlappingEmploymentMerged, []int64{a, b}, "activities %d and %d overlap for %d days, from %s to %s: those days are %s",
				a, b, to-from+1, e.grid.date(from), e.grid.date(to), how)
		default:
			ids := []int64{a}
			for _, it := range others {
				ids = append(ids, it.a.ID)
			}
			e.warn(WarningOverlappingEmploymentMerged, ids, "activity %d overlaps activities %s between %s and %s: the days they share are %s",
				a, joinActivityIDs(others), e.grid.date(from), e.grid.date(to), how)
		}
	}
}

// directYears scores direct employment per cycle year: the bands of the
// merged days, or, in a year that earns no band, the internship point.
func (e *pointsEngine) directYears(jobs []pointsJob) []pointsYear {
	runs := e.dayRuns(jobs)
	years := e.bandYears(jobs, runs)
	for k := range years {
		if years[k].points == 0 {
			e.internshipYear(k, &years[k], jobs, runs)
		}
	}
	return years
}

// internshipYear gives a cycle year that earns no band the internship
// point, once, when one internship has at least the internship band's weeks
// and no more than its months of employed days in the year (days on which
// the merged jobs reach the part-time minimum). The point is in the
// full-time column when the internship's full-time days alone reach those
// weeks. Among several internships, the one with the most such days earns
// it, the earlier claim on a tie.
func (e *pointsEngine) internshipYear(k int, y *pointsYear, jobs []pointsJob, runs []dayRun) {
	rb, g := e.rb, e.grid
	band := rb.internship
	var best *pointsItem
	bestDays, bestPoints := 0, 0
	for _, j := range jobs {
		if !j.it.a.Internship {
			continue
		}
		ft, pt := 0, 0
		for _, r := range runsIn(runs, g.yearStarts[k], g.yearStarts[k+1]) {
			n := min(r.end-1, j.to) - max(r.from, j.from) + 1
			if n <= 0 {
				continue
			}
			switch col, ok := rb.classify(r.hours); {
			case !ok:
			case col == fullTimeColumn:
				ft += n
			default:
				pt += n
			}
		}
		days := ft + pt
		if days/7 < band.MinWeeks || rb.wholeMonths(days) > band.MaxMonths {
			continue
		}
		points := band.PartTimePoints
		if ft/7 >= band.MinWeeks {
			points = band.FullTimePoints
		}
		better := points > bestPoints || (points == bestPoints && days > bestDays) ||
			(points == bestPoints && days == bestDays && best != nil && j.it.index < best.index)
		if best == nil || better {
			best, bestDays, bestPoints = j.it, days, points
		}
	}
	if best == nil || bestPoints == 0 {
		return
	}
	y.points, y.allotted, y.intern = bestPoints, bestPoints, best
	y.shares = map[*pointsItem]float64{best: 1}
	y.desc = fmt.Sprintf("%s; the internship (activity %d) has %d weeks of employment in the year: the internship point, %d", y.desc, best.a.ID, bestDays/7, bestPoints)
}

// bandYears scores the days of direct employment per cycle year, run by
// run: a run's days are all in the same column, and each job covering
// them gets its weekly hours' part of the run's merged hours for each of
// them. Days no job covers have no hours, under the part-time minimum
// (which a rulebook keeps above 0), and count in no column.
func (e *pointsEngine) bandYears(jobs []pointsJob, runs []dayRun) []pointsYear {
	g, rb := e.grid, e.rb
	years := make([]pointsYear, rb.cycleYears)
	sums := newShareSums(len(jobs))
	for k := range years {
		y := &years[k]
		y.kind, y.typeKey = kindDirect, typeDirectEmployment
		for _, r := range runsIn(runs, g.yearStarts[k], g.yearStarts[k+1]) {
			col, ok := rb.classify(r.hours)
			if !ok {
				continue
			}
			n := r.end - r.from
			if col == fullTimeColumn {
				y.ft += n
			} else {
				y.pt += n
			}
			for i, j := range jobs {
				if j.covers(r) {
					sums.add(i, j.hours/r.hours, n)
				}
			}
		}
		y.shares = sums.take(jobs)
		y.days = y.ft + y.pt
		y.points, y.desc = rb.directYear(y.ft, y.pt)
		y.allotted = y.points
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
// cycle year, run by run: each of a run's days counts once, and each
// period covering it gets an equal part of it.
func (e *pointsEngine) serviceYears(kind activityKind, jobs []pointsJob) []pointsYear {
	g, rb := e.grid, e.rb
	years := make([]pointsYear, rb.cycleYears)
	for k := range years {
		years[k].kind, years[k].typeKey = kind, typeMilitaryActive
		if kind == kindMilitaryReserve {
			years[k].typeKey = typeMilitaryReserve
		}
	}
	if len(jobs) == 0 {
		return years
	}
	runs := e.dayRuns(jobs)
	active, reserve := rb.types[typeMilitaryActive], rb.types[typeMilitaryReserve]
	sums := newShareSums(len(jobs))
	for k := range years {
		y := &years[k]
		for _, r := range runsIn(runs, g.yearStarts[k], g.yearStarts[k+1]) {
			n := r.end - r.from
			y.days += n
			for i, j := range jobs {
				if j.covers(r) {
					sums.add(i, 1/float64(r.jobs), n)
				}
			}
		}
		y.shares = sums.take(jobs)
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
		y.allotted = y.points
	}
	return years
}

// recordYears keeps the scored years of a row for the report.
func (e *pointsEngine) recordYears(years []pointsYear) {
	for k, y := range years {
		if y.days == 0 && y.points == 0 {
			continue
		}
		var ids []int64
		for _, it := range e.items {
			if y.shares[it] > 0 {
				ids = append(ids, it.a.ID)
			}
		}
		desc := y.desc
		if y.allotted < y.points {
			desc = fmt.Sprintf("%s; with the year's other employment capped at %d a year: %d", desc, e.rb.fullYear.FullTimePoints, y.allotted)
		}
		e.years = append(e.years, EmploymentYear{
			Year: k + 1, From: e.grid.date(e.grid.yearStarts[k]), To: e.grid.date(e.grid.yearStarts[k+1] - 1),
			TypeKey: y.typeKey, FullTimeDays: y.ft, PartTimeDays: y.pt, Points: y.allotted, Description: desc, ActivityIDs: ids,
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
	for it := range shares {
		items = append(items, it)
	}
	slices.SortFunc(items, func(a, b *pointsItem) int { return a.index - b.index })
	weights := make([]float64, len(items))
	for i, it := range items {
		weights[i] = shares[it]
	}
	for i, p := range largestRemainder(points, weights) {
		out[items[i]] = p
	}
	return out
}

// largestRemainder shares whole points out in proportion to the weights:
// each gets the whole part of its exact share, and the points left over go
// to the largest remainders, the earlier weight on a tie. Zero weights get
// nothing unless every weight is zero.
func largestRemainder(points int, weights []float64) []int {
	out := make([]int, len(weights))
	total := 0.0
	for _, w := range weights {
		total += w
	}
	if points <= 0 || len(weights) == 0 || total <= 0 {
		return out
	}
	order := make([]int, len(weights))
	rest := make([]float64, len(weights))
	handed := 0
	for i, w := range weights {
		exact := float64(points) * w / total
		out[i] = int(math.Floor(exact))
		handed += out[i]
		rest[i] = exact - float64(out[i])
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rest[a] > rest[b]:
			return -1
		case rest[a] < rest[b]:
			return 1
		}
		return 0
	})
	for i := 0; handed < points; i++ {
		out[order[i%len(order)]]++
		handed++
	}
	return out
}
