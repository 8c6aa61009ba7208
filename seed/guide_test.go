package seed_test

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/catalogtest"
	"github.com/mssc/recert/seed"
)

// The tests of this file compare the embedded seed with the MSSC
// Recertification Process guide (/work/shared/seeds/001_182eaddf49bf90e3.txt,
// "the guide" below); line numbers refer to it unless another seed is named.

// entryFor returns the entry of entries whose key, as keyOf reads it, is
// key; it fails the test, naming what it looked for, when there is none.
func entryFor[T any](t *testing.T, what string, entries []T, keyOf func(T) string, key string) T {
	t.Helper()
	for _, e := range entries {
		if keyOf(e) == key {
			return e
		}
	}
	t.Fatalf("no %s %q", what, key)
	var none T
	return none
}

func TestReadEmbeddedSeed(t *testing.T) {
	data := catalogtest.SeedData(t)
	for _, c := range []struct {
		name string
		got  int
	}{
		{"organizations", len(data.Organizations)},
		{"certifications", len(data.Certifications)},
		{"key activities", len(data.KeyActivities)},
		{"fields", len(data.Fields)},
		{"activity types", len(data.ActivityTypes)},
		{"employment bands", len(data.EmploymentBands)},
		{"fees", len(data.Fees)},
		{"rules", len(data.Rules)},
	} {
		if c.got == 0 {
			t.Errorf("the seed has no %s", c.name)
		}
	}
	if err := seed.Check(data); err != nil {
		t.Errorf("seed.Check on the data seed.Read returned: %v", err)
	}
	for _, c := range data.Certifications {
		if c.Status != catalog.StatusActive {
			t.Errorf("certification %q: status %q, want %q", c.Key, c.Status, catalog.StatusActive)
		}
		if c.Provenance.Source != catalog.SourceGuide || !strings.HasPrefix(c.Provenance.Reference, "MSSC Recertification Process guide, ") {
			t.Errorf("certification %q: provenance %+v, want source GUIDE and a reference to the guide", c.Key, c.Provenance)
		}
	}
}

func TestCertificationsPerOrganization(t *testing.T) {
	want := []struct {
		org   string
		count int
	}{
		{"mssc", 7},                // guide lines 149-159 (entries 151-157)
		{"aws", 10},                // lines 161-173: "Inspectors" is a group of 3, plus 7
		{"asq", 3},                 // lines 175-180: "Lean (see SME)" (179) is a cross-reference
		{"apics", 3},               // lines 182-186
		{"ifps", 6},                // lines 188-195
		{"isa", 3},                 // lines 197-201
		{"nccer", 3},               // lines 203-207
		{"nims", 50},               // lines 209-269: 21+1+11+4+2+4+2+3+2 (group headings excluded)
		{"pmmi", 6},                // lines 271-278
		{"sme", 11},                // lines 280-294: 5 + Six Sigma x3 (288) + SME Lean x3 (290-294)
		{"aee", 1},                 // lines 298-300
		{"bcsp", 7},                // lines 302-310
		{"bpi", 4},                 // lines 312-317
		{"cmci", 1},                // lines 319-321
		{"cia", 4},                 // lines 323-328
		{"iemp", 1},                // lines 330-332
		{"ihmm", 2},                // lines 334-337
		{"nccco", 9},               // lines 341-351
		{"reta", 2},                // lines 353-356
		{"sisp", 1},                // lines 358-360
		{"vibration-institute", 3}, // lines 362-366
		{"pecb", 20},               // lines 368-395: 5 standards x 4 levels
		{"oecp", 5},                // lines 405-411
		{"osha", 2},                // lines 415-418
	}
	data := catalogtest.SeedData(t)
	got := map[string]int{}
	for _, c := range data.Certifications {
		got[c.OrganizationKey]++
	}
	total := 0
	for _, w := range want {
		total += w.count
		t.Run(w.org, func(t *testing.T) {
			if got[w.org] != w.count {
				t.Errorf("organization %q has %d certifications, the guide lists %d", w.org, got[w.org], w.count)
			}
		})
	}
	if total != 164 {
		t.Fatalf("the expected counts add up to %d, not 164: fix the table", total)
	}
	if len(data.Certifications) != total {
		t.Errorf("the seed has %d certifications, the guide lists %d", len(data.Certifications), total)
	}
	if len(data.Organizations) != len(want) {
		t.Errorf("the seed has %d organizations, want %d", len(data.Organizations), len(want))
	}
	for _, o := range data.Organizations {
		if !slices.ContainsFunc(want, func(w struct {
			org   string
			count int
		}) bool {
			return w.org == o.Key
		}) {
			t.Errorf("organization %q is not in the guide's lists", o.Key)
		}
	}
}

// TestOrganizationOtherNames reads the other names of the bodies the
// guide names as they were (seed/data/README.md, note 11; their
// descriptions): each as the file writes it, and none for the others.
func TestOrganizationOtherNames(t *testing.T) {
	want := map[string][]string{
		"apics": {"ASCM", "Association for Supply Chain Management"},
		"sme":   {"Society of Manufacturing Engineers"},
		"sisp":  {"NCMS"},
		"iemp":  {"IEnMP"},
		"pmmi":  {"PMMI, The Association for Packaging and Processing Technologies", "Association for Packaging and Processing Technologies"},
		"cia":   {"Crane Institute Certification", "CIC"},
		"nccco": {"National Commission for Certification of Crane Operators", "CCO"},
	}
	for _, o := range catalogtest.SeedData(t).Organizations {
		if !slices.Equal(o.OtherNames, want[o.Key]) {
			t.Errorf("organization %q: other names %q, want %q", o.Key, o.OtherNames, want[o.Key])
		}
		delete(want, o.Key)
	}
	if len(want) > 0 {
		t.Errorf("no organization files for %v", want)
	}
}

func TestRecognitionBasesPerOrganization(t *testing.T) {
	nam := []catalog.RecognitionBasis{catalog.BasisNAMEndorsed}
	ansi := []catalog.RecognitionBasis{catalog.BasisANSI}
	ansiNCCA := []catalog.RecognitionBasis{catalog.BasisANSI, catalog.BasisNCCA}
	want := map[string][]catalog.RecognitionBasis{
		// NAM Endorsed Certifications, lines 147-294.
		"mssc": nam, "aws": nam, "asq": nam, "apics": nam, "ifps": nam, "isa": nam,
		"nccer": nam, "nims": nam, "pmmi": nam, "sme": nam,
		// ANSI/ISO 17024 Accredited Certifications, lines 296-395.
		"aee": ansi, "bpi": ansi, "cmci": ansi, "iemp": ansi, "ihmm": ansi, "reta": ansi,
		"sisp": ansi, "vibration-institute": ansi, "pecb": ansi,
		// Under ANSI and, "see listing under ANSI", under NCCA too (lines 399-403).
		"bcsp": ansiNCCA, "cia": ansiNCCA, "nccco": ansiNCCA,
		// NCCA only, lines 405-411.
		"oecp": {catalog.BasisNCCA},
		// OSHA General Industry cards, lines 415-418.
		"osha": {catalog.BasisOSHAGeneralIndustry},
	}
	data := catalogtest.SeedData(t)
	byOrg := map[string][]catalog.Certification{}
	for _, c := range data.Certifications {
		byOrg[c.OrganizationKey] = append(byOrg[c.OrganizationKey], c)
	}
	for _, org := range sortedKeys(want) {
		t.Run(org, func(t *testing.T) {
			if len(byOrg[org]) == 0 {
				t.Fatalf("no certifications for %q", org)
			}
			for _, c := range byOrg[org] {
				if got := sortedCopy(c.RecognitionBases); !slices.Equal(got, want[org]) {
					t.Errorf("certification %q: bases %v, want %v", c.Key, got, want[org])
				}
			}
		})
	}
	if len(byOrg) != len(want) {
		t.Errorf("certifications name %d organizations, want %d", len(byOrg), len(want))
	}
}

func TestMSSCProgramEligibility(t *testing.T) {
	both := []catalog.Program{catalog.ProgramCLT, catalog.ProgramCPT}
	cltOnly := []catalog.Program{catalog.ProgramCLT}
	cptOnly := []catalog.Program{catalog.ProgramCPT}
	// Guide lines 151-157 and the cross-eligibility sentence of line 159.
	want := map[string][]catalog.Program{
		"mssc-cpt-green-production":      both,    // "(CPT or CLT eligible)"
		"mssc-cpt-safety":                cltOnly, // "(CLT only)"
		"mssc-cpt-quality":               cltOnly,
		"mssc-cpt-processes-production":  cltOnly,
		"mssc-cpt-maintenance-awareness": cltOnly,
		"mssc-cla":                       cptOnly, // "(CPT only)"
		"mssc-clt":                       cptOnly,
	}
	data := catalogtest.SeedData(t)
	seen := 0
	for _, c := range data.Certifications {
		if c.OrganizationKey != "mssc" {
			if got := sortedCopy(c.EligiblePrograms); !slices.Equal(got, both) {
				t.Errorf("non-MSSC certification %q: programs %v, want both %v", c.Key, got, both)
			}
			continue
		}
		seen++
		t.Run(c.Key, func(t *testing.T) {
			w, ok := want[c.Key]
			if !ok {
				t.Fatalf("MSSC certification %q is not one of the guide's seven", c.Key)
			}
			if got := sortedCopy(c.EligiblePrograms); !slices.Equal(got, w) {
				t.Errorf("programs %v, want %v", got, w)
			}
			for _, p := range catalog.Programs {
				if c.EligibleFor(p) != slices.Contains(w, p) {
					t.Errorf("EligibleFor(%s) = %v", p, c.EligibleFor(p))
				}
			}
		})
	}
	if seen != len(want) {
		t.Errorf("the seed has %d MSSC certifications, want %d", seen, len(want))
	}
}

func TestKeyActivities(t *testing.T) {
	type area struct {
		program catalog.Program
		area    catalog.KeyActivityArea
	}
	want := []struct {
		area     area
		count    int
		weighted bool
	}{
		{area{catalog.ProgramCPT, catalog.AreaSafety}, 10, true},     // guide lines 684-695
		{area{catalog.ProgramCPT, catalog.AreaQuality}, 10, true},    // lines 697-708
		{area{catalog.ProgramCPT, catalog.AreaProcesses}, 10, true},  // lines 710-721
		{area{catalog.ProgramCPT, catalog.AreaMaintenance}, 4, true}, // lines 723-735
		{area{catalog.ProgramCLT, catalog.AreaCLA}, 9, false},        // lines 739-749
		{area{catalog.ProgramCLT, catalog.AreaCLT}, 9, false},        // lines 751-761
	}
	data := catalogtest.SeedData(t)
	byArea := map[area][]catalog.KeyActivity{}
	for _, a := range data.KeyActivities {
		byArea[area{a.Program, a.Area}] = append(byArea[area{a.Program, a.Area}], a)
	}
	total := 0
	for _, w := range want {
		total += w.count
		t.Run(string(w.area.area), func(t *testing.T) {
			acts := byArea[w.area]
			if len(acts) != w.count {
				t.Fatalf("%d key activities, want %d", len(acts), w.count)
			}
			var sum float64
			for i, a := range acts {
				if a.Number != i+1 {
					t.Errorf("activity %q is number %d, want %d (the guide numbers them 1 to %d)", a.Key, a.Number, i+1, w.count)
				}
				if a.Title == "" {
					t.Errorf("activity %q has no title", a.Key)
				}
				switch {
				case w.weighted && a.ExamWeightPercent == nil:
					t.Errorf("CPT activity %q has no exam weight", a.Key)
				case w.weighted:
					sum += *a.ExamWeightPercent
				case a.ExamWeightPercent != nil:
					t.Errorf("activity %q has an exam weight %v; only CPT activities have one", a.Key, *a.ExamWeightPercent)
				}
			}
			// Seed 003 (lines 124-158) gives the weights; each module sums to 100.
			if w.weighted && sum != 100 {
				t.Errorf("exam weights sum to %v, want exactly 100", sum)
			}
		})
	}
	if total != 52 || len(data.KeyActivities) != total {
		t.Errorf("the seed has %d key activities, want %d (52)", len(data.KeyActivities), total)
	}

	t.Run("maintenance awareness 4 lists the seven systems", func(t *testing.T) {
		// Guide lines 729-735.
		systems := []string{
			"Electrical systems", "Pneumatic systems", "Hydraulic systems", "Machine automation systems",
			"Lubrication processes", "Bearings and couplings", "Belts and chain drives",
		}
		for _, a := range data.KeyActivities {
			if a.Area == catalog.AreaMaintenance && a.Number == 4 {
				if !slices.Equal(a.Systems, systems) {
					t.Errorf("systems %q, want %q", a.Systems, systems)
				}
				return
			}
		}
		t.Error("no Maintenance Awareness activity 4")
	})
	t.Run("only maintenance awareness 4 lists systems", func(t *testing.T) {
		for _, a := range data.KeyActivities {
			if len(a.Systems) > 0 && (a.Area != catalog.AreaMaintenance || a.Number != 4) {
				t.Errorf("activity %q lists systems %q", a.Key, a.Systems)
			}
		}
	})
}

// readFieldList reads testdata/related_fields.txt: sections "[SECTOR]"
// followed by one field name per line; "#" starts a comment line.
func readFieldList(t *testing.T) map[catalog.Sector][]string {
	t.Helper()
	f, err := os.Open("testdata/related_fields.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[catalog.Sector][]string{}
	var sector catalog.Sector
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			sector = catalog.Sector(strings.Trim(line, "[]"))
		case sector == "":
			t.Fatalf("testdata/related_fields.txt: %q before any section", line)
		default:
			out[sector] = append(out[sector], line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRelatedFields(t *testing.T) {
	guide := readFieldList(t)
	data := catalogtest.SeedData(t)
	for _, c := range []struct {
		sector catalog.Sector
		count  int
	}{
		// Lines 529-634: 104 printed lines, "Welders" twice (630-631).
		{catalog.SectorManufacturing, 103},
		// Lines 640-663 (24) and the construction note of line 669.
		{catalog.SectorLogistics, 25},
	} {
		t.Run(string(c.sector), func(t *testing.T) {
			want := guide[c.sector]
			if len(want) != c.count {
				t.Fatalf("testdata lists %d %s fields, want %d: fix the testdata", len(want), c.sector, c.count)
			}
			var got []string
			for _, f := range data.Fields {
				if f.Sector == c.sector {
					if !f.Related {
						t.Errorf("field %q has sector %s but is not related", f.Key, f.Sector)
					}
					got = append(got, f.Name)
				}
			}
			for _, name := range want {
				if !slices.Contains(got, name) {
					t.Errorf("the guide's field %q is missing from the seed", name)
				}
			}
			for _, name := range got {
				if !slices.Contains(want, name) {
					t.Errorf("the seed's field %q is not in the guide", name)
				}
			}
			if len(got) != len(want) {
				t.Errorf("the seed has %d %s fields, the guide %d", len(got), c.sector, len(want))
			}
		})
	}
	t.Run("not related", func(t *testing.T) {
		// Lines 675-678.
		want := []string{"not-general-education", "not-non-frontline-jobs", "not-cdl-public-transportation", "not-unrelated-construction"}
		var got []string
		for _, f := range data.Fields {
			if !f.Related {
				got = append(got, f.Key)
				if f.Sector != "" || f.Name == "" || f.Reason == "" {
					t.Errorf("not-related field %q: sector %q, name %q, reason %q; want no sector, a name and a reason", f.Key, f.Sector, f.Name, f.Reason)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("not-related fields %q, want %q", got, want)
		}
	})
	if len(data.Fields) != 132 {
		t.Errorf("the seed has %d fields, want 132 (103 + 25 + 4)", len(data.Fields))
	}
}

func TestActivityTypes(t *testing.T) {
	tests := []struct {
		key      string
		category catalog.PointCategory
		min, max int
		per      catalog.PointUnit
	}{
		// CE table, guide lines 44-49.
		{"ce-for-credit-3-plus", catalog.CategoryContinuingEducation, 20, 20, catalog.PerActivity},
		{"ce-for-credit-under-3", catalog.CategoryContinuingEducation, 10, 10, catalog.PerActivity},
		{"ce-non-credit", catalog.CategoryContinuingEducation, 10, 10, catalog.PerActivity},
		{"ce-third-party", catalog.CategoryContinuingEducation, 10, 10, catalog.PerActivity},
		{"ce-military", catalog.CategoryContinuingEducation, 10, 10, catalog.PerActivity},
		// IC table, line 129.
		{"ic-certification", catalog.CategoryIndustryCertification, 10, 10, catalog.PerActivity},
		// E table, lines 424-428 ("per year").
		{"e-direct", catalog.CategoryEmployment, 20, 20, catalog.PerYear},
		{"e-mssc-instructor", catalog.CategoryEmployment, 20, 20, catalog.PerYear},
		{"e-other-instructor", catalog.CategoryEmployment, 10, 10, catalog.PerYear},
		{"e-military-active", catalog.CategoryEmployment, 10, 10, catalog.PerYear},
		// Line 461 "partial credit"; DOMAIN.md decision 3 (reviewer sets it).
		{"e-military-reserve", catalog.CategoryEmployment, 1, 5, catalog.PerYear},
		// X table, lines 480-482 ("1-5").
		{"x-volunteer", catalog.CategoryExtra, 1, 5, catalog.PerActivity},
		{"x-committee", catalog.CategoryExtra, 1, 5, catalog.PerActivity},
	}
	data := catalogtest.SeedData(t)
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			a := entryFor(t, "activity type", data.ActivityTypes, func(a catalog.ActivityType) string { return a.Key }, tt.key)
			if a.Category != tt.category || a.MinPoints != tt.min || a.MaxPoints != tt.max || a.Per != tt.per {
				t.Errorf("got %s %d-%d per %s, want %s %d-%d per %s",
					a.Category, a.MinPoints, a.MaxPoints, a.Per, tt.category, tt.min, tt.max, tt.per)
			}
			if a.Name == "" || a.ProofRequired == "" {
				t.Errorf("name %q, proof %q: want both", a.Name, a.ProofRequired)
			}
		})
	}
	if len(data.ActivityTypes) != len(tests) {
		t.Errorf("the seed has %d activity types, want %d", len(data.ActivityTypes), len(tests))
	}
}

func TestEmploymentBands(t *testing.T) {
	// Guide lines 464-470 (partial year and part-time employment).
	tests := []struct {
		key                 string
		kind                catalog.BandKind
		minMonths, maxMonth int
		minWeeks            int
		fullTime, partTime  int
	}{
		{"full-year", catalog.BandFullYear, 0, 0, 0, 20, 10},
		{"months-9-11", catalog.BandMonths, 9, 11, 0, 15, 7},
		{"months-6-8", catalog.BandMonths, 6, 8, 0, 10, 5},
		{"months-3-5", catalog.BandMonths, 3, 5, 0, 5, 2},
		{"under-3-months", catalog.BandUnderThreeMonths, 0, 2, 0, 0, 0},
		{"internship", catalog.BandInternship, 0, 2, 6, 1, 1},
	}
	data := catalogtest.SeedData(t)
	if len(data.EmploymentBands) != len(tests) {
		t.Errorf("the seed has %d employment bands, want %d", len(data.EmploymentBands), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if i >= len(data.EmploymentBands) {
				t.Fatal("missing")
			}
			b := data.EmploymentBands[i]
			if b.Key != tt.key || b.Kind != tt.kind || b.MinMonths != tt.minMonths || b.MaxMonths != tt.maxMonth ||
				b.MinWeeks != tt.minWeeks || b.FullTimePoints != tt.fullTime || b.PartTimePoints != tt.partTime {
				t.Errorf("got %+v, want %+v", b, tt)
			}
		})
	}
}

func TestFees(t *testing.T) {
	tests := []struct {
		key   string
		kind  catalog.FeeKind
		cents int64
	}{
		{"application", catalog.FeeApplication, 7500},                 // guide line 17, FAQ 28: $75
		{"bundled-application", catalog.FeeBundledApplication, 10000}, // line 17: $100 for both
		{"detailed-review", catalog.FeeDetailedReview, 0},             // FAQ 27, line 891: free within 30 days
		{"late-detailed-review", catalog.FeeLateDetailedReview, 2500}, // FAQ 27: $25 after 30 days
		{"appeal", catalog.FeeAppeal, 5000},                           // FAQ 26-27: $50
	}
	data := catalogtest.SeedData(t)
	if len(data.Fees) != len(tests) {
		t.Errorf("the seed has %d fees, want %d", len(data.Fees), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			f := entryFor(t, "fee", data.Fees, func(f catalog.Fee) string { return f.Key }, tt.key)
			want := catalog.Money{Cents: tt.cents, Currency: "USD"}
			if f.Kind != tt.kind || f.Amount != want {
				t.Errorf("got %s %+v, want %s %+v", f.Kind, f.Amount, tt.kind, want)
			}
			// Guide line 17 and FAQ 28: all fees are non-refundable.
			if f.Refundable {
				t.Error("refundable; the guide says every fee is non-refundable")
			}
		})
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		key   string
		value float64
	}{
		{"points_required", 100},                     // guide line 19
		{"application_window_days", 90},              // line 13
		{"full_year_min_weeks", 48},                  // "at least 48 weeks", lines 857 and 861
		{"full_time_min_weekly_hours_exclusive", 30}, // "more than 30 hours", line 849
		{"part_time_min_weekly_hours", 15},           // "at least 15 hours", line 853
		{"average_month_days", 30.4375},              // DOMAIN.md decision 2
	}
	data := catalogtest.SeedData(t)
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			r := entryFor(t, "rule", data.Rules, func(r catalog.Rule) string { return r.Key }, tt.key)
			if r.Value != tt.value {
				t.Errorf("value %v, want %v", r.Value, tt.value)
			}
		})
	}
}

func sortedCopy[T ~string](xs []T) []T {
	out := slices.Clone(xs)
	slices.Sort(out)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
