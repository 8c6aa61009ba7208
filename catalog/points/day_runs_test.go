package points

import (
	"math"
	"strconv"
	"testing"

	"pgregory.net/rapid"
)

// TestAddRepeatedlyAddsDayByDay checks that adding a period's part of a
// run of days at once gives, to the bit, the float64 that adding it day by
// day gives: a year's shares of the merged days decide which activity gets
// a point on a tie of the largest remainders, so a run may not be summed
// any other way. The parts are those the engine adds (a job's hours over
// the merged hours of two or three jobs, 1 over the periods covering a
// day) and arbitrary ones, onto sums already made of such parts.
func TestAddRepeatedlyAddsDayByDay(t *testing.T) {
	byDay := func(sum, part float64, n int) float64 {
		for range n {
			sum += part
		}
		return sum
	}
	part := func(t *rapid.T, label string) float64 {
		h := func(l string) float64 { return rapid.SampledFrom(ptGenHours).Draw(t, label+l) }
		switch rapid.IntRange(0, 3).Draw(t, label+".kind") {
		case 0:
			return 1 / float64(rapid.IntRange(1, 5).Draw(t, label+".periods"))
		case 1:
			a := h(".a")
			return a / (0 + a + h(".b"))
		case 2:
			a := h(".a")
			return a / (0 + a + h(".b") + h(".c"))
		}
		return rapid.Float64Range(0, 1).Draw(t, label+".any")
	}
	ptCheck(t, func(t *rapid.T) {
		sum := 0.0
		for i := range rapid.IntRange(1, 6).Draw(t, "runs") {
			label := "run" + strconv.Itoa(i)
			p, n := part(t, label), rapid.IntRange(0, 400).Draw(t, label+".days")
			want, got := byDay(sum, p, n), addRepeatedly(sum, p, n)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("adding %v for %d days onto %v gives %v, day by day %v", p, n, sum, got, want)
			}
			sum = want
		}
	})
}

// TestDayRunsHoldEveryCoveredDay checks the runs against the days they
// stand for, day by day: a day some period covers lies in exactly one
// run, whose hours are the weekly hours of the periods covering that day
// added up in the periods' order and whose count is theirs; a day no
// period covers lies in no run; the runs come in the order of the days,
// and none crosses the start of a cycle year.
func TestDayRunsHoldEveryCoveredDay(t *testing.T) {
	rb := ptRulebook(t)
	cycles := []PointsCycle{ptDecisionCycle, {CertifiedOn: ptDecisionCycle.CertifiedOn, ExpiresOn: ptDecisionCycle.CertifiedOn.AddDays(400)}}
	ptCheck(t, func(t *rapid.T) {
		e := &pointsEngine{rb: rb, grid: newCycleGrid(rb, rapid.SampledFrom(cycles).Draw(t, "cycle"))}
		days := e.grid.days
		var jobs []pointsJob
		for i := range rapid.IntRange(0, 8).Draw(t, "jobs") {
			label := "job" + strconv.Itoa(i)
			from := rapid.IntRange(0, days-1).Draw(t, label+".from")
			to := rapid.IntRange(from, min(from+rapid.SampledFrom([]int{0, 30, 400, days}).Draw(t, label+".most"), days-1)).Draw(t, label+".to")
			jobs = append(jobs, pointsJob{from: from, to: to, hours: rapid.SampledFrom(ptGenHours).Draw(t, label+".hours")})
		}
		runs := e.dayRuns(jobs)
		for i, r := range runs {
			if r.from >= r.end || i > 0 && r.from < runs[i-1].end {
				t.Fatalf("run %d is %+v after %+v", i, r, runs[max(i-1, 0)])
			}
			for _, start := range e.grid.yearStarts {
				if r.from < start && start < r.end {
					t.Fatalf("run %+v crosses the start of a cycle year, day %d", r, start)
				}
			}
		}
		for d := range days {
			hours, covering := 0.0, 0
			for _, j := range jobs {
				if j.from <= d && d <= j.to {
					hours += j.hours
					covering++
				}
			}
			var in []dayRun
			for _, r := range runs {
				if r.from <= d && d < r.end {
					in = append(in, r)
				}
			}
			switch {
			case covering == 0 && len(in) > 0:
				t.Fatalf("day %d, which no period covers, is in %+v", d, in)
			case covering > 0 && len(in) != 1:
				t.Fatalf("day %d, which %d periods cover, is in the runs %+v", d, covering, in)
			case covering > 0 && (math.Float64bits(in[0].hours) != math.Float64bits(hours) || in[0].jobs != covering):
				t.Fatalf("day %d has %v hours of %d periods, its run %+v", d, hours, covering, in[0])
			}
		}
	})
}
