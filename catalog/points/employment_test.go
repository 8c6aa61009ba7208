package points

import (
	"github.com/mssc/recert/catalog"
	"testing"
)

// TestPointsEmploymentBands checks every band of the partial-year table in
// both columns, on one job inside cycle year 1 (365 days from 2021-06-01).
// Months are days / 30.4375 floored; a full year is 48 weeks.
func TestPointsEmploymentBands(t *testing.T) {
	rb := ptRulebook(t)
	tests := []struct {
		name     string
		days     int
		fullTime int
		partTime int
	}{
		{"the whole cycle year", 365, 20, 10},
		{"48 weeks exactly is a full year", 336, 20, 10},
		{"47 weeks and 6 days is 11 months: 9-11", 335, 15, 7},
		{"9 months exactly: 9-11", 274, 15, 7},
		{"8 months: 6-8", 273, 10, 5},
		{"6 months: 6-8", 183, 10, 5},
		{"5 months: 3-5", 182, 5, 2},
		{"3 months: 3-5", 92, 5, 2},
		{"2 months and 30 days: under 3", 91, 0, 0},
		{"one month: under 3", 31, 0, 0},
	}
	for _, tt := range tests {
		for _, col := range []struct {
			name  string
			hours float64
			want  int
		}{{"full-time", 40, tt.fullTime}, {"part-time", 20, tt.partTime}} {
			t.Run(tt.name+"/"+col.name, func(t *testing.T) {
				r := ptCompute(rb, ptJob(1, "2021-06-01", tt.days, col.hours))
				got := ptOf(t, r, 1)
				if got.Points != col.want || got.Rule.Code != PointsRuleEmploymentBands {
					t.Errorf("got %d under %s, want %d: %s", got.Points, got.Rule.Code, col.want, got.Rule.Description)
				}
				if ptCategoryPoints(r.ByCategory, catalog.CategoryEmployment) != col.want {
					t.Errorf("employment total %v", r.ByCategory)
				}
			})
		}
	}
}

// TestPointsWeeklyHours checks where full-time and part-time begin.
func TestPointsWeeklyHours(t *testing.T) {
	rb := ptRulebook(t)
	for _, tt := range []struct {
		name  string
		hours float64
		want  int
		below bool
	}{
		{"40 hours is full-time", 40, 20, false},
		{"30.5 hours is full-time", 30.5, 20, false},
		{"exactly 30 hours is part-time", 30, 10, false},
		{"exactly 15 hours is part-time", 15, 10, false},
		{"14.9 hours earns nothing", 14.9, 0, true},
		{"5 hours earns nothing", 5, 0, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := ptCompute(rb, ptJob(1, "2021-06-01", 365, tt.hours))
			if got := ptOf(t, r, 1); got.Points != tt.want {
				t.Errorf("got %d, want %d: %s", got.Points, tt.want, got.Rule.Description)
			}
			if ptWarned(r, WarningBelowPartTimeHours, 1) != tt.below {
				t.Errorf("warnings %v", r.Warnings)
			}
		})
	}
	t.Run("two 16-hour jobs on the same days add up to full-time", func(t *testing.T) {
		a, b := ptJob(1, "2021-06-01", 365, 16), ptJob(2, "2021-06-01", 365, 16)
		a.Title, b.Title = "Assembler at Acme", "Picker at Globex"
		r := ptCompute(rb, a, b)
		if r.Total != 20 || ptOf(t, r, 1).Points+ptOf(t, r, 2).Points != 20 {
			t.Errorf("total %d: %+v", r.Total, r.Activities)
		}
	})
	t.Run("two 10-hour jobs on the same days add up to part-time", func(t *testing.T) {
		a, b := ptJob(1, "2021-06-01", 365, 10), ptJob(2, "2021-06-01", 365, 10)
		a.Title, b.Title = "Assembler at Acme", "Picker at Globex"
		r := ptCompute(rb, a, b)
		if r.Total != 10 || !ptWarned(r, WarningBelowPartTimeHours, 1) || !ptWarned(r, WarningBelowPartTimeHours, 2) {
			t.Errorf("total %d, warnings %v", r.Total, r.Warnings)
		}
	})
}

// TestPointsFullYearAcrossEmployers checks the 48-week rule across
// employers and agency placements (FAQ 19-20).
func TestPointsFullYearAcrossEmployers(t *testing.T) {
	rb := ptRulebook(t)
	t.Run("30 weeks and 18 weeks at two employers is a full year", func(t *testing.T) {
		a := ptJob(1, "2021-06-01", 30*7, 40)
		b := ptJob(2, a.EndOn.AddDays(1).String(), 18*7, 40)
		r := ptCompute(rb, a, b)
		if r.Total != 20 || len(r.EmploymentYears) != 1 || r.EmploymentYears[0].FullTimeDays != 48*7 {
			t.Errorf("total %d, years %+v", r.Total, r.EmploymentYears)
		}
		if pa, pb := ptOf(t, r, 1).Points, ptOf(t, r, 2).Points; pa != 13 || pb != 7 {
			t.Errorf("shares %d and %d, want 13 and 7 (30/48 and 18/48 of 20)", pa, pb)
		}
	})
	t.Run("three agency placements with gaps make 48 weeks", func(t *testing.T) {
		r := ptCompute(rb,
			ptJob(1, "2021-06-01", 16*7, 35),
			ptJob(2, "2021-10-01", 16*7, 35),
			ptJob(3, "2022-02-01", 16*7, 35))
		if r.Total != 20 {
			t.Errorf("total %d: %+v", r.Total, r.EmploymentYears)
		}
	})
	t.Run("47 weeks across two employers is not", func(t *testing.T) {
		a := ptJob(1, "2021-06-01", 30*7, 40)
		b := ptJob(2, a.EndOn.AddDays(1).String(), 17*7, 40)
		r := ptCompute(rb, a, b)
		if r.Total != 15 {
			t.Errorf("total %d", r.Total)
		}
	})
}

// TestPointsOverlappingEmployment checks that overlapping periods are
// merged and never counted twice.
func TestPointsOverlappingEmployment(t *testing.T) {
	rb := ptRulebook(t)
	t.Run("a second job inside the first adds nothing", func(t *testing.T) {
		r := ptCompute(rb, ptJob(1, "2021-06-01", 365, 40), ptJob(2, "2021-09-01", 122, 40))
		if r.Total != 20 || !ptWarned(r, WarningOverlappingEmploymentMerged, 1, 2) {
			t.Errorf("total %d, warnings %v", r.Total, r.Warnings)
		}
	})
	t.Run("the same job claimed twice counts once", func(t *testing.T) {
		r := ptCompute(rb, ptJob(1, "2021-06-01", 365, 20), ptJob(2, "2021-06-01", 365, 20))
		if r.Total != 10 || ptOf(t, r, 1).Points != 10 || ptOf(t, r, 2).Rule.Code != PointsRuleDuplicate || !ptWarned(r, WarningDuplicateClaim, 1, 2) {
			t.Errorf("total %d: %+v", r.Total, r.Activities)
		}
	})
	t.Run("two jobs on the same days share the year", func(t *testing.T) {
		a, b := ptJob(1, "2021-06-01", 365, 40), ptJob(2, "2021-06-01", 365, 40)
		b.Title = "Second shift"
		r := ptCompute(rb, a, b)
		if r.Total != 20 || ptOf(t, r, 1).Points != 10 || ptOf(t, r, 2).Points != 10 {
			t.Errorf("total %d: %+v", r.Total, r.Activities)
		}
	})
	t.Run("partly overlapping jobs count their union", func(t *testing.T) {
		// 150 days and 150 days overlapping by 60: 240 days, 7 whole months.
		r := ptCompute(rb, ptJob(1, "2021-06-01", 150, 40), ptJob(2, catalog.NewDate(2021, 6, 1).AddDays(90).String(), 150, 40))
		if r.Total != 10 || r.EmploymentYears[0].FullTimeDays != 240 {
			t.Errorf("total %d, years %+v", r.Total, r.EmploymentYears)
		}
	})
	t.Run("overlapping military periods count once", func(t *testing.T) {
		r := ptCompute(rb, ptPeriod(1, "e-military-active", "2021-06-01", 365, 0), ptPeriod(2, "e-military-active", "2021-08-01", 60, 0))
		if r.Total != 10 || !ptWarned(r, WarningOverlappingEmploymentMerged, 1, 2) {
			t.Errorf("total %d, warnings %v", r.Total, r.Warnings)
		}
	})
}

// TestPointsDomainExample checks DOMAIN decision 2's example: 24 weeks
// full-time and 24 weeks part-time in one year earn 10, not 7.
func TestPointsDomainExample(t *testing.T) {
	rb := ptRulebook(t)
	ft := ptJob(1, "2021-06-01", 24*7, 40)
	pt := ptJob(2, ft.EndOn.AddDays(1).String(), 24*7, 20)
	r := ptCompute(rb, ft, pt)
	if r.Total != 10 {
		t.Fatalf("total %d, want 10: %+v", r.Total, r.EmploymentYears)
	}
	y := r.EmploymentYears[0]
	if y.FullTimeDays != 168 || y.PartTimeDays != 168 || y.Points != 10 {
		t.Errorf("year %+v", y)
	}
	t.Run("when the split reading is larger it wins", func(t *testing.T) {
		// 7 months full-time (10) and 3 months part-time (2) make 12; all
		// 10 months as part-time make 7.
		ft := ptJob(1, "2021-06-01", 215, 40)
		pt := ptJob(2, ft.EndOn.AddDays(1).String(), 95, 20)
		if r := ptCompute(rb, ft, pt); r.Total != 12 {
			t.Errorf("total %d, want 12: %+v", r.Total, r.EmploymentYears)
		}
	})
	t.Run("the year is capped at the full-year full-time figure", func(t *testing.T) {
		// 48 weeks full-time (20) and 3 months part-time (2).
		ft := ptJob(1, "2021-06-01", 48*7, 40)
		pt := ptJob(2, ft.EndOn.AddDays(1).String(), 29, 20)
		if r := ptCompute(rb, ft, pt); r.Total != 20 {
			t.Errorf("total %d, want 20", r.Total)
		}
	})
}

// TestPointsCycleYears checks that employment is split by cycle year and
// counted only inside the cycle.
func TestPointsCycleYears(t *testing.T) {
	rb := ptRulebook(t)
	t.Run("a calendar year of work straddles two cycle years", func(t *testing.T) {
		// 2022-01-01 to 2022-12-31: 151 days in year 1 (4 months, 5) and
		// 214 in year 2 (7 months, 10).
		r := ptCompute(rb, ptJob(1, "2022-01-01", 365, 40))
		if r.Total != 15 || len(r.EmploymentYears) != 2 || r.EmploymentYears[0].Points != 5 || r.EmploymentYears[1].Points != 10 {
			t.Errorf("total %d, years %+v", r.Total, r.EmploymentYears)
		}
		if y := r.EmploymentYears[1]; y.Year != 2 || y.From != catalog.NewDate(2022, 6, 1) || y.To != catalog.NewDate(2023, 5, 31) {
			t.Errorf("year 2 is %+v", y)
		}
	})
	t.Run("five full years earn 100", func(t *testing.T) {
		r := ComputePoints(rb, catalog.ProgramCLT, ptCycle, []Activity{ptJob(1, "2021-06-01", 1826, 40)}, catalog.NewDate(2026, 6, 1))
		if r.Total != 100 || r.Shortfall != 0 || len(r.EmploymentYears) != 5 {
			t.Errorf("total %d, years %d", r.Total, len(r.EmploymentYears))
		}
	})
	t.Run("a job partly before the cycle counts only its days inside", func(t *testing.T) {
		// 2020-01-01 to 2021-11-30: 183 days inside, 6 months.
		r := ptCompute(rb, ptJob(1, "2020-01-01", 700, 40))
		if got := ptOf(t, r, 1); got.Points != 10 || !ptWarned(r, WarningActivityOutsideCycle, 1) {
			t.Errorf("got %d, warnings %v", got.Points, r.Warnings)
		}
	})
	t.Run("a job before the cycle earns nothing", func(t *testing.T) {
		r := ptCompute(rb, ptJob(1, "2019-01-01", 365, 40))
		if got := ptOf(t, r, 1); got.Points != 0 || got.Rule.Code != PointsRuleOutsideCycle || !ptWarned(r, WarningActivityOutsideCycle, 1) {
			t.Errorf("got %+v, warnings %v", got, r.Warnings)
		}
	})
	t.Run("a job ending on the expiration day is not outside the cycle", func(t *testing.T) {
		r := ComputePoints(rb, catalog.ProgramCPT, ptCycle, []Activity{ptJob(1, "2025-06-01", 366, 40)}, catalog.NewDate(2026, 6, 2))
		if r.Total != 20 || len(r.Warnings) != 0 {
			t.Errorf("total %d, warnings %v", r.Total, r.Warnings)
		}
	})
}

// TestPointsInternship checks the internship point.
func TestPointsInternship(t *testing.T) {
	rb := ptRulebook(t)
	intern := func(id int64, start string, days int, hours float64) Activity {
		a := ptJob(id, start, days, hours)
		a.Internship = true
		return a
	}
	for _, tt := range []struct {
		name  string
		days  int
		hours float64
		want  int
		rule  PointsRuleCode
	}{
		{"6 weeks earns the point", 42, 40, 1, PointsRuleInternship},
		{"6 weeks part-time earns the point", 42, 20, 1, PointsRuleInternship},
		{"5 weeks and 6 days earns nothing", 41, 40, 0, PointsRuleEmploymentBands},
		{"5 weeks earns nothing", 35, 40, 0, PointsRuleEmploymentBands},
		{"2 months and 30 days earns the point", 91, 40, 1, PointsRuleInternship},
		{"3 months is scored by the ordinary band", 92, 40, 5, PointsRuleEmploymentBands},
		{"3 months part-time is scored by the ordinary band", 92, 20, 2, PointsRuleEmploymentBands},
		{"6 weeks under 15 hours earns nothing", 42, 10, 0, PointsRuleEmploymentBands},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := ptCompute(rb, intern(1, "2021-06-01", tt.days, tt.hours))
			if got := ptOf(t, r, 1); got.Points != tt.want || got.Rule.Code != tt.rule {
				t.Errorf("got %d under %s, want %d under %s: %s", got.Points, got.Rule.Code, tt.want, tt.rule, got.Rule.Description)
			}
		})
	}
	t.Run("an internship beside a job adds no point to its band", func(t *testing.T) {
		// 6 months full-time (10) then a 7-week internship: together 7
		// whole months, still 10; the internship point never adds to a band.
		job := ptJob(1, "2021-06-01", 183, 40)
		r := ptCompute(rb, job, intern(2, job.EndOn.AddDays(1).String(), 49, 40))
		if r.Total != 10 || ptOf(t, r, 2).Rule.Code != PointsRuleEmploymentBands {
			t.Errorf("total %d: %+v", r.Total, r.Activities)
		}
	})
	t.Run("an internship right after a short job counts its own days only", func(t *testing.T) {
		// 20 days of a job, then the internship: together under 3 months,
		// no band; the internship's own days decide the point.
		for _, tt := range []struct {
			days, want int
		}{{41, 0}, {42, 1}} {
			job := ptJob(1, "2021-06-01", 20, 40)
			r := ptCompute(rb, job, intern(2, job.EndOn.AddDays(1).String(), tt.days, 40))
			if r.Total != tt.want {
				t.Errorf("a %d-day internship: total %d, want %d: %+v", tt.days, r.Total, tt.want, r.Activities)
			}
		}
	})
	t.Run("an internship that lifts a job into a higher band is counted as employment", func(t *testing.T) {
		// 5 months (5) and a 2-month internship: together 7 months (10).
		job := ptJob(1, "2021-06-01", 160, 40)
		r := ptCompute(rb, job, intern(2, job.EndOn.AddDays(1).String(), 62, 40))
		if r.Total != 10 {
			t.Errorf("total %d: %+v", r.Total, r.Activities)
		}
	})
}

// TestPointsInstructors checks the instructor rows: points per cycle year
// with at least one course taught.
func TestPointsInstructors(t *testing.T) {
	rb := ptRulebook(t)
	instructor := func(id int64, typeKey string, years map[int]int) Activity {
		return Activity{ID: id, Category: catalog.CategoryEmployment, TypeKey: typeKey, Title: "Instructor", CoursesTaught: years, ProofAttached: true}
	}
	for _, tt := range []struct {
		name    string
		a       []Activity
		want    int
		warning PointsWarningCode
	}{
		{"MSSC-authorized instructor, one year with a course", []Activity{instructor(1, "e-mssc-instructor", map[int]int{1: 1})}, 20, ""},
		{"MSSC-authorized instructor, three years with courses", []Activity{instructor(1, "e-mssc-instructor", map[int]int{1: 3, 2: 1, 4: 2})}, 60, ""},
		{"other instructor, two years", []Activity{instructor(1, "e-other-instructor", map[int]int{2: 1, 3: 5})}, 20, ""},
		{"a year without a course earns nothing", []Activity{instructor(1, "e-other-instructor", map[int]int{2: 0, 3: 1})}, 10, ""},
		{"no year with a course", []Activity{instructor(1, "e-mssc-instructor", map[int]int{2: 0})}, 0, WarningNoCourseTaught},
		{"the same year under both types counts once, the larger", []Activity{
			instructor(1, "e-other-instructor", map[int]int{2: 1, 3: 1}),
			instructor(2, "e-mssc-instructor", map[int]int{2: 1}),
		}, 30, WarningOverlappingEmploymentMerged},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := ptCompute(rb, tt.a...)
			if r.Total != tt.want {
				t.Errorf("total %d, want %d: %+v", r.Total, tt.want, r.Activities)
			}
			for _, a := range r.Activities {
				if a.Rule.Code != PointsRuleInstructorYears {
					t.Errorf("rule %s", a.Rule.Code)
				}
			}
			if tt.warning != "" && !ptWarned(r, tt.warning, func() []int64 {
				var ids []int64
				for _, a := range tt.a {
					ids = append(ids, a.ID)
				}
				return ids
			}()...) {
				t.Errorf("warnings %v, want %s", r.Warnings, tt.warning)
			}
		})
	}
}

// TestPointsInstructorYearsThatCannotCount checks that a cycle year that
// has not begun, or lies past the expiration, earns nothing.
func TestPointsInstructorYearsThatCannotCount(t *testing.T) {
	rb := ptRulebook(t)
	a := Activity{ID: 1, Category: catalog.CategoryEmployment, TypeKey: "e-mssc-instructor", CoursesTaught: map[int]int{1: 1, 4: 1, 5: 1}, MSSCRecordsOnFile: true}
	t.Run("years after now", func(t *testing.T) {
		r := ComputePoints(rb, catalog.ProgramCPT, ptCycle, []Activity{a}, catalog.NewDate(2024, 1, 1))
		if r.Total != 20 {
			t.Errorf("total %d: %s", r.Total, ptOf(t, r, 1).Rule.Description)
		}
	})
	t.Run("years past a short cycle", func(t *testing.T) {
		short := PointsCycle{CertifiedOn: ptCycle.CertifiedOn, ExpiresOn: catalog.NewDate(2025, 5, 31)}
		r := ComputePoints(rb, catalog.ProgramCPT, short, []Activity{a}, ptNow)
		if r.Total != 40 {
			t.Errorf("total %d: %s", r.Total, ptOf(t, r, 1).Rule.Description)
		}
	})
}

// TestPointsMilitary checks active duty and Reserve or Guard service.
func TestPointsMilitary(t *testing.T) {
	rb := ptRulebook(t)
	for _, tt := range []struct {
		name    string
		typeKey string
		days    int
		want    int
		rule    PointsRuleCode
	}{
		{"active duty, a full year", "e-military-active", 365, 10, PointsRuleMilitaryActive},
		{"active duty, 48 weeks", "e-military-active", 336, 10, PointsRuleMilitaryActive},
		{"active duty, 10 months in the part-time column", "e-military-active", 310, 7, PointsRuleMilitaryActive},
		{"active duty, 7 months in the part-time column", "e-military-active", 215, 5, PointsRuleMilitaryActive},
		{"active duty, 4 months in the part-time column", "e-military-active", 125, 2, PointsRuleMilitaryActive},
		{"active duty, 2 months", "e-military-active", 62, 0, PointsRuleMilitaryActive},
		{"reserve, a full year at half of 10", "e-military-reserve", 365, 5, PointsRuleMilitaryReserve},
		{"reserve, 10 months: half of 7 rounds to 4", "e-military-reserve", 310, 4, PointsRuleMilitaryReserve},
		{"reserve, 7 months: half of 5 rounds to 3", "e-military-reserve", 215, 3, PointsRuleMilitaryReserve},
		{"reserve, 4 months: half of 2", "e-military-reserve", 125, 1, PointsRuleMilitaryReserve},
		{"reserve, 2 months", "e-military-reserve", 62, 0, PointsRuleMilitaryReserve},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := ptCompute(rb, ptPeriod(1, tt.typeKey, "2021-06-01", tt.days, 0))
			if got := ptOf(t, r, 1); got.Points != tt.want || got.Rule.Code != tt.rule {
				t.Errorf("got %d under %s, want %d: %s", got.Points, got.Rule.Code, tt.want, got.Rule.Description)
			}
		})
	}
	t.Run("overlapping periods of service count each day once", func(t *testing.T) {
		// 50 days, and from day 31 another period: 91 or 92 days in all,
		// 2 months and 30 days (0) or 3 months (2).
		for _, tt := range []struct {
			second, want int
		}{{61, 0}, {62, 2}} {
			r := ptCompute(rb, ptPeriod(1, "e-military-active", "2021-06-01", 50, 0), ptPeriod(2, "e-military-active", "2021-07-01", tt.second, 0))
			if r.Total != tt.want {
				t.Errorf("%d days from day 31: total %d, want %d: %+v", tt.second, r.Total, tt.want, r.Activities)
			}
		}
	})
	t.Run("four years of active duty", func(t *testing.T) {
		r := ptCompute(rb, ptPeriod(1, "e-military-active", "2021-06-01", 4*365+1, 0))
		if r.Total != 40 {
			t.Errorf("total %d", r.Total)
		}
	})
	t.Run("reserve service beside a civilian job counts both, up to a year's worth", func(t *testing.T) {
		r := ptCompute(rb, ptPeriod(1, "e-military-reserve", "2021-06-01", 365, 0), ptJob(2, "2021-06-01", 183, 40))
		if r.Total != 15 {
			t.Errorf("total %d", r.Total)
		}
		r = ptCompute(rb, ptPeriod(1, "e-military-reserve", "2021-06-01", 365, 0), ptJob(2, "2021-06-01", 365, 40))
		if r.Total != 20 {
			t.Errorf("total %d, want the year capped at 20", r.Total)
		}
	})
}

// TestPointsAsOfExpiration checks the projection of ongoing employment to
// the expiration date.
func TestPointsAsOfExpiration(t *testing.T) {
	rb := ptRulebook(t)
	ongoing := func(id int64, start string, end *catalog.Date) Activity {
		return Activity{ID: id, Category: catalog.CategoryEmployment, TypeKey: "e-direct", Title: "Assembler", StartOn: ptDay(start), EndOn: end, Ongoing: true, WeeklyHours: 40, ProofAttached: true}
	}
	t.Run("ongoing job to the end of the cycle", func(t *testing.T) {
		// From 2025-06-01 to now (2026-03-01): 274 days, 9 months, 15.
		// On to 2026-05-31: a full year, 20.
		r := ptCompute(rb, ptCourse(9, "ce-non-credit", "PLC", "2022-01-01"), ongoing(1, "2025-06-01", nil))
		got := ptOf(t, r, 1)
		if got.Points != 15 || got.AsOfExpiration != 20 {
			t.Errorf("now %d, as of expiration %d", got.Points, got.AsOfExpiration)
		}
		if r.Total != 25 || r.AsOfExpiration.Total != 30 || r.AsOfExpiration.Shortfall != 70 || ptCategoryPoints(r.AsOfExpiration.ByCategory, catalog.CategoryEmployment) != 20 {
			t.Errorf("total %d, projection %+v", r.Total, r.AsOfExpiration)
		}
	})
	t.Run("ongoing job with an expected end", func(t *testing.T) {
		// On to 2026-03-31: 304 days, 9 months, 15; now, 274 days, 15.
		r := ptCompute(rb, ongoing(1, "2025-06-01", ptDay("2026-03-31")))
		if got := ptOf(t, r, 1); got.Points != 15 || got.AsOfExpiration != 15 {
			t.Errorf("now %d, as of expiration %d", got.Points, got.AsOfExpiration)
		}
	})
	t.Run("ongoing job started late in the cycle", func(t *testing.T) {
		// From 2026-01-01: 60 days now (0), 151 by the end (4 months, 5).
		r := ptCompute(rb, ongoing(1, "2026-01-01", nil))
		if got := ptOf(t, r, 1); got.Points != 0 || got.AsOfExpiration != 5 || r.AsOfExpiration.Shortfall != 95 {
			t.Errorf("got %+v, projection %+v", got, r.AsOfExpiration)
		}
	})
	t.Run("ended jobs project as they are", func(t *testing.T) {
		r := ptCompute(rb, ptJob(1, "2021-06-01", 200, 40))
		if r.Total != 10 || r.AsOfExpiration.Total != 10 {
			t.Errorf("total %d, projection %d", r.Total, r.AsOfExpiration.Total)
		}
	})
	t.Run("ongoing military service", func(t *testing.T) {
		a := Activity{ID: 1, Category: catalog.CategoryEmployment, TypeKey: "e-military-active", StartOn: ptDay("2025-06-01"), Ongoing: true, ProofAttached: true}
		r := ptCompute(rb, a)
		if got := ptOf(t, r, 1); got.Points != 7 || got.AsOfExpiration != 10 {
			t.Errorf("got %+v", got)
		}
	})
}

// TestPointsEmploymentSharesAddUp checks that the activities' shares of a
// year add up to the year's points.
func TestPointsEmploymentSharesAddUp(t *testing.T) {
	rb := ptRulebook(t)
	r := ptCompute(rb,
		ptJob(1, "2021-06-01", 100, 40),
		ptJob(2, "2021-07-01", 100, 20),
		ptJob(3, "2021-08-01", 100, 12),
		ptJob(4, "2022-03-01", 500, 35),
	)
	sum := 0
	for _, a := range r.Activities {
		sum += a.Points
	}
	years := 0
	for _, y := range r.EmploymentYears {
		years += y.Points
	}
	if sum != r.Total || years != r.Total || r.Total == 0 {
		t.Errorf("activities %d, years %d, total %d", sum, years, r.Total)
	}
}

// TestPointsManyOverlappingJobs checks that many overlapping claims give
// one overlap warning each at most, not one for every pair.
func TestPointsManyOverlappingJobs(t *testing.T) {
	rb := ptRulebook(t)
	var jobs []Activity
	for i := range 60 {
		a := ptJob(int64(i+1), "2021-06-01", 365, 20)
		a.Title = "Job " + string(rune('A'+i%26)) + string(rune('a'+i/26))
		jobs = append(jobs, a)
	}
	r := ptCompute(rb, jobs...)
	overlaps := 0
	for _, w := range r.Warnings {
		if w.Code == WarningOverlappingEmploymentMerged {
			overlaps++
		}
	}
	if overlaps == 0 || overlaps > len(jobs) || r.Total != 20 {
		t.Errorf("%d overlap warnings for %d jobs, total %d", overlaps, len(jobs), r.Total)
	}
	if !ptWarned(r, WarningOverlappingEmploymentMerged, ptIDs(jobs)...) {
		t.Errorf("the first job's warning should name every other job: %v", r.Warnings[0])
	}
}
