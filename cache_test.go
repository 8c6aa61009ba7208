package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/auth"
)

// cacheTestSecret signs the development tokens of the cache tests.
const cacheTestSecret = "cache-test-secret"

// catalogQuery is a public catalog read whose answer shows every new
// organization: its count, and its name among the first names.
const catalogQuery = `{ organizations(first: 100) { totalCount nodes { name } } }`

// TestACatalogChangeIsReadBackAtOnce proves that once a staff change to the
// catalog has been answered, the very next anonymous read of the catalog
// shows it, although the same read was answered from the response cache
// just before: for a POST body, for a GET with the query in the URL, and
// for a GET of a persisted query, whose ETag must change as well.
func TestACatalogChangeIsReadBackAtOnce(t *testing.T) {
	base, _ := startService(t, map[string]string{"AUTH_DEV_SECRET": cacheTestSecret})
	staff := cacheToken(t, catalog.RoleStaff, "staff-cache", "")

	t.Run("POST", func(t *testing.T) {
		body := graphQLBody(t, catalogQuery, nil)
		send := func() cacheReply { return cachePost(t, base, "", body, nil) }
		before := warmCache(t, base, send)
		name := createOrganization(t, base, staff, "AAA Cache POST Board")
		after := send()
		assertShowsNewOrganization(t, before, after, name)
	})

	t.Run("GET", func(t *testing.T) {
		target := base + "/graphql?query=" + url.QueryEscape(catalogQuery)
		send := func() cacheReply { return cacheGet(t, target, nil) }
		before := warmCache(t, base, send)
		name := createOrganization(t, base, staff, "AAA Cache GET Board")
		after := send()
		assertShowsNewOrganization(t, before, after, name)
	})

	t.Run("persisted GET", func(t *testing.T) {
		hash := sha256Hex(catalogQuery)
		register, err := json.Marshal(map[string]any{"query": catalogQuery, "extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}})
		if err != nil {
			t.Fatal(err)
		}
		if r := cachePost(t, base, "", register, nil); r.status != http.StatusOK || !strings.Contains(string(r.body), `"totalCount"`) {
			t.Fatalf("registering the persisted query: status %d, body %s", r.status, r.body)
		}
		ext := fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":%q}}`, hash)
		target := base + "/graphql?extensions=" + url.QueryEscape(ext)
		send := func() cacheReply { return cacheGet(t, target, nil) }
		before := warmCache(t, base, send)
		oldTag := before.header.Get("ETag")
		if oldTag == "" {
			t.Fatalf("the persisted GET has no ETag: headers %v, body %s", before.header, before.body)
		}
		name := createOrganization(t, base, staff, "AAA Cache Persisted Board")
		after := send()
		assertShowsNewOrganization(t, before, after, name)
		if newTag := after.header.Get("ETag"); newTag == "" || newTag == oldTag {
			t.Fatalf("the ETag is %q after the catalog change and was %q before; the body before was %s and after %s", newTag, oldTag, before.body, after.body)
		}
		stale := cacheGet(t, target, map[string]string{"If-None-Match": oldTag})
		if stale.status != http.StatusOK {
			t.Fatalf("a copy from before the catalog change got status %d, want 200 with the new answer: %s", stale.status, stale.body)
		}
		assertShowsNewOrganization(t, before, stale, name)
	})
}

// TestPersonalDataIsNeverSharedBetweenCandidates proves that requests whose
// bytes are identical but whose callers differ are answered for their own
// caller: two candidates sending the same personal queries, in turns, each
// always get their own data and never the other's; an anonymous caller
// with the same body gets neither; a caller whose token does not verify is
// refused even when the body is a cached catalog read; and a candidate
// asking a catalog read that anonymous callers have just had from the cache
// gets the current catalog.
func TestPersonalDataIsNeverSharedBetweenCandidates(t *testing.T) {
	base, _ := startService(t, map[string]string{"AUTH_DEV_SECRET": cacheTestSecret})
	staff := cacheToken(t, catalog.RoleStaff, "staff-cache", "")
	alice := newCacheCandidate(t, base, staff, "C-7001", "Alice Cachewell")
	bob := newCacheCandidate(t, base, staff, "C-7002", "Bob Cachemore")

	type check func(t *testing.T, who string, r cacheReply)
	ownData := func(me, other cacheCandidate) check {
		return func(t *testing.T, who string, r cacheReply) {
			t.Helper()
			assertNoDataOf(t, who, r, other)
			if r.status != http.StatusOK || !strings.Contains(string(r.body), `"`+me.number+`"`) {
				t.Fatalf("%s did not get their own data (status %d): %s", who, r.status, r.body)
			}
		}
	}
	nobodysRecord := func(t *testing.T, who string, r cacheReply) {
		t.Helper()
		assertNoDataOf(t, who, r, alice, bob)
		if r.status != http.StatusOK || !strings.Contains(string(r.body), `"candidate":null`) {
			t.Fatalf("%s got status %d, want 200 with a null candidate: %s", who, r.status, r.body)
		}
	}
	nullViewer := func(t *testing.T, who string, r cacheReply) {
		t.Helper()
		assertNoDataOf(t, who, r, alice, bob)
		if r.status != http.StatusOK || !strings.Contains(string(r.body), `"viewer":null`) {
			t.Fatalf("%s got status %d, want 200 with a null viewer: %s", who, r.status, r.body)
		}
	}
	unauthenticated := func(t *testing.T, who string, r cacheReply) {
		t.Helper()
		assertNoDataOf(t, who, r, alice, bob)
		if !strings.Contains(string(r.body), `"code":"UNAUTHENTICATED"`) {
			t.Fatalf("%s got status %d, want an UNAUTHENTICATED error: %s", who, r.status, r.body)
		}
	}

	for _, tc := range []struct {
		name, query string
		vars        map[string]any
		// anonymousFirst sends the anonymous request of each round first,
		// so that a cached anonymous answer would be there to be misused.
		anonymousFirst bool
		asAlice        check
		asBob          check
		asAnonymous    check
	}{
		{name: "viewer", query: `{ viewer { subject candidate { msscCandidateId name email } } }`,
			asAlice: ownData(alice, bob), asBob: ownData(bob, alice), asAnonymous: nullViewer},
		{name: "myApplications", query: `{ myApplications { id program candidate { msscCandidateId name email } } }`,
			asAlice: ownData(alice, bob), asBob: ownData(bob, alice), asAnonymous: unauthenticated},
		{name: "candidate by ID", query: `query($id: ID!) { candidate(id: $id) { msscCandidateId name email } }`, vars: map[string]any{"id": alice.id},
			asAlice: ownData(alice, bob), asBob: nobodysRecord, asAnonymous: unauthenticated},
		{name: "catalog and viewer", query: `{ organizations(first: 1) { totalCount } viewer { candidate { msscCandidateId name email } } }`, anonymousFirst: true,
			asAlice: ownData(alice, bob), asBob: ownData(bob, alice), asAnonymous: nullViewer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := graphQLBody(t, tc.query, tc.vars)
			type caller struct {
				name, token string
				want        check
			}
			asAlice, asBob, anonymous := caller{"Alice", alice.token, tc.asAlice}, caller{"Bob", bob.token, tc.asBob}, caller{"an anonymous caller", "", tc.asAnonymous}
			callers := []caller{asAlice, asBob, anonymous}
			if tc.anonymousFirst {
				callers = []caller{anonymous, asAlice, asBob}
			}
			for round := 1; round <= 3; round++ {
				for _, c := range callers {
					c.want(t, fmt.Sprintf("%s (round %d)", c.name, round), cachePost(t, base, c.token, body, nil))
				}
			}
		})
	}

	t.Run("a token that does not verify", func(t *testing.T) {
		body := graphQLBody(t, catalogQuery, nil)
		warmCache(t, base, func() cacheReply { return cachePost(t, base, "", body, nil) })
		forged := cacheTokenWithSecret(t, "not-the-service-secret", catalog.RoleCandidate, alice.number, alice.number)
		r := cachePost(t, base, forged, body, nil)
		if r.status != http.StatusUnauthorized {
			t.Fatalf("a forged token with a cached catalog body got status %d, want 401: %s", r.status, r.body)
		}
	})

	t.Run("a candidate's catalog read after anonymous ones", func(t *testing.T) {
		body := graphQLBody(t, catalogQuery, nil)
		anonymous := func() cacheReply { return cachePost(t, base, "", body, nil) }
		before := warmCache(t, base, anonymous)
		asAlice := cachePost(t, base, alice.token, body, nil)
		if asAlice.status != http.StatusOK || dataOf(t, asAlice.body) != dataOf(t, before.body) {
			t.Fatalf("Alice's catalog read answered %d %s; the anonymous one %s", asAlice.status, asAlice.body, before.body)
		}
		name := createOrganization(t, base, staff, "AAA Cache Candidate Board")
		assertShowsNewOrganization(t, before, cachePost(t, base, alice.token, body, nil), name)
		assertShowsNewOrganization(t, before, anonymous(), name)
	})
}

// TestNoCacheRequestsBypassTheCache proves that a request asking, with
// Cache-Control: no-cache, not to be answered from a cache is not counted
// as a cache hit, even when the same request was just cached, and that it
// shows a catalog change made right before it.
func TestNoCacheRequestsBypassTheCache(t *testing.T) {
	base, _ := startService(t, map[string]string{"AUTH_DEV_SECRET": cacheTestSecret})
	staff := cacheToken(t, catalog.RoleStaff, "staff-cache", "")
	body := graphQLBody(t, catalogQuery, nil)
	noCache := map[string]string{"Cache-Control": "no-cache"}

	before := warmCache(t, base, func() cacheReply { return cachePost(t, base, "", body, nil) })
	hits := cacheHits(t, base)
	fresh := cachePost(t, base, "", body, noCache)
	if fresh.status != http.StatusOK || dataOf(t, fresh.body) != dataOf(t, before.body) {
		t.Fatalf("the no-cache request answered %d %s; the cached one %s", fresh.status, fresh.body, before.body)
	}
	if now := cacheHits(t, base); now != hits {
		t.Fatalf("the no-cache request was counted as a cache hit (hits %v, then %v); it answered %s", hits, now, fresh.body)
	}

	name := createOrganization(t, base, staff, "AAA Cache No-Cache Board")
	assertShowsNewOrganization(t, before, cachePost(t, base, "", body, noCache), name)
}

// cacheReply is what the service answered to one HTTP request.
type cacheReply struct {
	status int
	header http.Header
	body   []byte
}

// cachePost posts body to /graphql, with the token when it is not empty
// and the extra headers.
func cachePost(t *testing.T, base, token string, body []byte, headers map[string]string) cacheReply {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return cacheDo(t, req, headers)
}

// cacheGet sends an anonymous GET to target with the extra headers.
func cacheGet(t *testing.T, target string, headers map[string]string) cacheReply {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	return cacheDo(t, req, headers)
}

func cacheDo(t *testing.T, req *http.Request, headers map[string]string) cacheReply {
	t.Helper()
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the answer: %v", req.Method, req.URL, err)
	}
	return cacheReply{status: resp.StatusCode, header: resp.Header, body: body}
}

// graphQLBody encodes a GraphQL request once, so that every request made
// with the result carries exactly the same bytes.
func graphQLBody(t *testing.T, query string, vars map[string]any) []byte {
	t.Helper()
	req := map[string]any{"query": query}
	if vars != nil {
		req["variables"] = vars
	}
	body, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// warmCache sends the same request three times and returns the last
// answer, after checking that the three answers agree and that the
// response cache answered at least one of them.
func warmCache(t *testing.T, base string, send func() cacheReply) cacheReply {
	t.Helper()
	hits := cacheHits(t, base)
	var last cacheReply
	for i := 0; i < 3; i++ {
		r := send()
		if r.status != http.StatusOK {
			t.Fatalf("warming the cache: status %d, body %s", r.status, r.body)
		}
		if i > 0 && dataOf(t, r.body) != dataOf(t, last.body) {
			t.Fatalf("the same request answered %s and then %s", last.body, r.body)
		}
		last = r
	}
	if now := cacheHits(t, base); now <= hits {
		t.Fatalf("three identical catalog reads made no cache hit (hits %v, then %v); the last answered %s", hits, now, last.body)
	}
	return last
}

// cacheHits reads recert_response_cache_hits_total from /metrics.
func cacheHits(t *testing.T, base string) float64 {
	t.Helper()
	return metricValue(t, base, "recert_response_cache_hits_total")
}

// metricValue reads the value of one sample, named with its labels, from
// /metrics.
func metricValue(t *testing.T, base, sample string) float64 {
	t.Helper()
	r := cacheGet(t, base+"/metrics", nil)
	for _, line := range strings.Split(string(r.body), "\n") {
		if value, ok := strings.CutPrefix(line, sample+" "); ok {
			n, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
			if err != nil {
				t.Fatalf("%s is not a number: %q", sample, line)
			}
			return n
		}
	}
	t.Fatalf("/metrics has no %s: status %d, body %s", sample, r.status, r.body)
	return 0
}

// createOrganization has staff create an organization named name and
// returns the name once the mutation has been answered.
func createOrganization(t *testing.T, base, staff, name string) string {
	t.Helper()
	body := graphQLBody(t, `mutation($in: OrganizationInput!) { createOrganization(input: $in, reason: "cache test") { organization { name } userErrors { code message } } }`,
		map[string]any{"in": map[string]any{"name": name}})
	r := cachePost(t, base, staff, body, nil)
	if r.status != http.StatusOK || !strings.Contains(string(r.body), `"userErrors":[]`) || !strings.Contains(string(r.body), `"name":`+strconv.Quote(name)) {
		t.Fatalf("creating the organization %q: status %d, body %s", name, r.status, r.body)
	}
	return name
}

// assertShowsNewOrganization checks that after answers catalogQuery with
// one organization more than before, and with the new one's name.
func assertShowsNewOrganization(t *testing.T, before, after cacheReply, name string) {
	t.Helper()
	if after.status != http.StatusOK {
		t.Fatalf("reading the catalog after the change: status %d, body %s", after.status, after.body)
	}
	was, is := organizationCount(t, before.body), organizationCount(t, after.body)
	if is != was+1 || !strings.Contains(string(after.body), `"name":`+strconv.Quote(name)) {
		t.Fatalf("the catalog read right after creating %q counts %d organizations (%d before) and reads %s; before the change it read %s", name, is, was, after.body, before.body)
	}
}

func organizationCount(t *testing.T, body []byte) int {
	t.Helper()
	var resp struct {
		Data struct {
			Organizations struct{ TotalCount *int }
		}
	}
	if err := json.Unmarshal(body, &resp); err != nil || resp.Data.Organizations.TotalCount == nil {
		t.Fatalf("not an answer with an organization count: %s", body)
	}
	return *resp.Data.Organizations.TotalCount
}

// cacheCandidate is a registered candidate with a token, a draft
// application and the strings that only their own data contains.
type cacheCandidate struct {
	id, number, name, email, token, applicationID string
}

// assertNoDataOf fails when the answer r to who holds any of the
// candidates' data.
func assertNoDataOf(t *testing.T, who string, r cacheReply, candidates ...cacheCandidate) {
	t.Helper()
	for _, c := range candidates {
		for _, marker := range []string{`"` + c.number + `"`, c.name, c.email, c.applicationID} {
			if strings.Contains(string(r.body), marker) {
				t.Fatalf("%s got %s's data (%q): %s", who, c.number, marker, r.body)
			}
		}
	}
}

// newCacheCandidate has staff register a candidate holding CPT, signs
// the candidate a token and has them start a draft application.
func newCacheCandidate(t *testing.T, base, staff, number, name string) cacheCandidate {
	t.Helper()
	c := cacheCandidate{number: number, name: name, email: strings.ToLower(number) + "@cache.example.com"}
	body := graphQLBody(t, `mutation($in: RegisterCandidateInput!) { registerCandidate(input: $in) { candidate { id } userErrors { field code message } } }`,
		map[string]any{"in": map[string]any{"msscCandidateId": number, "name": name, "email": c.email,
			"heldCertifications": []any{map[string]any{"program": "CPT", "certifiedOn": "2022-01-15", "expiresOn": "2027-01-15"}}}})
	r := cachePost(t, base, staff, body, nil)
	var reg struct {
		Data struct {
			RegisterCandidate struct {
				Candidate  *struct{ ID string }
				UserErrors []any
			}
		}
	}
	if err := json.Unmarshal(r.body, &reg); err != nil || reg.Data.RegisterCandidate.Candidate == nil || len(reg.Data.RegisterCandidate.UserErrors) > 0 {
		t.Fatalf("registering %s: status %d, body %s", number, r.status, r.body)
	}
	c.id = reg.Data.RegisterCandidate.Candidate.ID
	c.token = cacheToken(t, catalog.RoleCandidate, number, number)

	body = graphQLBody(t, `mutation { createApplication(program: CPT) { application { id } userErrors { field code message } } }`, nil)
	r = cachePost(t, base, c.token, body, nil)
	var app struct {
		Data struct {
			CreateApplication struct {
				Application *struct{ ID string }
				UserErrors  []any
			}
		}
	}
	if err := json.Unmarshal(r.body, &app); err != nil || app.Data.CreateApplication.Application == nil || len(app.Data.CreateApplication.UserErrors) > 0 {
		t.Fatalf("starting %s's application: status %d, body %s", number, r.status, r.body)
	}
	c.applicationID = app.Data.CreateApplication.Application.ID
	return c
}

// cacheToken signs a development token the service accepts; candidate is
// the MSSC candidate ID of a candidate, empty for staff.
func cacheToken(t *testing.T, role catalog.Role, subject, candidate string) string {
	t.Helper()
	return cacheTokenWithSecret(t, cacheTestSecret, role, subject, candidate)
}

func cacheTokenWithSecret(t *testing.T, secret string, role catalog.Role, subject, candidate string) string {
	t.Helper()
	token, err := auth.SignDevToken(auth.Config{DevSecret: secret, Issuer: "recert-dev", Audience: "recert-api"},
		auth.DevToken{Subject: subject, Role: role, CandidateNumber: candidate, TTL: time.Hour}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// TestACachedQueryOverServerSentEventsAnswersOnce: a query POSTed with
// Accept: text/event-stream (as urql and graphql-sse clients send it) gets
// one answer and a complete event, also when that answer is in the
// response cache, rather than the cached answer again and again.
func TestACachedQueryOverServerSentEventsAnswersOnce(t *testing.T) {
	base, _ := startService(t, nil)
	body := graphQLBody(t, `{ catalogVersion }`, nil)
	for round := range 3 {
		req, err := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "text/event-stream")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		// Read at most 64 KiB: a stream that repeats itself stops here.
		stream, _ := io.ReadAll(io.LimitReader(res.Body, 64<<10))
		_ = res.Body.Close()
		if n := strings.Count(string(stream), "event: next"); n != 1 || !strings.Contains(string(stream), "event: complete") {
			t.Fatalf("round %d: %d next events and complete=%v, want one and a complete event; the stream began %.300q",
				round, n, strings.Contains(string(stream), "event: complete"), stream)
		}
	}
}
