package catalog

import (
	"fmt"
	"strings"
)

// Instructors earn their type's points for each cycle year with at least
// one course taught, and nothing for a year without one. The guide gives
// the partial-year table only for direct employment ("What if I wasn't
// employed for a full year?") and asks instructors only for "at least one
// course per year", so partial years are not applied to instructors: the
// instructor's period is not scored by days, only the cycle years named in
// CoursesTaught count. A year claimed under both instructor types earns the
// larger figure once.

// scoreInstructors gives each cycle year with a course taught the points of
// the instructor type claiming it, once: the larger figure, the earlier
// activity on a tie.
func (e *pointsEngine) scoreInstructors(items []*pointsItem, record bool) {
	perYear := map[*pointsItem][]string{}
	got := map[*pointsItem]int{}
	for k := 1; k <= e.rb.cycleYears; k++ {
		var claimants []*pointsItem
		for _, it := range items {
			if it.a.CoursesTaught[k] > 0 {
				claimants = append(claimants, it)
			}
		}
		if len(claimants) == 0 {
			continue
		}
		first, end := e.grid.yearStarts[k-1], e.grid.yearStarts[k]
		if why := e.yearNotCounted(first, end); why != "" {
			for _, it := range claimants {
				perYear[it] = append(perYear[it], fmt.Sprintf("year %d: %s, 0", k, why))
			}
			continue
		}
		best := claimants[0]
		for _, it := range claimants[1:] {
			if it.t.MaxPoints > best.t.MaxPoints {
				best = it
			}
		}
		got[best] += best.t.MaxPoints
		perYear[best] = append(perYear[best], fmt.Sprintf("year %d: %d", k, best.t.MaxPoints))
		var others []int64
		for _, it := range claimants {
			if it != best {
				others = append(others, it.a.ID)
				perYear[it] = append(perYear[it], fmt.Sprintf("year %d: counted under activity %d", k, best.a.ID))
			}
		}
		if !record {
			continue
		}
		if len(others) > 0 {
			e.warn(WarningOverlappingEmploymentMerged, append([]int64{best.a.ID}, others...),
				"activities %s all claim courses taught in cycle year %d: the year counts once, under activity %d", joinActivityIDs(claimants), k, best.a.ID)
		}
		from, to := e.grid.date(first), e.grid.date(end-1)
		e.years = append(e.years, EmploymentYear{
			Year: k, From: from, To: to, TypeKey: best.t.Key, Points: best.t.MaxPoints, ActivityIDs: []int64{best.a.ID},
			Description: fmt.Sprintf("%d course(s) taught as %s: %d points for the year", best.a.CoursesTaught[k], best.t.Name, best.t.MaxPoints),
		})
	}
	for _, it := range items {
		if it.zeroed {
			continue
		}
		if !taughtAnyCourse(it.a) {
			e.warn(WarningNoCourseTaught, []int64{it.a.ID}, "activity %d names no cycle year with a course taught: instructors earn points only for years with at least one course", it.a.ID)
		}
		it.proposed, it.projected = got[it], got[it]
		how := fmt.Sprintf("%s: %d points for each cycle year with at least one course taught", it.t.Name, it.t.MaxPoints)
		if len(perYear[it]) == 0 {
			it.rule = PointsRule{Code: PointsRuleInstructorYears, Description: how + ": no year with a course taught, 0 points"}
			continue
		}
		it.rule = PointsRule{Code: PointsRuleInstructorYears, Description: how + ": " + strings.Join(perYear[it], "; ")}
	}
}

// taughtAnyCourse reports whether an instructor names a year with a course.
func taughtAnyCourse(a Activity) bool {
	for _, n := range a.CoursesTaught {
		if n > 0 {
			return true
		}
	}
	return false
}

// yearNotCounted says why a cycle year, as days of the grid, cannot have
// a course taught yet: it lies past the expiration, or has not begun.
func (e *pointsEngine) yearNotCounted(first, end int) string {
	switch {
	case first >= end:
		return "past the expiration date"
	case e.grid.date(first).After(e.now):
		return fmt.Sprintf("the cycle year begins on %s, after %s", e.grid.date(first), e.now)
	}
	return ""
}

func joinActivityIDs(items []*pointsItem) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = fmt.Sprint(it.a.ID)
	}
	return strings.Join(parts, ", ")
}
