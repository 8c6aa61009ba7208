package search_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/search"
)

func day(s string) *catalog.Date {
	d, err := catalog.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &d
}

func held(program catalog.Program) *catalog.HeldCycle {
	return &catalog.HeldCycle{Program: program, CertifiedOn: *day("2021-06-01"), ExpiresOn: *day("2026-06-01")}
}

func ruleCodes(c catalog.CredentialCheck) []catalog.RuleCode {
	var out []catalog.RuleCode
	for _, r := range c.Rules {
		out = append(out, r.Code)
	}
	return out
}

// TestEachRuleOfTheGuide checks every rule of the credential check on the
// real seeded catalog: its verdict, its code and the entry it names.
func TestEachRuleOfTheGuide(t *testing.T) {
	snap := seededSnapshot(t)
	for _, tc := range []struct {
		name    string
		in      catalog.CredentialInput
		verdict catalog.CredentialVerdict
		rule    catalog.RuleCode
		entry   string
		points  int
	}{
		{"OSHA-30 General Industry counts", catalog.CredentialInput{Text: "OSHA 30 hr General Industry card"},
			catalog.VerdictIndustryCertification, catalog.RuleOSHAGeneralIndustryCard, "osha-30-general-industry", 10},
		{"OSHA-10 General Industry counts", catalog.CredentialInput{Text: "OSHA-10 GI"},
			catalog.VerdictIndustryCertification, catalog.RuleOSHAGeneralIndustryCard, "osha-10-general-industry", 10},
		{"OSHA Construction card does not", catalog.CredentialInput{Text: "OSHA 30 Construction"},
			catalog.VerdictDoesNotCount, catalog.RuleOSHAConstructionCard, "", 0},
		{"OSHA Maritime card does not", catalog.CredentialInput{Text: "OSHA 10-Hour Maritime"},
			catalog.VerdictDoesNotCount, catalog.RuleOSHAMaritimeCard, "", 0},
		{"OSHA Disaster Site card does not", catalog.CredentialInput{Text: "OSHA Disaster Site Worker card"},
			catalog.VerdictDoesNotCount, catalog.RuleOSHADisasterSiteCard, "", 0},
		{"OSHA card without its industry is asked about", catalog.CredentialInput{Text: "OSHA 10"},
			catalog.VerdictAmbiguous, catalog.RuleOSHAIndustryNotStated, "", 0},
		{"training toward a listed certification does not count", catalog.CredentialInput{Text: "CWI exam prep seminar"},
			catalog.VerdictDoesNotCount, catalog.RuleTrainingTowardListed, "aws-cwi", 0},
		{"training toward an unlisted certification is CE", catalog.CredentialInput{Text: "PMP exam prep boot camp, certificate of completion"},
			catalog.VerdictContinuingEducation, catalog.RuleTrainingForUnlisted, "", 10},
		{"forklift training is CE", catalog.CredentialInput{Text: "OSHA Forklift Training"},
			catalog.VerdictContinuingEducation, catalog.RuleEquipmentOrIndustryBodyCE, "", 10},
		{"a city forklift licence is CE", catalog.CredentialInput{Text: "Forklift operator license issued by the city"},
			catalog.VerdictContinuingEducation, catalog.RuleEquipmentOrIndustryBodyCE, "", 10},
		{"federal hazmat training is CE", catalog.CredentialInput{Text: "DOT Hazmat Employee Training (49 CFR 172.704)"},
			catalog.VerdictContinuingEducation, catalog.RuleEquipmentOrIndustryBodyCE, "", 10},
		{"a listed certification about hazardous materials is IC", catalog.CredentialInput{Text: "Certified Hazardous Materials Manager"},
			catalog.VerdictIndustryCertification, catalog.RuleOnPreApprovedList, "ihmm-chmm", 10},
		{"company-specific certificates do not count", catalog.CredentialInput{Text: "Acme Corp internal crane badge"},
			catalog.VerdictDoesNotCount, catalog.RuleLocalOrCompanySpecific, "", 0},
		{"attendance-only certificates do not count", catalog.CredentialInput{Text: "Certificate of attendance, safety conference"},
			catalog.VerdictDoesNotCount, catalog.RuleAttendanceOnly, "", 0},
		{"general education does not count", catalog.CredentialInput{Text: "English 101"},
			catalog.VerdictDoesNotCount, catalog.RuleGeneralEducation, "", 0},
		{"CPT holders may count CLA", catalog.CredentialInput{Text: "CLA", Held: held(catalog.ProgramCPT)},
			catalog.VerdictIndustryCertification, catalog.RuleMSSCCrossover, "mssc-cla", 10},
		{"CPT holders may count CPT Green Production", catalog.CredentialInput{Text: "MSSC Green Production", Held: held(catalog.ProgramCPT)},
			catalog.VerdictIndustryCertification, catalog.RuleOnPreApprovedList, "mssc-cpt-green-production", 10},
		{"CLT holders may count the CPT Safety certificate", catalog.CredentialInput{Text: "CPT Safety Certificate", Held: held(catalog.ProgramCLT)},
			catalog.VerdictIndustryCertification, catalog.RuleMSSCCrossover, "mssc-cpt-safety", 10},
		{"CPT holders may not count the CPT Safety certificate", catalog.CredentialInput{Text: "MSSC CPT Safety", Held: held(catalog.ProgramCPT)},
			catalog.VerdictDoesNotCount, catalog.RuleProgramNotEligible, "mssc-cpt-safety", 0},
		{"CLT holders may not count CLA", catalog.CredentialInput{Text: "Certified Logistics Associate (CLA)", Held: held(catalog.ProgramCLT)},
			catalog.VerdictDoesNotCount, catalog.RuleProgramNotEligible, "mssc-cla", 0},
		{"without the program a restricted certificate says whom it counts for", catalog.CredentialInput{Text: "Certified Logistics Technician"},
			catalog.VerdictIndustryCertification, catalog.RuleProgramRestricted, "mssc-clt", 10},
		{"the full CPT cannot count toward itself", catalog.CredentialInput{Text: "Certified Production Technician (CPT)", Held: held(catalog.ProgramCPT)},
			catalog.VerdictDoesNotCount, catalog.RuleProgramNotEligible, "", 0},
		{"earned inside the cycle", catalog.CredentialInput{Text: "AWS CWI", EarnedOn: day("2023-04-01"), Held: held(catalog.ProgramCPT)},
			catalog.VerdictIndustryCertification, catalog.RuleEarnedInCycle, "aws-cwi", 10},
		{"earned on the first day of the cycle", catalog.CredentialInput{Text: "AWS CWI", EarnedOn: day("2021-06-01"), Held: held(catalog.ProgramCPT)},
			catalog.VerdictIndustryCertification, catalog.RuleEarnedInCycle, "aws-cwi", 10},
		{"earned the day before the cycle", catalog.CredentialInput{Text: "AWS CWI", EarnedOn: day("2021-05-31"), Held: held(catalog.ProgramCPT)},
			catalog.VerdictDoesNotCount, catalog.RuleEarnedOutsideCycle, "aws-cwi", 0},
		{"without an earned date the cycle is explained", catalog.CredentialInput{Text: "AWS CWI", Held: held(catalog.ProgramCPT)},
			catalog.VerdictIndustryCertification, catalog.RuleEarnedDateNeeded, "aws-cwi", 10},
		{"two entries fitting equally are asked about", catalog.CredentialInput{Text: "Mobile Crane Operator"},
			catalog.VerdictAmbiguous, catalog.RuleAmbiguousMatch, "", 0},
		{"the issuer decides between them", catalog.CredentialInput{Text: "Mobile Crane Operator", Issuer: "NCCER"},
			catalog.VerdictIndustryCertification, catalog.RuleOnPreApprovedList, "nccer-mobile-crane-operator", 10},
		{"an unlisted certification may be submitted", catalog.CredentialInput{Text: "ASQ Certified Quality Technician (CQT)"},
			catalog.VerdictNotListed, catalog.RuleNotOnList, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := search.CheckCredential(snap, tc.in)
			key := ""
			if got.Entry != nil {
				key = got.Entry.Key
			}
			if got.Verdict != tc.verdict || !slices.Contains(ruleCodes(got), tc.rule) || key != tc.entry || got.Points != tc.points {
				t.Errorf("got %s %q %v, %d points; want %s %q with rule %s, %d points", got.Verdict, key, ruleCodes(got), got.Points, tc.verdict, tc.entry, tc.rule, tc.points)
			}
			if got.NextStep == "" || len(got.Rules) == 0 || got.Rules[0].Description == "" {
				t.Errorf("an answer must carry its rules in words and a next step: %+v", got)
			}
		})
	}
}

// TestRetirementAndApprovalBoundWhatCounts retires and approves entries in
// a copy of the seed and checks credentials earned around those days.
func TestRetirementAndApprovalBoundWhatCounts(t *testing.T) {
	data := seededData(t)
	for i := range data.Certifications {
		switch data.Certifications[i].Key {
		case "aws-cwi":
			data.Certifications[i].Status = catalog.StatusRetired
			data.Certifications[i].RetiredOn = day("2023-01-01")
		case "bcsp-csp":
			data.Certifications[i].ApprovedOn = day("2022-01-01")
		}
	}
	snap := catalog.NewSnapshot(data)
	for _, tc := range []struct {
		name, text, earned string
		verdict            catalog.CredentialVerdict
		rule               catalog.RuleCode
	}{
		{"earned before the retirement still counts", "AWS CWI", "2022-12-31", catalog.VerdictIndustryCertification, catalog.RuleRetiredAfterEarned},
		{"earned on the retirement day does not", "AWS CWI", "2023-01-01", catalog.VerdictDoesNotCount, catalog.RuleRetiredBeforeEarned},
		{"earned after the retirement does not", "AWS CWI", "2024-05-05", catalog.VerdictDoesNotCount, catalog.RuleRetiredBeforeEarned},
		{"earned before the approval does not", "CSP", "2021-12-31", catalog.VerdictDoesNotCount, catalog.RuleApprovedAfterEarned},
		{"earned on the approval day counts", "CSP", "2022-01-01", catalog.VerdictIndustryCertification, catalog.RuleOnPreApprovedList},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := search.CheckCredential(snap, catalog.CredentialInput{Text: tc.text, EarnedOn: day(tc.earned)})
			if got.Verdict != tc.verdict || !slices.Contains(ruleCodes(got), tc.rule) {
				t.Errorf("got %s %v, want %s with %s", got.Verdict, ruleCodes(got), tc.verdict, tc.rule)
			}
		})
	}
}

// stubReviews is a PendingReviews that knows one open review and its submitter.
type stubReviews struct{ name, submitter string }

func (s stubReviews) FindPendingReview(_ context.Context, text, _ string) (*catalog.PendingReview, error) {
	if strings.Contains(strings.ToLower(text), strings.ToLower(s.name)) {
		return &catalog.PendingReview{ID: 7, Name: s.name, DueOn: *day("2026-12-20"), Submitters: []string{s.submitter}}, nil
	}
	return nil, nil
}

// staticStore serves one catalog and never changes.
type staticStore struct{ data *catalog.Data }

func (s staticStore) CatalogVersion(context.Context) (int64, error)      { return s.data.Version, nil }
func (s staticStore) LoadCatalog(context.Context) (*catalog.Data, error) { return s.data, nil }

func TestCheckerValidatesAndFindsOpenReviews(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) }
	checker := search.NewCredentialChecker(catalog.New(staticStore{seededData(t)}), stubReviews{name: "Certified Widget Rigger"}, now)
	ctx := context.Background()
	got, err := checker.Check(ctx, catalog.CredentialInput{Text: "Certified Widget Rigger (CWR)"})
	if err != nil || got.Verdict != catalog.VerdictUnderReview || !slices.Contains(ruleCodes(got), catalog.RuleUnderCatalogReview) {
		t.Fatalf("a credential under review: %+v, %v", got, err)
	}
	for _, tc := range []struct {
		name  string
		ins   []catalog.CredentialInput
		field string
	}{
		{"empty text", []catalog.CredentialInput{{Text: ""}}, "text"},
		{"whitespace text", []catalog.CredentialInput{{Text: " \t\n "}}, "text"},
		{"text over 300 characters", []catalog.CredentialInput{{Text: strings.Repeat("é", 301)}}, "text"},
		{"earned in the future", []catalog.CredentialInput{{Text: "AWS CWI", EarnedOn: day("2026-11-25")}}, "earnedOn"},
		{"earned after the cycle", []catalog.CredentialInput{{Text: "AWS CWI", EarnedOn: day("2026-06-02"), Held: held(catalog.ProgramCPT)}}, "earnedOn"},
		{"a cycle that ends before it starts", []catalog.CredentialInput{{Text: "AWS CWI", Held: &catalog.HeldCycle{Program: catalog.ProgramCPT, CertifiedOn: *day("2021-06-01"), ExpiresOn: *day("2020-06-01")}}}, "held.expiresOn"},
		{"the second of a batch", []catalog.CredentialInput{{Text: "AWS CWI"}, {Text: ""}}, "inputs.1.text"},
		{"more than 100 at once", make([]catalog.CredentialInput, 101), "inputs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := checker.CheckMany(ctx, tc.ins)
			var e *catalog.Error
			if err == nil || catalog.ErrorCode(err) != catalog.CodeBadUserInput {
				t.Fatalf("err = %v, want BAD_USER_INPUT", err)
			}
			if e = err.(*catalog.Error); e.Field != tc.field {
				t.Errorf("field = %q, want %q", e.Field, tc.field)
			}
		})
	}
	if _, err := checker.Check(ctx, catalog.CredentialInput{Text: "AWS CWI", EarnedOn: day("2026-11-23")}); err != nil {
		t.Errorf("a date one day ahead of UTC (a candidate east of UTC) must be accepted: %v", err)
	}
}

// withEntry returns the seed catalog with one more entry of a new
// organization, as staff add one.
func withEntry(t *testing.T, name, acronym string) *catalog.Data {
	t.Helper()
	data := seededData(t)
	org := catalog.Organization{ID: int64(len(data.Organizations) + 1), Key: "staff-added", Name: "Staff Added Certification Board", Acronym: "SACB"}
	data.Organizations = append(data.Organizations, org)
	cert := catalog.Certification{
		ID: int64(len(data.Certifications) + 1), Key: "staff-added-entry", Name: name, DisplayName: name,
		OrganizationID: org.ID, OrganizationKey: org.Key,
		RecognitionBases: []catalog.RecognitionBasis{catalog.BasisANSI}, EligiblePrograms: []catalog.Program{catalog.ProgramCPT, catalog.ProgramCLT},
	}
	if acronym != "" {
		cert.Aliases = []catalog.Alias{{Kind: catalog.AliasAcronym, Value: acronym}}
	}
	data.Certifications = append(data.Certifications, cert)
	data.Version++
	return data
}

// TestAStaffAddedEntryCapturesNoGenericText adds a forklift trainer
// certification, as staff approved one: generic forklift texts stay
// Continuing Education (FAQ 15), and only a text naming the entry in full
// is that entry.
func TestAStaffAddedEntryCapturesNoGenericText(t *testing.T) {
	snap := catalog.NewSnapshot(withEntry(t, "Certified Forklift Trainer Instructor", "CFTI"))
	for _, text := range []string{"forklift certification", "Forklift Certified", "Certified Forklift Operator", "forklift trainer", "Forklift train the trainer"} {
		if got := search.CheckCredential(snap, catalog.CredentialInput{Text: text}); got.Verdict != catalog.VerdictContinuingEducation {
			t.Errorf("%q: %s %v, want CONTINUING_EDUCATION", text, got.Verdict, got.Entry)
		}
	}
	for _, text := range []string{"Certified Forklift Trainer Instructor", "CFTI"} {
		if got := search.CheckCredential(snap, catalog.CredentialInput{Text: text}); got.Verdict != catalog.VerdictIndustryCertification || got.Entry.Key != "staff-added-entry" {
			t.Errorf("%q: %s %v, want the staff-added entry", text, got.Verdict, got.Entry)
		}
	}
}

// TestSymbolsWrittenOutFindStaffAddedEntries adds entries whose names hold
// "+" and "&": the names written out ("A plus", "and") find them, as the
// symbols do.
func TestSymbolsWrittenOutFindStaffAddedEntries(t *testing.T) {
	for _, tc := range []struct{ entry, text string }{
		{"Certified Technician A+", "Certified Technician A plus"},
		{"Certified Technician A plus", "Certified Technician A+"},
		{"Certified Pumps & Valves Specialist", "Certified Pumps and Valves Specialist"},
	} {
		snap := catalog.NewSnapshot(withEntry(t, tc.entry, ""))
		if got := search.CheckCredential(snap, catalog.CredentialInput{Text: tc.text}); got.Verdict != catalog.VerdictIndustryCertification || got.Entry.Key != "staff-added-entry" {
			t.Errorf("%q against %q: %s %v", tc.text, tc.entry, got.Verdict, got.Entry)
		}
	}
}

// TestQualifyingAnswersSayWhatToClaim checks that an Industry
// Certification answer claims the rule table's row for it with the entry
// and the earned date, a Continuing Education answer the third-party
// training row with the text as title, and an answer that earns nothing
// no claim.
func TestQualifyingAnswersSayWhatToClaim(t *testing.T) {
	snap := seededSnapshot(t)
	earned := day("2023-04-01")
	ic := search.CheckCredential(snap, catalog.CredentialInput{Text: "AWS CWI", EarnedOn: earned})
	if c := ic.Claim; c == nil || c.Category != catalog.CategoryIndustryCertification || c.ActivityTypeKey != "ic-certification" ||
		c.CertificationID != ic.Entry.ID || c.CompletedOn == nil || *c.CompletedOn != *earned || c.Title != ic.Entry.DisplayName || c.CatalogReviewID != 0 {
		t.Errorf("IC claim = %+v", ic.Claim)
	}
	ce := search.CheckCredential(snap, catalog.CredentialInput{Text: " Forklift operator training "})
	if c := ce.Claim; c == nil || c.Category != catalog.CategoryContinuingEducation || c.ActivityTypeKey != "ce-third-party" || c.CertificationID != 0 || c.Title != "Forklift operator training" {
		t.Errorf("CE claim = %+v", ce.Claim)
	}
	for _, text := range []string{"OSHA 10 Construction", "Certified Sprocket Juggler", "Mobile Crane Operator", "CWI prep course"} {
		if got := search.CheckCredential(snap, catalog.CredentialInput{Text: text}); got.Claim != nil {
			t.Errorf("%q (%s) claims %+v", text, got.Verdict, got.Claim)
		}
	}
}

// TestTheUnderReviewClaimNamesTheReviewToItsSubmitterOnly checks that the
// claim of an UNDER_REVIEW answer names the open review to a candidate who
// submitted it, and to no one else.
func TestTheUnderReviewClaimNamesTheReviewToItsSubmitterOnly(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) }
	checker := search.NewCredentialChecker(catalog.New(staticStore{seededData(t)}), stubReviews{name: "Certified Widget Rigger", submitter: "C-1"}, now)
	for who, p := range map[string]*catalog.Principal{
		"the submitter":     {Subject: "C-1", Roles: []catalog.Role{catalog.RoleCandidate}},
		"another candidate": {Subject: "C-2", Roles: []catalog.Role{catalog.RoleCandidate}},
		"an anonymous":      nil,
	} {
		ctx := context.Background()
		if p != nil {
			ctx = catalog.WithPrincipal(ctx, p)
		}
		got, err := checker.Check(ctx, catalog.CredentialInput{Text: "Certified Widget Rigger"})
		if err != nil || got.Claim == nil || got.Claim.ActivityTypeKey != "ic-certification" || (got.Claim.CatalogReviewID == 7) != (who == "the submitter") {
			t.Errorf("%s: claim %+v, %v", who, got.Claim, err)
		}
	}
}

// TestANameSeveralEntriesShareIsAskedAbout checks, on phrasings of the
// seeded catalog that the labelled set does not hold, that a text asks
// which certification is meant when, naming no issuer, it stands whole in
// the names of two issuers' entries, or of two grades of one family of
// which it names neither in full, even when one entry's name matches it
// more closely; and when, naming the issuer in the text or in its own
// field, it stands whole in the names of two of that issuer's entries and
// is the whole name of neither. A text naming one of them whole, another
// word than the others', an issuer that has one of them, or training is
// decided as before.
func TestANameSeveralEntriesShareIsAskedAbout(t *testing.T) {
	snap := seededSnapshot(t)
	for _, tc := range []struct {
		name string
		in   catalog.CredentialInput
		// among are the entries an AMBIGUOUS answer must list.
		among []string
	}{
		{"a rigger of NCCCO or NCCER", catalog.CredentialInput{Text: "Certified Rigger"}, []string{"nccco-rigger", "nccer-rigger-signal-person"}},
		{"a truck crane of OECP or the Crane Institute", catalog.CredentialInput{Text: "Truck Crane Operator"}, []string{"oecp-boom-truck-crane", "cia-lattice-boom-crawler-truck"}},
		{"quality control of BPI or NIMS", catalog.CredentialInput{Text: "Quality Control Certification"}, []string{"bpi-quality-control-inspector", "nims-stamping-parts-inspection-quality-control"}},
		{"an associate or professional engineering manager", catalog.CredentialInput{Text: "Engineering Manager certification"}, []string{"sme-pem", "sme-aem"}},
		{"CPIM or its fellow grade", catalog.CredentialInput{Text: "Inventory Management certification"}, []string{"apics-cpim", "apics-cfpim"}},
		{"RETA's assistant or industrial operator, issuer in the text", catalog.CredentialInput{Text: "RETA Refrigeration Operator"}, []string{"reta-ciro", "reta-caro"}},
		{"RETA's assistant or industrial operator, issuer in its field", catalog.CredentialInput{Text: "Refrigeration Operator", Issuer: "Refrigerating Engineers & Technicians Association"}, []string{"reta-ciro", "reta-caro"}},
		{"AWS's inspector grades", catalog.CredentialInput{Text: "AWS Inspector"}, []string{"aws-cwi", "aws-cawi", "aws-scwi"}},
		{"NIMS's two machine building levels", catalog.CredentialInput{Text: "Machine Building", Issuer: "NIMS"}, []string{"nims-machine-building-mechanical-assembly-2", "nims-machine-building-mechanical-assembly-3"}},
		{"the entries under one of NIMS's headings", catalog.CredentialInput{Text: "NIMS Screw Machining"}, []string{"nims-screw-machining-operate-single-spindles-2", "nims-screw-machining-operate-multiple-spindles-2", "nims-screw-machining-setup-operate-single-spindles-2", "nims-screw-machining-setup-operate-multiple-spindles-3"}},
		{"NIMS's machining, too broad to be taken as one", catalog.CredentialInput{Text: "Machining", Issuer: "NIMS"}, []string{"nims-machining-grinding-1", "nims-machining-cnc-turning-operations"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := search.CheckCredential(snap, tc.in)
			if got.Verdict != catalog.VerdictAmbiguous || !slices.Contains(ruleCodes(got), catalog.RuleAmbiguousMatch) {
				t.Fatalf("%+v: %s %v %v, want AMBIGUOUS_MATCH", tc.in, got.Verdict, got.Entry, ruleCodes(got))
			}
			var listed []string
			for _, a := range got.Alternatives {
				listed = append(listed, a.Certification.Key)
			}
			for _, key := range tc.among {
				if !slices.Contains(listed, key) {
					t.Errorf("%+v lists %v, without %s", tc.in, listed, key)
				}
			}
		})
	}
	for _, tc := range []struct {
		name    string
		in      catalog.CredentialInput
		verdict catalog.CredentialVerdict
		entry   string
	}{
		{"an entry's whole name, another's other word", catalog.CredentialInput{Text: "Quality Control Inspector"},
			catalog.VerdictIndustryCertification, "bpi-quality-control-inspector"},
		{"the whole name of one grade", catalog.CredentialInput{Text: "Production and Inventory Management"},
			catalog.VerdictIndustryCertification, "apics-cpim"},
		{"the grade named", catalog.CredentialInput{Text: "Professional Engineering Manager"},
			catalog.VerdictIndustryCertification, "sme-pem"},
		{"the level named", catalog.CredentialInput{Text: "Rigger Level II"},
			catalog.VerdictIndustryCertification, "nccco-rigger-level-2"},
		{"the issuer named", catalog.CredentialInput{Text: "Certified Rigger", Issuer: "NCCCO"},
			catalog.VerdictIndustryCertification, "nccco-rigger"},
		{"the issuer that lists one rigger, in its field", catalog.CredentialInput{Text: "Certified Rigger", Issuer: "NCCER"},
			catalog.VerdictIndustryCertification, "nccer-rigger-signal-person"},
		{"the issuer and one grade's whole name", catalog.CredentialInput{Text: "RETA Certified Industrial Refrigeration Operator"},
			catalog.VerdictIndustryCertification, "reta-ciro"},
		{"the issuer in its field and the other grade's whole name", catalog.CredentialInput{Text: "Certified Assistant Refrigeration Operator", Issuer: "RETA"},
			catalog.VerdictIndustryCertification, "reta-caro"},
		{"the issuer and the name its first grade has whole", catalog.CredentialInput{Text: "AWS Welding Inspector"},
			catalog.VerdictIndustryCertification, "aws-cwi"},
		{"training toward either grade", catalog.CredentialInput{Text: "Engineering Manager exam prep course"},
			catalog.VerdictDoesNotCount, "sme-pem"},
		{"another issuer named", catalog.CredentialInput{Text: "Certified Rigger from Acme Rigging School"},
			catalog.VerdictNotListed, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := search.CheckCredential(snap, tc.in)
			key := ""
			if got.Entry != nil {
				key = got.Entry.Key
			}
			if got.Verdict != tc.verdict || key != tc.entry {
				t.Errorf("%+v: %s %s, want %s %s", tc.in, got.Verdict, key, tc.verdict, tc.entry)
			}
		})
	}
}

// wantEntry fails unless each input is answered INDUSTRY_CERTIFICATION as
// the entry of its key.
func wantEntry(t *testing.T, snap *catalog.Snapshot, entries map[catalog.CredentialInput]string) {
	t.Helper()
	for in, key := range entries {
		if got := search.CheckCredential(snap, in); got.Entry == nil || got.Entry.Key != key || got.Verdict != catalog.VerdictIndustryCertification {
			t.Errorf("%+v: %s %v, want INDUSTRY_CERTIFICATION %s", in, got.Verdict, got.Entry, key)
		}
	}
}

// wantVerdict fails unless each input is answered the verdict, under the
// rule when one is given.
func wantVerdict(t *testing.T, snap *catalog.Snapshot, verdict catalog.CredentialVerdict, rule catalog.RuleCode, ins ...catalog.CredentialInput) {
	t.Helper()
	for _, in := range ins {
		got := search.CheckCredential(snap, in)
		if got.Verdict != verdict || rule != "" && !slices.Contains(ruleCodes(got), rule) {
			t.Errorf("%+v: %s %v %v, want %s %s", in, got.Verdict, got.Entry, ruleCodes(got), verdict, rule)
		}
	}
}

// TestAnIssuerDoesNotStandForWordsItsEntriesLack checks that naming a
// listed issuer, in the text or in its own field, does not make a text
// one of its entries when the words of what was earned are not theirs:
// "Weld Grinder" is no AWS Certified Welder, though "weld" is near
// "welder" and AWS is named. An issuer's name with words cut short
// ("American Welding Soc.") still names it.
func TestAnIssuerDoesNotStandForWordsItsEntriesLack(t *testing.T) {
	snap := seededSnapshot(t)
	wantVerdict(t, snap, catalog.VerdictNotListed, "",
		catalog.CredentialInput{Text: "AWS Certified Weld Grinder"},
		catalog.CredentialInput{Text: "Certified Weld Grinder", Issuer: "American Welding Society"},
		catalog.CredentialInput{Text: "NCCER Certified Widget Rigger"})
	wantEntry(t, snap, map[catalog.CredentialInput]string{
		{Text: "AWS Certified Welder"}:                                         "aws-cw",
		{Text: "Certified Welder", Issuer: "American Welding Society"}:         "aws-cw",
		{Text: "American Welding Society Welding Inspector"}:                   "aws-cwi",
		{Text: "Certified Welding Inspector", Issuer: "American Welding Soc."}: "aws-cwi",
		{Text: "CWI", Issuer: "Amer. Welding Society"}:                         "aws-cwi",
	})
}

// TestARoleTheEntryLacksNamesAnotherCertification checks that a text
// naming a role (technician, professional, manager...) that a listed
// entry's names lack, while they name another, is not that entry however
// much else it shares with it; a role word of a named issuer's name
// ("Professional Evaluation and Certification Board") names no role.
func TestARoleTheEntryLacksNamesAnotherCertification(t *testing.T) {
	snap := seededSnapshot(t)
	wantVerdict(t, snap, catalog.VerdictNotListed, "",
		catalog.CredentialInput{Text: "Certified Maintenance & Reliability Professional"},
		catalog.CredentialInput{Text: "Certified Welding Technician"},
		catalog.CredentialInput{Text: "Certified HACCP Manager"})
	wantEntry(t, snap, map[catalog.CredentialInput]string{
		{Text: "Certified Maintenance and Reliability Technician"}:                      "isa-cmrt",
		{Text: "Associate Safety Professional"}:                                         "bcsp-asp",
		{Text: "Certified Associate Welding Inspector"}:                                 "aws-cawi",
		{Text: "Professional Evaluation and Certification Board ISO 9001 Lead Auditor"}: "pecb-iso-9001-lead-auditor",
	})
}

// TestWhatIsNotYetEarnedEarnsNothing checks that a text naming a
// certification as worked toward earns nothing, listed or not, under its
// own rule, while the standing of one earned ("expired", "renewed")
// changes nothing of which it is.
func TestWhatIsNotYetEarnedEarnsNothing(t *testing.T) {
	snap := seededSnapshot(t)
	for text, entry := range map[string]string{
		"CPIM candidate":                         "apics-cpim",
		"CSCP - in progress":                     "apics-cscp",
		"Working towards CPIM":                   "apics-cpim",
		"PMP candidate":                          "",
		"OSHA 30 General Industry - in progress": "osha-30-general-industry",
	} {
		got := search.CheckCredential(snap, catalog.CredentialInput{Text: text})
		key := ""
		if got.Entry != nil {
			key = got.Entry.Key
		}
		if got.Verdict != catalog.VerdictDoesNotCount || !slices.Contains(ruleCodes(got), catalog.RuleNotYetEarned) || key != entry || got.Claim != nil {
			t.Errorf("%q: %s %s %v, want DOES_NOT_COUNT %q under NOT_YET_EARNED and no claim", text, got.Verdict, key, ruleCodes(got), entry)
		}
	}
	wantEntry(t, snap, map[catalog.CredentialInput]string{
		{Text: "CWI (expired)"}: "aws-cwi", {Text: "CWI - renewed"}: "aws-cwi", {Text: "Certified Welding Inspector, current"}: "aws-cwi",
	})
}

// TestSixSigmaFromAnotherBodyIsContinuingEducation checks the guide's rule
// for employer or third-party training in Six Sigma: a belt whose issuer is
// an abbreviation the catalog does not know counts as Continuing
// Education, as one spelled out does; a belt of a certifying body of the
// catalog other than SME (ASQ's) is a certification that is not listed;
// SME's belt and Lean level, SME named by its former name too, stay SME's
// listed entries.
func TestSixSigmaFromAnotherBodyIsContinuingEducation(t *testing.T) {
	snap := seededSnapshot(t)
	wantVerdict(t, snap, catalog.VerdictContinuingEducation, catalog.RuleEmployerOrThirdPartyTraining,
		catalog.CredentialInput{Text: "Lean Six Sigma Green Belt", Issuer: "IASSC"})
	wantVerdict(t, snap, catalog.VerdictNotListed, "",
		catalog.CredentialInput{Text: "Six Sigma Green Belt", Issuer: "ASQ"}, catalog.CredentialInput{Text: "ASQ Six Sigma Black Belt"})
	wantEntry(t, snap, map[catalog.CredentialInput]string{
		{Text: "Six Sigma Green Belt", Issuer: "SME"}:                                     "sme-six-sigma-green-belt",
		{Text: "Lean Silver Certification", Issuer: "Society of Manufacturing Engineers"}: "sme-lean-silver",
	})
}

// TestARecordNumberOrExpiryChangesNothing checks that a certificate
// number or an expiry date written with a credential changes neither the
// entry nor, for an expiry year, the day it was earned; and that "Gen
// Ind" is General Industry on an OSHA card.
func TestARecordNumberOrExpiryChangesNothing(t *testing.T) {
	snap := seededSnapshot(t)
	wantEntry(t, snap, map[catalog.CredentialInput]string{
		{Text: "CWI #12345678"}:                "aws-cwi",
		{Text: "AWS CWI 09123451"}:             "aws-cwi",
		{Text: "CWI cert no. 0912345"}:         "aws-cwi",
		{Text: "CSP #12345"}:                   "bcsp-csp",
		{Text: "CWI, exp. 06/2026"}:            "aws-cwi",
		{Text: "OSHA 30 hr Gen Ind card 2022"}: "osha-30-general-industry",
	})
	held := catalog.CredentialInput{Text: "CWI, exp. 06/2026", Held: held(catalog.ProgramCPT)}
	if got := search.CheckCredential(snap, held); slices.Contains(ruleCodes(got), catalog.RuleEarnedYearFromText) {
		t.Errorf("an expiry year was read as the year earned: %v", ruleCodes(got))
	}
}

// TestAnIssuerTheCatalogDoesNotKnowIsAnotherBody checks that an issuer
// given as an abbreviation or one word that names no organization of the
// catalog is another body than the matched entry's, so the credential is
// not that entry, unless the entry's data name it (a body it is
// administered by or certified through); an OSHA card's trainer never
// counts against the card.
func TestAnIssuerTheCatalogDoesNotKnowIsAnotherBody(t *testing.T) {
	snap := seededSnapshot(t)
	wantVerdict(t, snap, catalog.VerdictNotListed, catalog.RuleOtherIssuerNamed,
		catalog.CredentialInput{Text: "Certified Safety Professional", Issuer: "NSC"},
		catalog.CredentialInput{Text: "Certified Welding Inspector", Issuer: "TWI"},
		catalog.CredentialInput{Text: "Vibration Analyst Category II", Issuer: "Mobius"},
		catalog.CredentialInput{Text: "Certified Calibration Technician", Issuer: "NCSLI"})
	wantEntry(t, snap, map[catalog.CredentialInput]string{
		{Text: "Certified Maintenance & Reliability Technician", Issuer: "SMRP"}: "isa-cmrt",
		{Text: "Certified Construction Manager", Issuer: "CMAA"}:                 "cmci-ccm",
		{Text: "OSHA 10 General Industry", Issuer: "ClickSafety"}:                "osha-10-general-industry",
	})
}

// TestACourseIsClaimedUnderTheRowItsTextNames checks that Continuing
// Education for a course or training toward no listed certification is
// claimed, with its points, under the rule table's row the text names: a
// college course by its credit hours, a non-credit course, military
// training, or else third-party training.
func TestACourseIsClaimedUnderTheRowItsTextNames(t *testing.T) {
	snap := seededSnapshot(t)
	for text, row := range map[string]string{
		"Supply Chain Management course (SCM 301), 3 credits":   "ce-for-credit-3-plus",
		"Precision Measurement course, 2 credit hours":          "ce-for-credit-under-3",
		"Blueprint reading non-credit course":                   "ce-non-credit",
		"Army 92A Automated Logistical Specialist course (JST)": "ce-military",
		"Lockout/tagout training":                               "ce-third-party",
	} {
		got := search.CheckCredential(snap, catalog.CredentialInput{Text: text})
		if got.Verdict != catalog.VerdictContinuingEducation || got.Claim == nil || got.Claim.ActivityTypeKey != row {
			t.Errorf("%q: %s %+v, want CONTINUING_EDUCATION claimed as %s", text, got.Verdict, got.Claim, row)
			continue
		}
		category := catalog.CategoryContinuingEducation
		for _, a := range snap.ActivityTypes(&category) {
			if a.Key == row && got.Points != a.MaxPoints {
				t.Errorf("%q: %d points, want the row's %d", text, got.Points, a.MaxPoints)
			}
		}
	}
}
