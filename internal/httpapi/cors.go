package httpapi

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/rs/cors"
)

// corsRequestHeaders are the request headers a page on an allowed origin
// may send: the bearer token, the JSON and multipart bodies, the headers
// Apollo Client sends with uploads and persisted queries, and a request id.
var corsRequestHeaders = []string{
	"Authorization", "Content-Type", "Accept",
	"Apollo-Require-Preflight", "X-Apollo-Operation-Name", "X-Request-ID",
}

// corsExposedHeaders are the response headers such a page may read: the
// rate-limit budget, when to retry, why a token was refused and the
// request id to quote in a support request.
var corsExposedHeaders = []string{
	"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After",
	"WWW-Authenticate", "X-Request-ID",
}

// CodeOriginNotAllowed: a websocket handshake came from a page whose
// origin is not in the allowlist.
const CodeOriginNotAllowed = "ORIGIN_NOT_ALLOWED"

// corsMaxAgeSeconds is how long a browser may keep a preflight's answer.
const corsMaxAgeSeconds = 600

// withCORS lets pages on the allowed origins (scheme, host and port, as
// the browser sends them in Origin) call next; with none allowed it adds
// nothing. Credentials (cookies) are never allowed: the API reads bearer
// tokens, which a page sends itself. A websocket handshake from another
// origin that is not allowed is refused with 403, so that subscriptions
// follow the same list.
func withCORS(allowed []string, next http.Handler) http.Handler {
	c := cors.New(cors.Options{
		AllowedOrigins:   allowed,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost},
		AllowedHeaders:   corsRequestHeaders,
		ExposedHeaders:   corsExposedHeaders,
		MaxAge:           corsMaxAgeSeconds,
		AllowCredentials: false,
	})
	withHeaders := c.Handler(next)
	if len(allowed) == 0 {
		// rs/cors allows every origin when given none: add nothing instead.
		withHeaders = next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Upgrade") != "" && !originAllowed(r, allowed) {
			refuse(w, http.StatusForbidden, mediaJSON, CodeOriginNotAllowed,
				"this page's origin may not open a subscription; the service's CORS_ALLOWED_ORIGINS lists the origins that may")
			return
		}
		withHeaders.ServeHTTP(w, r)
	})
}

// originAllowed reports whether a request comes from no page, from the
// API's own origin or from one of the allowed origins.
func originAllowed(r *http.Request, allowed []string) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	if slices.Contains(allowed, origin) {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && strings.EqualFold(u.Host, r.Host)
}

// websocketOriginPatterns are the hosts of the allowed origins, as the
// websocket library matches them; withCORS has checked the scheme too.
func websocketOriginPatterns(allowed []string) []string {
	var hosts []string
	for _, origin := range allowed {
		if u, err := url.Parse(origin); err == nil && u.Host != "" {
			hosts = append(hosts, u.Host)
		}
	}
	return hosts
}
