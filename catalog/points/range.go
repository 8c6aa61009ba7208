package points

import (
	"github.com/mssc/recert/catalog"
	"slices"
)

// PointsRange is the range of points the rules allow one activity of a
// type to earn, read from the rule tables (DOMAIN decision 16: a
// reviewer's figure stays inside it).
type PointsRange struct {
	// TypeKey is the activity type the range is for.
	TypeKey string
	// PerYear says the type is counted per cycle year (Employment): each
	// cycle year earns one of YearFigures, and the activity earns their sum.
	PerYear bool
	// Min is the least a counted activity earns: the type's least figure,
	// or 0 for a type counted per cycle year.
	Min int
	// Max is the most one activity earns over the cycle: the type's figure,
	// or YearMax for each cycle year.
	Max int
	// YearMax is the most one cycle year earns under the type: its figure,
	// never above the full-year full-time figure that caps a cycle year's
	// Employment (decision 14). It is 0 for a type counted per activity.
	YearMax int
	// YearFigures are the figures one cycle year can earn under the type,
	// in increasing order, from 0 to YearMax: for direct employment those
	// of the band table (a band of either column, the internship point, and
	// a full-time band plus a part-time band, decision 2, capped at
	// YearMax), for active duty
	// its part-time column, for Reserve and Guard service any figure of its
	// range, for an instructor 0 or its figure. Empty for a type counted per
	// activity.
	YearFigures []int
}

// Allows reports whether an activity of the type may earn the given
// points: within Min and Max for a type counted per activity; for one
// counted per cycle year, within 0 and Max (the sum of the years' figures).
func (r PointsRange) Allows(points int) bool {
	return points >= r.Min && points <= r.Max
}

// AllowsYear reports whether one cycle year of an activity of the type may
// earn the given points: one of YearFigures.
func (r PointsRange) AllowsYear(points int) bool {
	return r.PerYear && slices.Contains(r.YearFigures, points)
}

// PointsRange returns the range of points the rules allow one activity of
// the type, and false when the rule tables have no such type. It is pure:
// every figure comes from the rulebook's tables.
func (rb *Rulebook) PointsRange(typeKey string) (PointsRange, bool) {
	t, ok := rb.types[typeKey]
	if !ok {
		return PointsRange{}, false
	}
	r := PointsRange{TypeKey: t.Key, Min: t.MinPoints, Max: t.MaxPoints}
	if t.Per != catalog.PerYear {
		return r, true
	}
	limit := rb.fullYear.FullTimePoints
	r.PerYear, r.Min = true, 0
	r.YearMax = min(t.MaxPoints, limit)
	r.Max = r.YearMax * rb.cycleYears
	figures := []int{0}
	switch rb.kindOf(t) {
	case kindDirect:
		figures = append(figures, rb.internship.FullTimePoints, rb.internship.PartTimePoints)
		ft := []int{0, rb.fullYear.FullTimePoints}
		pt := []int{0, rb.fullYear.PartTimePoints}
		for _, b := range rb.monthBands {
			ft, pt = append(ft, b.FullTimePoints), append(pt, b.PartTimePoints)
		}
		for _, f := range ft {
			for _, p := range pt {
				figures = append(figures, f+p)
			}
		}
	case kindMilitaryActive:
		figures = append(figures, t.MaxPoints)
		for _, b := range rb.monthBands {
			figures = append(figures, b.PartTimePoints)
		}
	case kindInstructor:
		figures = append(figures, t.MaxPoints)
	default:
		for p := t.MinPoints; p <= t.MaxPoints; p++ {
			figures = append(figures, p)
		}
	}
	for _, f := range figures {
		if f = min(f, r.YearMax); !slices.Contains(r.YearFigures, f) {
			r.YearFigures = append(r.YearFigures, f)
		}
	}
	slices.Sort(r.YearFigures)
	return r, true
}
