package search

import (
	"strings"

	"github.com/mssc/recert/catalog"
)

// The word lists below recognise the kinds of credential the guide rules
// on before any catalog lookup. Each list is matched against the normalized
// text (lower case, punctuation as spaces) as whole words or phrases.

// attendanceWords mark certificates earned by attendance alone (guide line 142).
var attendanceWords = phrases("attendance", "attendee", "attended", "participation", "participant")

// localWords mark local or company-specific certificates (guide line 141).
var localWords = phrases(
	"internal", "in house", "inhouse", "company issued", "company program", "company qms", "company specific",
	"plant qualification", "plant specific", "site certification", "site specific", "employer specific",
	"proprietary", "badge",
)

// generalEducationWords mark general education courses (FAQ 6).
var generalEducationWords = phrases(
	"english", "algebra", "calculus", "history", "art appreciation", "music", "literature", "social studies",
	"psychology", "sociology", "philosophy", "composition", "humanities", "public speaking", "math",
)

// ceWords mark certificates and licences of equipment manufacturers,
// industry bodies and government training, which count as Continuing
// Education (FAQ 15): forklift training and licences, hazardous-materials
// training, manufacturer training.
var ceWords = phrases(
	"forklift", "fork lift", "powered industrial truck", "reach truck", "pallet jack", "mewp", "aerial work platform",
	"aerial lift", "scissor lift", "hazwoper", "hazmat", "hazardous materials", "hazardous waste", "dangerous goods",
	"49 cfr", "phmsa", "rcra", "iata", "dot hazmat",
	"crown equipment", "raymond", "hyster", "yale", "jlg", "genie", "caterpillar", "komatsu", "john deere",
	"fanuc", "abb robotics", "kuka", "yaskawa", "motoman", "rockwell", "allen bradley", "siemens", "sitrain",
	"schneider electric", "mitsubishi electric", "omron", "festo", "bosch rexroth", "parker hannifin", "parker",
	"skf", "timken", "haas", "mazak", "okuma", "dmg mori", "lincoln electric", "miller electric", "hypertherm",
	"emerson", "honeywell", "cognex", "keyence", "grainger",
)

// trainingWords mark training rather than a certification (guide line
// 145, FAQ 10); they are left out when the text is matched to the catalog.
var trainingWords = phrases(
	"training", "course", "courses", "class", "classes", "seminar", "workshop", "prep", "preparation",
	"review", "bootcamp", "boot camp", "exam", "learning system", "study", "tutorial", "completion",
	"contact hours", "day",
)

// oshaWords recognise OSHA Outreach cards (FAQ 7).
var (
	oshaGeneralWords = phrases("general industry", "gi", "general")
	// oshaExcludedCards are the OSHA cards that earn nothing (FAQ 7).
	oshaExcludedCards = []struct {
		industry string
		code     catalog.RuleCode
		words    phraseSet
	}{
		{"Construction", catalog.RuleOSHAConstructionCard, phrases("construction")},
		{"Maritime", catalog.RuleOSHAMaritimeCard, phrases("maritime", "shipyard", "longshoring", "marine terminal")},
		{"Disaster Site Workers", catalog.RuleOSHADisasterSiteCard, phrases("disaster site", "disaster", "7600")},
	}
	oshaWords     = phrases("osha", "outreach")
	oshaCardWords = phrases("card", "outreach")
	oshaNumbers   = []struct {
		number string
		words  phraseSet
	}{{"10", phrases("10")}, {"30", phrases("30")}, {"7600", phrases("7600")}}
	fullCPTWords   = phrases("certified production technician", "cpt")
	cptModuleWords = phrases("safety", "quality", "processes", "process", "maintenance", "green", "module")
)

// oshaExcludedCourses are the OSHA Training Institute courses of the
// standards whose training earns nothing (FAQ 7), by their numbers: the
// Construction trainer and standards courses (500, 502, 510), the
// Maritime ones (5400, 5402, 5410) and the Disaster Site Worker ones
// (5600, 7600).
var oshaExcludedCourses = []struct {
	industry string
	code     catalog.RuleCode
	numbers  phraseSet
}{
	{"Construction", catalog.RuleOSHAConstructionCard, phrases("500", "502", "510")},
	{"Maritime", catalog.RuleOSHAMaritimeCard, phrases("5400", "5402", "5410")},
	{"Disaster Site Workers", catalog.RuleOSHADisasterSiteCard, phrases("5600", "7600")},
}

// oshaExcludedTraining reports whether normalized text names OSHA
// training, a trainer course included, for a standard that earns nothing
// (FAQ 7: "OSHA training for Construction, Maritime or Disaster Site
// Workers do NOT earn points"), and which.
func oshaExcludedTraining(text string) (catalog.RuleCode, string, bool) {
	if !hasAny(text, oshaWords) {
		return "", "", false
	}
	for _, card := range oshaExcludedCards {
		if hasAny(text, card.words) {
			return card.code, card.industry, true
		}
	}
	for _, course := range oshaExcludedCourses {
		if hasAny(text, course.numbers) {
			return course.code, course.industry, true
		}
	}
	return "", "", false
}

// phraseSet is a list of words and phrases padded with spaces, so that a
// search in padded text finds them as whole words only.
type phraseSet []string

// phrases pads the words and phrases for whole-word search.
func phrases(words ...string) phraseSet {
	out := make(phraseSet, len(words))
	for i, w := range words {
		out[i] = " " + w + " "
	}
	return out
}

// hasAny reports whether normalized text contains any of the phrases as
// whole words.
func hasAny(text string, set phraseSet) bool {
	padded := " " + text + " "
	for _, w := range set {
		if strings.Contains(padded, w) {
			return true
		}
	}
	return false
}

// wordSet returns the single words of the phrases, for leaving them out of matching.
func wordSet(set phraseSet) map[string]bool {
	out := map[string]bool{}
	for _, p := range set {
		for _, w := range strings.Fields(p) {
			out[w] = true
		}
	}
	return out
}

var trainingWordSet = wordSet(trainingWords)

// oshaCard reports whether the text names an OSHA Outreach card and, if
// so, which number (10 or 30) it names, if any.
func oshaCard(text string) (bool, string) {
	if !hasAny(text, oshaWords) {
		return false, ""
	}
	for _, n := range oshaNumbers {
		if hasAny(text, n.words) {
			return true, n.number
		}
	}
	return hasAny(text, oshaCardWords), ""
}
