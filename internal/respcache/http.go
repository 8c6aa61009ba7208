package respcache

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
)

// MaxAge is how long shared caches (a CDN) may keep a catalog answer
// without asking again; the ETag makes asking again cheap.
const MaxAge = 60

// HTTP gives every request the flags through which the cache tells the
// handlers inside whether an answer was a hit and whether it is public
// (WithFlags), and adds HTTP caching to GET requests of persisted queries:
// an ETag made of the catalog and open-review versions and the request, Cache-Control for
// shared caches, and 304 Not Modified when the client's copy is current.
// Only anonymous requests whose operation the response cache accepts get
// these headers.
func (c *Cache) HTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = r.WithContext(WithFlags(r.Context()))
		if r.Method != http.MethodGet || r.Header.Get("Authorization") != "" || !strings.Contains(r.URL.RawQuery, "persistedQuery") {
			next.ServeHTTP(w, r)
			return
		}
		version, ok := c.DataVersion(r.Context())
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		sum := sha256.Sum256([]byte(r.URL.RawQuery))
		etag := `W/"` + version + "-" + hex.EncodeToString(sum[:8]) + `"`
		if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
			w.Header().Set("ETag", etag)
			w.Header().Set("Cache-Control", cacheControl)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		next.ServeHTTP(&taggingWriter{ResponseWriter: w, etag: etag, cacheable: &flagsOf(r.Context()).public}, r)
	})
}

var cacheControl = "public, max-age=" + strconv.Itoa(MaxAge)

// markCacheable records that the operation of ctx is a public catalog read.
func markCacheable(ctx context.Context) {
	if f := flagsOf(ctx); f != nil {
		f.public.Store(true)
	}
}

// taggingWriter adds the caching headers to a successful public answer.
type taggingWriter struct {
	http.ResponseWriter
	etag      string
	cacheable *atomic.Bool
	wrote     bool
}

func (t *taggingWriter) WriteHeader(status int) {
	if !t.wrote {
		t.wrote = true
		if status == http.StatusOK && t.cacheable.Load() {
			t.Header().Set("ETag", t.etag)
			t.Header().Set("Cache-Control", cacheControl)
			t.Header().Add("Vary", "Accept")
		} else {
			t.Header().Set("Cache-Control", "no-store")
		}
	}
	t.ResponseWriter.WriteHeader(status)
}

func (t *taggingWriter) Write(b []byte) (int, error) {
	if !t.wrote {
		t.WriteHeader(http.StatusOK)
	}
	return t.ResponseWriter.Write(b)
}

// Flush passes flushes on to the underlying writer.
func (t *taggingWriter) Flush() {
	if f, ok := t.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
