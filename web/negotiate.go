package web

import (
	"strconv"
	"strings"
)

// acceptsGzip reports whether the Accept-Encoding field values accept
// gzip (RFC 9110, section 12.5.3): gzip (or x-gzip) listed with a q above
// 0, or not listed and "*" listed with a q above 0. A missing or empty
// field accepts no coding; "gzip;q=0" refuses it.
func acceptsGzip(values []string) bool {
	gzipQ, starQ := -1.0, -1.0
	for _, value := range values {
		for _, item := range strings.Split(value, ",") {
			coding, params, _ := strings.Cut(item, ";")
			q := quality(params)
			switch strings.ToLower(strings.TrimSpace(coding)) {
			case "gzip", "x-gzip":
				gzipQ = q
			case "*":
				starQ = q
			}
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return starQ > 0
}

// quality is the q of an Accept-Encoding item's parameters: 1 when there
// is none, 0 when it is not a number between 0 and 1 (a malformed q
// accepts nothing, so the plain answer, which every client reads, is
// sent).
func quality(params string) float64 {
	for _, param := range strings.Split(params, ";") {
		name, value, _ := strings.Cut(param, "=")
		if !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || q < 0 || q > 1 {
			return 0
		}
		return q
	}
	return 1
}
