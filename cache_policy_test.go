package main

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

// persistedGet registers query as a persisted query by POST and returns
// the GET address a CDN would cache it under.
func persistedGet(t *testing.T, base, query string) string {
	t.Helper()
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": sha256Hex(query)}}
	body, err := json.Marshal(map[string]any{"query": query, "extensions": ext})
	if err != nil {
		t.Fatal(err)
	}
	if r := cachePost(t, base, "", body, nil); r.status != 200 || !strings.Contains(string(r.body), `"data"`) {
		t.Fatalf("registering %s: %d %s", query, r.status, r.body)
	}
	extJSON, _ := json.Marshal(ext)
	return base + "/graphql?extensions=" + url.QueryEscape(string(extJSON))
}

// TestHTTPCachingFollowsTheSchemasHints checks what shared caches are told
// of a persisted query sent by GET: the maxAge its fields' @cacheControl
// hints allow (a minute for the catalog, 5 seconds for a credential check,
// which an opened review changes), a 304 for a current copy, and, once a
// candidate opens a review for the credential, a fresh UNDER_REVIEW
// answer to the client's conditional request rather than a 304 for its
// NOT_LISTED copy.
func TestHTTPCachingFollowsTheSchemasHints(t *testing.T) {
	base, _ := startService(t, map[string]string{"AUTH_DEV_SECRET": cacheTestSecret})
	catalogGet := persistedGet(t, base, `{ certifications(first: 3) { nodes { key } } }`)
	checkGet := persistedGet(t, base, checkQuery)
	for _, tc := range []struct {
		target, cacheControl string
	}{{catalogGet, "public, max-age=60"}, {checkGet, "public, max-age=5"}} {
		r := cacheGet(t, tc.target, nil)
		if r.status != 200 || r.header.Get("Cache-Control") != tc.cacheControl || r.header.Get("ETag") == "" {
			t.Fatalf("%s: %d, Cache-Control %q, ETag %q; want Cache-Control %q", tc.target, r.status, r.header.Get("Cache-Control"), r.header.Get("ETag"), tc.cacheControl)
		}
		again := cacheGet(t, tc.target, map[string]string{"If-None-Match": r.header.Get("ETag")})
		if again.status != 304 || again.header.Get("Cache-Control") != tc.cacheControl {
			t.Errorf("%s with a current copy: %d, Cache-Control %q; want 304 and %q", tc.target, again.status, again.header.Get("Cache-Control"), tc.cacheControl)
		}
	}
	before := cacheGet(t, checkGet, nil)
	if !strings.Contains(string(before.body), `"NOT_LISTED"`) {
		t.Fatalf("before the review: %s", before.body)
	}
	submitForReview(t, base, cacheToken(t, catalog.RoleCandidate, "C-7702", "C-7702"), "Certified Sprocket Juggler")
	after := cacheGet(t, checkGet, map[string]string{"If-None-Match": before.header.Get("ETag")})
	if after.status != 200 || !strings.Contains(string(after.body), `"UNDER_REVIEW"`) {
		t.Errorf("the NOT_LISTED copy's conditional GET after the review opened: %d %s", after.status, after.body)
	}
}
