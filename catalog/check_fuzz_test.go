package catalog_test

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
)

var verdicts = []catalog.CredentialVerdict{
	catalog.VerdictIndustryCertification, catalog.VerdictContinuingEducation, catalog.VerdictDoesNotCount,
	catalog.VerdictNotListed, catalog.VerdictUnderReview, catalog.VerdictAmbiguous,
}

// FuzzCheckCredential feeds the matcher text in any script, with control
// characters and broken UTF-8: it must never crash, and every answer must
// be well formed.
func FuzzCheckCredential(f *testing.F) {
	for _, seed := range []struct{ text, issuer string }{
		{"AWS CWI", ""}, {"OSHA 30 hr General Industry card", ""}, {"Six Sigma Black Belt - SME", ""},
		{"Certfied Welding Inspector (2023)", ""}, {"Mobile Crane Operator", "NCCER"}, {"溶接検査員 (CWI)", "日本"},
		{"Сертифицированный сварщик", ""}, {"\x00\x1b[31mCSP\u202e", ""}, {"((((((", ")"}, {"\xff\xfe", "\xc3"},
		{"' OR 1=1; DROP TABLE certifications; --", ""}, {"ISO 9001 9001 9001 lead lead auditor", "PECB"},
	} {
		f.Add(seed.text, seed.issuer)
	}
	snap := seededSnapshot(f)
	today := catalog.NewDate(2026, 11, 22)
	f.Fuzz(func(t *testing.T, text, issuer string) {
		in := catalog.CredentialInput{Text: text, Issuer: issuer}
		if err := catalog.ValidateCredential("", in, today); err != nil {
			if catalog.ErrorCode(err) != catalog.CodeInvalid {
				t.Fatalf("validation failed with %v", err)
			}
			return
		}
		got := snap.CheckCredential(in)
		if !slices.Contains(verdicts, got.Verdict) || got.NextStep == "" || len(got.Rules) == 0 {
			t.Fatalf("malformed answer for %q: %+v", text, got)
		}
		if got.Confidence < 0 || got.Confidence > 1 {
			t.Fatalf("confidence %v out of [0, 1] for %q", got.Confidence, text)
		}
		if (got.Verdict == catalog.VerdictIndustryCertification) != (got.Entry != nil && got.Points > 0) {
			t.Fatalf("an IC answer needs an entry and points, and only it: %+v", got)
		}
		for _, r := range got.Rules {
			if !utf8.ValidString(r.Description) && utf8.ValidString(text) {
				t.Fatalf("rule text is not valid UTF-8: %q", r.Description)
			}
		}
		_, _ = snap.FindCertifications(catalog.CertificationCriteria{Search: text}, catalog.CertificationSort{}, catalog.PageRequest{})
	})
}
