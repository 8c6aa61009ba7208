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
	`|\b(?:exp(?:\.|ires?|iration(?:\s+date)?|iry)?|valid\s+(?:until|thru|through|to))\s*:?\s*(?:on\s+)?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}[/.-]\d{4}|[a-z]{3,9}\.?\s+\d{4}|\d{4})`)

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
