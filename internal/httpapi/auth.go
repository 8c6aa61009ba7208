package httpapi

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/mssc/recert/catalog"
)

// TokenVerifier turns a bearer token into the principal it names.
type TokenVerifier interface {
	// Verify checks the token; its error message is safe to show.
	Verify(token string) (*catalog.Principal, error)
}

// withPrincipal signs the request in when it carries a valid bearer token.
// No Authorization header is anonymous; a header that does not verify is
// answered 401 with WWW-Authenticate, never treated as anonymous; more
// than one Authorization header is refused with 400, since proxies and
// servers disagree on which of them counts.
func withPrincipal(v TokenVerifier, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.Header.Values("Authorization")) > 1 {
			refuse(w, http.StatusBadRequest, mediaJSON, CodeBadRequest,
				"the request has more than one Authorization header; send exactly one")
			return
		}
		header := r.Header.Get("Authorization")
		if header == "" {
			next.ServeHTTP(w, r)
			return
		}
		scheme, token, ok := strings.Cut(header, " ")
		token = strings.TrimSpace(token)
		if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
			unauthorized(w, "the Authorization header must be \"Bearer <token>\"")
			return
		}
		if v == nil {
			unauthorized(w, "this server accepts no tokens")
			return
		}
		p, err := v.Verify(token)
		if err != nil {
			unauthorized(w, err.Error())
			return
		}
		next.ServeHTTP(w, r.WithContext(catalog.WithPrincipal(r.Context(), p)))
	})
}

func unauthorized(w http.ResponseWriter, message string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="mssc-recert", error="invalid_token", error_description="`+strings.ReplaceAll(message, `"`, `'`)+`"`)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusUnauthorized)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []any{map[string]any{"message": message, "extensions": map[string]any{"code": string(catalog.CodeUnauthenticated)}}},
	})
}
