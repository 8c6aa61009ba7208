package points

import (
	"testing"

	"github.com/mssc/recert/catalog"
)

// BenchmarkComputePointsEmployment scores a realistic application's
// employment in the decisions' cycle (2022-07-01 to 2027-06-30), scored
// late in cycle year 5: four jobs, full-time and part-time, overlapping
// for weeks at a time, one of them ongoing, and an internship, with a
// course and a certification beside them; "military" adds two years of
// active duty and a stretch of Reserve or Guard service overlapping it.
func BenchmarkComputePointsEmployment(b *testing.B) {
	rb := ptRulebook(b)
	now := catalog.NewDate(2027, 3, 1)
	civilian := []Activity{
		ptCourse(1, "ce-third-party", "Forklift safety", "2023-05-01"),
		ptCert(2, "osha-10", "2024-02-10"),
		ptSpan(3, "Intern", "2022-07-05", "2022-09-09", 32, true),
		ptSpan(4, "Assembler", "2022-09-12", "2024-03-29", 40, false),
		ptSpan(5, "Picker", "2023-11-01", "2024-10-31", 20, false),
		ptSpan(6, "Machine operator", "2024-10-01", "2026-04-30", 38, false),
		{ID: 7, Category: catalog.CategoryEmployment, TypeKey: "e-direct", Title: "Picker", StartOn: ptDay("2026-02-02"),
			Ongoing: true, WeeklyHours: 16, ProofAttached: true},
	}
	military := append(civilian[:len(civilian):len(civilian)],
		Activity{ID: 8, Category: catalog.CategoryEmployment, TypeKey: "e-military-active", Title: "Army", StartOn: ptDay("2022-07-01"),
			EndOn: ptDay("2024-06-30"), ProofAttached: true},
		Activity{ID: 9, Category: catalog.CategoryEmployment, TypeKey: "e-military-reserve", Title: "Guard", StartOn: ptDay("2024-03-01"),
			EndOn: ptDay("2025-12-31"), ProofAttached: true},
	)
	for _, bc := range []struct {
		name       string
		activities []Activity
	}{{"civilian", civilian}, {"military", military}} {
		b.Run(bc.name, func(b *testing.B) {
			r := ComputePoints(rb, catalog.ProgramCPT, ptDecisionCycle, bc.activities, now)
			for _, w := range r.Warnings {
				if w.Code == WarningInvalidActivity || w.Code == WarningActivityOutsideCycle {
					b.Fatalf("the benchmark's application is not as meant: %s", w.Message)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				ComputePoints(rb, catalog.ProgramCPT, ptDecisionCycle, bc.activities, now)
			}
		})
	}
}
