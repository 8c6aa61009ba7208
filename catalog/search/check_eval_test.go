package search_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/catalogtest"
	"github.com/mssc/recert/catalog/search"
)

// evalCase is one labelled case of testdata/credential_checks.yaml, with
// the helpers of these tests.
type evalCase struct{ catalogtest.CredentialCase }

// seededSnapshot builds a snapshot of the real seed catalog, with IDs.
func seededSnapshot(t testing.TB) *catalog.Snapshot { return catalogtest.SeededSnapshot(t) }

// seededData reads the real seed catalog and gives it IDs, as a store would.
func seededData(t testing.TB) *catalog.Data { return catalogtest.SeededData(t) }

func loadEvalCases(t testing.TB) []evalCase {
	t.Helper()
	labelled, err := catalogtest.ReadCredentialCases("testdata/credential_checks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := make([]evalCase, len(labelled))
	for i, c := range labelled {
		cases[i] = evalCase{c}
	}
	return cases
}

func (c evalCase) input(t testing.TB) catalog.CredentialInput {
	t.Helper()
	in := catalog.CredentialInput{Text: c.Text, Issuer: c.Issuer}
	date := func(s string) catalog.Date {
		d, err := catalog.ParseDate(s)
		if err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		return d
	}
	if c.Earned != "" {
		d := date(c.Earned)
		in.EarnedOn = &d
	}
	if c.Program != "" {
		in.Held = &catalog.HeldCycle{Program: catalog.Program(c.Program), CertifiedOn: date(c.CycleStart), ExpiresOn: date(c.CycleEnd)}
	}
	return in
}

// evalToday is the day the evaluation runs as of: after every earned date of the set.
var evalToday = catalog.NewDate(2026, 11, 22)

// TestCredentialCheckEvaluation runs the labelled evaluation set: it
// reports the accuracy, and fails below 98% or on any credential that does
// not qualify answered as qualifying. A case is right when its verdict
// and entry are, its labelled rule is among the rules applied, and every
// alternative is among its labelled alternatives.
func TestCredentialCheckEvaluation(t *testing.T) {
	snap := seededSnapshot(t)
	cases := loadEvalCases(t)
	if len(cases) < 450 {
		t.Fatalf("the evaluation set has %d cases, want at least 450", len(cases))
	}
	for family := 1; family <= 8; family++ {
		prefix := fmt.Sprintf("f%d-", family)
		if n := len(slices.DeleteFunc(slices.Clone(cases), func(c evalCase) bool { return !strings.HasPrefix(c.ID, prefix) })); n < 20 {
			t.Errorf("family %d of issue 15 has %d cases, want at least 20", family, n)
		}
	}
	var wrong, falseQualifications []string
	for _, c := range cases {
		in := c.input(t)
		err := search.ValidateCredential("", in, evalToday)
		if c.Error != "" {
			if catalog.ErrorCode(err) != catalog.Code(c.Error) {
				wrong = append(wrong, c.ID+": want error "+c.Error+", got "+errString(err))
			}
			continue
		}
		if err != nil {
			wrong = append(wrong, c.ID+": unexpected error "+err.Error())
			continue
		}
		got := search.CheckCredential(snap, in)
		key := ""
		if got.Entry != nil {
			key = got.Entry.Key
		}
		ok := string(got.Verdict) == c.Verdict
		switch {
		case ok && c.Verdict == string(catalog.VerdictIndustryCertification):
			ok = key == c.Entry
		case ok && c.Entry != "" && key != "":
			ok = key == c.Entry
		}
		if ok && c.Rule != "" {
			ok = slices.ContainsFunc(got.Rules, func(r catalog.AppliedRule) bool { return string(r.Code) == c.Rule })
		}
		for _, a := range got.Alternatives {
			if len(c.Alternatives) > 0 && !slices.Contains(c.Alternatives, a.Certification.Key) {
				ok = false
			}
		}
		if got.Verdict == catalog.VerdictIndustryCertification && qualifiesFalsely(c, key) {
			falseQualifications = append(falseQualifications, c.ID+" ("+c.Text+"): answered IC as "+key)
		}
		if !ok {
			var alts []string
			for _, a := range got.Alternatives {
				alts = append(alts, a.Certification.Key)
			}
			wrong = append(wrong, c.ID+" ("+c.Text+"): want "+c.Verdict+" "+c.Entry+", got "+string(got.Verdict)+" "+key+
				" ["+strings.Join(alts, " ")+"]")
		}
	}
	accuracy := float64(len(cases)-len(wrong)) / float64(len(cases))
	t.Logf("credential check accuracy: %.1f%% (%d of %d cases right)", 100*accuracy, len(cases)-len(wrong), len(cases))
	for _, w := range wrong {
		t.Log("wrong: " + w)
	}
	if len(falseQualifications) > 0 {
		t.Errorf("credentials that do not qualify were answered as qualifying:\n%s", strings.Join(falseQualifications, "\n"))
	}
	// Every case of the set is answered right today: a change that gets
	// one wrong is a regression, not noise (the floor was 98%, under which
	// six cases once went wrong unnoticed).
	if len(wrong) > 0 {
		t.Errorf("accuracy %.1f%%: %d of %d cases answered wrong, each listed above", 100*accuracy, len(wrong), len(cases))
	}
}

// qualifiesFalsely reports whether answering IC with entry key is a false
// qualification for the case: the credential may not qualify at all. An
// ambiguous case whose every reading is a listed entry is not one; an
// ambiguous case with a single candidate (an OSHA card whose industry is
// not said) is, since its other reading earns nothing.
func qualifiesFalsely(c evalCase, key string) bool {
	switch c.Verdict {
	case string(catalog.VerdictIndustryCertification):
		return false
	case string(catalog.VerdictAmbiguous):
		return len(c.Candidates) < 2 || !slices.Contains(c.Candidates, key)
	}
	return true
}

func errString(err error) string {
	if err == nil {
		return "none"
	}
	return err.Error()
}

// TestEvaluationSetIsSound checks the labels themselves: unique ids, known
// verdicts, and entries that exist in the seed.
func TestEvaluationSetIsSound(t *testing.T) {
	data := catalogtest.SeedData(t)
	keys := map[string]bool{}
	for _, c := range data.Certifications {
		keys[c.Key] = true
	}
	verdicts := []string{"INDUSTRY_CERTIFICATION", "CONTINUING_EDUCATION", "DOES_NOT_COUNT", "NOT_LISTED", "AMBIGUOUS", "UNDER_REVIEW"}
	seen := map[string]bool{}
	for _, c := range loadEvalCases(t) {
		if seen[c.ID] {
			t.Errorf("id %s appears twice", c.ID)
		}
		seen[c.ID] = true
		if !slices.Contains(verdicts, c.Verdict) {
			t.Errorf("%s: unknown verdict %q", c.ID, c.Verdict)
		}
		for _, k := range append([]string{c.Entry}, c.Candidates...) {
			if k != "" && !keys[k] {
				t.Errorf("%s: entry %q is not in the seed", c.ID, k)
			}
		}
		if c.Verdict == "INDUSTRY_CERTIFICATION" && c.Entry == "" {
			t.Errorf("%s: an INDUSTRY_CERTIFICATION case needs its entry", c.ID)
		}
	}
}
