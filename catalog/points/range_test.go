package points

import (
	"github.com/mssc/recert/catalog"
	"slices"
	"testing"
)

// TestPointsRange checks the range of points each type of the seed's
// tables allows (DOMAIN decision 16).
func TestPointsRange(t *testing.T) {
	rb := ptRulebook(t)
	for _, tt := range []struct {
		typeKey     string
		perYear     bool
		least, most int
		yearMax     int
		yearFigures []int
	}{
		{"ce-for-credit-3-plus", false, 20, 20, 0, nil},
		{"ce-third-party", false, 10, 10, 0, nil},
		{"ic-certification", false, 10, 10, 0, nil},
		{"x-volunteer", false, 1, 5, 0, nil},
		{"x-committee", false, 1, 5, 0, nil},
		{"e-direct", true, 0, 100, 20, []int{0, 1, 2, 5, 7, 10, 12, 15, 17, 20}},
		{"e-mssc-instructor", true, 0, 100, 20, []int{0, 20}},
		{"e-other-instructor", true, 0, 50, 10, []int{0, 10}},
		{"e-military-active", true, 0, 50, 10, []int{0, 2, 5, 7, 10}},
		{"e-military-reserve", true, 0, 25, 5, []int{0, 1, 2, 3, 4, 5}},
	} {
		t.Run(tt.typeKey, func(t *testing.T) {
			r, ok := rb.PointsRange(tt.typeKey)
			if !ok || r.TypeKey != tt.typeKey || r.PerYear != tt.perYear || r.Min != tt.least || r.Max != tt.most || r.YearMax != tt.yearMax || !slices.Equal(r.YearFigures, tt.yearFigures) {
				t.Errorf("got %+v, %v", r, ok)
			}
			if !r.Allows(tt.most) || r.Allows(tt.most+1) || (tt.least > 0 && r.Allows(tt.least-1)) {
				t.Errorf("Allows disagrees with %d to %d", tt.least, tt.most)
			}
			if tt.perYear && (!r.AllowsYear(tt.yearMax) || r.AllowsYear(tt.yearMax+1)) {
				t.Errorf("AllowsYear disagrees with %v", tt.yearFigures)
			}
		})
	}
	if _, ok := rb.PointsRange("nope"); ok {
		t.Error("an unknown type has a range")
	}
	t.Run("the figures come from the tables", func(t *testing.T) {
		rb := ptRulebook(t, ptSetBand("full-year", func(b *catalog.EmploymentBand) { b.FullTimePoints = 18 }), ptSetRule("cycle_years", 4),
			ptSetType("x-volunteer", func(a *catalog.ActivityType) { a.MinPoints, a.MaxPoints = 2, 6 }))
		for key, want := range map[string][2]int{"e-direct": {18, 72}, "e-mssc-instructor": {18, 72}, "e-other-instructor": {10, 40}} {
			if r, _ := rb.PointsRange(key); r.YearMax != want[0] || r.Max != want[1] || r.YearFigures[len(r.YearFigures)-1] != want[0] {
				t.Errorf("%s: got %+v, want %v", key, r, want)
			}
		}
		if r, _ := rb.PointsRange("x-volunteer"); r.Min != 2 || r.Max != 6 {
			t.Errorf("got %+v", r)
		}
	})
}

// TestPointsRangeHoldsTheEngine checks that every cycle year the engine
// scores earns one of its type's year figures.
func TestPointsRangeHoldsTheEngine(t *testing.T) {
	rb := ptRulebook(t)
	r := ComputePoints(rb, catalog.ProgramCPT, ptDecisionCycle, []Activity{
		ptSpan(1, "Assembler", "2022-07-01", "2023-01-31", 40, false),
		ptSpan(2, "Packer", "2023-02-01", "2023-05-31", 20, false),
		ptSpan(3, "Intern", "2023-07-01", "2023-08-31", 20, true),
		{ID: 4, Category: catalog.CategoryEmployment, TypeKey: "e-military-reserve", Title: "Guard", StartOn: ptDay("2024-07-01"), EndOn: ptDay("2025-04-30"), ProofAttached: true},
	}, catalog.NewDate(2026, 1, 1))
	if len(r.EmploymentYears) < 3 {
		t.Fatalf("years %+v", r.EmploymentYears)
	}
	for _, y := range r.EmploymentYears {
		if pr, _ := rb.PointsRange(y.TypeKey); !pr.AllowsYear(y.Points) {
			t.Errorf("year %d of %s earns %d, not one of %v", y.Year, y.TypeKey, y.Points, pr.YearFigures)
		}
	}
}
