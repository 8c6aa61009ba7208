package credtext

import (
	"regexp"

	"github.com/mssc/recert/catalog"
)

// OSHAGeneralWords say an OSHA card or course is of General Industry,
// the only standard whose cards count (FAQ 7).
var OSHAGeneralWords = Phrases("general industry", "gi", "general", "gen ind", "gen industry")

// The words below recognise OSHA Outreach cards and the standards whose
// cards earn nothing (FAQ 7).
var (
	// oshaExcludedCards are the OSHA cards that earn nothing (FAQ 7).
	oshaExcludedCards = []struct {
		industry string
		code     catalog.RuleCode
		words    PhraseSet
	}{
		{"Construction", catalog.RuleOSHAConstructionCard, Phrases("construction", "construccion", "construcción")},
		{"Maritime", catalog.RuleOSHAMaritimeCard, Phrases("maritime", "shipyard", "longshoring", "marine terminal")},
		{"Disaster Site Workers", catalog.RuleOSHADisasterSiteCard, Phrases("disaster site", "disaster", "7600")},
	}
	oshaWords     = Phrases("osha", "outreach")
	oshaCardWords = Phrases("card", "outreach")
	oshaNumbers   = []struct {
		number string
		words  PhraseSet
	}{{"10", Phrases("10")}, {"30", Phrases("30")}, {"7600", Phrases("7600")}}
)

// oshaExcludedCourses are the OSHA Training Institute courses of the
// standards whose training earns nothing (FAQ 7), by their numbers: the
// Construction trainer and standards courses (500, 502, 510), the
// Maritime ones (5400, 5402, 5410) and the Disaster Site Worker ones
// (5600, 7600).
var oshaExcludedCourses = []struct {
	industry string
	code     catalog.RuleCode
	numbers  PhraseSet
}{
	{"Construction", catalog.RuleOSHAConstructionCard, Phrases("500", "502", "510")},
	{"Maritime", catalog.RuleOSHAMaritimeCard, Phrases("5400", "5402", "5410")},
	{"Disaster Site Workers", catalog.RuleOSHADisasterSiteCard, Phrases("5600", "7600")},
}

// OSHAExcludedCard reports whether normalized text names the OSHA card of
// a standard that earns nothing (FAQ 7), and which: its rule code and
// industry.
func OSHAExcludedCard(text string) (catalog.RuleCode, string, bool) {
	for _, card := range oshaExcludedCards {
		if HasAny(text, card.words) {
			return card.code, card.industry, true
		}
	}
	return "", "", false
}

// OSHAExcludedTraining reports whether normalized text names OSHA
// training, a trainer course included, for a standard that earns nothing
// (FAQ 7: "OSHA training for Construction, Maritime or Disaster Site
// Workers do NOT earn points"), and which.
func OSHAExcludedTraining(text string) (catalog.RuleCode, string, bool) {
	if !HasAny(text, oshaWords) {
		return "", "", false
	}
	for _, card := range oshaExcludedCards {
		if HasAny(text, card.words) {
			return card.code, card.industry, true
		}
	}
	for _, course := range oshaExcludedCourses {
		if HasAny(text, course.numbers) {
			return course.code, course.industry, true
		}
	}
	return "", "", false
}

// OSHACard reports whether the text names an OSHA Outreach card and, if
// so, which number (10 or 30) it names, if any.
func OSHACard(text string) (bool, string) {
	if !HasAny(text, oshaWords) {
		return false, ""
	}
	for _, n := range oshaNumbers {
		if HasAny(text, n.words) {
			return true, n.number
		}
	}
	return HasAny(text, oshaCardWords), ""
}

// oshaCourseNumber matches the number of an OSHA Training Institute course
// (500 to 9999): "OSHA 511", "OSHA #7500".
var oshaCourseNumber = regexp.MustCompile(`\b([5-9]\d{2}|[1-9]\d{3})\b`)

// OSHACourse reports whether normalized text names an OSHA Training
// Institute course by its number, a training rather than a card ("OSHA
// 511 Standards for General Industry"; the 10- and 30-hour cards and a
// CFR part are no course numbers).
func OSHACourse(text string) bool {
	if !HasAny(text, oshaWords) || HasAny(text, Phrases("cfr", "1910", "1926")) {
		return false
	}
	return oshaCourseNumber.MatchString(text)
}
