package httpapi

import (
	"encoding/json"
	"net/http"
	"regexp"

	"github.com/mssc/recert/catalog"
)

// DevTokenSigner signs a development token for a principal; it exists only
// in development.
type DevTokenSigner func(role catalog.Role, subject, candidateNumber string) (string, error)

// devTokenRequest is the body of POST /dev/token.
type devTokenRequest struct {
	Role        string `json:"role"`
	Subject     string `json:"subject"`
	CandidateID string `json:"candidateId"`
}

// devName is what a development subject or candidate ID may be: up to 64
// letters, digits, dots, dashes and underscores.
var devName = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// CodeBadDevTokenRequest: POST /dev/token was asked for a role or a name
// it does not sign.
const CodeBadDevTokenRequest = "BAD_DEV_TOKEN_REQUEST"

// devTokens answers POST /dev/token {role, subject, candidateId} with
// {token}: a development token for the web app's "sign in as" picker. A
// candidate's token names their candidate ID (the subject when none is
// given). It is mounted only outside production.
func devTokens(sign DevTokenSigner) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req devTokenRequest
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<10))
		if err := dec.Decode(&req); err != nil {
			refuse(w, http.StatusBadRequest, mediaJSON, CodeBadDevTokenRequest,
				`the body must be JSON: {"role": "CANDIDATE" or "STAFF", "subject": "...", "candidateId": "..."}`)
			return
		}
		role := catalog.Role(req.Role)
		if role != catalog.RoleCandidate && role != catalog.RoleStaff {
			refuse(w, http.StatusBadRequest, mediaJSON, CodeBadDevTokenRequest, "the role must be CANDIDATE or STAFF")
			return
		}
		if !devName.MatchString(req.Subject) {
			refuse(w, http.StatusBadRequest, mediaJSON, CodeBadDevTokenRequest,
				"the subject must be 1 to 64 letters, digits, dots, dashes or underscores")
			return
		}
		candidate := ""
		if role == catalog.RoleCandidate {
			candidate = req.CandidateID
			if candidate == "" {
				candidate = req.Subject
			}
			if !devName.MatchString(candidate) {
				refuse(w, http.StatusBadRequest, mediaJSON, CodeBadDevTokenRequest,
					"the candidate ID must be 1 to 64 letters, digits, dots, dashes or underscores")
				return
			}
		}
		token, err := sign(role, req.Subject, candidate)
		if err != nil {
			refuse(w, http.StatusBadRequest, mediaJSON, CodeBadDevTokenRequest, err.Error())
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(map[string]string{"token": token})
	})
}
