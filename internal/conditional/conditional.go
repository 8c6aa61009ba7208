// Package conditional answers HTTP conditional requests (RFC 9110,
// section 13): whether a client's cached copy, named by If-None-Match,
// is still current.
package conditional

import "strings"

// NoneMatch reports whether the If-None-Match field values name tag, or
// are "*" (RFC 9110, section 13.1.2, which compares weakly: W/"x" matches
// "x"), so that the answer is 304 Not Modified.
func NoneMatch(values []string, tag string) bool {
	for _, value := range values {
		for _, candidate := range strings.Split(value, ",") {
			candidate = strings.TrimSpace(candidate)
			if candidate == "*" || strings.TrimPrefix(candidate, "W/") == tag {
				return true
			}
		}
	}
	return false
}
