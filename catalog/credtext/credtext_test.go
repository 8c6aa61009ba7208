package credtext_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/credtext"
)

// TestSplitSegmentsSplitsAtSeparatorsAndIssuerWords checks the parts a
// credential's text is read in: separators end a part, a spaced dash
// does while a hyphen inside a word does not, and a word introducing an
// issuer starts a part marked as led by it.
func TestSplitSegmentsSplitsAtSeparatorsAndIssuerWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []credtext.Segment
	}{
		{"OSHA-30 General Industry", []credtext.Segment{{Text: "OSHA-30 General Industry"}}},
		{"CWI - American Welding Society", []credtext.Segment{{Text: "CWI"}, {Text: "American Welding Society"}}},
		{"Certified Rigger (NCCCO); 2023", []credtext.Segment{{Text: "Certified Rigger"}, {Text: "NCCCO"}, {Text: "2023"}}},
		{"Forklift operator issued by Acme Training", []credtext.Segment{{Text: "Forklift operator"}, {Text: "Acme Training", Led: true}}},
		{"Certified from", []credtext.Segment{{Text: "Certified from"}}},
	} {
		if got := credtext.SplitSegments(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%q: %+v, want %+v", tc.text, got, tc.want)
		}
	}
}

// TestOnlyYearIsTheOneYearWritten checks that a year is read only when
// the text holds one, however often it is written.
func TestOnlyYearIsTheOneYearWritten(t *testing.T) {
	for text, want := range map[string]int{
		"cwi 2023": 2023, "cwi 2023 renewed 2023": 2023, "cwi 2021 2023": 0, "osha 30": 0, "iso 9001": 0,
	} {
		if got := credtext.OnlyYear(text); got != want {
			t.Errorf("%q: %d, want %d", text, got, want)
		}
	}
}

// TestOSHACardsAndExcludedStandards checks the reading of OSHA Outreach
// cards and of the standards whose cards and training earn nothing.
func TestOSHACardsAndExcludedStandards(t *testing.T) {
	if ok, n := credtext.OSHACard("osha 30 hour card"); !ok || n != "30" {
		t.Errorf("OSHA 30 card: %v %q", ok, n)
	}
	if ok, _ := credtext.OSHACard("forklift card"); ok {
		t.Error("a card without OSHA was read as an OSHA card")
	}
	if code, industry, ok := credtext.OSHAExcludedCard("osha 10 maritime"); !ok || code != catalog.RuleOSHAMaritimeCard || industry != "Maritime" {
		t.Errorf("maritime card: %v %q %v", code, industry, ok)
	}
	if code, _, ok := credtext.OSHAExcludedTraining("osha 510 course"); !ok || code != catalog.RuleOSHAConstructionCard {
		t.Errorf("OSHA 510: %v %v", code, ok)
	}
	if _, _, ok := credtext.OSHAExcludedTraining("osha 30 general industry"); ok {
		t.Error("General Industry training was read as an excluded standard")
	}
}

// TestPhrasesMatchWholeWordsOnly checks that a phrase is found, and
// removed, only as whole words.
func TestPhrasesMatchWholeWordsOnly(t *testing.T) {
	set := credtext.Phrases("class a", "lean")
	if !credtext.HasAny("cdl class a license", set) || credtext.HasAny("cleaning classes", set) {
		t.Error("a phrase matched part of a word, or was not found whole")
	}
	if got := credtext.RemovePhrases("cdl class a license", set); got != "cdl license" {
		t.Errorf("removed: %q", got)
	}
}

// TestWithoutRecordNumbersDropsWhatSaysNothingOfTheCredential checks that
// a certificate or card number and an expiry date are left out of what
// the check reads, while the numbers that name a credential (a standard,
// a card's hours, a course, a level, a year earned) stay.
func TestWithoutRecordNumbersDropsWhatSaysNothingOfTheCredential(t *testing.T) {
	for text, want := range map[string]string{
		"CWI #12345678":                      "CWI",
		"CWI cert no. 0912345":               "CWI",
		"AWS CWI 09123451":                   "AWS CWI",
		"CSP #12345":                         "CSP",
		"CWI, exp. 06/2026":                  "CWI,",
		"valid until June 2027 CWI":          "CWI",
		"CWI no. 09123451 expires 2027":      "CWI",
		"ISO 14001 Lead Auditor":             "ISO 14001 Lead Auditor",
		"ISA/IEC 62443 Specialist":           "ISA/IEC 62443 Specialist",
		"OSHA 510":                           "OSHA 510",
		"OSHA 30 General Industry":           "OSHA 30 General Industry",
		"CPIM Part 1":                        "CPIM Part 1",
		"NIMS Level III":                     "NIMS Level III",
		"Certified Welding Inspector (2023)": "Certified Welding Inspector (2023)",
		"49 CFR 172.704":                     "49 CFR 172.704",
		"#12345":                             "#12345",
	} {
		if got := strings.Join(strings.Fields(credtext.WithoutRecordNumbers(text)), " "); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestCreditHoursAreReadFromTheCourse checks the credit hours read from a
// course's normalized text, and the row they pick about a threshold.
func TestCreditHoursAreReadFromTheCourse(t *testing.T) {
	for text, want := range map[string]int{
		"introduction to plcs 3 credit hours": 3, "scm 301 4 credits": 4, "welding 3 0 semester hours": 3,
		"osha 30 hour card": 0, "cpim part 1": 0, "2 credit hour course": 2,
	} {
		if got := credtext.CreditHours(text); got != want {
			t.Errorf("%q: %d credit hours, want %d", text, got, want)
		}
	}
	for text, want := range map[string]string{
		"plcs 3 credit hours": "ce-for-credit-3-plus", "plcs 2 credits": "ce-for-credit-under-3",
		"blueprint non credit course": "ce-non-credit", "navy course vmet": "ce-military", "loto training": "ce-third-party",
	} {
		if got := credtext.ContinuingEducationRow(text, 3); got != want {
			t.Errorf("%q: row %s, want %s", text, got, want)
		}
	}
}
