package search

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/credtext"
	"github.com/mssc/recert/catalog/points"
)

// Thresholds of the credential check.
const (
	// matchThreshold is the least score at which an entry is taken as meant.
	matchThreshold = 0.72
	// minQueryRecall is the least share of the text an entry must explain to
	// be taken as meant: a word the catalog does not know ("Certified Widget
	// Rigger") says another certification is meant.
	minQueryRecall = 0.6
	// fullNameRecall is the share of an entry's name a text must name for
	// common words alone to match it; below it the match must be confirmed
	// by a rare word, the entry's acronym or its issuer ("Certified Quality
	// Technician" is not MSSC's CPT Quality certificate).
	fullNameRecall = 0.75
	// ambiguityMargin is how close two scores above the threshold must be
	// for the check to ask rather than guess.
	ambiguityMargin = 0.05
	// fullName is the nameRecall of a text that names all of one of an
	// entry's names, its display name included.
	fullName = 0.999
	// alternativeThreshold is the least score an alternative is shown with.
	alternativeThreshold = 0.45
	// alternativeQueryRecall and alternativeNameRecall are the least shares
	// of the text an alternative must explain and of its best-covered name
	// the text must name.
	alternativeQueryRecall = 0.75
	alternativeNameRecall  = 0.5
	// maxAlternatives is the most alternatives an answer lists.
	maxAlternatives = 5
	// maxIssuerAlternatives is the most of an issuer's certifications an
	// answer to the issuer's name alone lists.
	maxIssuerAlternatives = 12
	// MaxCredentialText is the longest credential text accepted, in characters.
	MaxCredentialText = 300
	// MaxCredentialBatch is the most credentials one batch may check.
	MaxCredentialBatch = 100
)

// ValidateCredential checks a credential input; field names are prefixed
// by prefix. today bounds the earned date.
func ValidateCredential(prefix string, in catalog.CredentialInput, today catalog.Date) error {
	if strings.TrimSpace(in.Text) == "" {
		return catalog.Invalid(prefix+"text", "the credential text is required")
	}
	if utf8.RuneCountInString(in.Text) > MaxCredentialText {
		return catalog.Invalid(prefix+"text", "the credential text may be at most %d characters", MaxCredentialText)
	}
	if utf8.RuneCountInString(in.Issuer) > MaxCredentialText {
		return catalog.Invalid(prefix+"issuer", "the issuer may be at most %d characters", MaxCredentialText)
	}
	if in.Held != nil {
		if in.Held.Program != catalog.ProgramCPT && in.Held.Program != catalog.ProgramCLT {
			return catalog.Invalid(prefix+"held.program", "the program must be CPT or CLT")
		}
		if !in.Held.ExpiresOn.After(in.Held.CertifiedOn) {
			return catalog.Invalid(prefix+"held.expiresOn", "the expiration date must come after the certification date")
		}
	}
	if in.EarnedOn != nil {
		if in.EarnedOn.After(today) {
			return catalog.Invalid(prefix+"earnedOn", "the earned date %s is in the future", in.EarnedOn)
		}
		if in.Held != nil && in.EarnedOn.After(in.Held.ExpiresOn) {
			return catalog.Invalid(prefix+"earnedOn", "the earned date %s is after the cycle ends on %s", in.EarnedOn, in.Held.ExpiresOn)
		}
	}
	return nil
}

// CheckCredential answers whether a credential counts, under which rule,
// what the candidate should do next, and what to claim when it counts.
// The input must be valid.
func CheckCredential(s *catalog.Snapshot, in catalog.CredentialInput) catalog.CredentialCheck {
	read := in
	read.Text = credtext.ExpandAbbreviations(credtext.JoinDottedAcronyms(credtext.DatesAsYears(credtext.WithoutRecordNumbers(in.Text))))
	out := checkCredential(s, read, matcherOf(s).analyseSignals(read), true)
	out.Claim = claimFor(s, in, read.Text, out)
	return out
}

// checkCredential answers a credential whose signals are read; when
// correct is set and nothing fits, the text is read again with its
// misspelled words corrected.
func checkCredential(s *catalog.Snapshot, in catalog.CredentialInput, sig credentialSignals, correct bool) catalog.CredentialCheck {
	text := sig.all
	if r, ok := classifyByRule(s, in, sig); ok {
		if sig.notYetEarned && (r.Verdict == catalog.VerdictIndustryCertification || r.Verdict == catalog.VerdictContinuingEducation) {
			return notYetEarned(r.Entry, r.Confidence, r.Alternatives)
		}
		return r
	}
	if r, ok := fullCPT(s, in, text); ok {
		return r
	}
	if sig.issuerOnly {
		return issuerOnly(s, in)
	}
	oshaGeneral := false
	if ok, _ := credtext.OSHACard(text); ok && credtext.HasAny(text, credtext.OSHAGeneralWords) {
		// "Outreach Training Program" is the name of the card's program.
		oshaGeneral = true
	}
	training := sig.training && !oshaGeneral
	var drop map[string]bool
	if training {
		drop = credtext.TrainingWordSet
	}
	q := matcherOf(s).analyse(sig.matchText(in), in.Issuer, drop)
	ranked := matcherOf(s).score(q)
	equipment := sig.equipment
	ranked = slices.DeleteFunc(ranked, func(r scored) bool {
		if r.phrase {
			return false
		}
		if r.queryRecall < minQueryRecall || (r.ownRecall < minQueryRecall && !r.ownAcronym) || (r.nameRecall < fullNameRecall && !r.confirmed) {
			return true
		}
		if !r.ownAcronym && matcherOf(s).roleConflict(&matcherOf(s).docs[r.doc], q) {
			return true
		}
		// Equipment training is Continuing Education (FAQ 15) unless the
		// text names a listed entry in full: a word the entry shares with
		// it ("forklift") does not make it that entry.
		return equipment && r.nameRecall < fullNameRecall && !r.ownAcronym
	})
	alternatives := alternatives(s, ranked, q)
	tied, why := tiedAtTop(ranked), "several pre-approved certifications fit about equally: "
	if len(tied) < 2 && !training {
		if shared, reason := sharedName(s, ranked, q, sig); len(shared) > 1 {
			tied, why = shared, reason
		}
	}
	if len(ranked) == 0 || (ranked[0].score < matchThreshold && len(tied) < 2) || (equipment && (training || len(tied) > 1)) {
		switch {
		case sig.notYetEarned:
			return notYetEarned(nil, notListedConfidence(ranked), alternatives)
		case equipment:
			return continuingEducation(s, sig, catalog.RuleEquipmentOrIndustryBodyCE,
				"certificates of equipment manufacturers and industry bodies, forklift training and licences, and federal hazardous-materials training count as Continuing Education, not as an Industry Certification (FAQ 15)", alternatives)
		case training:
			return continuingEducation(s, sig, catalog.RuleTrainingForUnlisted,
				"a certificate of completion of training toward a certification that is not on the pre-approved list counts as Continuing Education (FAQ 10)", alternatives)
		}
		if sig.methodology && sig.otherIssuer != "" {
			return continuingEducation(s, sig, catalog.RuleEmployerOrThirdPartyTraining,
				"employer or third-party training such as Six Sigma or Lean, from a body whose certification is not on the pre-approved list, counts as Continuing Education when it is recognised by other employers or an independent third party, and is neither proprietary nor basic job training (guide, Employer training)", alternatives)
		}
		if correct {
			if fixed, ok := matcherOf(s).correct(in.Text); ok {
				again := in
				again.Text = fixed
				if r := checkCredential(s, again, matcherOf(s).analyseSignals(again), false); r.Verdict != catalog.VerdictNotListed {
					r.Rules = append([]catalog.AppliedRule{{Code: catalog.RuleReadWithCorrections, Description: fmt.Sprintf("read as %q, with misspelled words corrected to the catalog's", fixed)}}, r.Rules...)
					r.Confidence = math.Round(r.Confidence*0.9*100) / 100
					return r
				}
			}
		}
		if r, ok := levelOnly(s, sig); ok {
			return r
		}
		if sig.licence {
			return catalog.CredentialCheck{
				Verdict: catalog.VerdictNotListed, Confidence: 0.8, Alternatives: alternatives,
				Rules: []catalog.AppliedRule{{Code: catalog.RuleLicenceNotListed, Description: "a licence is not a course, and no certification of the pre-approved list fits it"}},
				NextStep: "A licence earns no Continuing Education points; work done under it may count under Employment. " +
					"If a nationally portable certification came with it, check that certification instead.",
			}
		}
		return notListed(s, ranked, alternatives)
	}
	entry := matcherOf(s).docs[ranked[0].doc].cert
	if len(tied) > 1 && !training {
		return ambiguous(s, q, tied, why, alternatives)
	}
	confidence := confidenceOf(ranked)
	if sig.notYetEarned {
		return notYetEarned(entry, confidence, alternatives)
	}
	if training {
		// Training toward any of several listed entries is training toward
		// a listed certification all the same.
		toward, which := entry, entry.DisplayName+", which is"
		if len(tied) > 1 {
			names := make([]string, len(tied))
			for i, t := range tied {
				names[i] = matcherOf(s).docs[t.doc].cert.DisplayName
			}
			toward, which = nil, strings.Join(names, " or ")+", each of which is"
		}
		return catalog.CredentialCheck{
			Verdict: catalog.VerdictDoesNotCount, Entry: toward, Confidence: confidence, Alternatives: alternatives,
			Rules: []catalog.AppliedRule{{Code: catalog.RuleTrainingTowardListed, Description: fmt.Sprintf(
				"this is training toward %s on the pre-approved list: only the certification itself counts, never the training", which)}},
			NextStep: "Claim the certification once you have earned it, as an Industry Certification.",
		}
	}
	if !q.orgs[entry.OrganizationID] && !entry.HasBasis(catalog.BasisOSHAGeneralIndustry) {
		if sig.otherIssuer == "" && sig.unknownIssuer != "" && !credtext.IssuerMentioned(entry, sig.unknownIssuer) {
			sig.otherIssuer = sig.unknownIssuer
		}
		if sig.otherIssuer != "" {
			return otherIssuer(s, sig, entry, alternatives)
		}
	}
	return judgeEntry(s, in, sig, entry, confidence, alternatives)
}

// notYetEarned answers a text naming what the candidate is working toward
// ("CPIM candidate", "CSCP in progress"): nothing is earned yet, whether
// or not it is a listed certification (entry, when one fits).
func notYetEarned(entry *catalog.Certification, confidence float64, alternatives []catalog.CredentialMatch) catalog.CredentialCheck {
	what := "a certification"
	if entry != nil {
		what = entry.DisplayName + ", which is on the pre-approved list"
	}
	return catalog.CredentialCheck{
		Verdict: catalog.VerdictDoesNotCount, Entry: entry, Confidence: confidence, Alternatives: alternatives,
		Rules: []catalog.AppliedRule{{Code: catalog.RuleNotYetEarned, Description: fmt.Sprintf(
			"this names %s as being worked toward, not as earned: a certification counts once it is earned, and the way toward it never does", what)}},
		NextStep: "Claim it once you have earned it, with the day you earned it.",
	}
}

// claimFor returns what to claim on an application for an answer that
// counts: the rule table's row and the entry, exactly as the
// application's activity input takes them; nil for an answer that earns
// nothing.
func claimFor(s *catalog.Snapshot, in catalog.CredentialInput, read string, out catalog.CredentialCheck) *catalog.CredentialClaim {
	switch out.Verdict {
	case catalog.VerdictIndustryCertification:
		t := industryCertificationType(s)
		if t == nil || out.Entry == nil {
			return nil
		}
		return &catalog.CredentialClaim{Category: t.Category, ActivityTypeKey: t.Key, Title: out.Entry.DisplayName, CompletedOn: in.EarnedOn, CertificationID: out.Entry.ID}
	case catalog.VerdictContinuingEducation:
		key := points.TypeThirdPartyTraining
		if len(out.Rules) > 0 {
			key = continuingEducationRow(s, out.Rules[len(out.Rules)-1].Code, catalog.NormalizeText(read+" "+in.Issuer))
		}
		return &catalog.CredentialClaim{Category: catalog.CategoryContinuingEducation, ActivityTypeKey: key, Title: strings.TrimSpace(in.Text), CompletedOn: in.EarnedOn}
	}
	return nil
}

// industryCertificationType returns the rule table's row for an industry
// certification, or nil when the table has none.
func industryCertificationType(s *catalog.Snapshot) *catalog.ActivityType {
	for _, a := range s.ActivityTypes(nil) {
		if a.Category == catalog.CategoryIndustryCertification {
			return a
		}
	}
	return nil
}

// notListed answers a credential no entry of the list fits.
func notListed(s *catalog.Snapshot, ranked []scored, alternatives []catalog.CredentialMatch) catalog.CredentialCheck {
	return catalog.CredentialCheck{
		Verdict:      catalog.VerdictNotListed,
		Confidence:   notListedConfidence(ranked),
		Rules:        []catalog.AppliedRule{{Code: catalog.RuleNotOnList, Description: "no certification of the pre-approved list fits this credential"}},
		Alternatives: alternatives,
		NextStep: "If it is a nationally portable certification earned by assessment, submit it for catalog review with a copy of it, " +
			"a description of its training requirements, the key activities it covers, how it is earned and where it is recognised, " +
			"and a description of the issuing organization; review may take up to 30 days.",
	}
}

// otherIssuer answers a credential that fits a listed entry by its words
// but names another issuer than the entry's: it is not that entry. Six
// Sigma, Lean and the like from another body are employer or third-party
// training (guide, Employer training); anything else is not listed, and
// the listed entry is offered in case it was meant.
func otherIssuer(s *catalog.Snapshot, sig credentialSignals, entry *catalog.Certification, alternatives []catalog.CredentialMatch) catalog.CredentialCheck {
	issuer := entry.OrganizationKey
	if entry.Organization != nil {
		issuer = entry.Organization.Name
	}
	named := catalog.AppliedRule{Code: catalog.RuleOtherIssuerNamed, Description: fmt.Sprintf("it names %q as its issuer; %s on the pre-approved list is issued by %s, so it is not that certification",
		sig.otherIssuer, entry.DisplayName, issuer)}
	if sig.methodology {
		out := continuingEducation(s, sig, catalog.RuleEmployerOrThirdPartyTraining,
			"employer or third-party training such as Six Sigma or Lean counts as Continuing Education when it is recognised by other employers or an independent third party, and is neither proprietary nor basic job training (guide, Employer training)", alternatives)
		out.Rules = append([]catalog.AppliedRule{named}, out.Rules...)
		out.Confidence = 0.75
		return out
	}
	out := notListed(s, nil, alternatives)
	out.Confidence = 0.7
	out.Rules = []catalog.AppliedRule{named, out.Rules[0]}
	out.NextStep = fmt.Sprintf("If you hold %s, check it again naming %s; otherwise ", entry.DisplayName, issuer) +
		strings.ToLower(out.NextStep[:1]) + out.NextStep[1:]
	return out
}

// levelOnly answers a text that names only a level several entries share
// ("Lead Auditor" of PECB's ISO 9001, 14001, 28000 and 29001 and OHSAS
// 18001): it asks which.
func levelOnly(s *catalog.Snapshot, sig credentialSignals) (catalog.CredentialCheck, bool) {
	text := levelWords(sig.earned)
	if text == "" {
		return catalog.CredentialCheck{}, false
	}
	var entries []*catalog.Certification
	for _, c := range s.Certifications() {
		if c.Level != "" && c.RetiredOn == nil && levelWords(catalog.NormalizeText(c.Level)) == text {
			entries = append(entries, c)
		}
	}
	if len(entries) < 2 {
		return catalog.CredentialCheck{}, false
	}
	return catalog.CredentialCheck{
		Verdict: catalog.VerdictAmbiguous, Confidence: 0.5, Alternatives: matchesOf(entries[:min(len(entries), maxIssuerAlternatives)], "a certification of this level"),
		Rules:    []catalog.AppliedRule{{Code: catalog.RuleAmbiguousMatch, Description: fmt.Sprintf("the text names only a level, which %d certifications on the pre-approved list share", len(entries))}},
		NextStep: "Say which certification of this level you hold: add its standard, group or issuer.",
	}, true
}

// levelWords returns the meaningful words of normalized text in sorted
// order, without noise words, stop words and years, so that a level is
// told in any word order and with a year added.
func levelWords(text string) string {
	var words []string
	for _, t := range strings.Fields(text) {
		if !noiseWords[t] && !catalog.StopWords[t] && !catalog.IsYear(t) {
			words = append(words, t)
		}
	}
	slices.Sort(words)
	return strings.Join(words, " ")
}

// issuerOnly answers a text that names only an organization of the
// catalog: it asks which of that organization's certifications is meant.
func issuerOnly(s *catalog.Snapshot, in catalog.CredentialInput) catalog.CredentialCheck {
	q := matcherOf(s).analyse(in.Text, in.Issuer, nil)
	var entries []*catalog.Certification
	var names []string
	for _, c := range s.Certifications() {
		if q.orgs[c.OrganizationID] && c.RetiredOn == nil {
			entries = append(entries, c)
			names = append(names, c.DisplayName)
		}
	}
	if len(entries) == 0 {
		return notListed(s, nil, nil)
	}
	shown := entries[:min(len(entries), maxIssuerAlternatives)]
	return catalog.CredentialCheck{
		Verdict: catalog.VerdictAmbiguous, Confidence: 0.5, Alternatives: matchesOf(shown, "a certification of the organization named"),
		Rules:    []catalog.AppliedRule{{Code: catalog.RuleIssuerOnly, Description: fmt.Sprintf("the credential names only an issuing organization, which has %d certifications on the pre-approved list", len(entries))}},
		NextStep: "Say which of its certifications you hold: add the certification's name, acronym or level.",
	}
}

// classifyByRule applies the rules that decide a credential by its kind
// before any catalog lookup: attendance, local, general education, OSHA
// cards and Continuing Education certificates.
func classifyByRule(s *catalog.Snapshot, in catalog.CredentialInput, sig credentialSignals) (catalog.CredentialCheck, bool) {
	text := sig.all
	doesNotCount := func(code catalog.RuleCode, why, next string) (catalog.CredentialCheck, bool) {
		return catalog.CredentialCheck{Verdict: catalog.VerdictDoesNotCount, Confidence: 0.9, Rules: []catalog.AppliedRule{{Code: code, Description: why}}, NextStep: next}, true
	}
	switch {
	case credtext.HasAny(text, credtext.AttendanceWords):
		return doesNotCount(catalog.RuleAttendanceOnly, "certificates earned by simple attendance do not qualify for recertification points",
			"Claim a credential earned by an assessment instead, or training with a certificate of completion under Continuing Education.")
	case credtext.HasAny(text, credtext.LocalWords):
		return doesNotCount(catalog.RuleLocalOrCompanySpecific, "local or company-specific certificates do not qualify for recertification points",
			"Claim a nationally portable certification instead; the related work may count under Employment.")
	case credtext.HasAny(text, credtext.GeneralEducationWords):
		return doesNotCount(catalog.RuleGeneralEducation, "general education courses (English, math, history, art and the like) do not count; only courses related to manufacturing or logistics do",
			"Claim courses related to the CPT or CLT key activities under Continuing Education.")
	}
	if code, industry, ok := credtext.OSHAExcludedTraining(text); ok && !sig.equipment {
		return doesNotCount(code, "OSHA training for "+industry+", trainer courses included, earns no points; only the OSHA-10 and OSHA-30 General Industry cards count (FAQ 7)",
			"Claim OSHA General Industry training or cards instead, if you have them.")
	}
	if ok, number := credtext.OSHACard(text); ok && !credtext.HasAny(text, credtext.CEWords) {
		if code, industry, excluded := credtext.OSHAExcludedCard(text); excluded {
			return doesNotCount(code, "OSHA cards for "+industry+" do not earn points; only the OSHA-10 and OSHA-30 General Industry cards do (FAQ 7)",
				"Claim an OSHA-10 or OSHA-30 General Industry card if you hold one.")
		}
		if (number == "10" || number == "30") && !credtext.HasAny(text, credtext.OSHAGeneralWords) {
			var tied []*catalog.Certification
			for _, c := range s.Certifications() {
				if c.HasBasis(catalog.BasisOSHAGeneralIndustry) && slices.Contains(strings.Fields(catalog.NormalizeText(c.Name)), number) {
					tied = append(tied, c)
				}
			}
			return catalog.CredentialCheck{
				Verdict: catalog.VerdictAmbiguous, Confidence: 0.5, Alternatives: matchesOf(tied, "an OSHA-"+number+" card; only the General Industry one counts"),
				Rules:    []catalog.AppliedRule{{Code: catalog.RuleOSHAIndustryNotStated, Description: "only the OSHA-" + number + " card in General Industry counts; the Construction, Maritime and Disaster Site cards earn nothing (FAQ 7)"}},
				NextStep: "Say which industry your card is for: General Industry counts as an Industry Certification.",
			}, true
		}
	}
	return catalog.CredentialCheck{}, false
}

// continuingEducationRow returns the key of the rule table's row of
// Continuing Education for an answer under code whose normalized text is
// text (credtext.ContinuingEducationRow), with the rulebook's figure that
// parts the two for-credit rows.
func continuingEducationRow(s *catalog.Snapshot, code catalog.RuleCode, text string) string {
	if code != catalog.RuleTrainingForUnlisted {
		return points.TypeThirdPartyTraining
	}
	rb, err := points.RulebookOf(s)
	if err != nil {
		return points.TypeThirdPartyTraining
	}
	return credtext.ContinuingEducationRow(text, rb.ForCreditMinHours())
}

// continuingEducation answers a credential that counts as CE, with the
// points of the rule table's row its text names (continuingEducationRow).
func continuingEducation(s *catalog.Snapshot, sig credentialSignals, code catalog.RuleCode, why string, alternatives []catalog.CredentialMatch) catalog.CredentialCheck {
	category := catalog.CategoryContinuingEducation
	key := continuingEducationRow(s, code, sig.all)
	earns, row, proof := 0, "third-party training", "the certificate of completion (or a form letter signed by the instructor or HR) and a course description"
	for _, t := range s.ActivityTypes(&category) {
		if t.Key == key {
			earns = t.MaxPoints
			if key != points.TypeThirdPartyTraining && t.ProofRequired != "" {
				row, proof = strings.ToLower(t.Name), strings.ToLower(t.ProofRequired[:1])+t.ProofRequired[1:]
			}
		}
	}
	return catalog.CredentialCheck{
		Verdict: catalog.VerdictContinuingEducation, Points: earns, Category: &category, Confidence: 0.85,
		Rules: []catalog.AppliedRule{{Code: code, Description: why}}, Alternatives: alternatives,
		NextStep: fmt.Sprintf("Claim it under Continuing Education as %s, with %s.", row, strings.TrimSuffix(strings.TrimSpace(proof), ".")),
	}
}

// judgeEntry applies the rules of a matched entry: the holder's program,
// the approval and retirement dates, and the cycle.
func judgeEntry(s *catalog.Snapshot, in catalog.CredentialInput, sig credentialSignals, entry *catalog.Certification, confidence float64, alternatives []catalog.CredentialMatch) catalog.CredentialCheck {
	out := catalog.CredentialCheck{Entry: entry, Confidence: confidence, Alternatives: alternatives}
	rules := []catalog.AppliedRule{{Code: catalog.RuleOnPreApprovedList, Description: fmt.Sprintf("%s is on the pre-approved list (%s)", entry.DisplayName, basesInWords(entry))}}
	if entry.HasBasis(catalog.BasisOSHAGeneralIndustry) {
		rules = append(rules, catalog.AppliedRule{Code: catalog.RuleOSHAGeneralIndustryCard, Description: "OSHA-10 and OSHA-30 cards in General Industry count as an Industry Certification (FAQ 7)"})
	}
	fail := func(code catalog.RuleCode, why, next string) catalog.CredentialCheck {
		out.Verdict, out.Rules, out.NextStep = catalog.VerdictDoesNotCount, append(rules, catalog.AppliedRule{Code: code, Description: why}), next
		return out
	}
	restricted := len(entry.EligiblePrograms) == 1
	switch {
	case in.Held != nil && !entry.EligibleFor(in.Held.Program):
		return fail(catalog.RuleProgramNotEligible, fmt.Sprintf("%s counts only for holders of the full %s, not for %s holders",
			entry.DisplayName, programsInWords(entry.EligiblePrograms), in.Held.Program),
			"Claim other activities; MSSC's own certificates count only across programs.")
	case in.Held != nil && restricted:
		rules = append(rules, catalog.AppliedRule{Code: catalog.RuleMSSCCrossover, Description: fmt.Sprintf("as a holder of the full %s you may count %s", in.Held.Program, entry.DisplayName)})
	case restricted:
		rules = append(rules, catalog.AppliedRule{Code: catalog.RuleProgramRestricted, Description: fmt.Sprintf("%s counts only for holders of the full %s", entry.DisplayName, programsInWords(entry.EligiblePrograms))})
	}
	if in.EarnedOn == nil && sig.year != 0 {
		return judgeEarnedYear(s, in, sig.year, entry, out, rules)
	}
	if in.EarnedOn != nil {
		earned := *in.EarnedOn
		switch {
		case entry.ApprovedOn != nil && earned.Before(*entry.ApprovedOn):
			return fail(catalog.RuleApprovedAfterEarned, fmt.Sprintf("%s was approved on %s, after the credential was earned on %s", entry.DisplayName, entry.ApprovedOn, earned),
				"Claim it under Continuing Education if it came with training, or claim other activities.")
		case entry.RetiredOn != nil && !earned.Before(*entry.RetiredOn):
			return fail(catalog.RuleRetiredBeforeEarned, fmt.Sprintf("%s was retired from the list on %s, before the credential was earned on %s", entry.DisplayName, entry.RetiredOn, earned),
				"Claim other activities; a retired entry counts only for credentials earned before its retirement.")
		case entry.RetiredOn != nil:
			rules = append(rules, catalog.AppliedRule{Code: catalog.RuleRetiredAfterEarned, Description: fmt.Sprintf("%s was retired on %s, after the credential was earned on %s, so it still counts", entry.DisplayName, entry.RetiredOn, earned)})
		}
		if in.Held != nil {
			if earned.Before(in.Held.CertifiedOn) {
				return fail(catalog.RuleEarnedOutsideCycle, fmt.Sprintf("it was earned on %s, before your cycle began on %s; only activities inside the cycle (%s to %s) count",
					earned, in.Held.CertifiedOn, in.Held.CertifiedOn, in.Held.ExpiresOn),
					"Claim activities completed inside your current cycle.")
			}
			rules = append(rules, catalog.AppliedRule{Code: catalog.RuleEarnedInCycle, Description: fmt.Sprintf("it was earned on %s, inside your cycle (%s to %s)", earned, in.Held.CertifiedOn, in.Held.ExpiresOn)})
		}
	} else {
		if entry.RetiredOn != nil {
			rules = append(rules, catalog.AppliedRule{Code: catalog.RuleRetiredAfterEarned, Description: fmt.Sprintf("%s was retired on %s: it counts only if earned before that day", entry.DisplayName, entry.RetiredOn)})
		}
		if in.Held != nil {
			rules = append(rules, catalog.AppliedRule{Code: catalog.RuleEarnedDateNeeded, Description: fmt.Sprintf("it counts only if earned inside your cycle (%s to %s)", in.Held.CertifiedOn, in.Held.ExpiresOn)})
		}
	}
	return countsAsIC(s, out, rules)
}

// countsAsIC completes the answer of an entry that counts as an Industry
// Certification under the rules applied.
func countsAsIC(s *catalog.Snapshot, out catalog.CredentialCheck, rules []catalog.AppliedRule) catalog.CredentialCheck {
	category := catalog.CategoryIndustryCertification
	out.Verdict, out.Points, out.Category, out.Rules = catalog.VerdictIndustryCertification, s.CertificationPoints(), &category, rules
	out.NextStep = fmt.Sprintf("Claim it as an Industry Certification (%d points) with a copy of the certificate or card.", out.Points)
	return out
}

// judgeEarnedYear applies the approval, retirement and cycle rules to a
// credential given no earned date but whose text names the year it was
// earned: a rule decides only when the whole year falls on one side of
// its day; otherwise the day is asked for.
func judgeEarnedYear(s *catalog.Snapshot, in catalog.CredentialInput, year int, entry *catalog.Certification, out catalog.CredentialCheck, rules []catalog.AppliedRule) catalog.CredentialCheck {
	first, last := catalog.NewDate(year, 1, 1), catalog.NewDate(year, 12, 31)
	rules = append(rules, catalog.AppliedRule{Code: catalog.RuleEarnedYearFromText, Description: fmt.Sprintf("no earned date was given, so the year %d written in the text is taken as the year it was earned", year)})
	fail := func(code catalog.RuleCode, why, next string) catalog.CredentialCheck {
		out.Verdict, out.Rules, out.NextStep = catalog.VerdictDoesNotCount, append(rules, catalog.AppliedRule{Code: code, Description: why}), next
		return out
	}
	switch {
	case entry.ApprovedOn != nil && last.Before(*entry.ApprovedOn):
		return fail(catalog.RuleApprovedAfterEarned, fmt.Sprintf("%s was approved on %s, after the credential was earned in %d", entry.DisplayName, entry.ApprovedOn, year),
			"Claim it under Continuing Education if it came with training, or claim other activities.")
	case entry.RetiredOn != nil && !first.Before(*entry.RetiredOn):
		return fail(catalog.RuleRetiredBeforeEarned, fmt.Sprintf("%s was retired from the list on %s, before the credential was earned in %d", entry.DisplayName, entry.RetiredOn, year),
			"Claim other activities; a retired entry counts only for credentials earned before its retirement.")
	case entry.RetiredOn != nil && last.Before(*entry.RetiredOn):
		rules = append(rules, catalog.AppliedRule{Code: catalog.RuleRetiredAfterEarned, Description: fmt.Sprintf("%s was retired on %s, after the credential was earned in %d, so it still counts", entry.DisplayName, entry.RetiredOn, year)})
	case entry.RetiredOn != nil:
		rules = append(rules, catalog.AppliedRule{Code: catalog.RuleRetiredAfterEarned, Description: fmt.Sprintf("%s was retired on %s: it counts only if earned before that day", entry.DisplayName, entry.RetiredOn)})
	}
	if in.Held != nil {
		switch {
		case last.Before(in.Held.CertifiedOn):
			return fail(catalog.RuleEarnedOutsideCycle, fmt.Sprintf("it was earned in %d, before your cycle began on %s; only activities inside the cycle (%s to %s) count",
				year, in.Held.CertifiedOn, in.Held.CertifiedOn, in.Held.ExpiresOn),
				"Claim activities completed inside your current cycle.")
		case in.Held.ExpiresOn.Before(first):
			return fail(catalog.RuleEarnedOutsideCycle, fmt.Sprintf("it was earned in %d, after your cycle ended on %s", year, in.Held.ExpiresOn),
				"Claim activities completed inside your current cycle.")
		case !first.Before(in.Held.CertifiedOn) && !in.Held.ExpiresOn.Before(last):
			rules = append(rules, catalog.AppliedRule{Code: catalog.RuleEarnedInCycle, Description: fmt.Sprintf("it was earned in %d, inside your cycle (%s to %s)", year, in.Held.CertifiedOn, in.Held.ExpiresOn)})
		default:
			rules = append(rules, catalog.AppliedRule{Code: catalog.RuleEarnedDateNeeded, Description: fmt.Sprintf("your cycle (%s to %s) covers only part of %d: it counts only if earned inside the cycle", in.Held.CertifiedOn, in.Held.ExpiresOn, year)})
		}
	}
	return countsAsIC(s, out, rules)
}

// fullCPT answers a text naming the full CPT rather than one of its
// module certificates: it is the certification being renewed for CPT
// holders, and its module certificates count for CLT holders.
func fullCPT(s *catalog.Snapshot, in catalog.CredentialInput, text string) (catalog.CredentialCheck, bool) {
	if !credtext.HasAny(text, credtext.FullCPTWords) || credtext.HasAny(text, credtext.CPTModuleWords) {
		return catalog.CredentialCheck{}, false
	}
	for id := range matcherOf(s).analyse(in.Text, in.Issuer, nil).orgs {
		if o := s.Organization(id); o != nil && o.Key != "mssc" {
			return catalog.CredentialCheck{}, false
		}
	}
	if in.Held != nil && in.Held.Program == catalog.ProgramCPT {
		return catalog.CredentialCheck{
			Verdict: catalog.VerdictDoesNotCount, Confidence: 0.9,
			Rules:    []catalog.AppliedRule{{Code: catalog.RuleProgramNotEligible, Description: "the full CPT is the certification being renewed: it cannot earn points toward its own recertification"}},
			NextStep: "Claim CLA, CLT or CPT Green Production certificates, or other activities.",
		}, true
	}
	var modules []*catalog.Certification
	for _, c := range s.Certifications() {
		if c.OrganizationKey == "mssc" && c.EligibleFor(catalog.ProgramCLT) && !c.EligibleFor(catalog.ProgramCPT) {
			modules = append(modules, c)
		}
	}
	return catalog.CredentialCheck{
		Verdict: catalog.VerdictAmbiguous, Confidence: 0.6, Alternatives: matchesOf(modules, "a module certificate of the full CPT"),
		Rules:    []catalog.AppliedRule{{Code: catalog.RuleAmbiguousMatch, Description: "the full CPT is made of module certificates; holders of the full CLT may count each module certificate, and holders of the full CPT none of them"}},
		NextStep: "Claim each CPT module certificate you earned separately.",
	}, true
}

// ambiguous answers a text that fits several entries about equally, for
// the reason why: the entries that fit come first among the
// alternatives, then the others that are plausible.
func ambiguous(s *catalog.Snapshot, q *query, tied []scored, why string, alternatives []catalog.CredentialMatch) catalog.CredentialCheck {
	m := matcherOf(s)
	names := make([]string, len(tied))
	var listed []catalog.CredentialMatch
	for i, t := range tied {
		doc := &m.docs[t.doc]
		names[i] = doc.cert.DisplayName
		listed = append(listed, catalog.CredentialMatch{Certification: doc.cert, Score: math.Round(math.Min(t.score, 1)*100) / 100, Reasons: m.reasons(doc, q, t)})
	}
	for _, a := range alternatives {
		if len(listed) < max(maxAlternatives, len(tied)) && !slices.ContainsFunc(listed, func(l catalog.CredentialMatch) bool { return l.Certification == a.Certification }) {
			listed = append(listed, a)
		}
	}
	return catalog.CredentialCheck{
		Verdict: catalog.VerdictAmbiguous, Confidence: 0.5, Alternatives: listed,
		Rules:    []catalog.AppliedRule{{Code: catalog.RuleAmbiguousMatch, Description: why + strings.Join(names, "; ")}},
		NextStep: "Say which one you hold: add the issuing organization or the exact name, level or standard.",
	}
}

// sharedName returns the entries of which a text naming no acronym is
// one unbroken stretch of a name (matcher.nameStretch), best first, when
// the best entry is one of them and the text does not tell them apart,
// with the reason to give. Without an issuer named, they are listed by
// different issuers (the same craft certified by different bodies:
// "Signal Person" of NCCCO's Signalperson and NCCER's Rigger/Signal
// Person), or the text is the whole name of none (several grades of one
// family: "Refrigeration Operator" of RETA's Assistant and Industrial
// Refrigeration Operator). With an issuer named, they are that issuer's
// entries having every word of the text, and the text is the whole name
// of none ("RETA Refrigeration Operator"; "NIMS Machining", which no
// single entry scores high enough to be taken as meant). An entry
// scoring higher for naming fewer other words is no better reading: the
// candidate must say which. It returns nothing otherwise: "Certified
// Welding Inspector", AWS's CWI by its whole name, is no Senior CWI.
func sharedName(s *catalog.Snapshot, ranked []scored, q *query, sig credentialSignals) ([]scored, string) {
	byIssuer := len(q.orgs) > 0
	least := matchThreshold
	if byIssuer {
		least = alternativeThreshold
	}
	if len(ranked) < 2 || ranked[0].score < least || len(q.acronyms) > 0 || sig.otherIssuer != "" || ranked[0].ownAcronym {
		return nil, ""
	}
	m := matcherOf(s)
	var out []scored
	issuers := map[int64]bool{}
	named := false
	for _, r := range ranked {
		if r.score < alternativeThreshold {
			break
		}
		doc := &m.docs[r.doc]
		if byIssuer && (!q.orgs[doc.cert.OrganizationID] || !r.all || m.numeralsConflict(r.doc, q) || !m.ownNamesHaveNumerals(doc, q)) {
			continue
		}
		stretch, whole := m.nameStretch(doc, q)
		if !stretch {
			continue
		}
		out = append(out, r)
		issuers[doc.cert.OrganizationID] = true
		named = named || whole || r.phrase || r.nameRecall >= fullName
	}
	switch {
	case len(out) < 2 || out[0].doc != ranked[0].doc:
		return nil, ""
	case byIssuer && !named:
		return out[:min(len(out), maxIssuerAlternatives)], "it names the issuer but no certification of it in full, and several of the issuer's pre-approved certifications have it in their names: "
	case !byIssuer && (len(issuers) > 1 || !named):
		return out, "it names no issuer, and several pre-approved certifications have it in their names: "
	}
	return nil, ""
}

// tiedAtTop returns the entries that fit about as well as the best.
func tiedAtTop(ranked []scored) []scored {
	var out []scored
	for _, r := range ranked {
		if r.score < matchThreshold || ranked[0].score-r.score >= ambiguityMargin {
			break
		}
		out = append(out, r)
	}
	return out
}

func confidenceOf(ranked []scored) float64 {
	c := math.Min(ranked[0].score, 1)
	if len(ranked) > 1 {
		gap := ranked[0].score - ranked[1].score
		c *= math.Min(1, 0.7+gap*3)
	}
	return math.Round(c*100) / 100
}

func notListedConfidence(ranked []scored) float64 {
	if len(ranked) == 0 {
		return 0.95
	}
	return math.Round((1-ranked[0].score/2)*100) / 100
}

// alternatives lists the best plausible entries with why each matched:
// an alternative is one of the entry's names, its acronym, or explains
// most of the text and half of one of its names ("Mobile Crane Operator"
// is no fluid power mechanic for sharing "mobile" with one).
func alternatives(s *catalog.Snapshot, ranked []scored, q *query) []catalog.CredentialMatch {
	var out []catalog.CredentialMatch
	for _, r := range ranked {
		if len(out) == maxAlternatives || r.score < alternativeThreshold {
			break
		}
		if !r.phrase && !r.ownAcronym && (r.queryRecall < alternativeQueryRecall || r.nameRecall < alternativeNameRecall) {
			continue
		}
		doc := &matcherOf(s).docs[r.doc]
		out = append(out, catalog.CredentialMatch{Certification: doc.cert, Score: math.Round(math.Min(r.score, 1)*100) / 100, Reasons: matcherOf(s).reasons(doc, q, r)})
	}
	return out
}

func matchesOf(certs []*catalog.Certification, reason string) []catalog.CredentialMatch {
	out := make([]catalog.CredentialMatch, len(certs))
	for i, c := range certs {
		out[i] = catalog.CredentialMatch{Certification: c, Score: 0.5, Reasons: []string{reason}}
	}
	return out
}

func basesInWords(c *catalog.Certification) string {
	words := map[catalog.RecognitionBasis]string{
		catalog.BasisNAMEndorsed: "NAM-endorsed", catalog.BasisANSI: "ANSI/ISO 17024 accredited",
		catalog.BasisNCCA: "NCCA accredited", catalog.BasisOSHAGeneralIndustry: "OSHA General Industry card",
	}
	var out []string
	for _, b := range c.RecognitionBases {
		out = append(out, words[b])
	}
	return strings.Join(out, ", ")
}

func programsInWords(ps []catalog.Program) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = string(p)
	}
	slices.Sort(out)
	return strings.Join(out, " or ")
}
