package points_test

import (
	"fmt"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/catalogtest"
	"github.com/mssc/recert/catalog/points"
)

// pointsSeedRulebook builds the rulebook from the real seed catalog.
func pointsSeedRulebook(t *testing.T) *points.Rulebook {
	t.Helper()
	rb, err := points.NewRulebook(catalog.NewSnapshot(catalogtest.SeedData(t)))
	if err != nil {
		t.Fatalf("the seed's rule tables cannot drive the points engine: %v", err)
	}
	return rb
}

// seedClaims is a candidate's cycle and claims, of every category, scored
// on now against the seed in TestPointsOnTheSeed.
func seedClaims(t *testing.T) (cycle points.PointsCycle, activities []points.Activity, now catalog.Date) {
	t.Helper()
	day := func(s string) *catalog.Date {
		d, err := catalog.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	passed := true
	cycle = points.PointsCycle{CertifiedOn: *day("2021-06-01"), ExpiresOn: *day("2026-06-01")}
	activities = []points.Activity{
		{ID: 1, Category: catalog.CategoryContinuingEducation, TypeKey: "ce-for-credit-3-plus", Title: "Fluid Power", CompletedOn: day("2022-05-10"), CreditHours: 3, Passed: &passed, ProofAttached: true},
		{ID: 2, Category: catalog.CategoryIndustryCertification, TypeKey: "ic-certification", CertificationKey: "osha-10-general-industry", CompletedOn: day("2022-08-01"), ProofAttached: true},
		{ID: 3, Category: catalog.CategoryIndustryCertification, TypeKey: "ic-certification", CertificationKey: "osha-30-general-industry", CompletedOn: day("2023-08-01"), ProofAttached: true},
		{ID: 4, Category: catalog.CategoryEmployment, TypeKey: "e-direct", Title: "Assembler", StartOn: day("2021-06-01"), EndOn: day("2023-05-31"), WeeklyHours: 40, ProofAttached: true},
		{ID: 5, Category: catalog.CategoryExtra, TypeKey: "x-committee", Title: "MSSC National Expert Panel", CompletedOn: day("2024-01-01"), Hours: 20, MSSCRecordsOnFile: true},
		{ID: 6, Category: catalog.CategoryEmployment, TypeKey: "e-direct", Title: "Technician", StartOn: day("2025-06-01"), Ongoing: true, WeeklyHours: 40, ProofAttached: true},
	}
	return cycle, activities, *day("2026-03-01")
}

// TestPointsOnTheSeed scores a candidate against the real seed tables and
// catalog: every figure the engine uses is read from them.
func TestPointsOnTheSeed(t *testing.T) {
	rb := pointsSeedRulebook(t)
	cycle, activities, now := seedClaims(t)
	for i, a := range activities {
		if errs := points.ValidateActivity(fmt.Sprintf("activities.%d.", i), a, rb, now); len(errs) != 0 {
			t.Fatalf("invalid: %v", errs)
		}
	}
	r := points.ComputePoints(rb, catalog.ProgramCPT, cycle, activities, now)
	// 20 (course) + 10 + 10 (OSHA-10 and OSHA-30) + 40 (two years) + 2 (20 hours) + 15 (9 months so far).
	if r.Total != 97 || r.Shortfall != 3 {
		t.Errorf("total %d shortfall %d: %+v", r.Total, r.Shortfall, r.Activities)
	}
	// By the expiration date the ongoing job makes a full year: 102.
	if r.AsOfExpiration.Total != 102 || r.AsOfExpiration.Shortfall != 0 {
		t.Errorf("projection %+v", r.AsOfExpiration)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings %+v", r.Warnings)
	}
	if r.Required != 100 {
		t.Errorf("required %d", r.Required)
	}
}
