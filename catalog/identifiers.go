package catalog

import (
	"regexp"
	"strconv"
	"strings"
)

// MaxRenewalMonths bounds a renewal period: fifty years.
const MaxRenewalMonths = 600

// ctidPattern is Credential Engine's identifier: "ce-" and a UUID.
var ctidPattern = regexp.MustCompile(`^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// onetSocPattern is an O*NET-SOC 2019 occupation code, such as 51-4121.06.
var onetSocPattern = regexp.MustCompile(`^[0-9]{2}-[0-9]{4}\.[0-9]{2}$`)

// CheckCTID trims and lowercases an optional CTID, reports a malformed
// one under field, and returns the normalized value.
func CheckCTID(errs *[]*Error, field, value string) string {
	value = strings.ToLower(strings.TrimSpace(value))
	if value != "" && !ctidPattern.MatchString(value) {
		*errs = append(*errs, Invalid(field, `a CTID: "ce-" followed by a UUID, such as ce-5b2a8f0e-3c1d-4e6f-9a7b-1c2d3e4f5a6b`))
	}
	return value
}

// CheckOnetSocCodes trims the codes, reports malformed or repeated ones
// under field.N, and returns them sorted without repeats.
func CheckOnetSocCodes(errs *[]*Error, field string, codes []string) []string {
	out := make([]string, 0, len(codes))
	seen := map[string]bool{}
	for i, c := range codes {
		c = strings.TrimSpace(c)
		f := field + "." + strconv.Itoa(i)
		switch {
		case !onetSocPattern.MatchString(c):
			*errs = append(*errs, Invalid(f, "an O*NET-SOC code such as 51-4121.06"))
		case seen[c]:
			*errs = append(*errs, Invalid(f, "this code is listed twice"))
		default:
			seen[c] = true
			out = append(out, c)
		}
	}
	return SortedUnique(out)
}
