package points

// A year of work earns at most a year's worth (DOMAIN decision 14): the
// Employment points of one cycle year, summed over its rows (direct
// employment, the MSSC-authorized and other instructor years, active duty,
// Reserve and Guard service), are capped at the full-year full-time figure
// of the employment band table. Time cannot be worked twice.

// capYears caps each cycle year's rows together at the full-year
// full-time figure: when the rows earn more, the cap is shared out among
// them in proportion to what each earns on its own (by the largest
// remainder, the earlier row on a tie), so that the year's total is the
// cap. rows holds one slice of cycle years per row kind, each as long as
// the cycle has years.
func (e *pointsEngine) capYears(rows [][]pointsYear) {
	limit := e.rb.fullYear.FullTimePoints
	for k := range e.rb.cycleYears {
		total := 0
		weights := make([]float64, len(rows))
		for i := range rows {
			total += rows[i][k].points
			weights[i] = float64(rows[i][k].points)
		}
		if total <= limit {
			continue
		}
		for i, p := range largestRemainder(limit, weights) {
			rows[i][k].allotted = p
		}
	}
}
