package search

import (
	"slices"
	"strings"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/credtext"
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
	// unknownIssuer is the issuer input when it names no organization of
	// the catalog and is not spelled out as a name: an abbreviation or one
	// word ("NSC", "Mobius"), which names another body than the entry's
	// unless the entry's data mention it (credtext.IssuerMentioned: "CMAA" of
	// CMCI, whose description names it).
	unknownIssuer string
	// issuerLead are the acronyms of the organizations of the catalog that
	// the issuer input names and the text does not: the text is matched as
	// if it began with them, so that an issuer given in its own field
	// weighs as one written in the text ("Certified Rigger", issuer
	// "National Center for Construction Education and Research", reads as
	// "NCCER Certified Rigger").
	issuerLead string
	// issuerOnly says the text names organizations of the catalog and
	// nothing else, or nothing at all beside an issuer input naming one.
	issuerOnly bool
	// training says what was earned is a course or training, or is not
	// yet earned.
	training bool
	// notYetEarned says the text names something not yet earned ("CPIM
	// candidate", "CSCP in progress").
	notYetEarned bool
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

// analyseSignals reads the signals of a credential against the
// organizations the matcher knows.
func (m *matcher) analyseSignals(in catalog.CredentialInput) credentialSignals {
	sig := credentialSignals{all: catalog.NormalizeText(in.Text + " " + in.Issuer)}
	segments := credtext.SplitSegments(in.Text)
	var earned []string
	// A part repeated is looked up once.
	known := map[string]bool{}
	for i, seg := range segments {
		n := catalog.NormalizeText(seg.Text)
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
		if isKnown || seg.Led || credtext.HasAny(n, credtext.IssuerSuffixWords) {
			sig.issuerPhrases = append(sig.issuerPhrases, n)
			if !isKnown && sig.otherIssuer == "" && (credtext.HasAny(n, credtext.IssuerSuffixWords) || spelledOut(seg.Text)) {
				sig.otherIssuer, sig.otherIssuerText = strings.TrimSpace(seg.Text), seg.Text
			}
			continue
		}
		earned = append(earned, n)
	}
	sig.earned = strings.Join(earned, " ")
	sig.methodology = credtext.HasAny(sig.earned, credtext.MethodologyWords)
	if iss := catalog.NormalizeText(in.Issuer); iss != "" {
		sig.issuerPhrases = append(sig.issuerPhrases, iss)
		// An unknown abbreviation may be another name of a listed body,
		// but not of a Six Sigma belt's: an "IASSC" Green Belt is no SME
		// Green Belt.
		switch {
		case m.knownOrganization(iss):
		case spelledOut(in.Issuer) || credtext.HasAny(sig.earned, credtext.SixSigmaWords):
			sig.otherIssuer = catalog.FirstNonEmpty(sig.otherIssuer, strings.TrimSpace(in.Issuer))
		default:
			sig.unknownIssuer = strings.TrimSpace(in.Issuer)
		}
		sig.issuerLead = m.acronymsNamedOnlyBy(iss, catalog.NormalizeText(in.Text))
	}
	// Only organizations are named when what was earned says nothing but
	// noise ("Certified") beside the issuers the text and the issuer input
	// name ("Certified by AWS").
	sig.issuerOnly = len(earned) == 1 && m.namesOnlyOrganizations(strings.Join(append([]string{earned[0]}, sig.issuerPhrases...), " "))
	sig.licence = credtext.HasAny(sig.earned, credtext.LicenceWords)
	sig.equipment = credtext.HasAny(sig.all, credtext.CEWords)
	training := credtext.RemovePhrases(sig.earned, credtext.LicenceClassWords)
	if sig.licence {
		// A licence's class ("3rd Class") is no class taken.
		training = credtext.RemovePhrases(training, credtext.Phrases("class", "classes"))
	}
	sig.notYetEarned = credtext.HasAny(sig.earned, credtext.NotYetEarnedWords)
	sig.training = credtext.HasAny(training, credtext.TrainingWords) || sig.notYetEarned || credtext.OSHACourse(sig.all)
	sig.year = credtext.OnlyYear(catalog.NormalizeText(in.Text))
	return sig
}

// matchText is the text to match against the catalog: the credential's
// text without the name of an issuer the catalog does not know, whose
// words say nothing of which entry is meant, and led by the issuer input
// when that names an organization of the catalog the text does not.
func (sig credentialSignals) matchText(in catalog.CredentialInput) string {
	text := in.Text
	if sig.otherIssuerText != "" {
		text = strings.Replace(text, sig.otherIssuerText, " ", 1)
	}
	if sig.issuerLead != "" {
		text = sig.issuerLead + " " + text
	}
	return text
}

// spelledOut reports whether an issuer is written as a name rather than an
// abbreviation: an unknown abbreviation may be another name of a known body.
func spelledOut(issuer string) bool {
	return !looksLikeAcronym(strings.TrimSpace(issuer)) && len(strings.Fields(catalog.NormalizeText(issuer))) >= 2
}

// knownOrganization reports whether normalized text names an organization
// of the catalog: its acronym or name, as a whole or within the text,
// allowing two typos in a long name, or its name with words shortened
// ("American Welding Soc.").
func (m *matcher) knownOrganization(text string) bool {
	for words := range m.orgWords {
		if containsWords(text, words) || credtext.ShortenedName(text, words) {
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

// acronymsNamedOnlyBy returns, joined by spaces in a stable order, the
// acronyms of the organizations of the catalog that normalized issuer
// names word for word and normalized text does not.
func (m *matcher) acronymsNamedOnlyBy(issuer, text string) string {
	named, inText := map[int64]bool{}, map[int64]bool{}
	m.findOrgs(issuer, named)
	m.findOrgs(text, inText)
	var out []string
	for id := range named {
		if a := m.orgAcronyms[id]; a != "" && !inText[id] {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return strings.Join(out, " ")
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
		// Replaced until none is left: a name written twice in a row
		// shares the space between them.
		for strings.Contains(rest, " "+words+" ") {
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
