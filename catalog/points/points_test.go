package points

import (
	"github.com/mssc/recert/catalog"
	"slices"
	"strings"
	"testing"
)

// TestPointsContinuingEducationTable checks every row of the guide's CE table.
func TestPointsContinuingEducationTable(t *testing.T) {
	rb := ptRulebook(t)
	tests := []struct {
		name    string
		typeKey string
		credit  float64
		want    int
		rule    PointsRuleCode
	}{
		{"for-credit course of 3 or more credit hours", "ce-for-credit-3-plus", 3, 20, PointsRuleTypeAward},
		{"for-credit course of 4 credit hours", "ce-for-credit-3-plus", 4, 20, PointsRuleTypeAward},
		{"for-credit course under 3 credit hours", "ce-for-credit-under-3", 2.5, 10, PointsRuleTypeAward},
		{"for-credit course without credit hours given", "ce-for-credit-under-3", 0, 10, PointsRuleTypeAward},
		{"non-credit or certificate course", "ce-non-credit", 0, 10, PointsRuleTypeAward},
		{"third-party or employer training", "ce-third-party", 0, 10, PointsRuleTypeAward},
		{"military training", "ce-military", 0, 10, PointsRuleTypeAward},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ptCourse(1, tt.typeKey, "Hydraulics", "2023-05-01")
			a.CreditHours = tt.credit
			if strings.HasPrefix(tt.typeKey, "ce-for-credit") {
				a.Passed = ptBool(true)
			}
			r := ptCompute(rb, a)
			got := ptOf(t, r, 1)
			if got.Points != tt.want || got.Proposed != tt.want || got.Rule.Code != tt.rule {
				t.Errorf("points %d proposed %d rule %s, want %d under %s (%s)", got.Points, got.Proposed, got.Rule.Code, tt.want, tt.rule, got.Rule.Description)
			}
			if got.Category != catalog.CategoryContinuingEducation || ptCategoryPoints(r.ByCategory, catalog.CategoryContinuingEducation) != tt.want {
				t.Errorf("category %s, CE total %d", got.Category, ptCategoryPoints(r.ByCategory, catalog.CategoryContinuingEducation))
			}
			if len(r.Warnings) != 0 {
				t.Errorf("unexpected warnings %v", r.Warnings)
			}
		})
	}
}

// TestPointsForCreditRules checks the pass and credit-hour rules of
// for-credit courses.
func TestPointsForCreditRules(t *testing.T) {
	rb := ptRulebook(t)
	tests := []struct {
		name    string
		typeKey string
		credit  float64
		passed  *bool
		want    int
		rule    PointsRuleCode
		warning PointsWarningCode
	}{
		{"not passed earns nothing", "ce-for-credit-3-plus", 3, ptBool(false), 0, PointsRuleNotPassed, WarningNotPassed},
		{"pass not stated still proposes the points", "ce-for-credit-3-plus", 3, nil, 20, PointsRuleTypeAward, WarningPassNotStated},
		{"claimed 3+ with 2 credit hours scores the under-3 row", "ce-for-credit-3-plus", 2, ptBool(true), 10, PointsRuleCreditHoursRow, WarningCreditHoursMismatch},
		{"claimed under 3 with 3 credit hours scores the 3+ row", "ce-for-credit-under-3", 3, ptBool(true), 20, PointsRuleCreditHoursRow, WarningCreditHoursMismatch},
		{"mismatch and not passed earns nothing", "ce-for-credit-under-3", 3, ptBool(false), 0, PointsRuleNotPassed, WarningCreditHoursMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ptCourse(1, tt.typeKey, "Statics", "2023-05-01")
			a.CreditHours, a.Passed = tt.credit, tt.passed
			r := ptCompute(rb, a)
			got := ptOf(t, r, 1)
			if got.Points != tt.want || got.Rule.Code != tt.rule {
				t.Errorf("points %d rule %s, want %d under %s", got.Points, got.Rule.Code, tt.want, tt.rule)
			}
			if !ptWarned(r, tt.warning, 1) {
				t.Errorf("warnings %v, want %s", ptCodes(r), tt.warning)
			}
		})
	}
}

// TestPointsIndustryCertificationTable checks the IC row, with and without
// the catalog.
func TestPointsIndustryCertificationTable(t *testing.T) {
	t.Run("tables alone: 10 points a certification", func(t *testing.T) {
		r := ptCompute(ptRulebook(t), ptCert(1, "osha-10-general-industry", "2022-01-10"))
		if got := ptOf(t, r, 1); got.Points != 10 || got.Rule.Code != PointsRuleTypeAward {
			t.Errorf("got %d under %s", got.Points, got.Rule.Code)
		}
	})
	rb := ptCatalogRulebook(t)
	tests := []struct {
		name    string
		key     string
		program catalog.Program
		on      string
		want    int
		rule    PointsRuleCode
		warning PointsWarningCode
	}{
		{"listed entry counts 10", "osha-10-general-industry", catalog.ProgramCPT, "2022-01-10", 10, PointsRuleTypeAward, ""},
		{"listed entry, key in other case", "OSHA-10-General-Industry", catalog.ProgramCLT, "2022-01-10", 10, PointsRuleTypeAward, ""},
		{"entry not on the list", "certified-widget-rigger", catalog.ProgramCPT, "2022-01-10", 0, PointsRuleCertificationNotListed, WarningCertificationNotListed},
		{"CPT module certificate counts for a CLT holder", "mssc-cpt-safety", catalog.ProgramCLT, "2022-01-10", 10, PointsRuleTypeAward, ""},
		{"CPT module certificate does not count for a CPT holder", "mssc-cpt-safety", catalog.ProgramCPT, "2022-01-10", 0, PointsRuleProgramNotEligible, WarningProgramNotEligible},
		{"retired before it was earned", "iso-9002-lead-auditor", catalog.ProgramCPT, "2023-12-15", 0, PointsRuleCertificationNotCounting, WarningCertificationNotCounting},
		{"retired after it was earned", "iso-9002-lead-auditor", catalog.ProgramCPT, "2023-12-14", 10, PointsRuleTypeAward, ""},
		{"approved after it was earned", "new-certification", catalog.ProgramCPT, "2023-12-31", 0, PointsRuleCertificationNotCounting, WarningCertificationNotCounting},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ComputePoints(rb, tt.program, ptCycle, []Activity{ptCert(1, tt.key, tt.on)}, ptNow)
			got := ptOf(t, r, 1)
			if got.Points != tt.want || got.Rule.Code != tt.rule {
				t.Errorf("got %d under %s (%s), want %d under %s", got.Points, got.Rule.Code, got.Rule.Description, tt.want, tt.rule)
			}
			if tt.warning != "" && !ptWarned(r, tt.warning, 1) {
				t.Errorf("warnings %v, want %s", ptCodes(r), tt.warning)
			}
			if tt.warning == "" && len(r.Warnings) != 0 {
				t.Errorf("unexpected warnings %v", r.Warnings)
			}
		})
	}
}

// ptCatalogRulebook builds a rulebook from a snapshot holding the mirrored
// tables and a few catalog entries.
func ptCatalogRulebook(t testing.TB) *Rulebook {
	t.Helper()
	data := &catalog.Data{Certifications: []catalog.Certification{
		{ID: 1, Key: "osha-10-general-industry", DisplayName: "OSHA 10-Hour General Industry", EligiblePrograms: catalog.Programs},
		{ID: 2, Key: "mssc-cpt-safety", DisplayName: "MSSC CPT Safety certificate", EligiblePrograms: []catalog.Program{catalog.ProgramCLT}},
		{ID: 3, Key: "iso-9002-lead-auditor", DisplayName: "ISO 9002 Lead Auditor", EligiblePrograms: catalog.Programs, RetiredOn: ptDay("2023-12-15")},
		{ID: 4, Key: "new-certification", DisplayName: "New Certification", EligiblePrograms: catalog.Programs, ApprovedOn: ptDay("2024-01-01")},
		{ID: 5, Key: "aws-cwi", DisplayName: "Certified Welding Inspector", EligiblePrograms: catalog.Programs},
	}}
	data.ActivityTypes, data.EmploymentBands, data.Rules = ptTables()
	rb, err := NewRulebook(catalog.NewSnapshot(data))
	if err != nil {
		t.Fatal(err)
	}
	return rb
}

// TestPointsExtraTable checks the X rows: 1 point per 8 hours, 1 to 5.
func TestPointsExtraTable(t *testing.T) {
	rb := ptRulebook(t)
	for _, typeKey := range []string{"x-volunteer", "x-committee"} {
		for _, tt := range []struct {
			name  string
			hours float64
			want  int
		}{
			{"no hours given proposes the least", 0, 1},
			{"7 hours proposes the least", 7, 1},
			{"8 hours is 1 point", 8, 1},
			{"15 hours is 1 point", 15, 1},
			{"16 hours is 2 points", 16, 2},
			{"39 hours is 4 points", 39, 4},
			{"40 hours is 5 points", 40, 5},
			{"100 hours is capped at 5", 100, 5},
		} {
			t.Run(typeKey+"/"+tt.name, func(t *testing.T) {
				r := ptCompute(rb, ptExtra(1, typeKey, tt.hours))
				got := ptOf(t, r, 1)
				if got.Points != tt.want || got.Rule.Code != PointsRuleExtraHours {
					t.Errorf("got %d under %s, want %d", got.Points, got.Rule.Code, tt.want)
				}
			})
		}
	}
	t.Run("committee service partly before the cycle still counts, with a warning", func(t *testing.T) {
		a := Activity{ID: 1, Category: catalog.CategoryExtra, TypeKey: "x-committee", Title: "College advisory panel",
			StartOn: ptDay("2020-01-01"), EndOn: ptDay("2022-01-01"), Hours: 24, ProofAttached: true}
		r := ptCompute(rb, a)
		if got := ptOf(t, r, 1); got.Points != 3 || !ptWarned(r, WarningActivityOutsideCycle, 1) {
			t.Errorf("got %d, warnings %v", got.Points, ptCodes(r))
		}
	})
	t.Run("ongoing committee service inside the cycle", func(t *testing.T) {
		a := Activity{ID: 1, Category: catalog.CategoryExtra, TypeKey: "x-committee", Title: "Expert panel",
			StartOn: ptDay("2024-01-01"), Ongoing: true, Hours: 12, ProofAttached: true}
		r := ptCompute(rb, a)
		if got := ptOf(t, r, 1); got.Points != 1 || len(r.Warnings) != 0 {
			t.Errorf("got %d, warnings %v", got.Points, r.Warnings)
		}
	})
	t.Run("committee service before the cycle earns nothing", func(t *testing.T) {
		a := Activity{ID: 1, Category: catalog.CategoryExtra, TypeKey: "x-committee", Title: "Board",
			StartOn: ptDay("2019-01-01"), EndOn: ptDay("2020-01-01"), Hours: 40, ProofAttached: true}
		r := ptCompute(rb, a)
		if got := ptOf(t, r, 1); got.Points != 0 || got.Rule.Code != PointsRuleOutsideCycle {
			t.Errorf("got %d under %s", got.Points, got.Rule.Code)
		}
	})
}

// TestPointsReviewerOverride checks that a reviewer's figure is final and
// recorded with its reason.
func TestPointsReviewerOverride(t *testing.T) {
	rb := ptRulebook(t)
	t.Run("extra activity set within its range", func(t *testing.T) {
		a := ptExtra(1, "x-volunteer", 8)
		a.ReviewerPoints, a.ReviewerReason = ptInt(4), "coordinated 30 volunteers"
		r := ptCompute(rb, a)
		got := ptOf(t, r, 1)
		if got.Proposed != 1 || got.Points != 4 || *got.ReviewerPoints != 4 || got.ReviewerReason != "coordinated 30 volunteers" || r.Total != 4 {
			t.Errorf("got %+v, total %d", got, r.Total)
		}
	})
	t.Run("reviewer rejects a course with 0", func(t *testing.T) {
		a := ptCourse(1, "ce-non-credit", "Intro to Art", "2023-01-01")
		a.ReviewerPoints, a.ReviewerReason = ptInt(0), "general education"
		r := ptCompute(rb, a)
		if got := ptOf(t, r, 1); got.Proposed != 10 || got.Points != 0 || r.Total != 0 {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("reviewer sets Reserve service", func(t *testing.T) {
		a := ptPeriod(1, "e-military-reserve", "2021-06-01", 365, 0)
		a.ReviewerPoints, a.ReviewerReason = ptInt(3), "drill weekends only"
		r := ptCompute(rb, a)
		if got := ptOf(t, r, 1); got.Proposed != 5 || got.Points != 3 || got.AsOfExpiration != 3 {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("reviewed job is scored alone, not merged", func(t *testing.T) {
		a := ptJob(1, "2021-06-01", 365, 40)
		b := ptJob(2, "2021-06-01", 365, 40)
		b.ReviewerPoints, b.ReviewerReason = ptInt(15), "gap in employment records"
		r := ptCompute(rb, a, b)
		if ptOf(t, r, 1).Points != 20 || ptOf(t, r, 2).Proposed != 20 || ptOf(t, r, 2).Points != 15 || r.Total != 35 {
			t.Errorf("got %+v / %+v", ptOf(t, r, 1), ptOf(t, r, 2))
		}
		if ptWarned(r, WarningOverlappingEmploymentMerged, 1, 2) {
			t.Errorf("a reviewed job should not be merged: %v", r.Warnings)
		}
	})
	t.Run("reviewer figure outside the range makes the activity invalid", func(t *testing.T) {
		a := ptExtra(1, "x-volunteer", 8)
		a.ReviewerPoints, a.ReviewerReason = ptInt(6), "too generous"
		r := ptCompute(rb, a)
		if got := ptOf(t, r, 1); got.Points != 0 || got.Rule.Code != PointsRuleInvalid || !ptWarned(r, WarningInvalidActivity, 1) {
			t.Errorf("got %+v, warnings %v", got, r.Warnings)
		}
	})
}

// TestPointsDuplicates checks that a course or certification counts once.
func TestPointsDuplicates(t *testing.T) {
	rb := ptRulebook(t)
	t.Run("same certification twice counts once", func(t *testing.T) {
		r := ptCompute(rb, ptCert(1, "osha-10-general-industry", "2022-01-10"), ptCert(2, "OSHA-10-General-Industry", "2023-01-10"))
		if ptOf(t, r, 1).Points != 10 || ptOf(t, r, 2).Points != 0 || ptOf(t, r, 2).Rule.Code != PointsRuleDuplicate || r.Total != 10 {
			t.Errorf("got %+v / %+v", ptOf(t, r, 1), ptOf(t, r, 2))
		}
		if !ptWarned(r, WarningDuplicateClaim, 1, 2) {
			t.Errorf("warnings %v", r.Warnings)
		}
	})
	t.Run("OSHA-10 and OSHA-30 are different certifications", func(t *testing.T) {
		r := ptCompute(rb, ptCert(1, "osha-10-general-industry", "2022-01-10"), ptCert(2, "osha-30-general-industry", "2023-01-10"))
		if r.Total != 20 || len(r.Warnings) != 0 {
			t.Errorf("total %d, warnings %v", r.Total, r.Warnings)
		}
	})
	t.Run("same course title in other case and spacing counts once", func(t *testing.T) {
		r := ptCompute(rb, ptCourse(1, "ce-third-party", "Lean  Six Sigma Yellow Belt", "2022-01-10"), ptCourse(2, "ce-third-party", "lean six sigma yellow belt", "2022-02-10"))
		if r.Total != 10 || !ptWarned(r, WarningDuplicateClaim, 1, 2) {
			t.Errorf("total %d, warnings %v", r.Total, r.Warnings)
		}
	})
	t.Run("same title under another Continuing Education row counts once", func(t *testing.T) {
		r := ptCompute(rb, ptCourse(1, "ce-third-party", "Forklift safety", "2022-01-10"), ptCourse(2, "ce-non-credit", "Forklift safety", "2022-02-10"))
		if r.Total != 10 || ptOf(t, r, 2).Rule.Code != PointsRuleDuplicate || !ptWarned(r, WarningDuplicateClaim, 1, 2) {
			t.Errorf("total %d, warnings %v", r.Total, r.Warnings)
		}
	})
	t.Run("on a tie the claim made first counts, whatever the order they are listed in", func(t *testing.T) {
		first, second := ptCourse(1, "ce-third-party", "Forklift safety", "2022-01-10"), ptCourse(2, "ce-non-credit", "FORKLIFT SAFETY", "2022-02-10")
		ptCountsOnceInEitherOrder(t, rb, first, second, 1)
	})
	t.Run("a reviewer's figure decides which claim counts, whatever the order", func(t *testing.T) {
		first, second := ptCourse(1, "ce-third-party", "Forklift safety", "2022-01-10"), ptCourse(2, "ce-non-credit", "Forklift safety", "2022-02-10")
		first.ReviewerPoints, first.ReviewerReason = ptInt(0), "the certificate is for another course"
		ptCountsOnceInEitherOrder(t, rb, first, second, 2)
	})
	t.Run("a reviewer's figure on the other claim of a course does not count it twice", func(t *testing.T) {
		first, second := ptCourse(1, "ce-third-party", "Forklift safety", "2022-01-10"), ptCourse(2, "ce-non-credit", "Forklift safety", "2022-02-10")
		for _, a := range []*Activity{&first, &second} {
			a.ReviewerPoints, a.ReviewerReason = ptInt(10), "certificate checked"
		}
		r := ptCompute(rb, first, second)
		if r.Total != 10 || ptOf(t, r, 2).Points != 0 || ptOf(t, r, 2).Rule.Code != PointsRuleDuplicate {
			t.Errorf("total %d, activity 2 %+v", r.Total, ptOf(t, r, 2))
		}
	})
	t.Run("the claim inside the cycle counts when the first is outside", func(t *testing.T) {
		r := ptCompute(rb, ptCert(1, "cqt", "2020-01-10"), ptCert(2, "cqt", "2023-01-10"))
		if ptOf(t, r, 1).Points != 0 || ptOf(t, r, 2).Points != 10 || ptOf(t, r, 1).Rule.Code != PointsRuleOutsideCycle {
			t.Errorf("got %+v / %+v", ptOf(t, r, 1), ptOf(t, r, 2))
		}
	})
}

// TestPointsTrainingBesideCertification checks that training toward a
// claimed or listed certification earns nothing.
func TestPointsTrainingBesideCertification(t *testing.T) {
	rb := ptRulebook(t)
	training := ptCourse(1, "ce-third-party", "CWI prep seminar", "2022-01-10")
	training.LedToCertificationKey = "aws-cwi"
	t.Run("training beside its claimed certification earns nothing", func(t *testing.T) {
		r := ptCompute(rb, training, ptCert(2, "AWS-CWI", "2022-03-01"))
		if ptOf(t, r, 1).Points != 0 || ptOf(t, r, 1).Rule.Code != PointsRuleTrainingBesideCertification || ptOf(t, r, 2).Points != 10 || r.Total != 10 {
			t.Errorf("got %+v / %+v", ptOf(t, r, 1), ptOf(t, r, 2))
		}
		if !ptWarned(r, WarningTrainingBesideCertification, 1, 2) {
			t.Errorf("warnings %v", r.Warnings)
		}
	})
	t.Run("training alone counts when the catalog is not known", func(t *testing.T) {
		r := ptCompute(rb, training)
		if r.Total != 10 {
			t.Errorf("total %d", r.Total)
		}
	})
	t.Run("training toward a listed certification earns nothing", func(t *testing.T) {
		rbc := ptCatalogRulebook(t)
		r := ComputePoints(rbc, catalog.ProgramCPT, ptCycle, []Activity{training}, ptNow)
		if got := ptOf(t, r, 1); got.Points != 0 || got.Rule.Code != PointsRuleTrainingTowardListed || !ptWarned(r, WarningTrainingTowardListed, 1) {
			t.Errorf("got %+v, warnings %v", got, r.Warnings)
		}
		tr := training
		tr.LedToCertificationKey = "some-unlisted-program"
		r = ComputePoints(rbc, catalog.ProgramCPT, ptCycle, []Activity{tr}, ptNow)
		if r.Total != 10 {
			t.Errorf("training toward an unlisted program should count as CE: %+v", r.Activities)
		}
	})
}

// TestPointsOutsideCycle checks that courses and certifications count by
// their completion date, both ends of the cycle included.
func TestPointsOutsideCycle(t *testing.T) {
	rb := ptRulebook(t)
	for _, tt := range []struct {
		name string
		on   string
		want int
	}{
		{"the day before the cycle", "2021-05-31", 0},
		{"the first day of the cycle", "2021-06-01", 10},
		{"inside the cycle", "2024-02-29", 10},
		{"the expiration day", "2026-06-01", 10},
		{"long before the cycle", "2015-01-01", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			later := catalog.NewDate(2026, 7, 1)
			r := ComputePoints(rb, catalog.ProgramCPT, ptCycle, []Activity{ptCourse(1, "ce-military", "Supply course", tt.on)}, later)
			got := ptOf(t, r, 1)
			if got.Points != tt.want {
				t.Errorf("got %d, want %d", got.Points, tt.want)
			}
			if outside := tt.want == 0; outside != ptWarned(r, WarningActivityOutsideCycle, 1) || outside != (got.Rule.Code == PointsRuleOutsideCycle) {
				t.Errorf("rule %s, warnings %v", got.Rule.Code, r.Warnings)
			}
		})
	}
}

// TestPointsMissingProof checks the proof warnings and MSSC's own records.
func TestPointsMissingProof(t *testing.T) {
	rb := ptRulebook(t)
	noProof := func(a Activity) Activity { a.ProofAttached = false; return a }
	mssc := func(a Activity) Activity { a.MSSCRecordsOnFile = true; return a }
	instructor := Activity{ID: 1, Category: catalog.CategoryEmployment, TypeKey: "e-mssc-instructor", CoursesTaught: map[int]int{1: 2}}
	committee := Activity{ID: 1, Category: catalog.CategoryExtra, TypeKey: "x-committee", Title: "MSSC National Expert Panel", CompletedOn: ptDay("2023-01-01"), Hours: 16}
	for _, tt := range []struct {
		name string
		a    Activity
		want bool
	}{
		{"course without proof", noProof(ptCourse(1, "ce-third-party", "Lean", "2022-01-01")), true},
		{"course with proof", ptCourse(1, "ce-third-party", "Lean", "2022-01-01"), false},
		{"certification without proof", noProof(ptCert(1, "cqt", "2022-01-01")), true},
		{"job without proof", noProof(ptJob(1, "2021-06-01", 365, 40)), true},
		{"MSSC-authorized instructor for MSSC courses needs none", mssc(instructor), false},
		{"MSSC-authorized instructor for other courses needs proof", instructor, true},
		{"MSSC panel volunteer needs none", mssc(committee), false},
		{"other committee member needs proof", committee, true},
		{"an activity that earns nothing is not asked for proof", noProof(ptCourse(1, "ce-third-party", "Lean", "2019-01-01")), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := ptCompute(rb, tt.a)
			if got := ptWarned(r, WarningMissingProof, 1); got != tt.want {
				t.Errorf("missing proof warned %v, want %v: %v", got, tt.want, r.Warnings)
			}
		})
	}
}

// TestPointsShortfall checks the totals, the categories and the shortfall.
func TestPointsShortfall(t *testing.T) {
	rb := ptRulebook(t)
	base := []Activity{
		ptCourse(1, "ce-for-credit-3-plus", "Fluid power", "2022-01-10"),
		ptCert(2, "cqt", "2022-03-01"),
		ptJob(3, "2021-06-01", 3*365, 40),
		ptExtra(4, "x-volunteer", 24),
	}
	base[0].Passed, base[0].CreditHours = ptBool(true), 3
	r := ptCompute(rb, base...)
	if r.Required != 100 || r.Total != 93 || r.Shortfall != 7 {
		t.Fatalf("required %d total %d shortfall %d, want 100 93 7", r.Required, r.Total, r.Shortfall)
	}
	want := []CategoryPoints{{catalog.CategoryContinuingEducation, 20}, {catalog.CategoryIndustryCertification, 10}, {catalog.CategoryEmployment, 60}, {catalog.CategoryExtra, 3}}
	if !slices.Equal(r.ByCategory, want) {
		t.Errorf("by category %v, want %v", r.ByCategory, want)
	}
	t.Run("met", func(t *testing.T) {
		r := ptCompute(rb, append(base, ptCourse(5, "ce-non-credit", "PLC basics", "2024-01-10"))...)
		if r.Total != 103 || r.Shortfall != 0 {
			t.Errorf("total %d shortfall %d", r.Total, r.Shortfall)
		}
	})
	t.Run("nothing claimed", func(t *testing.T) {
		r := ptCompute(rb)
		if r.Total != 0 || r.Shortfall != 100 || r.AsOfExpiration.Shortfall != 100 || len(r.ByCategory) != 4 {
			t.Errorf("got %+v", r)
		}
	})
}

// TestPointsFiguresAreData checks that every figure comes from the rule
// tables: changing a row changes the result.
func TestPointsFiguresAreData(t *testing.T) {
	course := ptCourse(1, "ce-third-party", "Lean", "2022-01-10")
	cert := ptCert(1, "cqt", "2022-01-10")
	forCredit := ptCourse(1, "ce-for-credit-3-plus", "Statics", "2022-01-10")
	forCredit.CreditHours, forCredit.Passed = 2.5, ptBool(true)
	tests := []struct {
		name      string
		edit      ptTableEdit
		a         []Activity
		want      int
		shortfall int
	}{
		{"third-party training raised to 12", ptSetType("ce-third-party", func(t *catalog.ActivityType) { t.MinPoints, t.MaxPoints = 12, 12 }), []Activity{course}, 12, 88},
		{"certification raised to 15", ptSetType("ic-certification", func(t *catalog.ActivityType) { t.MinPoints, t.MaxPoints = 15, 15 }), []Activity{cert}, 15, 85},
		{"points required lowered to 60", ptSetRule("points_required", 60), []Activity{course}, 10, 50},
		{"full year lowered to 40 weeks", ptSetRule("full_year_min_weeks", 40), []Activity{ptJob(1, "2021-06-01", 280, 40)}, 20, 80},
		{"full-time threshold raised to 40 hours", ptSetRule("full_time_min_weekly_hours_exclusive", 40), []Activity{ptJob(1, "2021-06-01", 365, 40)}, 10, 90},
		{"part-time minimum lowered to 10 hours", ptSetRule("part_time_min_weekly_hours", 10), []Activity{ptJob(1, "2021-06-01", 365, 12)}, 10, 90},
		{"a month of 20 days", ptSetRule("average_month_days", 20), []Activity{ptJob(1, "2021-06-01", 120, 40)}, 10, 90},
		{"6-8 months full-time raised to 11", ptSetBand("months-6-8", func(b *catalog.EmploymentBand) { b.FullTimePoints = 11 }), []Activity{ptJob(1, "2021-06-01", 200, 40)}, 11, 89},
		{"full year full-time raised to 25", ptSetBand("full-year", func(b *catalog.EmploymentBand) { b.FullTimePoints = 25 }), []Activity{ptJob(1, "2021-06-01", 365, 40)}, 25, 75},
		{"internship point raised to 2", ptSetBand("internship", func(b *catalog.EmploymentBand) { b.FullTimePoints, b.PartTimePoints = 2, 2 }),
			[]Activity{func() Activity { a := ptJob(1, "2021-06-01", 42, 40); a.Internship = true; return a }()}, 2, 98},
		{"extra: 1 point per 4 hours", ptSetRule("extra_hours_per_point", 4), []Activity{ptExtra(1, "x-volunteer", 16)}, 4, 96},
		{"extra: at most 3", ptSetType("x-volunteer", func(t *catalog.ActivityType) { t.MaxPoints = 3 }), []Activity{ptExtra(1, "x-volunteer", 80)}, 3, 97},
		{"reserve at 30% of active duty", ptSetRule("reserve_guard_percent_of_active", 30), []Activity{ptPeriod(1, "e-military-reserve", "2021-06-01", 365, 0)}, 3, 97},
		{"active duty raised to 12 a year", ptSetType("e-military-active", func(t *catalog.ActivityType) { t.MinPoints, t.MaxPoints = 12, 12 }), []Activity{ptPeriod(1, "e-military-active", "2021-06-01", 365, 0)}, 12, 88},
		{"other instructor raised to 15", ptSetType("e-other-instructor", func(t *catalog.ActivityType) { t.MinPoints, t.MaxPoints = 15, 15 }),
			[]Activity{{ID: 1, Category: catalog.CategoryEmployment, TypeKey: "e-other-instructor", CoursesTaught: map[int]int{2: 1}, ProofAttached: true}}, 15, 85},
		{"credit-hour threshold as a rule of 2", ptSetRule("for_credit_min_credit_hours", 2), []Activity{forCredit}, 20, 80},
		{"three cycle years", ptSetRule("cycle_years", 3), []Activity{ptJob(1, "2021-06-01", 4*365, 40)}, 60, 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ptCompute(ptRulebook(t, tt.edit), tt.a...)
			if r.Total != tt.want || r.Shortfall != tt.shortfall {
				t.Errorf("total %d shortfall %d, want %d and %d: %+v", r.Total, r.Shortfall, tt.want, tt.shortfall, r.Activities)
			}
			if base := ptCompute(ptRulebook(t), tt.a...); base.Total == r.Total && base.Shortfall == r.Shortfall {
				t.Errorf("the edit changed nothing: %d", base.Total)
			}
		})
	}
}
