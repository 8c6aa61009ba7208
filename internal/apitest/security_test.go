package apitest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/mssc/recert/catalog"
)

// The security suite: every case goes through the HTTP handler, asserts
// the exact status and extensions.code, and that nothing was written.

// registerAs is the staff mutation the refused requests below carry: had
// any of them run, a candidate and an audit event would have been written.
const registerAs = `mutation { registerCandidate(input: {msscCandidateId: "C-6666", name: "Mallory", email: "m@example.com"}) { candidate { id } userErrors { code } } }`

func TestSecurityAnotherCandidatesObjects(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		exp := e.now.AddDate(0, 2, 0)
		alice := registerHolder(t, e, "C-1001", exp, exp.AddDate(1, 0, 0))
		bob := registerHolder(t, e, "C-1002", exp, exp.AddDate(1, 0, 0))
		app := appCall(t, e, alice, `mutation { createApplication(program: CPT) { application { id version } userErrors { field message } } }`, nil)
		review := get(submit(t, e, alice, submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")), "review")
		aliceID := get(e.okAs(t, alice, `{ viewer { candidate { id } } }`, nil), "viewer", "candidate", "id")
		unknown := func(typ string) string { return base64.RawURLEncoding.EncodeToString([]byte(typ + ":999999")) }
		before := e.rowCounts(t)

		t.Run("node and direct fields answer null, as for an unknown ID", func(t *testing.T) {
			for _, tc := range []struct{ typ, field string }{
				{"Candidate", "candidate"}, {"Application", "application"}, {"CatalogReview", "catalogReview"},
			} {
				ids := map[string]any{"Candidate": aliceID, "Application": app["id"], "CatalogReview": get(review, "id")}
				for _, id := range []any{ids[tc.typ], unknown(tc.typ)} {
					q := fmt.Sprintf(`query($id: ID!) { node(id: $id) { id } %s(id: $id) { id } }`, tc.field)
					r := e.post(t, bob, q, map[string]any{"id": id})
					if r.Status != http.StatusOK || r.Body != `{"data":{"node":null,"`+tc.field+`":null},"extensions":{"cost":{"actual":2,"requested":2}}}` {
						t.Errorf("%s %v as another candidate: %d %s", tc.typ, id, r.Status, r.Body)
					}
				}
			}
		})
		t.Run("connections are staff only or the caller's own", func(t *testing.T) {
			for _, field := range []string{"candidates", "applications", "catalogReviews"} {
				r := e.post(t, bob, `{ `+field+`(first: 5) { totalCount nodes { id } } }`, nil).expect(t, http.StatusOK, "FORBIDDEN")
				if r.Data != nil {
					t.Errorf("%s leaked data: %s", field, r.Raw)
				}
			}
			data := e.okAs(t, bob, `{ myApplications { id } myCatalogReviews { id } viewer { candidate { msscCandidateId } } }`, nil)
			if len(get(data, "myApplications").([]any)) != 0 || len(get(data, "myCatalogReviews").([]any)) != 0 || get(data, "viewer", "candidate", "msscCandidateId") != "C-1002" {
				t.Errorf("another candidate's own lists: %v", data)
			}
		})
		t.Run("mutations on another's objects find nothing and write nothing", func(t *testing.T) {
			for _, tc := range []struct {
				name, mutation, field, message string
				vars                           func(id any) map[string]any
			}{
				{"saveApplicationActivity", `mutation($id: ID!, $v: Int!) { saveApplicationActivity(applicationId: $id, version: $v, activity: {category: EXTRA, activityTypeKey: "x-volunteer", title: "x", completedOn: "2025-01-01"}) { application { id } userErrors { field code message } } }`,
					"saveApplicationActivity", "no application has this ID", func(id any) map[string]any { return map[string]any{"id": id, "v": app["version"]} }},
				{"submitApplications", `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { applications { id } userErrors { field code message } } }`,
					"submitApplications", "no application has this ID", func(id any) map[string]any { return map[string]any{"id": id, "v": app["version"]} }},
				{"provideReviewInformation", `mutation($id: ID!) { provideReviewInformation(reviewId: $id, response: "mine now") { review { id } userErrors { field code message } } }`,
					"provideReviewInformation", "no catalog review has this ID", func(id any) map[string]any { return map[string]any{"id": id} }},
			} {
				t.Run(tc.name, func(t *testing.T) {
					target := app["id"]
					typ := "Application"
					if tc.name == "provideReviewInformation" {
						target, typ = get(review, "id"), "CatalogReview"
					}
					var answers []string
					for _, id := range []any{target, unknown(typ)} {
						r := e.post(t, bob, tc.mutation, tc.vars(id)).json(t)
						u := get(r.Data, tc.field, "userErrors", 0)
						if r.Status != http.StatusOK || len(r.Errors) != 0 || get(u, "code") != "NOT_FOUND" || get(u, "message") != tc.message {
							t.Fatalf("%s as another candidate: %s", tc.name, r.Raw)
						}
						answers = append(answers, fmt.Sprint(get(r.Data, tc.field)))
					}
					if answers[0] != answers[1] {
						t.Errorf("another's object is told apart from an unknown one: %s vs %s", answers[0], answers[1])
					}
				})
			}
			for _, tc := range []struct{ name, mutation string }{
				{"addHeldCertification", `mutation($id: ID!) { addHeldCertification(input: {candidateId: $id, heldCertification: {program: CLT, certifiedOn: "2022-01-10", expiresOn: "2027-01-10"}}) { userErrors { code } } }`},
				{"approveCatalogReview", `mutation($id: ID!) { rejectCatalogReview(reviewId: $id, reason: OTHER, message: "no") { userErrors { code } } }`},
			} {
				r := e.post(t, bob, tc.mutation, map[string]any{"id": aliceID}).expect(t, http.StatusOK, "FORBIDDEN")
				if r.Data != nil {
					t.Errorf("%s: %s", tc.name, r.Raw)
				}
			}
			e.nothingWritten(t, before)
		})
	})
}

// nest returns a query whose fields nest levels deep (at least 2):
// organizations, their certifications, their organization, and so on.
func nest(levels int) string {
	openers := []string{"organizations(first: 1)", "nodes"}
	cycle := []string{"certifications(first: 1)", "nodes", "organization"}
	for i := 0; len(openers) < levels-1; i++ {
		openers = append(openers, cycle[i%3])
	}
	leaf := "id"
	if strings.HasSuffix(openers[len(openers)-1], ")") {
		leaf = "totalCount"
	}
	return "{ " + strings.Join(openers, " { ") + " { " + leaf + strings.Repeat(" }", len(openers)) + " }"
}

func TestSecurityAmplification(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		before := e.rowCounts(t)
		alias := func(n int, field string) string {
			var b strings.Builder
			b.WriteString("{ ")
			for i := range n {
				fmt.Fprintf(&b, "a%d: %s ", i, field)
			}
			return b.String() + "}"
		}
		mutations := func(n int) string {
			var b strings.Builder
			b.WriteString("mutation { ")
			for i := range n {
				fmt.Fprintf(&b, `m%d: registerCandidate(input: {msscCandidateId: "C-%d", name: "N", email: "n%d@example.com"}) { userErrors { code } } `, i, 5000+i, i)
			}
			return b.String() + "}"
		}
		for _, tc := range []struct {
			name, query, code string
			limit, actual     int
		}{
			{"31 aliased credential checks", alias(31, `checkCredential(input: {text: "CWI"}) { verdict }`), "MAX_ROOT_FIELDS_EXCEEDED", 20, 31},
			{"31 aliased mutations", mutations(31), "MAX_ROOT_FIELDS_EXCEEDED", 20, 31},
			{"31 aliases inside a field", `{ certifications(first: 1) { nodes ` + alias(31, "displayName") + ` } }`, "MAX_ALIASES_EXCEEDED", 30, 31},
			{"31 aliases through a fragment", `{ certifications(first: 1) { nodes { ...F } } } fragment F on Certification ` + alias(31, "key"), "MAX_ALIASES_EXCEEDED", 30, 31},
			{"21 root fields", "{ " + strings.Repeat("catalogVersion ", 21) + "}", "MAX_ROOT_FIELDS_EXCEEDED", 20, 21},
			{"one field 11 times", "{ fees { " + strings.Repeat("kind ", 11) + "} }", "MAX_SELECTIONS_EXCEEDED", 10, 11},
			{"13 levels deep", nest(13), "MAX_DEPTH_EXCEEDED", 12, 13},
			{"deep through fragments", `{ organizations(first: 1) { nodes { ...O } } }
				fragment O on Organization { certifications(first: 1) { nodes { ...C } } }
				fragment C on Certification { organization { certifications(first: 1) { nodes { organization { certifications(first: 1) { nodes { organization { certifications(first: 1) { nodes { id } } } } } } } } } }`,
				"MAX_DEPTH_EXCEEDED", 12, 14},
			{"three nested pages of 100", `{ organizations(first: 100) { nodes { certifications(first: 100) { nodes { organization { certifications(first: 100) { nodes { id } } } } } } } }`,
				"MAX_COST_EXCEEDED", 25000, 1 + 100*(1+1+100*(1+1+1+100))},
		} {
			t.Run(tc.name, func(t *testing.T) {
				for _, accept := range []string{"application/json", "application/graphql-response+json"} {
					status := http.StatusOK
					if accept != "application/json" {
						status = http.StatusBadRequest
					}
					r := e.post(t, staff, tc.query, nil, "Accept", accept)
					got := r.expect(t, status, tc.code)
					if ext := got.Errors[0].Extensions; num(ext["limit"]) != tc.limit || num(ext["actual"]) != tc.actual {
						t.Errorf("extensions = %v, want limit %d actual %d", ext, tc.limit, tc.actual)
					}
					if strings.Contains(r.Body, `"data"`) {
						t.Errorf("a refused operation answered data: %s", r.Body)
					}
					if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, accept) {
						t.Errorf("Content-Type = %q for Accept %q", ct, accept)
					}
				}
			})
		}
		if r := e.post(t, "", nest(12), nil); r.Status != http.StatusOK || strings.Contains(r.Body, "errors") {
			t.Errorf("12 levels are allowed: %d %s", r.Status, r.Body)
		}
		r := e.post(t, "", `{ certifications(first: 100000) { totalCount } }`, nil).expect(t, http.StatusOK, "BAD_USER_INPUT")
		if !strings.Contains(r.Errors[0].Message, "between 1 and 100") || r.Errors[0].Extensions["field"] != "first" {
			t.Errorf("first: 100000 = %s", r.Raw)
		}
		e.nothingWritten(t, before)
	})
}

func TestSecurityMalformedRequests(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		before := e.rowCounts(t)
		body, _ := json.Marshal(map[string]any{"query": registerAs})
		auth := "Bearer " + staff
		for _, tc := range []struct {
			name, method, body string
			headers            []string
			status             int
			code, mention      string
		}{
			{"malformed JSON", "POST", `{"query": "mutation { registerCandidate SECRET-MARKER`, []string{"Content-Type", "application/json"}, 400, "BAD_REQUEST", "not valid JSON"},
			{"malformed JSON accepting graphql-response+json", "POST", `{"query": "SECRET-MARKER`, []string{"Content-Type", "application/json", "Accept", "application/graphql-response+json"}, 400, "BAD_REQUEST", "not valid JSON"},
			{"a batch", "POST", `[` + string(body) + `,{"query":"{ SECRET-MARKER }"}]`, []string{"Content-Type", "application/json"}, 400, "BAD_REQUEST", "batched requests are not supported"},
			{"an empty body", "POST", ``, []string{"Content-Type", "application/json"}, 400, "BAD_REQUEST", "empty"},
			{"no query", "POST", `{"mutation": "SECRET-MARKER"}`, []string{"Content-Type", "application/json"}, 400, "BAD_REQUEST", "`query` parameter is required"},
			{"a query that is not a string", "POST", `{"query": ["SECRET-MARKER"]}`, []string{"Content-Type", "application/json"}, 400, "BAD_REQUEST", "must be a string"},
			{"variables that are not an object", "POST", `{"query": "{ fees { kind } }", "variables": "SECRET-MARKER"}`, []string{"Content-Type", "application/json"}, 400, "BAD_REQUEST", "`variables` parameter must be a JSON object"},
			{"no content type", "POST", string(body), nil, 415, "UNSUPPORTED_MEDIA_TYPE", "application/json"},
			{"text/plain", "POST", string(body), []string{"Content-Type", "text/plain"}, 415, "UNSUPPORTED_MEDIA_TYPE", "application/json"},
			{"a form", "POST", "query=" + url.QueryEscape(registerAs), []string{"Content-Type", "application/x-www-form-urlencoded"}, 415, "UNSUPPORTED_MEDIA_TYPE", "application/json"},
			{"application/graphql", "POST", registerAs, []string{"Content-Type", "application/graphql"}, 415, "UNSUPPORTED_MEDIA_TYPE", "application/json"},
			{"JSON in Latin-1", "POST", string(body), []string{"Content-Type", "application/json; charset=iso-8859-1"}, 415, "UNSUPPORTED_MEDIA_TYPE", "UTF-8"},
			{"a content type that does not parse", "POST", string(body), []string{"Content-Type", "application/json; ;;=="}, 415, "UNSUPPORTED_MEDIA_TYPE", "application/json"},
			{"a multipart request that is not one", "POST", "SECRET-MARKER", []string{"Content-Type", "multipart/form-data; boundary=x"}, 400, "BAD_REQUEST", "`operations`"},
			{"Accept text/html", "POST", string(body), []string{"Content-Type", "application/json", "Accept", "text/html"}, 406, "NOT_ACCEPTABLE", "Accept"},
			{"PUT", "PUT", string(body), []string{"Content-Type", "application/json"}, 405, "METHOD_NOT_ALLOWED", "PUT is not allowed"},
			{"DELETE", "DELETE", "", nil, 405, "METHOD_NOT_ALLOWED", "DELETE is not allowed"},
			{"GET without a query", "GET", "", nil, 400, "BAD_REQUEST", "`query` parameter is required"},
			{"a subscription by plain POST", "POST", `{"query": "subscription { catalogChanged { catalogVersion } }"}`, []string{"Content-Type", "application/json"}, 400, "BAD_REQUEST", "subscription needs a stream"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var reader io.Reader
				if tc.body != "" {
					reader = strings.NewReader(tc.body)
				}
				r := e.send(t, nil, tc.method, "/graphql", reader, append([]string{"Authorization", auth}, tc.headers...)...)
				got := r.expect(t, tc.status, tc.code)
				if !strings.Contains(got.Errors[0].Message, tc.mention) {
					t.Errorf("message %q should say %q", got.Errors[0].Message, tc.mention)
				}
				if strings.Contains(r.Body, "SECRET-MARKER") || strings.Contains(r.Body, "Mallory") {
					t.Errorf("the answer echoes the request: %s", r.Body)
				}
				if strings.Contains(r.Body, `"data"`) {
					t.Errorf("a refused request answered data: %s", r.Body)
				}
				if tc.status == 405 && r.Header.Get("Allow") == "" {
					t.Error("405 without Allow")
				}
			})
		}
		t.Run("a mutation by GET", func(t *testing.T) {
			for _, accept := range []string{"application/json", "application/graphql-response+json"} {
				r := e.send(t, nil, "GET", "/graphql?query="+url.QueryEscape(registerAs), nil, "Authorization", auth, "Accept", accept)
				r.expect(t, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED")
				if r.Header.Get("Allow") != "POST" {
					t.Errorf("Allow = %q", r.Header.Get("Allow"))
				}
			}
		})
		t.Run("a query by GET", func(t *testing.T) {
			r := e.send(t, nil, "GET", "/graphql?query="+url.QueryEscape(`query($n: Int) { certifications(first: $n) { totalCount } }`)+"&variables="+url.QueryEscape(`{"n": 2}`), nil)
			if r.Status != 200 || !strings.Contains(r.Body, `"totalCount":164`) {
				t.Errorf("GET query: %d %s", r.Status, r.Body)
			}
		})
		t.Run("GraphQL errors follow the media type", func(t *testing.T) {
			q := `{ certifications(first: 1) { nonsense } }`
			e.post(t, "", q, nil).expect(t, http.StatusOK, "GRAPHQL_VALIDATION_FAILED")
			r := e.post(t, "", q, nil, "Accept", "application/graphql-response+json")
			r.expect(t, http.StatusBadRequest, "GRAPHQL_VALIDATION_FAILED")
			e.post(t, "", `{ certifications(first: 1) {`, nil, "Accept", "application/graphql-response+json").expect(t, http.StatusBadRequest, "GRAPHQL_PARSE_FAILED")
			e.post(t, "", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": nil}).expect(t, http.StatusOK, "GRAPHQL_VALIDATION_FAILED")
		})
		e.nothingWritten(t, before)
	})
}

func TestSecurityOversizedBodiesAndUploads(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		candidate := e.token(t, catalog.RoleCandidate, "C-1001")
		before := e.rowCounts(t)
		padded := func(n int) []byte {
			b, _ := json.Marshal(map[string]any{"query": registerAs, "variables": map[string]any{"pad": strings.Repeat("x", n)}})
			return b
		}
		const limit = 1 << 20
		t.Run("a JSON body over the limit", func(t *testing.T) {
			r := e.send(t, nil, "POST", "/graphql", bytes.NewReader(padded(limit)), "Content-Type", "application/json", "Authorization", "Bearer "+staff)
			got := r.expect(t, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")
			if !strings.Contains(got.Errors[0].Message, "1048576 bytes") {
				t.Errorf("message = %q", got.Errors[0].Message)
			}
		})
		t.Run("a JSON body over the limit without a length", func(t *testing.T) {
			// io.MultiReader hides the length: the body is sent chunked.
			r := e.send(t, nil, "POST", "/graphql", io.MultiReader(bytes.NewReader(padded(limit))), "Content-Type", "application/json", "Authorization", "Bearer "+staff)
			r.expect(t, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")
		})
		t.Run("a GET query string over the limit", func(t *testing.T) {
			// Over the body limit, within net/http's 1 MiB + 4 KiB for the
			// request line and headers, so that the API answers.
			r := e.send(t, nil, "GET", "/graphql?query="+url.QueryEscape("{ catalogVersion }")+"&pad="+strings.Repeat("x", limit), nil)
			r.expect(t, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")
		})
		t.Run("just under the limit is read", func(t *testing.T) {
			r := e.send(t, nil, "POST", "/graphql", bytes.NewReader(padded(limit-1024)), "Content-Type", "application/json", "Accept", "application/json")
			r.expect(t, http.StatusOK, "UNAUTHENTICATED")
		})
		in := submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")
		upload := func(t *testing.T, content io.Reader) rawResponse {
			pr, pw := io.Pipe()
			w := multipart.NewWriter(pw)
			go func() {
				ops, _ := json.Marshal(map[string]any{"query": submitMutation, "variables": map[string]any{"in": in}})
				_ = w.WriteField("operations", string(ops))
				_ = w.WriteField("map", `{"0":["variables.in.copy"]}`)
				part, _ := w.CreateFormFile("0", "big.pdf")
				_, _ = io.Copy(part, content)
				_ = w.Close()
				_ = pw.Close()
			}()
			return e.send(t, nil, "POST", "/graphql", pr, "Content-Type", w.FormDataContentType(), "Authorization", "Bearer "+candidate)
		}
		t.Run("an upload over the request limit", func(t *testing.T) {
			big := io.MultiReader(bytes.NewReader(pdf), bytes.NewReader(make([]byte, 3*testUploadLimit)))
			r := upload(t, big)
			got := r.expect(t, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")
			if !strings.Contains(got.Errors[0].Message, fmt.Sprint(2*testUploadLimit)) {
				t.Errorf("message = %q", got.Errors[0].Message)
			}
		})
		t.Run("a file over the file limit but within the request limit", func(t *testing.T) {
			r := upload(t, io.MultiReader(bytes.NewReader(pdf), bytes.NewReader(make([]byte, testUploadLimit)))).json(t)
			u := get(r.Data, "submitCertificationForReview", "userErrors", 0)
			if r.Status != http.StatusOK || get(u, "code") != "BAD_USER_INPUT" || !strings.Contains(fmt.Sprint(get(u, "message")), "at most") {
				t.Errorf("an oversized file: %s", r.Raw)
			}
		})
		t.Run("operations over the body limit inside a multipart request", func(t *testing.T) {
			var body bytes.Buffer
			w := multipart.NewWriter(&body)
			_ = w.WriteField("operations", string(padded(limit)))
			_ = w.Close()
			// A larger upload limit than the body: the operations part
			// is still bounded by the JSON limit.
			r := e.send(t, nil, "POST", "/graphql", &body, "Content-Type", w.FormDataContentType(), "Authorization", "Bearer "+candidate)
			r.expect(t, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE")
		})
		e.nothingWritten(t, before)
	})
}

func TestSecurityInjectionAndControlCharacters(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		const search = `query($s: String) { certifications(first: 5, filter: {search: $s}) { totalCount nodes { displayName } } }`
		for _, s := range []string{
			`' OR 1=1; DROP TABLE certifications; --`, `%`, `_`, `%' UNION SELECT key FROM organizations --`,
			"\u202eOSHA\u202c", `\"; SELECT pg_sleep(10); --`, "OSHA\r\n30",
		} {
			r := e.post(t, "", search, map[string]any{"s": s}).json(t)
			if r.Status != http.StatusOK || len(r.Errors) != 0 || num(get(r.Data, "certifications", "totalCount")) > 10 {
				t.Errorf("search %q: %s", s, r.Raw)
			}
		}
		// No text may hold a NUL character: it is refused before anything runs.
		for _, s := range []string{"\x00", "OSHA\x00 30"} {
			r := e.post(t, "", search, map[string]any{"s": s}).expect(t, http.StatusOK, "BAD_USER_INPUT")
			if r.Errors[0].Extensions["field"] != "filter.search" {
				t.Errorf("search %q: %s", s, r.Raw)
			}
		}
		if n := e.column(t, "SELECT count(*) FROM certifications")[0]; n == "0" {
			t.Fatal("the certifications are gone")
		}
		for _, tc := range []struct {
			name, query string
			vars        map[string]any
			mention     string
		}{
			{"an injection as an organization ID", `query($o: [ID!]) { certifications(filter: {organizationIds: $o}) { totalCount } }`, map[string]any{"o": []string{"1 OR 1=1"}}, "not a valid ID"},
			{"an injection inside an ID", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": base64.RawURLEncoding.EncodeToString([]byte("Certification:1 OR 1=1"))}, "not a valid ID"},
			{"an injection as a cursor", `query($c: String) { certifications(after: $c) { totalCount } }`, map[string]any{"c": "' OR 1=1 --"}, "not a valid cursor"},
			{"a cursor of injected JSON", `query($c: String) { certifications(after: $c) { totalCount } }`, map[string]any{"c": base64.RawURLEncoding.EncodeToString([]byte(`["certifications:name","' OR 1=1 --",1]`))}, "another list"},
			{"an injection as an enum", `query($p: Program) { keyActivities(program: $p) { id } }`, map[string]any{"p": "CPT' OR 1=1 --"}, "allowed values: CPT, CLT"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := e.post(t, "", tc.query, tc.vars).expect(t, http.StatusOK, "BAD_USER_INPUT")
				if !strings.Contains(r.Errors[0].Message, tc.mention) {
					t.Errorf("message %q should say %q", r.Errors[0].Message, tc.mention)
				}
			})
		}
		t.Run("inputs with control characters are refused and write nothing", func(t *testing.T) {
			before := e.rowCounts(t)
			r := e.post(t, staff, registerMutation, map[string]any{"in": map[string]any{"msscCandidateId": "C-4242", "name": "Alice\x00Adams", "email": "a@example.com"}})
			if got := r.expect(t, http.StatusOK, "BAD_USER_INPUT"); got.Errors[0].Extensions["field"] != "name" {
				t.Errorf("a NUL in a name: %s", got.Raw)
			}
			for _, name := range []string{"Alice\x1b[31mAdams", "Alice\x7f"} {
				data := e.okAs(t, staff, registerMutation, map[string]any{"in": map[string]any{"msscCandidateId": "C-4242", "name": name, "email": "a@example.com"}})
				u := get(data, "registerCandidate", "userErrors", 0)
				if get(u, "code") != "BAD_USER_INPUT" || fmt.Sprint(get(u, "field")) != "[input name]" || get(data, "registerCandidate", "candidate") != nil {
					t.Errorf("name %q: %v", name, data)
				}
			}
			e.nothingWritten(t, before)
		})
		t.Run("line breaks in a name are folded into a space", func(t *testing.T) {
			data := e.okAs(t, staff, registerMutation, map[string]any{"in": map[string]any{"msscCandidateId": "C-4244", "name": "Alice\r\nAdams", "email": "a2@example.com"}})
			if got := get(data, "registerCandidate", "candidate", "name"); got != "Alice Adams" {
				t.Errorf("name = %q", got)
			}
		})
		t.Run("an injection in an input is stored as text", func(t *testing.T) {
			name := `Robert'); DROP TABLE candidates;--`
			count := e.column(t, "SELECT count(*) FROM candidates")[0]
			data := e.okAs(t, staff, registerMutation, map[string]any{"in": map[string]any{"msscCandidateId": "C-4243", "name": name, "email": "bobby@example.com"}})
			id := get(data, "registerCandidate", "candidate", "id")
			again := e.okAs(t, staff, `query($id: ID!) { candidate(id: $id) { name } }`, map[string]any{"id": id})
			if get(again, "candidate", "name") != name || e.column(t, "SELECT count(*) FROM candidates")[0] == count {
				t.Errorf("stored name = %v", again)
			}
		})
	})
}

func TestSecurityBadTokensWriteNothing(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		now := time.Now()
		claims := func(over jwt.MapClaims) jwt.MapClaims { return staffClaims(now, over) }
		secret := []byte(testAuth.DevSecret)
		candidate := signed(t, jwt.SigningMethodHS256, secret, claims(jwt.MapClaims{"sub": "C-1", "roles": []string{"CANDIDATE"}}))
		parts := strings.Split(candidate, ".")
		// The payload of a candidate's token rewritten to claim STAFF, the
		// signature kept.
		staffPayload, _ := json.Marshal(claims(nil))
		tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString(staffPayload) + "." + parts[2]
		before := e.rowCounts(t)
		for _, tc := range []struct{ name, token, mention string }{
			{"tampered", tampered, "signature"},
			{"expired", signed(t, jwt.SigningMethodHS256, secret, claims(jwt.MapClaims{"exp": now.Add(-time.Minute).Unix(), "iat": now.Add(-time.Hour).Unix()})), "expired"},
			{"wrong audience", signed(t, jwt.SigningMethodHS256, secret, claims(jwt.MapClaims{"aud": "another-api"})), "audience"},
			{"truncated", candidate[:len(candidate)-5], "signature"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				for _, accept := range []string{"application/json", "application/graphql-response+json"} {
					r := e.post(t, tc.token, registerAs, nil, "Accept", accept)
					got := r.expect(t, http.StatusUnauthorized, "UNAUTHENTICATED")
					if !strings.Contains(got.Errors[0].Message, tc.mention) || !strings.HasPrefix(r.Header.Get("WWW-Authenticate"), "Bearer ") {
						t.Errorf("401 = %s (WWW-Authenticate %q), should say %q", r.Body, r.Header.Get("WWW-Authenticate"), tc.mention)
					}
				}
			})
		}
		e.nothingWritten(t, before)
	})
}

// TestSecurityStreamingHeadersDoNotOpenGET checks that asking for a
// stream as well does not let a mutation through GET, nor a subscription
// through a plain request.
func TestSecurityStreamingHeadersDoNotOpenGET(t *testing.T) {
	e := newEnv(t, "sqlite")
	staff := e.token(t, catalog.RoleStaff, "staff-1")
	before := e.rowCounts(t)
	r := e.send(t, nil, "GET", "/graphql?query="+url.QueryEscape(registerAs), nil,
		"Authorization", "Bearer "+staff, "Accept", "text/event-stream, application/json")
	r.expect(t, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED")
	e.send(t, nil, "GET", "/graphql?query="+url.QueryEscape(registerAs), nil, "Authorization", "Bearer "+staff, "Accept", "text/event-stream").
		expect(t, http.StatusNotAcceptable, "NOT_ACCEPTABLE")
	e.nothingWritten(t, before)
}
