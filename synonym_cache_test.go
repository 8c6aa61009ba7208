package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

// TestASynonymChangeIsSearchedAtOnce proves that a staff change to the
// search synonyms moves the catalog version, so that the very next
// anonymous search, answered from the response cache just before, applies
// the change: "turner" finds nothing until staff say it means "turning".
func TestASynonymChangeIsSearchedAtOnce(t *testing.T) {
	base, _ := startService(t, map[string]string{"AUTH_DEV_SECRET": cacheTestSecret})
	staff := cacheToken(t, catalog.RoleStaff, "staff-synonyms", "")
	body := graphQLBody(t, `{ certifications(first: 5, filter: {search: "turner"}) { totalCount nodes { key } } }`, nil)
	send := func() cacheReply { return cachePost(t, base, "", body, nil) }
	before := warmCache(t, base, send)
	if !strings.Contains(string(before.body), `"totalCount":0`) {
		t.Fatalf("before the synonym, \"turner\" answered %s, want nothing", before.body)
	}
	create := graphQLBody(t, `mutation { createSearchSynonym(input: {phrase: "turner", meaning: "turning"}, reason: "lathe operators say turner") {
		synonym { phrase meaning } userErrors { code message } } }`, nil)
	if r := cachePost(t, base, staff, create, nil); r.status != http.StatusOK || !strings.Contains(string(r.body), `"userErrors":[]`) {
		t.Fatalf("creating the synonym: status %d, body %s", r.status, r.body)
	}
	after := send()
	if after.status != http.StatusOK || strings.Contains(string(after.body), `"totalCount":0`) || !strings.Contains(string(after.body), "nims-machining-turning") {
		t.Fatalf("right after the synonym, \"turner\" answered %s; before it answered %s", after.body, before.body)
	}
}
