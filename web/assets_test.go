package web

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// server serves the app under /app/ and GraphiQL at /, as the API's
// handler mounts them.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", GraphiQL())
	mux.Handle("GET /app/", App(Settings{}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// answer is a response with its body read.
type answer struct {
	*http.Response
	body []byte
}

// fetch sends method to srv's path with the headers given as name, value
// pairs, through rawClient.
func fetch(t *testing.T, srv *httptest.Server, method, path string, headers ...string) answer {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, srv.URL+path, nil)
	var res *http.Response
	var body []byte
	if err == nil {
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		res, err = rawClient.Do(req)
	}
	if err == nil {
		defer res.Body.Close()
		body, err = io.ReadAll(res.Body)
	}
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return answer{Response: res, body: body}
}

// rawClient neither asks for nor undoes any coding by itself.
var rawClient = &http.Client{Transport: &http.Transport{DisableCompression: true}}

// decompress returns the gunzipped data, failing the test when it is not
// gzip.
func decompress(t *testing.T, data []byte) []byte {
	t.Helper()
	plain, err := gunzip(data)
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	return plain
}

// zippedAsset is the address of an asset the build stored gzipped, and
// the stored bytes.
func zippedAsset(t *testing.T) (string, []byte) {
	t.Helper()
	for name, a := range assets() {
		if a.gzipped && strings.HasSuffix(name, ".js") {
			return "/app/" + name, a.stored
		}
	}
	t.Fatal("no asset is stored gzipped: run make web")
	return "", nil
}

// TestEveryAssetIsServedInBothCodings: each asset answers a gzip client
// with its stored gzip bytes (when the build gzipped it) and a client
// without Accept-Encoding with the plain bytes, identical to the
// decompressed ones, both with the extension's type, the immutable
// caching, Vary and their own strong ETag.
func TestEveryAssetIsServedInBothCodings(t *testing.T) {
	srv := server(t)
	zipped := 0
	for name, a := range assets() {
		t.Run(name, func(t *testing.T) {
			gz := fetch(t, srv, http.MethodGet, "/app/"+name, "Accept-Encoding", "gzip, deflate, br")
			plain := fetch(t, srv, http.MethodGet, "/app/"+name)
			for _, r := range []answer{gz, plain} {
				if r.StatusCode != http.StatusOK || r.Header.Get("Cache-Control") != immutable || r.Header.Get("Vary") != "Accept-Encoding" ||
					r.Header.Get("Content-Type") != contentType(name) || !strings.HasPrefix(r.Header.Get("ETag"), `"`) {
					t.Fatalf("%d, headers %v", r.StatusCode, r.Header)
				}
			}
			if plain.Header.Get("Content-Encoding") != "" {
				t.Errorf("the plain answer has Content-Encoding %q", plain.Header.Get("Content-Encoding"))
			}
			if !a.gzipped {
				if !bytes.Equal(gz.body, a.stored) || !bytes.Equal(plain.body, a.stored) || gz.Header.Get("Content-Encoding") != "" {
					t.Errorf("a plain asset is not served as stored")
				}
				return
			}
			zipped++
			if gz.Header.Get("Content-Encoding") != "gzip" || !bytes.Equal(gz.body, a.stored) {
				t.Fatalf("the gzip client got Content-Encoding %q and not the stored bytes", gz.Header.Get("Content-Encoding"))
			}
			if !bytes.Equal(decompress(t, gz.body), plain.body) || len(plain.body) != a.plainSize {
				t.Errorf("the plain answer (%d bytes) is not the decompressed gzip answer", len(plain.body))
			}
			if gz.Header.Get("ETag") == plain.Header.Get("ETag") {
				t.Errorf("both codings have the ETag %s", gz.Header.Get("ETag"))
			}
		})
	}
	if zipped == 0 {
		t.Error("no asset is stored gzipped: run make web")
	}
}

// TestGzipRefusedGetsThePlainBytes: "gzip;q=0" refuses gzip, even beside
// a "*" that accepts everything else.
func TestGzipRefusedGetsThePlainBytes(t *testing.T) {
	srv := server(t)
	name, stored := zippedAsset(t)
	for _, accept := range []string{"gzip;q=0", "br, gzip; q=0.000", "*, gzip;q=0", "identity", "*;q=0"} {
		r := fetch(t, srv, http.MethodGet, name, "Accept-Encoding", accept)
		if r.StatusCode != http.StatusOK || r.Header.Get("Content-Encoding") != "" || !bytes.Equal(r.body, decompress(t, stored)) {
			t.Errorf("Accept-Encoding %q: %d, Content-Encoding %q", accept, r.StatusCode, r.Header.Get("Content-Encoding"))
		}
	}
	for _, accept := range []string{"GZIP", "x-gzip", "*", "br;q=1, gzip;q=0.5"} {
		if r := fetch(t, srv, http.MethodGet, name, "Accept-Encoding", accept); r.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("Accept-Encoding %q: not gzip", accept)
		}
	}
}

// TestHeadAnswersTheHeadersOnly: HEAD gives each coding's headers and
// length without a body.
func TestHeadAnswersTheHeadersOnly(t *testing.T) {
	srv := server(t)
	name, stored := zippedAsset(t)
	for accept, want := range map[string]int{"gzip": len(stored), "": len(decompress(t, stored))} {
		r := fetch(t, srv, http.MethodHead, name, "Accept-Encoding", accept)
		if r.StatusCode != http.StatusOK || r.ContentLength != int64(want) || len(r.body) != 0 || r.Header.Get("ETag") == "" || r.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("HEAD with Accept-Encoding %q: %d, length %d (want %d), %d body bytes, %v", accept, r.StatusCode, r.ContentLength, want, len(r.body), r.Header)
		}
	}
}

// TestIfNoneMatchAnswersNotModified: a client that holds a coding's ETag
// gets 304 for that coding and the whole answer for the other.
func TestIfNoneMatchAnswersNotModified(t *testing.T) {
	srv := server(t)
	name, _ := zippedAsset(t)
	gzTag := fetch(t, srv, http.MethodGet, name, "Accept-Encoding", "gzip").Header.Get("ETag")
	plainTag := fetch(t, srv, http.MethodGet, name).Header.Get("ETag")
	for _, c := range []struct {
		accept, ifNoneMatch string
		want                int
	}{
		{"gzip", gzTag, http.StatusNotModified},
		{"gzip", `"other", ` + gzTag, http.StatusNotModified},
		{"gzip", "W/" + gzTag, http.StatusNotModified},
		{"gzip", "*", http.StatusNotModified},
		{"", plainTag, http.StatusNotModified},
		{"gzip", plainTag, http.StatusOK},
		{"", gzTag, http.StatusOK},
		{"gzip", `"other"`, http.StatusOK},
	} {
		r := fetch(t, srv, http.MethodGet, name, "Accept-Encoding", c.accept, "If-None-Match", c.ifNoneMatch)
		if r.StatusCode != c.want || r.Header.Get("Vary") != "Accept-Encoding" || r.Header.Get("Cache-Control") != immutable {
			t.Errorf("Accept-Encoding %q, If-None-Match %s: %d (want %d), %v", c.accept, c.ifNoneMatch, r.StatusCode, c.want, r.Header)
		}
		if c.want == http.StatusNotModified && len(r.body) != 0 {
			t.Errorf("a 304 with a body")
		}
	}
}

// TestUnknownAssetsAreNotFound: a name not built and the stored .gz name
// are 404.
func TestUnknownAssetsAreNotFound(t *testing.T) {
	srv := server(t)
	name, _ := zippedAsset(t)
	for _, path := range []string{"/app/assets/missing.js", name + ".gz", "/app/assets/missing.css"} {
		if r := fetch(t, srv, http.MethodGet, path, "Accept-Encoding", "gzip"); r.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", path, r.StatusCode)
		}
	}
}

// TestThePagesAreServedPlain: the app's page at /app/ and at its own
// addresses, and GraphiQL's at /, are the built HTML, revalidated on
// every visit and never gzip-coded.
func TestThePagesAreServedPlain(t *testing.T) {
	srv := server(t)
	index := fetch(t, srv, http.MethodGet, "/app/", "Accept-Encoding", "gzip")
	for path, want := range map[string]string{"/app/": "index.html", "/app/staff/reviews": "index.html", "/": "graphiql.html"} {
		built, err := dist.ReadFile("dist/" + want)
		if err != nil {
			t.Fatal(err)
		}
		r := fetch(t, srv, http.MethodGet, path, "Accept-Encoding", "gzip")
		if r.StatusCode != http.StatusOK || !bytes.Equal(r.body, built) || r.Header.Get("Content-Type") != "text/html; charset=utf-8" ||
			r.Header.Get("Cache-Control") != "no-cache" || r.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: %d, %v, %.100s", path, r.StatusCode, r.Header, r.body)
		}
	}
	if !bytes.Contains(index.body, []byte(`<div id="root">`)) {
		t.Errorf("/app/ is not the app's page: %.200s", index.body)
	}
}

// references are the assets a page names (src="/app/assets/…",
// href="/app/assets/…") and those a script imports ("./name.js").
var (
	pageReference   = regexp.MustCompile(`(?:src|href)="/app/(assets/[^"]+)"`)
	scriptReference = regexp.MustCompile(`"\./([\w.-]+\.(?:js|css))"`)
)

// TestEveryReferencedAssetResolves: every asset the built pages name, and
// every chunk those scripts import in turn, is served, so a build that
// leaves a file out fails here.
func TestEveryReferencedAssetResolves(t *testing.T) {
	srv := server(t)
	var queue []string
	for _, page := range []string{"index.html", "graphiql.html"} {
		html, err := dist.ReadFile("dist/" + page)
		if err != nil {
			t.Fatal(err)
		}
		found := pageReference.FindAllSubmatch(html, -1)
		if len(found) == 0 {
			t.Errorf("%s names no asset", page)
		}
		for _, m := range found {
			queue = append(queue, string(m[1]))
		}
	}
	seen := map[string]bool{}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if seen[name] {
			continue
		}
		seen[name] = true
		r := fetch(t, srv, http.MethodGet, "/app/"+name)
		if r.StatusCode != http.StatusOK {
			t.Errorf("%s is named but answers %d", name, r.StatusCode)
			continue
		}
		if strings.HasSuffix(name, ".js") {
			for _, m := range scriptReference.FindAllSubmatch(r.body, -1) {
				queue = append(queue, "assets/"+string(m[1]))
			}
		}
	}
	if len(seen) < 10 {
		t.Errorf("only %d assets reached from the pages: %v", len(seen), seen)
	}
}

// TestAcceptsGzip reads Accept-Encoding as RFC 9110 says.
func TestAcceptsGzip(t *testing.T) {
	for _, c := range []struct {
		name   string
		values []string
		want   bool
	}{
		{"absent", nil, false},
		{"empty", []string{""}, false},
		{"gzip", []string{"gzip"}, true},
		{"a browser", []string{"gzip, deflate, br, zstd"}, true},
		{"in a second field", []string{"br", "gzip"}, true},
		{"refused", []string{"gzip;q=0"}, false},
		{"refused with spaces", []string{"gzip ; q=0.0"}, false},
		{"refused with three decimals", []string{"gzip;q=0.000"}, false},
		{"a low q", []string{"gzip;q=0.001"}, true},
		{"upper case", []string{"GZIP;Q=0.5"}, true},
		{"x-gzip", []string{"x-gzip"}, true},
		{"star", []string{"*"}, true},
		{"star refused", []string{"*;q=0"}, false},
		{"gzip refused beside star", []string{"*, gzip;q=0"}, false},
		{"gzip accepted beside star refused", []string{"gzip, *;q=0"}, true},
		{"another coding only", []string{"br"}, false},
		{"identity only", []string{"identity"}, false},
		{"malformed q", []string{"gzip;q=high"}, false},
		{"q above 1", []string{"gzip;q=2"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := acceptsGzip(c.values); got != c.want {
				t.Errorf("acceptsGzip(%q) = %v", c.values, got)
			}
		})
	}
}
