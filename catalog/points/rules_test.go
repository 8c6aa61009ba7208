package points

import (
	"github.com/mssc/recert/catalog"
	"slices"
	"strings"
	"testing"
)

// TestRulebookNeedsEveryRow checks that a rulebook is refused, with a clear
// message, when a row or figure it needs is missing or makes no sense.
func TestRulebookNeedsEveryRow(t *testing.T) {
	dropType := func(key string) ptTableEdit {
		return func(types []catalog.ActivityType, bands []catalog.EmploymentBand, rules []catalog.Rule) ([]catalog.ActivityType, []catalog.EmploymentBand, []catalog.Rule) {
			return slices.DeleteFunc(slices.Clone(types), func(x catalog.ActivityType) bool { return x.Key == key }), bands, rules
		}
	}
	dropBand := func(kind catalog.BandKind) ptTableEdit {
		return func(types []catalog.ActivityType, bands []catalog.EmploymentBand, rules []catalog.Rule) ([]catalog.ActivityType, []catalog.EmploymentBand, []catalog.Rule) {
			return types, slices.DeleteFunc(slices.Clone(bands), func(x catalog.EmploymentBand) bool { return x.Kind == kind }), rules
		}
	}
	dropRule := func(key string) ptTableEdit {
		return func(types []catalog.ActivityType, bands []catalog.EmploymentBand, rules []catalog.Rule) ([]catalog.ActivityType, []catalog.EmploymentBand, []catalog.Rule) {
			return types, bands, slices.DeleteFunc(slices.Clone(rules), func(x catalog.Rule) bool { return x.Key == key })
		}
	}
	tests := []struct {
		name string
		edit ptTableEdit
		want string
	}{
		{"no third-party row", dropType("ce-third-party"), `no "ce-third-party" row`},
		{"no reserve row", dropType("e-military-reserve"), `no "e-military-reserve" row`},
		{"certification row in the wrong category", ptSetType("ic-certification", func(t *catalog.ActivityType) { t.Category = catalog.CategoryExtra }), `"ic-certification" is in category EXTRA`},
		{"points upside down", ptSetType("x-volunteer", func(t *catalog.ActivityType) { t.MinPoints, t.MaxPoints = 5, 1 }), `"x-volunteer" has points 5 to 1`},
		{"no full-year band", dropBand(catalog.BandFullYear), "no FULL_YEAR row"},
		{"no months bands", dropBand(catalog.BandMonths), "no MONTHS rows"},
		{"no under-3-months band", dropBand(catalog.BandUnderThreeMonths), "no UNDER_THREE_MONTHS row"},
		{"no internship band", dropBand(catalog.BandInternship), "no INTERNSHIP row"},
		{"overlapping months bands", ptSetBand("months-6-8", func(b *catalog.EmploymentBand) { b.MaxMonths = 9 }), "cover the same months"},
		{"no points required", dropRule("points_required"), `no "points_required" row`},
		{"no average month", dropRule("average_month_days"), `no "average_month_days" row`},
		{"no reserve share", dropRule("reserve_guard_percent_of_active"), `no "reserve_guard_percent_of_active" row`},
		{"no extra hours", dropRule("extra_hours_per_point"), `no "extra_hours_per_point" row`},
		{"cycle years not whole", ptSetRule("cycle_years", 4.5), `"cycle_years" is 4.5`},
		{"zero hours per extra point", ptSetRule("extra_hours_per_point", 0), `"extra_hours_per_point" is 0`},
		{"part-time above full-time", ptSetRule("part_time_min_weekly_hours", 35), "above the full-time threshold"},
		{"credit-hour threshold nowhere", ptSetType("ce-for-credit-3-plus", func(t *catalog.ActivityType) { t.Name = "For-credit course" }), "credit hours"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			types, bands, rules := tt.edit(ptTables())
			rb, err := NewRulebookFromTables(types, bands, rules)
			if err == nil || rb != nil {
				t.Fatalf("got a rulebook, want an error about %s", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

// TestRulebookReadsTheTables checks the figures a rulebook exposes.
func TestRulebookReadsTheTables(t *testing.T) {
	rb := ptRulebook(t)
	if rb.PointsRequired() != 100 || rb.CycleYears() != 5 || rb.forCreditMinHours != 3 {
		t.Errorf("required %d, years %d, credit hours %v", rb.PointsRequired(), rb.CycleYears(), rb.forCreditMinHours)
	}
	if at, ok := rb.ActivityType("x-committee"); !ok || at.MaxPoints != 5 {
		t.Errorf("x-committee: %+v %v", at, ok)
	}
	if _, ok := rb.ActivityType("nope"); ok {
		t.Error("found an unknown type")
	}
	if got := creditHoursInName("For-credit course (>= 4.5 hours)"); got != 4.5 {
		t.Errorf("credit hours in name: %v", got)
	}
}
