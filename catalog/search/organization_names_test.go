package search_test

import (
	"slices"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/search"
)

// TestTheCredentialCheckKnowsIssuersByTheirOtherNames checks that an
// issuer written by a name its body had or has taken since (seed note 11)
// is taken for that body, so the listed entry is found rather than
// answered as issued by someone else; a body that is no other name of a
// listed issuer is still told apart.
func TestTheCredentialCheckKnowsIssuersByTheirOtherNames(t *testing.T) {
	snap := seededSnapshot(t)
	for _, tc := range []struct {
		name, text, issuer string
		verdict            catalog.CredentialVerdict
		entry              string
		rule               catalog.RuleCode
	}{
		{name: "APICS as ASCM spelled out", text: "CPIM", issuer: "Association for Supply Chain Management",
			verdict: catalog.VerdictIndustryCertification, entry: "apics-cpim"},
		{name: "APICS as ASCM in the text", text: "Certified Supply Chain Professional - Association for Supply Chain Management",
			verdict: catalog.VerdictIndustryCertification, entry: "apics-cscp"},
		{name: "SME by its former name", text: "Certified Manufacturing Technologist", issuer: "Society of Manufacturing Engineers",
			verdict: catalog.VerdictIndustryCertification, entry: "sme-cmfgt"},
		{name: "PMMI by its name today", text: "Mechatronics: Industrial Electricity 1", issuer: "The Association for Packaging and Processing Technologies",
			verdict: catalog.VerdictIndustryCertification, entry: "pmmi-industrial-electricity-1"},
		{name: "Crane Institute of America by its certification body", text: "Crane Operator: Small Telescoping Boom Crane, Under 21 Tons", issuer: "Crane Institute Certification",
			verdict: catalog.VerdictIndustryCertification, entry: "cia-small-telescoping-boom"},
		{name: "Crane Institute of America by its certification body's acronym", text: "Mobile Crane Operator Small Telescoping Boom", issuer: "CIC",
			verdict: catalog.VerdictIndustryCertification, entry: "cia-small-telescoping-boom"},
		{name: "NCCCO as the guide also spells it", text: "Rigger Level II", issuer: "National Commission for Certification of Crane Operators",
			verdict: catalog.VerdictIndustryCertification, entry: "nccco-rigger-level-2"},
		{name: "NCCCO by its certifications' mark", text: "CCO Rigger Level 1",
			verdict: catalog.VerdictIndustryCertification, entry: "nccco-rigger"},
		{name: "NCCCO by its certifications' mark, a signalperson", text: "CCO Signalperson",
			verdict: catalog.VerdictIndustryCertification, entry: "nccco-signalperson"},
		{name: "a body that is none of them", text: "CPIM", issuer: "Institute for Supply Management",
			verdict: catalog.VerdictNotListed, rule: catalog.RuleOtherIssuerNamed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := search.CheckCredential(snap, catalog.CredentialInput{Text: tc.text, Issuer: tc.issuer})
			key := ""
			if got.Entry != nil {
				key = got.Entry.Key
			}
			if got.Verdict != tc.verdict || key != tc.entry {
				t.Fatalf("%q from %q = %s %q, want %s %q (rules %v)", tc.text, tc.issuer, got.Verdict, key, tc.verdict, tc.entry, got.Rules)
			}
			named := slices.ContainsFunc(got.Rules, func(r catalog.AppliedRule) bool { return r.Code == catalog.RuleOtherIssuerNamed })
			if want := tc.rule == catalog.RuleOtherIssuerNamed; named != want {
				t.Errorf("%q from %q applies %v; %s among them: %t, want %t", tc.text, tc.issuer, got.Rules, catalog.RuleOtherIssuerNamed, named, want)
			}
		})
	}
}
