package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"testing"
)

// TestTheWholeServiceSendsTheWebAssetsAsStored: through every middleware
// of the running service, an asset reaches a gzip client gzip-coded once
// (not compressed again, Content-Encoding kept, its length that of the
// bytes sent) and a client without gzip in plain bytes equal to those
// decompressed.
func TestTheWholeServiceSendsTheWebAssetsAsStored(t *testing.T) {
	base, _ := startService(t, nil)
	transport := &http.Transport{DisableCompression: true}
	t.Cleanup(transport.CloseIdleConnections)
	get := func(path, acceptEncoding string) (*http.Response, []byte) {
		t.Helper()
		req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if acceptEncoding != "" {
			req.Header.Set("Accept-Encoding", acceptEncoding)
		}
		resp, err := transport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}
	_, page := get("/app/", "gzip")
	script := regexp.MustCompile(`src="(/app/assets/[^"]+\.js)"`).FindSubmatch(page)
	if script == nil {
		t.Fatalf("no script in /app/: %.300s", page)
	}
	zipped, coded := get(string(script[1]), "gzip, deflate, br")
	if zipped.StatusCode != http.StatusOK || zipped.Header.Get("Content-Encoding") != "gzip" || zipped.Header.Get("Vary") != "Accept-Encoding" ||
		zipped.Header.Get("Content-Length") != strconv.Itoa(len(coded)) {
		t.Fatalf("%s to a gzip client: %d, %v", script[1], zipped.StatusCode, zipped.Header)
	}
	r, err := gzip.NewReader(bytes.NewReader(coded))
	if err != nil {
		t.Fatalf("the gzip answer is not gzip: %v", err)
	}
	decoded, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	plain, body := get(string(script[1]), "")
	if plain.StatusCode != http.StatusOK || plain.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, decoded) || bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		t.Errorf("%s to a client without gzip: %d, %v, %d bytes (decompressed: %d)", script[1], plain.StatusCode, plain.Header, len(body), len(decoded))
	}
}
