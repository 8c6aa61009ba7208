package search_test

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/search"
)

var verdicts = []catalog.CredentialVerdict{
	catalog.VerdictIndustryCertification, catalog.VerdictContinuingEducation, catalog.VerdictDoesNotCount,
	catalog.VerdictNotListed, catalog.VerdictUnderReview, catalog.VerdictAmbiguous,
}

// FuzzCheckCredential feeds the matcher and the analysis of issuer,
// licence, training and year signals text in any script, with control
// characters, broken UTF-8, separators and issuer words in any place: it
// must never crash, every answer must be well formed, and exactly the
// answers that count say what to claim.
func FuzzCheckCredential(f *testing.F) {
	for _, seed := range []struct{ text, issuer string }{
		{"AWS CWI", ""}, {"OSHA 30 hr General Industry card", ""}, {"Six Sigma Black Belt - SME", ""},
		{"Certfied Welding Inspector (2023)", ""}, {"Mobile Crane Operator", "NCCER"}, {"溶接検査員 (CWI)", "日本"},
		{"Сертифицированный сварщик", ""}, {"\x00\x1b[31mCSP\u202e", ""}, {"((((((", ")"}, {"\xff\xfe", "\xc3"},
		{"' OR 1=1; DROP TABLE certifications; --", ""}, {"ISO 9001 9001 9001 lead lead auditor", "PECB"},
		{"CDL Class A", ""}, {"Six Sigma Green Belt - Six Sigma Council", ""}, {"Green Belt", "Acme Consulting Group"},
		{"American Welding Society", ""}, {"OSHA 500 Trainer Course for Construction", ""}, {"Certifed Weldng Inspecter", ""},
		{"CompTIA A+ (2025)", ""}, {"AWS CWI (2019) (2023)", ""}, {" - - , ( ) issued by from by ", "by"},
		{"Certified X issued by", ""}, {"from", "from"}, {"(cic) (CWI) (gold)", ""}, {"Lean Silver certified by the Lean Academy", ""},
		// Lower-casing changes the length of "İ" and "ẞ": splitting at "by" must not index by bytes.
		{"İİİ Certified by ẞẞ Board", ""},
	} {
		f.Add(seed.text, seed.issuer)
	}
	snap := seededSnapshot(f)
	today := catalog.NewDate(2026, 11, 22)
	f.Fuzz(func(t *testing.T, text, issuer string) {
		in := catalog.CredentialInput{Text: text, Issuer: issuer}
		if err := search.ValidateCredential("", in, today); err != nil {
			if catalog.ErrorCode(err) != catalog.CodeBadUserInput {
				t.Fatalf("validation failed with %v", err)
			}
			return
		}
		got := search.CheckCredential(snap, in)
		if !slices.Contains(verdicts, got.Verdict) || got.NextStep == "" || len(got.Rules) == 0 {
			t.Fatalf("malformed answer for %q: %+v", text, got)
		}
		if got.Confidence < 0 || got.Confidence > 1 {
			t.Fatalf("confidence %v out of [0, 1] for %q", got.Confidence, text)
		}
		if (got.Verdict == catalog.VerdictIndustryCertification) != (got.Entry != nil && got.Points > 0) {
			t.Fatalf("an IC answer needs an entry and points, and only it: %+v", got)
		}
		counts := got.Verdict == catalog.VerdictIndustryCertification || got.Verdict == catalog.VerdictContinuingEducation
		if counts != (got.Claim != nil) {
			t.Fatalf("exactly the answers that count say what to claim: %+v", got)
		}
		if c := got.Claim; c != nil {
			wantID := int64(0)
			if got.Verdict == catalog.VerdictIndustryCertification {
				wantID = got.Entry.ID
			}
			if c.ActivityTypeKey == "" || c.Title == "" || c.CertificationID != wantID {
				t.Fatalf("the claim does not match the answer: %+v, claim %+v", got, c)
			}
		}
		for _, r := range got.Rules {
			if !utf8.ValidString(r.Description) && utf8.ValidString(text) {
				t.Fatalf("rule text is not valid UTF-8: %q", r.Description)
			}
		}
		_, _ = search.FindCertifications(snap, catalog.CertificationCriteria{Search: text}, catalog.CertificationSort{}, catalog.PageRequest{})
	})
}
