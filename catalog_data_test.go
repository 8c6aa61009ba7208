package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

// TestABulkChangeIsReadBackAtOnce proves that the cached public reads, the
// GraphQL answer cache and the downloads, never serve an answer from
// before a bulk catalog change: a cached lookup by key and a download
// revalidated with its old ETag both show the change right after it.
func TestABulkChangeIsReadBackAtOnce(t *testing.T) {
	base, _ := startService(t, map[string]string{"AUTH_DEV_SECRET": cacheTestSecret})
	staff := cacheToken(t, catalog.RoleStaff, "staff-bulk", "")
	lookup := graphQLBody(t, `{ certification(key: "cmci-ccm") { key url } }`, nil)
	send := func() cacheReply { return cachePost(t, base, "", lookup, nil) }
	before := warmCache(t, base, send)
	if !strings.Contains(string(before.body), `"url":null`) {
		t.Fatalf("the lookup by key before the change reads %s", before.body)
	}
	csv := cacheGet(t, base+"/catalog.csv", nil)
	etag := csv.header.Get("ETag")
	if csv.status != http.StatusOK || etag == "" || strings.Contains(string(csv.body), "https://example.org/ccm") {
		t.Fatalf("/catalog.csv: status %d, ETag %q", csv.status, etag)
	}
	if again := cacheGet(t, base+"/catalog.csv", map[string]string{"If-None-Match": etag}); again.status != http.StatusNotModified {
		t.Fatalf("/catalog.csv with its ETag: status %d", again.status)
	}

	file := map[string]any{"csv": "action,kind,key,url\nupdate,certification,cmci-ccm,https://example.org/ccm\n"}
	preview := cachePost(t, base, staff, graphQLBody(t, `mutation($in: CatalogChangesInput!) { previewCatalogChanges(input: $in) { preview { catalogVersion } } }`, map[string]any{"in": file}), nil)
	var previewed struct {
		Data struct {
			PreviewCatalogChanges struct {
				Preview struct{ CatalogVersion string }
			}
		}
	}
	if err := json.Unmarshal(preview.body, &previewed); err != nil || previewed.Data.PreviewCatalogChanges.Preview.CatalogVersion == "" {
		t.Fatalf("preview: %s", preview.body)
	}
	applied := cachePost(t, base, staff, graphQLBody(t, `mutation($in: CatalogChangesInput!, $v: String!) { applyCatalogChanges(input: $in, catalogVersion: $v, reason: "issuer page") { catalogVersion userErrors { message } } }`,
		map[string]any{"in": file, "v": previewed.Data.PreviewCatalogChanges.Preview.CatalogVersion}), nil)
	if !strings.Contains(string(applied.body), `"userErrors":[]`) {
		t.Fatalf("apply: %s", applied.body)
	}

	if after := send(); !strings.Contains(string(after.body), `"url":"https://example.org/ccm"`) {
		t.Errorf("the cached lookup by key right after the bulk change reads %s", after.body)
	}
	fresh := cacheGet(t, base+"/catalog.csv", map[string]string{"If-None-Match": etag})
	if fresh.status != http.StatusOK || fresh.header.Get("ETag") == etag || !strings.Contains(string(fresh.body), "https://example.org/ccm") {
		t.Errorf("/catalog.csv revalidated with the old ETag after the change: status %d, ETag %q", fresh.status, fresh.header.Get("ETag"))
	}
}
