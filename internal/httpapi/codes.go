package httpapi

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"

	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The extensions.code values of the HTTP layer, next to the domain's
// (catalog.Code). They are stable: clients may switch on them.
const (
	// CodeBadRequest: the request is not a GraphQL-over-HTTP request this
	// server reads (malformed JSON, a missing or mistyped parameter, a
	// batch, a subscription without a streaming transport). HTTP 400.
	CodeBadRequest = "BAD_REQUEST"
	// CodeUnsupportedMediaType: the request body is not application/json
	// (or multipart/form-data for uploads). HTTP 415.
	CodeUnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE"
	// CodeNotAcceptable: the Accept header names no type the server can
	// answer with. HTTP 406.
	CodeNotAcceptable = "NOT_ACCEPTABLE"
	// CodeMethodNotAllowed: a mutation by GET, or a method other than GET,
	// POST and OPTIONS. HTTP 405.
	CodeMethodNotAllowed = "METHOD_NOT_ALLOWED"
	// CodePayloadTooLarge: the body is larger than MAX_BODY_BYTES (or a
	// multipart request larger than the upload limit). HTTP 413.
	CodePayloadTooLarge = "PAYLOAD_TOO_LARGE"
	// CodeTooManyFiles: a multipart request maps more files than
	// MAX_UPLOAD_FILES; extensions.limit and extensions.actual give the
	// figures. HTTP 413.
	CodeTooManyFiles = "TOO_MANY_FILES"
	// CodeTooManyFilePaths: a multipart request maps one file to more
	// variable paths than MAX_UPLOAD_PATHS; extensions.limit and
	// extensions.actual give the figures. HTTP 413.
	CodeTooManyFilePaths = "TOO_MANY_FILE_PATHS"
	// CodeRateLimited: the operation costs more than the client's budget
	// holds; extensions.retryAfter says in how many seconds. HTTP 429.
	CodeRateLimited = "RATE_LIMITED"
	// CodeTimeout: the operation ran longer than RESOLVER_TIMEOUT.
	CodeTimeout = "TIMEOUT"
	// CodeMaxDepthExceeded: fields nest deeper than MAX_DEPTH.
	CodeMaxDepthExceeded = "MAX_DEPTH_EXCEEDED"
	// CodeMaxCostExceeded: the operation costs more than MAX_COST.
	CodeMaxCostExceeded = "MAX_COST_EXCEEDED"
	// CodeMaxAliasesExceeded: more aliased fields than MAX_ALIASES.
	CodeMaxAliasesExceeded = "MAX_ALIASES_EXCEEDED"
	// CodeMaxRootFieldsExceeded: more root fields than MAX_ROOT_FIELDS.
	CodeMaxRootFieldsExceeded = "MAX_ROOT_FIELDS_EXCEEDED"
	// CodeMaxSelectionsExceeded: one selection set has more than
	// limits.MaxSelections fields once its fragments are expanded, or
	// repeats one field more than limits.MaxRepeats times.
	CodeMaxSelectionsExceeded = "MAX_SELECTIONS_EXCEEDED"
	// CodeMaxTokensExceeded: the document has more tokens than MAX_TOKENS.
	CodeMaxTokensExceeded = "MAX_TOKENS_EXCEEDED"
	// CodeIntrospectionDisabled: the query asks for the schema (__schema
	// or __type) where introspection is turned off, as in production.
	CodeIntrospectionDisabled = "INTROSPECTION_DISABLED"
)

// The media types of GraphQL responses.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// wireResponse is a GraphQL response as written: unlike graphql.Response,
// it leaves `data` out when there is none, as the GraphQL-over-HTTP
// specification asks of a request that failed before execution.
type wireResponse struct {
	Errors     gqlerror.List   `json:"errors,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
	Extensions map[string]any  `json:"extensions,omitempty"`
	// RawExtensions, when set, is written as the extensions instead of
	// Extensions: an object already encoded.
	RawExtensions json.RawMessage `json:"-"`
}

// appendJSON appends the response as JSON to body. The data, which the
// executor has already encoded, is copied as it is: json.Marshal would
// scan and compact it again, which cost half the time of a cached catalog
// answer.
func (r wireResponse) appendJSON(body []byte) ([]byte, error) {
	var errs, ext []byte
	var err error
	if len(r.Errors) > 0 {
		if errs, err = json.Marshal(r.Errors); err != nil {
			return body, err
		}
	}
	switch {
	case len(r.RawExtensions) > 0:
		ext = r.RawExtensions
	case len(r.Extensions) > 0:
		if ext, err = json.Marshal(r.Extensions); err != nil {
			return body, err
		}
	}
	body = append(body, '{')
	first := true
	for _, m := range [...]struct {
		name  string
		value []byte
	}{{`"errors":`, errs}, {`"data":`, r.Data}, {`"extensions":`, ext}} {
		if len(m.value) == 0 {
			continue
		}
		if !first {
			body = append(body, ',')
		}
		first = false
		body = append(body, m.name...)
		body = append(body, m.value...)
	}
	return append(body, '}'), nil
}

// bodyBuffers keep the buffers answers are written from, so that a large
// catalog page is not a fresh allocation on every request.
var bodyBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

// maxPooledBody is the largest buffer put back into bodyBuffers.
const maxPooledBody = 256 << 10

// writeResponse writes a GraphQL response with the status and media type.
func writeResponse(w http.ResponseWriter, status int, mediaType string, resp wireResponse) {
	buf := bodyBuffers.Get().(*[]byte)
	body, err := resp.appendJSON((*buf)[:0])
	if err != nil {
		body = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`)
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", mediaType+"; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// With its length known the answer is sent whole rather than chunked.
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
	if err == nil && cap(body) <= maxPooledBody {
		*buf = body[:0]
		bodyBuffers.Put(buf)
	}
}

// refuse answers a request the HTTP layer refuses before GraphQL sees it:
// one error with a stable code, no data, never an echo of the request.
func refuse(w http.ResponseWriter, status int, mediaType, code, message string) {
	refuseWith(w, status, mediaType, code, message, nil)
}

// refuseWith is refuse with more entries in the error's extensions.
func refuseWith(w http.ResponseWriter, status int, mediaType, code, message string, extensions map[string]any) {
	if mediaType == "" {
		mediaType = mediaJSON
	}
	ext := map[string]any{"code": code}
	for k, v := range extensions {
		ext[k] = v
	}
	writeResponse(w, status, mediaType, wireResponse{Errors: gqlerror.List{{
		Message:    message,
		Extensions: ext,
	}}})
}
