package points

import (
	"math"
	"slices"
)

// Periods are scored by the runs of days on which the same periods cover
// every day, rather than day by day: every day of a run has the same
// merged weekly hours and the same periods covering it, so it falls in the
// same column and gives each period the same part of it. A run never
// crosses the start of a cycle year, so each run lies in one year.

// dayRun is a run of days of the grid, from from up to end (not included),
// covered every day by the same periods.
type dayRun struct {
	from, end int
	// hours adds up the weekly hours of the periods covering the run, in
	// the periods' order; jobs counts them.
	hours float64
	jobs  int
}

// covers reports whether the period covers the run's days.
func (j pointsJob) covers(r dayRun) bool { return j.from <= r.from && r.from <= j.to }

// dayRuns splits the days the periods cover into runs, in the order of the
// days; days no period covers are in no run. A run's hours are added up as
// those of any one of its days would be, period by period in order, so
// they are the same float64.
func (e *pointsEngine) dayRuns(jobs []pointsJob) []dayRun {
	if len(jobs) == 0 {
		return nil
	}
	bounds := make([]int, 0, len(e.grid.yearStarts)+2*len(jobs))
	bounds = append(bounds, e.grid.yearStarts...)
	for _, j := range jobs {
		bounds = append(bounds, j.from, j.to+1)
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)
	runs := make([]dayRun, 0, len(bounds)-1)
	for i := 0; i+1 < len(bounds); i++ {
		r := dayRun{from: bounds[i], end: bounds[i+1]}
		for _, j := range jobs {
			if j.covers(r) {
				r.hours += j.hours
				r.jobs++
			}
		}
		if r.jobs > 0 {
			runs = append(runs, r)
		}
	}
	return runs
}

// runsIn returns the runs that start from first up to end (not included):
// the runs of a cycle year, when first and end are its bounds.
func runsIn(runs []dayRun, first, end int) []dayRun {
	lo := 0
	for lo < len(runs) && runs[lo].from < first {
		lo++
	}
	hi := lo
	for hi < len(runs) && runs[hi].from < end {
		hi++
	}
	return runs[lo:hi]
}

// shareSums adds up each period's part of a cycle year's days, and
// remembers which periods had a part of any day.
type shareSums struct {
	sums    []float64
	counted []bool
}

// newShareSums starts the sums of the given number of periods at 0.
func newShareSums(jobs int) shareSums {
	return shareSums{sums: make([]float64, jobs), counted: make([]bool, jobs)}
}

// add adds period i's part of each day of a run of days: part, once for
// each day, one addition after another, as a sum taken day by day does.
func (s shareSums) add(i int, part float64, days int) {
	s.sums[i] = addRepeatedly(s.sums[i], part, days)
	s.counted[i] = true
}

// take returns the periods' sums by activity, nil when no period had a
// part of any day, and starts the sums again from 0.
func (s shareSums) take(jobs []pointsJob) map[*pointsItem]float64 {
	var out map[*pointsItem]float64
	for i, j := range jobs {
		if !s.counted[i] {
			continue
		}
		if out == nil {
			out = map[*pointsItem]float64{}
		}
		out[j.it] = s.sums[i]
	}
	clear(s.sums)
	clear(s.counted)
	return out
}

// addRepeatedly returns sum with part added to it n times, one addition
// after another. When sum and part are non-negative whole multiples of
// 1/1024 and the total stays under 2^40, every partial sum is a multiple
// of 2^-10 under 2^43, which a float64's 53-bit significand holds exactly:
// each addition is then exact, and one multiplication and one addition
// (both exact too) give the same float64. Otherwise the additions are made
// one by one, since each may round.
func addRepeatedly(sum, part float64, n int) float64 {
	const scale = 1 << 10
	if sum >= 0 && part >= 0 && sum*scale == math.Trunc(sum*scale) && part*scale == math.Trunc(part*scale) &&
		sum+float64(n)*part < 1<<40 {
		return sum + float64(n)*part
	}
	for range n {
		sum += part
	}
	return sum
}
