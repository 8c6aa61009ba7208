package credtext

import (
	"regexp"
	"strings"
)

// recordNumber matches what a credential's text says of its record rather
// than of what was earned: a number of five digits or more after "#",
// "No.", "number" or "ID" ("CWI #12345678", "cert no. 0912345"; a shorter
// one may be a course's, "OSHA #500"), a run of six digits or more (a
// certificate number; standards such as ISO 14001 have five at most), and
// an expiry or validity date ("exp. 06/2026", "valid until June 2027").
var recordNumber = regexp.MustCompile(`(?i)` +
	`(?:\b(?:cert(?:ificate)?|card|licen[cs]e|member(?:ship)?|id)\s*)?(?:#|\bno\.?|\bnumber\b|\bnum\b|\bid\b)\s*:?\s*[a-z]{0,5}-?\d{5,}[\w-]*` +
	`|\b\d{6,}\b` +
	`|\b(?:exp(?:\.|ires?|ired|iration(?:\s+date)?|iry)?|valid\s+(?:until|thru|through|to))\s*:?\s*(?:on\s+)?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}[/.-]\d{4}|[a-z]{3,9}\.?\s+\d{4}|\d{4})`)

// WithoutRecordNumbers returns a credential's text without what it says of
// the credential's record: its certificate, card or member number and its
// expiry date, which say nothing of which credential it is, and whose
// digits would otherwise read as a level or a year earned.
func WithoutRecordNumbers(text string) string {
	out := recordNumber.ReplaceAllString(text, " ")
	if strings.TrimSpace(out) == "" {
		return text
	}
	return out
}

// numericDate matches a date written in numbers ("03/2023", "3/15/2023",
// "2023-03-15"), whose year alone says when a credential was earned.
var numericDate = regexp.MustCompile(`\b(?:\d{1,2}[/.-](?:\d{1,2}[/.-])?((?:19|20)\d{2})|((?:19|20)\d{2})[/.-]\d{1,2}(?:[/.-]\d{1,2})?)\b`)

// DatesAsYears returns a credential's text with each date written in
// numbers written as its year ("CSCP - earned 03/2023" as "CSCP - earned
// 2023"): the day and month are no level or number of what was earned.
func DatesAsYears(text string) string {
	return numericDate.ReplaceAllString(text, "$1$2")
}

// abbreviations are the short forms candidates write for words of the
// catalog's names, by the normalized short form.
var abbreviations = map[string]string{
	"sr": "senior", "mgr": "manager", "mfg": "manufacturing", "mgmt": "management", "assoc": "associate",
	"insp": "inspector", "maint": "maintenance", "tech": "technician", "techn": "technician",
}

// shortWord matches a word that may be a short form, with the full stop
// that often ends it.
var shortWord = regexp.MustCompile(`(?i)\b[a-z]+\b\.?`)

// ExpandAbbreviations returns a credential's text with the short forms of
// catalog words written in full ("Sr. CWI" as "senior CWI", "Certified
// Energy Mgr." as "Certified Energy manager").
func ExpandAbbreviations(text string) string {
	return shortWord.ReplaceAllStringFunc(text, func(w string) string {
		if full, ok := abbreviations[strings.ToLower(strings.TrimSuffix(w, "."))]; ok {
			return full
		}
		return w
	})
}

// dottedAcronym matches an abbreviation written with a full stop after
// each letter ("C.L.A.", "C.W.I").
var dottedAcronym = regexp.MustCompile(`\b(?:[A-Za-z]\.){2,}[A-Za-z]?\b\.?`)

// JoinDottedAcronyms writes an abbreviation written with full stops as
// one word ("C.L.A. - MSSC" as "CLA - MSSC"), so that none of its letters
// is read as a word of its own ("a").
func JoinDottedAcronyms(text string) string {
	return dottedAcronym.ReplaceAllStringFunc(text, func(a string) string { return strings.ReplaceAll(a, ".", "") })
}

// creditHours matches a course's credit hours in normalized text ("3
// credit hours", "4 credits", "3 0 semester hours" of "3.0 semester
// hours").
var creditHours = regexp.MustCompile(`\b(\d{1,2})(?: \d+)? (?:credit hours?|credits?|semester hours?|semester credits?|cr hrs?)\b`)

// CreditHours returns the credit hours normalized text gives a course,
// 0 when it gives none.
func CreditHours(text string) int {
	m := creditHours.FindStringSubmatch(text)
	if m == nil {
		return 0
	}
	n := 0
	for _, r := range m[1] {
		n = n*10 + int(r-'0')
	}
	return n
}
