package catalog

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
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
	// alternativeThreshold is the least score an alternative is shown with.
	alternativeThreshold = 0.45
	// maxAlternatives is the most alternatives an answer lists.
	maxAlternatives = 5
	// MaxCredentialText is the longest credential text accepted, in characters.
	MaxCredentialText = 300
	// MaxCredentialBatch is the most credentials one batch may check.
	MaxCredentialBatch = 100
)

// ValidateCredential checks a credential input; field names are prefixed
// by prefix. today bounds the earned date.
func ValidateCredential(prefix string, in CredentialInput, today Date) error {
	if strings.TrimSpace(in.Text) == "" {
		return Invalid(prefix+"text", "the credential text is required")
	}
	if utf8.RuneCountInString(in.Text) > MaxCredentialText {
		return Invalid(prefix+"text", "the credential text may be at most %d characters", MaxCredentialText)
	}
	if utf8.RuneCountInString(in.Issuer) > MaxCredentialText {
		return Invalid(prefix+"issuer", "the issuer may be at most %d characters", MaxCredentialText)
	}
	if in.Held != nil {
		if in.Held.Program != ProgramCPT && in.Held.Program != ProgramCLT {
			return Invalid(prefix+"held.program", "the program must be CPT or CLT")
		}
		if !in.Held.ExpiresOn.After(in.Held.CertifiedOn) {
			return Invalid(prefix+"held.expiresOn", "the expiration date must come after the certification date")
		}
	}
	if in.EarnedOn != nil {
		if in.EarnedOn.After(today) {
			return Invalid(prefix+"earnedOn", "the earned date %s is in the future", in.EarnedOn)
		}
		if in.Held != nil && in.EarnedOn.After(in.Held.ExpiresOn) {
			return Invalid(prefix+"earnedOn", "the earned date %s is after the cycle ends on %s", in.EarnedOn, in.Held.ExpiresOn)
		}
	}
	return nil
}

// CheckCredential answers whether a credential counts, under which rule,
// and what the candidate should do next. The input must be valid.
func (s *Snapshot) CheckCredential(in CredentialInput) CredentialCheck {
	text := normalizeText(in.Text + " " + in.Issuer)
	if r, ok := s.classifyByRule(in, text); ok {
		return r
	}
	if r, ok := s.fullCPT(in, text); ok {
		return r
	}
	oshaGeneral := false
	if ok, _ := oshaCard(text); ok && hasAny(text, oshaGeneralWords) {
		// "Outreach Training Program" is the name of the card's program.
		oshaGeneral = true
	}
	training := hasAny(text, trainingWords) && !oshaGeneral
	var drop map[string]bool
	if training {
		drop = trainingWordSet
	}
	q := s.matcher.analyse(in.Text, in.Issuer, drop)
	ranked := s.matcher.score(q)
	alternatives := s.alternatives(ranked, q)
	equipment := hasAny(text, ceWords)
	ranked = slices.DeleteFunc(ranked, func(r scored) bool {
		return !r.phrase && (r.queryRecall < minQueryRecall || (r.nameRecall < fullNameRecall && !r.confirmed))
	})
	if len(ranked) == 0 || ranked[0].score < matchThreshold || (equipment && (training || len(tiedAtTop(ranked)) > 1)) {
		if equipment {
			return s.continuingEducation(RuleEquipmentOrIndustryBodyCE,
				"certificates of equipment manufacturers and industry bodies, forklift training and licences, and federal hazardous-materials training count as Continuing Education, not as an Industry Certification (FAQ 15)", alternatives)
		}
		if training {
			return s.continuingEducation(RuleTrainingForUnlisted,
				"a certificate of completion of training toward a certification that is not on the pre-approved list counts as Continuing Education (FAQ 10)", alternatives)
		}
		return CredentialCheck{
			Verdict:      VerdictNotListed,
			Confidence:   notListedConfidence(ranked),
			Rules:        []AppliedRule{{RuleNotOnList, "no certification of the pre-approved list fits this credential"}},
			Alternatives: alternatives,
			NextStep: "If it is a nationally portable certification earned by assessment, submit it for catalog review with a copy of it, " +
				"a description of its training requirements, the key activities it covers, how it is earned and where it is recognised, " +
				"and a description of the issuing organization; review may take up to 30 days.",
		}
	}
	entry := s.matcher.docs[ranked[0].doc].cert
	if tied := tiedAtTop(ranked); len(tied) > 1 {
		return s.ambiguous(tied, alternatives)
	}
	confidence := confidenceOf(ranked)
	if training {
		return CredentialCheck{
			Verdict: VerdictDoesNotCount, Entry: entry, Confidence: confidence, Alternatives: alternatives,
			Rules: []AppliedRule{{RuleTrainingTowardListed, fmt.Sprintf(
				"this is training toward %s, which is on the pre-approved list: only the certification itself counts, never the training", entry.DisplayName)}},
			NextStep: "Claim the certification once you have earned it, as an Industry Certification.",
		}
	}
	return s.judgeEntry(in, entry, confidence, alternatives)
}

// classifyByRule applies the rules that decide a credential by its kind
// before any catalog lookup: attendance, local, general education, OSHA
// cards and Continuing Education certificates.
func (s *Snapshot) classifyByRule(in CredentialInput, text string) (CredentialCheck, bool) {
	doesNotCount := func(code RuleCode, why, next string) (CredentialCheck, bool) {
		return CredentialCheck{Verdict: VerdictDoesNotCount, Confidence: 0.9, Rules: []AppliedRule{{code, why}}, NextStep: next}, true
	}
	switch {
	case hasAny(text, attendanceWords):
		return doesNotCount(RuleAttendanceOnly, "certificates earned by simple attendance do not qualify for recertification points",
			"Claim a credential earned by an assessment instead, or training with a certificate of completion under Continuing Education.")
	case hasAny(text, localWords):
		return doesNotCount(RuleLocalOrCompanySpecific, "local or company-specific certificates do not qualify for recertification points",
			"Claim a nationally portable certification instead; the related work may count under Employment.")
	case hasAny(text, generalEducationWords):
		return doesNotCount(RuleGeneralEducation, "general education courses (English, math, history, art and the like) do not count; only courses related to manufacturing or logistics do",
			"Claim courses related to the CPT or CLT key activities under Continuing Education.")
	}
	if ok, number := oshaCard(text); ok && !hasAny(text, ceWords) {
		for _, card := range oshaExcludedCards {
			if hasAny(text, card.words) {
				return doesNotCount(card.code, "OSHA cards for "+card.industry+" do not earn points; only the OSHA-10 and OSHA-30 General Industry cards do (FAQ 7)",
					"Claim an OSHA-10 or OSHA-30 General Industry card if you hold one.")
			}
		}
		if (number == "10" || number == "30") && !hasAny(text, oshaGeneralWords) {
			var tied []*Certification
			for _, c := range s.certifications {
				if c.HasBasis(BasisOSHAGeneralIndustry) && slices.Contains(strings.Fields(normalizeText(c.Name)), number) {
					tied = append(tied, c)
				}
			}
			return CredentialCheck{
				Verdict: VerdictAmbiguous, Confidence: 0.5, Alternatives: matchesOf(tied, "an OSHA-"+number+" card; only the General Industry one counts"),
				Rules:    []AppliedRule{{RuleOSHAIndustryNotStated, "only the OSHA-" + number + " card in General Industry counts; the Construction, Maritime and Disaster Site cards earn nothing (FAQ 7)"}},
				NextStep: "Say which industry your card is for: General Industry counts as an Industry Certification.",
			}, true
		}
	}
	return CredentialCheck{}, false
}

// continuingEducation answers a credential that counts as CE, with the
// points of the third-party training row of the rule table.
func (s *Snapshot) continuingEducation(code RuleCode, why string, alternatives []CredentialMatch) CredentialCheck {
	category := CategoryContinuingEducation
	points := 0
	for _, t := range s.ActivityTypes(&category) {
		if t.Key == "ce-third-party" {
			points = t.MaxPoints
		}
	}
	return CredentialCheck{
		Verdict: VerdictContinuingEducation, Points: points, Category: &category, Confidence: 0.85,
		Rules: []AppliedRule{{code, why}}, Alternatives: alternatives,
		NextStep: "Claim it under Continuing Education as third-party training, with the certificate of completion (or a form letter signed by the instructor or HR) and a course description.",
	}
}

// judgeEntry applies the rules of a matched entry: the holder's program,
// the approval and retirement dates, and the cycle.
func (s *Snapshot) judgeEntry(in CredentialInput, entry *Certification, confidence float64, alternatives []CredentialMatch) CredentialCheck {
	out := CredentialCheck{Entry: entry, Confidence: confidence, Alternatives: alternatives}
	rules := []AppliedRule{{RuleOnPreApprovedList, fmt.Sprintf("%s is on the pre-approved list (%s)", entry.DisplayName, basesInWords(entry))}}
	if entry.HasBasis(BasisOSHAGeneralIndustry) {
		rules = append(rules, AppliedRule{RuleOSHAGeneralIndustryCard, "OSHA-10 and OSHA-30 cards in General Industry count as an Industry Certification (FAQ 7)"})
	}
	fail := func(code RuleCode, why, next string) CredentialCheck {
		out.Verdict, out.Rules, out.NextStep = VerdictDoesNotCount, append(rules, AppliedRule{code, why}), next
		return out
	}
	restricted := len(entry.EligiblePrograms) == 1
	switch {
	case in.Held != nil && !entry.EligibleFor(in.Held.Program):
		return fail(RuleProgramNotEligible, fmt.Sprintf("%s counts only for holders of the full %s, not for %s holders",
			entry.DisplayName, programsInWords(entry.EligiblePrograms), in.Held.Program),
			"Claim other activities; MSSC's own certificates count only across programs.")
	case in.Held != nil && restricted:
		rules = append(rules, AppliedRule{RuleMSSCCrossover, fmt.Sprintf("as a holder of the full %s you may count %s", in.Held.Program, entry.DisplayName)})
	case restricted:
		rules = append(rules, AppliedRule{RuleProgramRestricted, fmt.Sprintf("%s counts only for holders of the full %s", entry.DisplayName, programsInWords(entry.EligiblePrograms))})
	}
	if in.EarnedOn != nil {
		earned := *in.EarnedOn
		switch {
		case entry.ApprovedOn != nil && earned.Before(*entry.ApprovedOn):
			return fail(RuleApprovedAfterEarned, fmt.Sprintf("%s was approved on %s, after the credential was earned on %s", entry.DisplayName, entry.ApprovedOn, earned),
				"Claim it under Continuing Education if it came with training, or claim other activities.")
		case entry.RetiredOn != nil && !earned.Before(*entry.RetiredOn):
			return fail(RuleRetiredBeforeEarned, fmt.Sprintf("%s was retired from the list on %s, before the credential was earned on %s", entry.DisplayName, entry.RetiredOn, earned),
				"Claim other activities; a retired entry counts only for credentials earned before its retirement.")
		case entry.RetiredOn != nil:
			rules = append(rules, AppliedRule{RuleRetiredAfterEarned, fmt.Sprintf("%s was retired on %s, after the credential was earned on %s, so it still counts", entry.DisplayName, entry.RetiredOn, earned)})
		}
		if in.Held != nil {
			if earned.Before(in.Held.CertifiedOn) {
				return fail(RuleEarnedOutsideCycle, fmt.Sprintf("it was earned on %s, before your cycle began on %s; only activities inside the cycle (%s to %s) count",
					earned, in.Held.CertifiedOn, in.Held.CertifiedOn, in.Held.ExpiresOn),
					"Claim activities completed inside your current cycle.")
			}
			rules = append(rules, AppliedRule{RuleEarnedInCycle, fmt.Sprintf("it was earned on %s, inside your cycle (%s to %s)", earned, in.Held.CertifiedOn, in.Held.ExpiresOn)})
		}
	} else {
		if entry.RetiredOn != nil {
			rules = append(rules, AppliedRule{RuleRetiredAfterEarned, fmt.Sprintf("%s was retired on %s: it counts only if earned before that day", entry.DisplayName, entry.RetiredOn)})
		}
		if in.Held != nil {
			rules = append(rules, AppliedRule{RuleEarnedDateNeeded, fmt.Sprintf("it counts only if earned inside your cycle (%s to %s)", in.Held.CertifiedOn, in.Held.ExpiresOn)})
		}
	}
	category := CategoryIndustryCertification
	out.Verdict, out.Points, out.Category, out.Rules = VerdictIndustryCertification, s.CertificationPoints(), &category, rules
	out.NextStep = fmt.Sprintf("Claim it as an Industry Certification (%d points) with a copy of the certificate or card.", out.Points)
	return out
}

// fullCPT answers a text naming the full CPT rather than one of its
// module certificates: it is the certification being renewed for CPT
// holders, and its module certificates count for CLT holders.
func (s *Snapshot) fullCPT(in CredentialInput, text string) (CredentialCheck, bool) {
	if !hasAny(text, fullCPTWords) || hasAny(text, cptModuleWords) {
		return CredentialCheck{}, false
	}
	for id := range s.matcher.analyse(in.Text, in.Issuer, nil).orgs {
		if o := s.orgByID[id]; o != nil && o.Key != "mssc" {
			return CredentialCheck{}, false
		}
	}
	if in.Held != nil && in.Held.Program == ProgramCPT {
		return CredentialCheck{
			Verdict: VerdictDoesNotCount, Confidence: 0.9,
			Rules:    []AppliedRule{{RuleProgramNotEligible, "the full CPT is the certification being renewed: it cannot earn points toward its own recertification"}},
			NextStep: "Claim CLA, CLT or CPT Green Production certificates, or other activities.",
		}, true
	}
	var modules []*Certification
	for _, c := range s.certifications {
		if c.OrganizationKey == "mssc" && c.EligibleFor(ProgramCLT) && !c.EligibleFor(ProgramCPT) {
			modules = append(modules, c)
		}
	}
	return CredentialCheck{
		Verdict: VerdictAmbiguous, Confidence: 0.6, Alternatives: matchesOf(modules, "a module certificate of the full CPT"),
		Rules:    []AppliedRule{{RuleAmbiguousMatch, "the full CPT is made of module certificates; holders of the full CLT may count each module certificate, and holders of the full CPT none of them"}},
		NextStep: "Claim each CPT module certificate you earned separately.",
	}, true
}

// ambiguous answers a text that fits several entries about equally.
func (s *Snapshot) ambiguous(tied []scored, alternatives []CredentialMatch) CredentialCheck {
	names := make([]string, len(tied))
	for i, t := range tied {
		names[i] = s.matcher.docs[t.doc].cert.DisplayName
	}
	return CredentialCheck{
		Verdict: VerdictAmbiguous, Confidence: 0.5, Alternatives: alternatives,
		Rules:    []AppliedRule{{RuleAmbiguousMatch, "several pre-approved certifications fit about equally: " + strings.Join(names, "; ")}},
		NextStep: "Say which one you hold: add the issuing organization or the exact name, level or standard.",
	}
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

// alternatives lists the best entries with why each matched.
func (s *Snapshot) alternatives(ranked []scored, q *query) []CredentialMatch {
	var out []CredentialMatch
	for _, r := range ranked {
		if len(out) == maxAlternatives || r.score < alternativeThreshold {
			break
		}
		doc := &s.matcher.docs[r.doc]
		out = append(out, CredentialMatch{Certification: doc.cert, Score: math.Round(math.Min(r.score, 1)*100) / 100, Reasons: s.matcher.reasons(doc, q, r)})
	}
	return out
}

func matchesOf(certs []*Certification, reason string) []CredentialMatch {
	out := make([]CredentialMatch, len(certs))
	for i, c := range certs {
		out[i] = CredentialMatch{Certification: c, Score: 0.5, Reasons: []string{reason}}
	}
	return out
}

func basesInWords(c *Certification) string {
	words := map[RecognitionBasis]string{
		BasisNAMEndorsed: "NAM-endorsed", BasisANSI: "ANSI/ISO 17024 accredited",
		BasisNCCA: "NCCA accredited", BasisOSHAGeneralIndustry: "OSHA General Industry card",
	}
	var out []string
	for _, b := range c.RecognitionBases {
		out = append(out, words[b])
	}
	return strings.Join(out, ", ")
}

func programsInWords(ps []Program) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = string(p)
	}
	slices.Sort(out)
	return strings.Join(out, " or ")
}
