package search

import (
	"strings"
	"unicode"

	"github.com/mssc/recert/catalog"
)

// credentialSignals are what a credential's text says of its kind, read
// once before any rule looks at it: who issued it, whether what was
// earned is training or a licence, and the year written in it. The rules
// of the check read these features rather than searching the raw text, so
// that a word in an issuer's name ("ABC Training Institute") or in a
// licence class ("Class A") is never taken for what was earned.
type credentialSignals struct {
	// all is the normalized text and issuer together.
	all string
	// earned is the normalized text without the issuer phrases: what the
	// candidate earned.
	earned string
	// issuerPhrases are the normalized phrases that name an issuer: the
	// issuer input, and the parts of the text that name an organization.
	issuerPhrases []string
	// otherIssuer is an issuer named in full that is no organization of
	// the catalog, as written; empty when none is.
	otherIssuer string
	// otherIssuerText is the part of the text that names otherIssuer;
	// empty when the issuer input names it.
	otherIssuerText string
	// issuerOnly says the text names organizations of the catalog and
	// nothing else.
	issuerOnly bool
	// training says what was earned is a course or training.
	training bool
	// licence says what was earned is a licence.
	licence bool
	// equipment says the text names equipment training or an equipment
	// manufacturer or industry body (FAQ 15).
	equipment bool
	// methodology says what was earned is a method taught by many bodies,
	// such as Six Sigma or Lean (guide, Employer training).
	methodology bool
	// year is the one calendar year written in the text, 0 when there is
	// none or more than one.
	year int
}

// issuerSuffixWords end or mark the name of an organization.
var issuerSuffixWords = phrases(
	"institute", "academy", "council", "association", "society", "inc", "llc", "ltd", "corp", "corporation",
	"company", "college", "university", "school", "center", "centre", "group", "consulting", "consultants",
	"solutions", "services", "foundation", "federation", "alliance", "partners", "industries", "organization",
	"organisation", "agency", "commission", "board", "bureau", "training center",
)

// issuerLeadWords introduce the issuer in a text ("... from ABC Institute").
var issuerLeadWords = []string{"from", "by", "through", "via", "issued by", "awarded by"}

// licenceWords mark a licence, which is neither a course nor a listed
// certification.
var licenceWords = phrases("license", "licence", "licensed", "licenced", "cdl", "commercial driver", "drivers license", "driver license", "permit")

// licenceClassWords are the class of a licence ("Class A"), which is no class taken.
var licenceClassWords = phrases("class a", "class b", "class c", "class d", "class m", "class 1", "class 2", "class 3", "class 4", "class 5")

// methodologyWords name methods taught and certified by many bodies; the
// guide counts employer or third-party training in them as Continuing
// Education (guide, Employer training: "Six Sigma, Lean, etc.").
var methodologyWords = phrases("six sigma", "lean", "kaizen", "5s", "lean six sigma")

// analyseSignals reads the signals of a credential against the
// organizations the matcher knows.
func (m *matcher) analyseSignals(in catalog.CredentialInput) credentialSignals {
	sig := credentialSignals{all: catalog.NormalizeText(in.Text + " " + in.Issuer)}
	segments := splitSegments(in.Text)
	var earned []string
	// A part repeated is looked up once.
	known := map[string]bool{}
	for i, seg := range segments {
		n := catalog.NormalizeText(seg.text)
		if n == "" {
			continue
		}
		if i == 0 {
			earned = append(earned, n)
			continue
		}
		isKnown, looked := known[n]
		if !looked {
			isKnown = m.knownOrganization(n)
			known[n] = isKnown
		}
		if isKnown || seg.led || hasAny(n, issuerSuffixWords) {
			sig.issuerPhrases = append(sig.issuerPhrases, n)
			if !isKnown && sig.otherIssuer == "" && (hasAny(n, issuerSuffixWords) || spelledOut(seg.text)) {
				sig.otherIssuer, sig.otherIssuerText = strings.TrimSpace(seg.text), seg.text
			}
			continue
		}
		earned = append(earned, n)
	}
	if iss := catalog.NormalizeText(in.Issuer); iss != "" {
		sig.issuerPhrases = append(sig.issuerPhrases, iss)
		if !m.knownOrganization(iss) && spelledOut(in.Issuer) {
			sig.otherIssuer = catalog.FirstNonEmpty(sig.otherIssuer, strings.TrimSpace(in.Issuer))
		}
	}
	sig.earned = strings.Join(earned, " ")
	sig.issuerOnly = len(earned) == 1 && m.namesOnlyOrganizations(earned[0]) && in.Issuer == ""
	sig.licence = hasAny(sig.earned, licenceWords)
	sig.equipment = hasAny(sig.all, ceWords)
	sig.methodology = hasAny(sig.earned, methodologyWords)
	training := removePhrases(sig.earned, licenceClassWords)
	if sig.licence {
		// A licence's class ("3rd Class") is no class taken.
		training = removePhrases(training, phrases("class", "classes"))
	}
	sig.training = hasAny(training, trainingWords)
	sig.year = onlyYear(catalog.NormalizeText(in.Text))
	return sig
}

// matchText is the text to match against the catalog: the credential's
// text without the name of an issuer the catalog does not know, whose
// words say nothing of which entry is meant.
func (sig credentialSignals) matchText(in catalog.CredentialInput) string {
	if sig.otherIssuerText == "" {
		return in.Text
	}
	return strings.Replace(in.Text, sig.otherIssuerText, " ", 1)
}

// segment is a part of a credential's text between separators.
type segment struct {
	text string
	// led says an issuer word ("from", "by") introduced it.
	led bool
}

// splitSegments splits a credential's text at dashes, commas, semicolons,
// bars and parentheses, and before the words that introduce an issuer.
func splitSegments(text string) []segment {
	var out []segment
	var cur strings.Builder
	flush := func(led bool) {
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, segment{text: s, led: led})
		}
		cur.Reset()
	}
	runes := []rune(text)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case r == ',' || r == ';' || r == '|' || r == '(' || r == ')' || r == '–' || r == '—':
			flush(false)
		case r == '-' && i > 0 && i+1 < len(runes) && unicode.IsSpace(runes[i-1]) && unicode.IsSpace(runes[i+1]):
			flush(false)
		default:
			cur.WriteRune(r)
		}
	}
	flush(false)
	var split []segment
	for _, s := range out {
		split = append(split, splitAtLeadWord(s)...)
	}
	return split
}

// splitAtLeadWord splits a segment before a word that introduces an
// issuer, when words come before it and after it.
func splitAtLeadWord(s segment) []segment {
	words := strings.Fields(s.text)
	for i := 1; i < len(words); i++ {
		for _, lead := range issuerLeadWords {
			parts := strings.Fields(lead)
			if i+len(parts) >= len(words) || !equalWords(words[i:i+len(parts)], parts) {
				continue
			}
			return []segment{
				{text: strings.Join(words[:i], " "), led: s.led},
				{text: strings.Join(words[i+len(parts):], " "), led: true},
			}
		}
	}
	return []segment{s}
}

// equalWords reports whether two lists of words are the same, ignoring case.
func equalWords(a, b []string) bool {
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return len(a) == len(b)
}

// spelledOut reports whether an issuer is written as a name rather than an
// abbreviation: an unknown abbreviation may be another name of a known body.
func spelledOut(issuer string) bool {
	return !looksLikeAcronym(strings.TrimSpace(issuer)) && len(strings.Fields(catalog.NormalizeText(issuer))) >= 2
}

// knownOrganization reports whether normalized text names an organization
// of the catalog: its acronym or name, as a whole or within the text,
// allowing two typos in a long name.
func (m *matcher) knownOrganization(text string) bool {
	for words := range m.orgWords {
		if containsWords(text, words) {
			return true
		}
	}
	runes := []rune(catalog.Compact(text))
	scratch := &catalog.DistanceScratch{}
	for _, name := range m.orgNames {
		if scratch.Distance(runes, name, 2) <= 2 {
			return true
		}
	}
	return false
}

// namesOnlyOrganizations reports whether normalized text is made of the
// names or acronyms of organizations of the catalog and noise words only.
func (m *matcher) namesOnlyOrganizations(text string) bool {
	for _, t := range strings.Fields(text) {
		if !m.orgWordSet[t] && !noiseWords[t] && !catalog.StopWords[t] && !catalog.IsYear(t) {
			return false
		}
	}
	rest := " " + text + " "
	found := false
	for words := range m.orgWords {
		if strings.Contains(rest, " "+words+" ") {
			rest = strings.ReplaceAll(rest, " "+words+" ", " ")
			found = true
		}
	}
	if !found {
		return false
	}
	for _, t := range strings.Fields(rest) {
		if !noiseWords[t] && !catalog.StopWords[t] && !catalog.IsYear(t) {
			return false
		}
	}
	return true
}

// removePhrases removes the phrases of set from normalized text.
func removePhrases(text string, set phraseSet) string {
	padded := " " + text + " "
	for _, p := range set {
		padded = strings.ReplaceAll(padded, p, " ")
	}
	return strings.Join(strings.Fields(padded), " ")
}

// onlyYear returns the one calendar year in normalized text, or 0 when
// there is none or more than one.
func onlyYear(text string) int {
	year := 0
	for _, t := range strings.Fields(text) {
		if !catalog.IsYear(t) {
			continue
		}
		y := 0
		for _, r := range t {
			y = y*10 + int(r-'0')
		}
		if year != 0 && year != y {
			return 0
		}
		year = y
	}
	return year
}
