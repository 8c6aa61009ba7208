package catalog

// CredentialVerdict is the answer to "does my credential count?".
type CredentialVerdict string

// The verdicts of a credential check.
const (
	// VerdictIndustryCertification: it is on the pre-approved list and counts as IC.
	VerdictIndustryCertification CredentialVerdict = "INDUSTRY_CERTIFICATION"
	// VerdictContinuingEducation: it counts as Continuing Education instead.
	VerdictContinuingEducation CredentialVerdict = "CONTINUING_EDUCATION"
	// VerdictDoesNotCount: a rule of the guide excludes it.
	VerdictDoesNotCount CredentialVerdict = "DOES_NOT_COUNT"
	// VerdictNotListed: it is not on the list; it may be submitted for review.
	VerdictNotListed CredentialVerdict = "NOT_LISTED"
	// VerdictUnderReview: a review of it is already open.
	VerdictUnderReview CredentialVerdict = "UNDER_REVIEW"
	// VerdictAmbiguous: several entries fit about equally; the candidate must say which.
	VerdictAmbiguous CredentialVerdict = "AMBIGUOUS"
)

// RuleCode names a rule a credential check applied; codes are stable.
type RuleCode string

// The rules of a credential check.
const (
	// RuleOnPreApprovedList: the entry is on the pre-approved list.
	RuleOnPreApprovedList RuleCode = "ON_PRE_APPROVED_LIST"
	// RuleOSHAGeneralIndustryCard: an OSHA-10 or OSHA-30 General Industry card counts as IC.
	RuleOSHAGeneralIndustryCard RuleCode = "OSHA_GENERAL_INDUSTRY_CARD"
	// RuleOSHAConstructionCard: OSHA Construction cards earn nothing.
	RuleOSHAConstructionCard RuleCode = "OSHA_CONSTRUCTION_CARD"
	// RuleOSHAMaritimeCard: OSHA Maritime cards earn nothing.
	RuleOSHAMaritimeCard RuleCode = "OSHA_MARITIME_CARD"
	// RuleOSHADisasterSiteCard: OSHA Disaster Site cards earn nothing.
	RuleOSHADisasterSiteCard RuleCode = "OSHA_DISASTER_SITE_CARD"
	// RuleOSHAIndustryNotStated: an OSHA card must say General Industry to count.
	RuleOSHAIndustryNotStated RuleCode = "OSHA_INDUSTRY_NOT_STATED"
	// RuleTrainingTowardListed: training toward a listed certification does not count; only the certification does.
	RuleTrainingTowardListed RuleCode = "TRAINING_TOWARD_LISTED"
	// RuleTrainingForUnlisted: a completion certificate of training toward an unlisted program counts as CE.
	RuleTrainingForUnlisted RuleCode = "TRAINING_FOR_UNLISTED_PROGRAM"
	// RuleEquipmentOrIndustryBodyCE: equipment-manufacturer and industry-body certificates, forklift training and licences, and hazardous-materials training count as CE.
	RuleEquipmentOrIndustryBodyCE RuleCode = "EQUIPMENT_OR_INDUSTRY_BODY_CE"
	// RuleLocalOrCompanySpecific: local or company-specific certificates do not count.
	RuleLocalOrCompanySpecific RuleCode = "LOCAL_OR_COMPANY_SPECIFIC"
	// RuleAttendanceOnly: certificates earned by attendance alone do not count.
	RuleAttendanceOnly RuleCode = "ATTENDANCE_ONLY"
	// RuleGeneralEducation: general education does not count.
	RuleGeneralEducation RuleCode = "GENERAL_EDUCATION"
	// RuleMSSCCrossover: an MSSC certificate counts for holders of the other full certification.
	RuleMSSCCrossover RuleCode = "MSSC_CROSSOVER"
	// RuleProgramNotEligible: the holder's program may not count this certificate.
	RuleProgramNotEligible RuleCode = "PROGRAM_NOT_ELIGIBLE"
	// RuleProgramRestricted: the certificate counts only for holders of one program.
	RuleProgramRestricted RuleCode = "PROGRAM_RESTRICTED"
	// RuleEarnedInCycle: the credential was earned inside the cycle.
	RuleEarnedInCycle RuleCode = "EARNED_IN_CYCLE"
	// RuleEarnedOutsideCycle: the credential was earned before the cycle began.
	RuleEarnedOutsideCycle RuleCode = "EARNED_OUTSIDE_CYCLE"
	// RuleEarnedDateNeeded: the credential counts only if earned inside the cycle.
	RuleEarnedDateNeeded RuleCode = "EARNED_DATE_NEEDED"
	// RuleRetiredBeforeEarned: the entry was retired before the credential was earned.
	RuleRetiredBeforeEarned RuleCode = "RETIRED_BEFORE_EARNED"
	// RuleRetiredAfterEarned: the entry was retired after the credential was earned, so it still counts.
	RuleRetiredAfterEarned RuleCode = "RETIRED_AFTER_EARNED"
	// RuleApprovedAfterEarned: the entry was approved after the credential was earned.
	RuleApprovedAfterEarned RuleCode = "APPROVED_AFTER_EARNED"
	// RuleAmbiguousMatch: several entries fit about equally.
	RuleAmbiguousMatch RuleCode = "AMBIGUOUS_MATCH"
	// RuleNotOnList: no entry of the pre-approved list fits.
	RuleNotOnList RuleCode = "NOT_ON_LIST"
	// RuleUnderCatalogReview: a review of the certification is open.
	RuleUnderCatalogReview RuleCode = "UNDER_CATALOG_REVIEW"
	// RuleOtherIssuerNamed: the text names an issuer other than the listed entry's.
	RuleOtherIssuerNamed RuleCode = "OTHER_ISSUER_NAMED"
	// RuleEmployerOrThirdPartyTraining: Six Sigma, Lean and the like from another body count as CE (guide, Employer training).
	RuleEmployerOrThirdPartyTraining RuleCode = "EMPLOYER_OR_THIRD_PARTY_TRAINING"
	// RuleIssuerOnly: the text names only an issuer with several listed certifications.
	RuleIssuerOnly RuleCode = "ISSUER_ONLY"
	// RuleLicenceNotListed: a licence is neither a course nor a listed certification.
	RuleLicenceNotListed RuleCode = "LICENCE_NOT_LISTED"
	// RuleEarnedYearFromText: the year in the text stands for the earned date.
	RuleEarnedYearFromText RuleCode = "EARNED_YEAR_FROM_TEXT"
	// RuleReadWithCorrections: misspelled words were corrected to the catalog's.
	RuleReadWithCorrections RuleCode = "READ_WITH_CORRECTIONS"
	// RuleNotYetEarned: what the text names is being worked toward, not yet earned.
	RuleNotYetEarned RuleCode = "NOT_YET_EARNED"
)

// AppliedRule is a rule a check applied, in plain words.
type AppliedRule struct {
	// Code names the rule.
	Code RuleCode
	// Description says what the rule decided for this credential.
	Description string
}

// HeldCycle is the full certification a candidate holds and its cycle.
type HeldCycle struct {
	// Program is CPT or CLT.
	Program Program
	// CertifiedOn is the first day of the cycle.
	CertifiedOn Date
	// ExpiresOn is the last day of the cycle.
	ExpiresOn Date
}

// CredentialInput is a credential as a candidate writes it.
type CredentialInput struct {
	// Text is the credential as written.
	Text string
	// Issuer is the issuing body as written, if given.
	Issuer string
	// EarnedOn is the day the credential was earned, if given.
	EarnedOn *Date
	// Held is the full certification the candidate holds, if given.
	Held *HeldCycle
}

// CredentialMatch is a catalog entry a credential may be, and why.
type CredentialMatch struct {
	// Certification is the entry.
	Certification *Certification
	// Score is how well the text fits it, from 0 to 1.
	Score float64
	// Reasons say what matched.
	Reasons []string
}

// CredentialCheck is the answer to "does my credential count?".
type CredentialCheck struct {
	// Verdict is the answer.
	Verdict CredentialVerdict
	// Points is what it earns; 0 when it earns nothing.
	Points int
	// Category is the point category it counts in, if it counts.
	Category *PointCategory
	// Entry is the catalog entry it was matched to, if any.
	Entry *Certification
	// Confidence is how sure the check is, from 0 to 1.
	Confidence float64
	// Rules are the rules applied, in order.
	Rules []AppliedRule
	// Alternatives are other entries it may be, best first.
	Alternatives []CredentialMatch
	// NextStep says what the candidate should do.
	NextStep string
	// Claim is what to claim on an application when the credential
	// counts (or will, once its open review is approved); nil otherwise.
	Claim *CredentialClaim
}

// CredentialClaim is what to claim on an application for a credential
// that counts, as the application's activity input takes it.
type CredentialClaim struct {
	// Category is the point category.
	Category PointCategory
	// ActivityTypeKey is the key of the activity type of the rule tables.
	ActivityTypeKey string
	// Title is the title to claim it under.
	Title string
	// CompletedOn is the day it was earned, when the check was given one.
	CompletedOn *Date
	// CertificationID is the pre-approved certification, for an Industry
	// Certification on the list; 0 otherwise.
	CertificationID int64
	// CatalogReviewID is the open catalog review, given only to a
	// candidate who submitted it; 0 otherwise.
	CatalogReviewID int64
}
