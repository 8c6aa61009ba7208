package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mssc/recert/internal/ratelimit"
)

// The transports below serve GraphQL over HTTP as the GraphQL-over-HTTP
// specification asks (https://graphql.github.io/graphql-over-http/draft/),
// where gqlgen's own answer some cases with 422:
//
//   - the response type follows Accept: application/graphql-response+json
//     or application/json (the default, and the answer to */*); any other
//     Accept is refused with 406;
//   - a request that is not a GraphQL request (bad JSON, a missing or
//     mistyped parameter, a batch) is refused with 400, a body of another
//     type with 415, an oversized one with 413;
//   - a request that fails before execution (parsing, validation, variable
//     coercion, the limits) is answered 200 as application/json and 400 as
//     application/graphql-response+json, without `data`;
//   - GET serves queries only: anything else by GET is refused with 405.

// httpTransport serves POST (application/json and multipart/form-data)
// and GET requests; every other method gets 405.
type httpTransport struct {
	// maxBody bounds a JSON body and the JSON parts of a multipart request.
	maxBody int64
	// maxMemory is how much of an upload is held in memory; the rest goes
	// to a temporary file in spool.
	maxMemory int64
	// maxFiles bounds the files of one multipart request and maxPaths the
	// variable paths one file is mapped to.
	maxFiles, maxPaths int
	// spool keeps the temporary files of uploads.
	spool *UploadSpool
	// limiter, when set, adds the budget headers to every response.
	limiter ratelimit.Store
	// timeout bounds parsing, validating and running one operation.
	timeout time.Duration
	// answers, when set, answers repeated public catalog reads whole.
	answers *answerMemo
}

var _ graphql.Transport = httpTransport{}

// Supports takes every request the streaming transports before it left.
func (t httpTransport) Supports(r *http.Request) bool {
	return r.Header.Get("Upgrade") == ""
}

// Do serves one request.
func (t httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	if state := stateFrom(r.Context()); state != nil {
		state.plain = true
	}
	media, ok := negotiate(r.Header.Get("Accept"))
	if !ok {
		refuse(w, http.StatusNotAcceptable, mediaJSON, CodeNotAcceptable,
			"the Accept header names no type this server answers with; accept application/graphql-response+json or application/json")
		return
	}
	var params *graphql.RawParams
	var cleanup func()
	var err *httpError
	var memoKey string
	switch r.Method {
	case http.MethodGet:
		memoKey = t.answers.key(r, media, []byte(r.URL.RawQuery))
		if t.answers.serve(w, r, media, memoKey) {
			return
		}
		params, err = t.fromQueryString(r)
	case http.MethodPost:
		var body []byte
		body, params, cleanup, err = t.fromBody(r)
		if cleanup != nil {
			defer cleanup()
		}
		if err == nil && params == nil {
			memoKey = t.answers.key(r, media, body)
			if t.answers.serve(w, r, media, memoKey) {
				return
			}
			params, err = decodeParams(body)
		}
	default:
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		refuse(w, http.StatusMethodNotAllowed, media, CodeMethodNotAllowed,
			fmt.Sprintf("%s is not allowed here: send queries by GET or POST and mutations by POST", sanitizeMethod(r.Method)))
		return
	}
	if err != nil {
		refuseWith(w, err.status, media, err.code, err.message, err.extensions)
		return
	}
	params.Headers = r.Header
	// The run time is bounded from here, once the request has been read.
	ctx, cancel := context.WithTimeout(r.Context(), t.timeout)
	defer cancel()
	start := graphql.Now()
	params.ReadTime = graphql.TraceTiming{Start: start, End: start}
	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs)
		status := statusOfRefusal(resp.Errors, media)
		if status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", "POST")
		}
		t.write(w, ctx, status, media, resp)
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	resp := responses(ctx)
	if resp == nil {
		// Only a cancelled or timed-out operation ends without a response.
		resp = &graphql.Response{Errors: gqlerror.List{{Message: timeoutMessage, Extensions: map[string]any{"code": CodeTimeout}}}}
	}
	t.answers.keep(ctx, memoKey, resp)
	t.write(w, ctx, http.StatusOK, media, resp)
}

// write writes resp with the budget headers of the client.
func (t httpTransport) write(w http.ResponseWriter, ctx context.Context, status int, media string, resp *graphql.Response) {
	if t.limiter != nil {
		budget := stateFrom(ctx).lastBudget()
		if budget == nil {
			b := t.limiter.Peek(ctx, clientKey(ctx))
			budget = &b
		}
		setBudgetHeaders(w.Header(), *budget)
	}
	writeResponse(w, status, media, wireResponse{Errors: resp.Errors, Data: resp.Data, Extensions: resp.Extensions})
}

// setBudgetHeaders writes the rate-limit headers GitHub's API made common.
func setBudgetHeaders(h http.Header, b ratelimit.Status) {
	remaining := max(b.Remaining, 0)
	h.Set("X-RateLimit-Limit", strconv.Itoa(b.Limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(b.Reset.Unix(), 10))
	if b.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(retrySeconds(b)))
	}
}

// retrySeconds rounds a wait up to whole seconds, at least one.
func retrySeconds(b ratelimit.Status) int {
	s := int((b.RetryAfter + 999_999_999) / 1_000_000_000)
	return max(s, 1)
}

// statusOfRefusal is the status of a request refused before execution.
func statusOfRefusal(errs gqlerror.List, media string) int {
	for _, e := range errs {
		switch code, _ := e.Extensions["code"].(string); code {
		case CodeRateLimited:
			return http.StatusTooManyRequests
		case CodeMethodNotAllowed:
			return http.StatusMethodNotAllowed
		case CodeBadRequest:
			return http.StatusBadRequest
		}
	}
	if media == mediaGraphQLResponse {
		return http.StatusBadRequest
	}
	return http.StatusOK
}

// httpError is a request refused by the transport.
type httpError struct {
	status        int
	code, message string
	// extensions are more entries of the error's extensions, if any.
	extensions map[string]any
}

func badRequest(format string, args ...any) *httpError {
	return &httpError{status: http.StatusBadRequest, code: CodeBadRequest, message: fmt.Sprintf(format, args...)}
}

// readError turns a failed read of the body into 413 or 400.
func readError(err error) *httpError {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return &httpError{status: http.StatusRequestEntityTooLarge, code: CodePayloadTooLarge, message: tooLargeMessage(tooLarge.Limit)}
	}
	return badRequest("the request body could not be read")
}

func (t httpTransport) fromQueryString(r *http.Request) (*graphql.RawParams, *httpError) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, badRequest("the query string is not valid URL encoding")
	}
	if int64(len(r.URL.RawQuery)) > t.maxBody {
		return nil, &httpError{status: http.StatusRequestEntityTooLarge, code: CodePayloadTooLarge, message: tooLargeMessage(t.maxBody)}
	}
	p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	if v := q.Get("variables"); v != "" {
		if err := decodeObject([]byte(v), &p.Variables); err != nil {
			return nil, badRequest("the `variables` parameter must be a JSON object")
		}
	}
	if v := q.Get("extensions"); v != "" {
		if err := decodeObject([]byte(v), &p.Extensions); err != nil {
			return nil, badRequest("the `extensions` parameter must be a JSON object")
		}
	}
	if p.Query == "" && !persisted(p) {
		return nil, badRequest("the `query` parameter is required")
	}
	return p, nil
}

// fromBody reads a POST body: a JSON body is returned as it is, to be
// decoded by decodeParams; a multipart request (an upload) is decoded
// into its parameters at once.
func (t httpTransport) fromBody(r *http.Request) ([]byte, *graphql.RawParams, func(), *httpError) {
	ct := r.Header.Get("Content-Type")
	mt, ctParams, err := mime.ParseMediaType(ct)
	switch {
	case ct == "" || err != nil:
		return nil, nil, nil, unsupported()
	case mt == "multipart/form-data":
		params, cleanup, herr := t.fromMultipart(r)
		return nil, params, cleanup, herr
	case mt != mediaJSON:
		return nil, nil, nil, unsupported()
	}
	if cs, ok := ctParams["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		return nil, nil, nil, &httpError{status: http.StatusUnsupportedMediaType, code: CodeUnsupportedMediaType,
			message: "the request body must be encoded in UTF-8"}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, nil, nil, readError(err)
	}
	return body, nil, nil, nil
}

func unsupported() *httpError {
	return &httpError{status: http.StatusUnsupportedMediaType, code: CodeUnsupportedMediaType,
		message: "send the request as application/json (or multipart/form-data to upload files)"}
}

// decodeParams reads a JSON request body: one object with a string
// `query` and optional `operationName` (a string), `variables` and
// `extensions` (objects); null stands for absent. The body is never echoed.
func decodeParams(body []byte) (*graphql.RawParams, *httpError) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, badRequest("the request body is empty; send a JSON object with a `query`")
	}
	if trimmed[0] == '[' {
		return nil, badRequest("batched requests are not supported; send one operation per request")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return nil, badRequest("the request body is not valid JSON (at byte %d)", syntax.Offset)
		}
		return nil, badRequest("the request body must be a JSON object with a `query`")
	}
	p := &graphql.RawParams{}
	isNull := func(raw json.RawMessage) bool { return len(raw) == 0 || string(raw) == "null" }
	if raw := fields["query"]; !isNull(raw) && json.Unmarshal(raw, &p.Query) != nil {
		return nil, badRequest("the `query` parameter must be a string")
	}
	if raw := fields["operationName"]; !isNull(raw) {
		if json.Unmarshal(raw, &p.OperationName) != nil {
			return nil, badRequest("the `operationName` parameter must be a string")
		}
	}
	if raw := fields["variables"]; !isNull(raw) {
		if decodeObject(raw, &p.Variables) != nil {
			return nil, badRequest("the `variables` parameter must be a JSON object")
		}
	}
	if raw := fields["extensions"]; !isNull(raw) {
		if decodeObject(raw, &p.Extensions) != nil {
			return nil, badRequest("the `extensions` parameter must be a JSON object")
		}
	}
	// A persisted query's hash stands for its text, by POST as by GET:
	// Apollo's persisted-query link sends the hash alone by POST.
	if p.Query == "" && !persisted(p) {
		return nil, badRequest("the `query` parameter is required")
	}
	return p, nil
}

// decodeObject decodes a JSON object, numbers as json.Number as gqlgen
// expects them; anything but an object is an error.
func decodeObject(raw []byte, out *map[string]any) error {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return errors.New("not an object")
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber()
	if err := dec.Decode(out); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data")
	}
	return nil
}

// fromMultipart reads a GraphQL multipart request
// (https://github.com/jaydenseric/graphql-multipart-request-spec): an
// `operations` part, a `map` part, then the files.
func (t httpTransport) fromMultipart(r *http.Request) (*graphql.RawParams, func(), *httpError) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, badRequest("the multipart request could not be read")
	}
	var temps []string
	var files []io.Closer
	cleanup := func() {
		for _, f := range files {
			_ = f.Close()
		}
		for _, name := range temps {
			t.spool.remove(name)
		}
	}
	part, err := mr.NextPart()
	if err != nil {
		return nil, cleanup, multipartError(err, "the first part must be `operations`")
	}
	if part.FormName() != "operations" {
		return nil, cleanup, badRequest("the first part must be `operations`")
	}
	ops, herr := t.readPart(part)
	if herr != nil {
		return nil, cleanup, herr
	}
	p, herr := decodeParams(ops)
	if herr != nil {
		return nil, cleanup, herr
	}
	part, err = mr.NextPart()
	if err != nil {
		return nil, cleanup, multipartError(err, "the second part must be `map`")
	}
	if part.FormName() != "map" {
		return nil, cleanup, badRequest("the second part must be `map`")
	}
	rawMap, herr := t.readPart(part)
	if herr != nil {
		return nil, cleanup, herr
	}
	var paths map[string][]string
	if json.Unmarshal(rawMap, &paths) != nil {
		return nil, cleanup, badRequest("the `map` part must be a JSON object of file keys to lists of variable paths")
	}
	// Every file part must be named in the map and is read once, so these
	// bound what the rest of the request can make the server keep.
	if len(paths) > t.maxFiles {
		return nil, cleanup, tooMany(CodeTooManyFiles, t.maxFiles, len(paths),
			"the request maps %d files; at most %d are accepted in one request", len(paths), t.maxFiles)
	}
	for key, targets := range paths {
		if len(targets) > t.maxPaths {
			return nil, cleanup, tooMany(CodeTooManyFilePaths, t.maxPaths, len(targets),
				"the file %q is mapped to %d variable paths; at most %d are accepted", truncate(key, 40), len(targets), t.maxPaths)
		}
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, cleanup, multipartError(err, "a file part could not be read")
		}
		key := part.FormName()
		targets := paths[key]
		if len(targets) == 0 {
			return nil, cleanup, badRequest("the file part %q is not named in `map`", truncate(key, 40))
		}
		delete(paths, key)
		kept, herr := t.readFile(part)
		if kept.temp != "" {
			temps = append(temps, kept.temp)
		}
		if herr != nil {
			return nil, cleanup, herr
		}
		// A spooled file is opened once; each path reads it through its
		// own section, with its own offset.
		var spooled *os.File
		if kept.temp != "" {
			spooled, err = os.Open(kept.temp)
			if err != nil {
				return nil, cleanup, &httpError{status: http.StatusInternalServerError, code: "INTERNAL", message: "the upload could not be kept"}
			}
			files = append(files, spooled)
		}
		for _, path := range targets {
			u := graphql.Upload{Size: kept.size, Filename: part.FileName(), ContentType: part.Header.Get("Content-Type")}
			if spooled != nil {
				u.File = io.NewSectionReader(spooled, 0, kept.size)
			} else {
				u.File = bytes.NewReader(kept.data)
			}
			if err := p.AddUpload(u, key, path); err != nil {
				return nil, cleanup, badRequest("the `map` path %q names no variable of the operation", truncate(path, 80))
			}
		}
	}
	return p, cleanup, nil
}

// tooMany refuses a multipart request over one of its caps with 413.
func tooMany(code string, limit, actual int, format string, args ...any) *httpError {
	return &httpError{status: http.StatusRequestEntityTooLarge, code: code, message: fmt.Sprintf(format, args...),
		extensions: map[string]any{"limit": limit, "actual": actual}}
}

func multipartError(err error, message string) *httpError {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return readError(err)
	}
	return badRequest("%s", message)
}

// readPart reads a JSON part of a multipart request, bounded by maxBody.
func (t httpTransport) readPart(part io.Reader) ([]byte, *httpError) {
	raw, err := io.ReadAll(io.LimitReader(part, t.maxBody+1))
	if err != nil {
		return nil, readError(err)
	}
	if int64(len(raw)) > t.maxBody {
		return nil, &httpError{status: http.StatusRequestEntityTooLarge, code: CodePayloadTooLarge, message: tooLargeMessage(t.maxBody)}
	}
	return raw, nil
}

// keptFile is an uploaded file, in memory or in a temporary file.
type keptFile struct {
	data []byte
	temp string
	size int64
}

// readFile keeps one uploaded file in memory, or in a temporary file when
// it is larger than maxMemory.
func (t httpTransport) readFile(part io.Reader) (keptFile, *httpError) {
	head, err := io.ReadAll(io.LimitReader(part, t.maxMemory+1))
	if err != nil {
		return keptFile{}, readError(err)
	}
	if int64(len(head)) <= t.maxMemory {
		return keptFile{data: head, size: int64(len(head))}, nil
	}
	f, err := t.spool.create()
	if err != nil {
		return keptFile{}, &httpError{status: http.StatusInternalServerError, code: "INTERNAL", message: "the upload could not be kept"}
	}
	defer f.Close()
	n, err := io.Copy(f, io.MultiReader(bytes.NewReader(head), part))
	if err != nil {
		return keptFile{temp: f.Name()}, readError(err)
	}
	return keptFile{temp: f.Name(), size: n}, nil
}

// negotiate picks the response type from an Accept header: the most
// preferred of application/graphql-response+json and application/json,
// application/json for */* and application/* and when there is no header.
func negotiate(accept string) (string, bool) {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON, true
	}
	best, bestQ, bestRank := "", 0.0, -1
	for part := range strings.SplitSeq(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if q <= 0 {
			continue
		}
		var choice string
		var rank int
		switch mt {
		case mediaGraphQLResponse:
			choice, rank = mediaGraphQLResponse, 3
		case mediaJSON:
			choice, rank = mediaJSON, 2
		case "application/*":
			choice, rank = mediaJSON, 1
		case "*/*":
			choice, rank = mediaJSON, 0
		default:
			continue
		}
		if q > bestQ || (q == bestQ && rank > bestRank) {
			best, bestQ, bestRank = choice, q, rank
		}
	}
	return best, best != ""
}

// sanitizeMethod keeps a method name printable and short in a message.
func sanitizeMethod(m string) string {
	return truncate(strings.Map(func(r rune) rune {
		if r < 'A' || r > 'Z' {
			return -1
		}
		return r
	}, m), 16)
}

// truncate keeps at most n printable characters of s, for a message.
func truncate(s string, n int) string {
	runes := []rune(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, s))
	if len(runes) > n {
		return string(runes[:n]) + "…"
	}
	return string(runes)
}

// persisted reports whether the request names a persisted query by its
// hash, in which case it may leave the query text out.
func persisted(p *graphql.RawParams) bool {
	_, ok := p.Extensions["persistedQuery"].(map[string]any)
	return ok
}
