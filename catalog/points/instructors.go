package points

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
// larger figure once, and, like every cycle year, is capped together with
// the year's other employment (decision 14).

// instructorYears gives each cycle year with a course taught the points of
// the instructor type claiming it, once: the larger figure, the earlier
// activity on a tie. A year that has not begun by now, or lies past the
// expiration, earns nothing.
func (e *pointsEngine) instructorYears(items []*pointsItem) []pointsYear {
	years := make([]pointsYear, e.rb.cycleYears)
	for k := range years {
		y := &years[k]
		y.kind, y.shares = kindInstructor, map[*pointsItem]float64{}
		for _, it := range items {
			if it.kind == kindInstructor && it.a.CoursesTaught[k+1] > 0 {
				y.claimants = append(y.claimants, it)
			}
		}
		if len(y.claimants) == 0 {
			continue
		}
		if why := e.yearNotCounted(e.grid.yearStarts[k], e.grid.yearStarts[k+1]); why != "" {
			y.desc = why
			continue
		}
		best := y.claimants[0]
		for _, it := range y.claimants[1:] {
			if it.t.MaxPoints > best.t.MaxPoints {
				best = it
			}
		}
		y.typeKey, y.points, y.allotted = best.t.Key, best.t.MaxPoints, best.t.MaxPoints
		y.shares[best] = 1
		y.desc = fmt.Sprintf("%d course(s) taught as %s: %d points for the year", best.a.CoursesTaught[k+1], best.t.Name, best.t.MaxPoints)
	}
	return years
}

// shareInstructorYear gives an instructor year's allotted points to the
// activity that earned it, and tells the other claimants where the year
// went.
func (e *pointsEngine) shareInstructorYear(k int, y *pointsYear, got map[*pointsItem]int, parts map[*pointsItem][]string) {
	for _, it := range y.claimants {
		switch {
		case y.shares[it] > 0 && y.allotted < y.points:
			got[it] += y.allotted
			parts[it] = append(parts[it], fmt.Sprintf("year %d: %d (%d before the cap of %d a year)", k+1, y.allotted, y.points, e.rb.fullYear.FullTimePoints))
		case y.shares[it] > 0:
			got[it] += y.allotted
			parts[it] = append(parts[it], fmt.Sprintf("year %d: %d", k+1, y.allotted))
		case y.points == 0:
			parts[it] = append(parts[it], fmt.Sprintf("year %d: %s, 0", k+1, y.desc))
		default:
			for best := range y.shares {
				parts[it] = append(parts[it], fmt.Sprintf("year %d: counted under activity %d", k+1, best.a.ID))
			}
		}
	}
}

// instructorRule says in words how an instructor claim was scored.
func (e *pointsEngine) instructorRule(it *pointsItem, parts []string) PointsRule {
	how := fmt.Sprintf("%s: %d points for each cycle year with at least one course taught", it.t.Name, it.t.MaxPoints)
	if len(parts) == 0 {
		return PointsRule{Code: PointsRuleInstructorYears, Description: how + ": no year with a course taught, 0 points"}
	}
	return PointsRule{Code: PointsRuleInstructorYears, Description: how + ": " + strings.Join(parts, "; ")}
}

// instructorWarnings warns about instructor claims that name no year with
// a course taught, and about years claimed by more than one merged claim.
func (e *pointsEngine) instructorWarnings(merged, alone []*pointsItem) {
	for _, it := range append(append([]*pointsItem(nil), merged...), alone...) {
		if it.kind == kindInstructor && !taughtAnyCourse(it.a) {
			e.warn(WarningNoCourseTaught, []int64{it.a.ID}, "activity %d names no cycle year with a course taught: instructors earn points only for years with at least one course", it.a.ID)
		}
	}
	for k, y := range e.instructorYears(merged) {
		if len(y.claimants) < 2 || y.points == 0 {
			continue
		}
		var best *pointsItem
		for it := range y.shares {
			best = it
		}
		ids := []int64{best.a.ID}
		for _, it := range y.claimants {
			if it != best {
				ids = append(ids, it.a.ID)
			}
		}
		e.warn(WarningOverlappingEmploymentMerged, ids,
			"activities %s all claim courses taught in cycle year %d: the year counts once, under activity %d", joinActivityIDs(y.claimants), k+1, best.a.ID)
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
