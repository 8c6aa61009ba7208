package respcache

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// HTTP gives every request the flags through which the cache tells the
// handlers inside whether an answer is public and for how long
// (WithFlags), and adds HTTP caching to GET requests of persisted queries:
// an ETag made of the catalog and open-review versions, the answer's
// maxAge and the request, Cache-Control for shared caches with the
// answer's maxAge (the shortest its fields' @cacheControl hints allow),
// and 304 Not Modified when the client's copy is current. Only anonymous
// requests whose operation the response cache accepts get these headers.
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
		tag := etag{version: version, request: hex.EncodeToString(sum[:8])}
		if maxAge, ok := tag.matches(r.Header.Get("If-None-Match"), c.rules.Longest()); ok {
			w.Header().Set("ETag", tag.with(maxAge))
			w.Header().Set("Cache-Control", cacheControl(maxAge))
			w.WriteHeader(http.StatusNotModified)
			return
		}
		next.ServeHTTP(&taggingWriter{ResponseWriter: w, etag: tag, maxAge: &flagsOf(r.Context()).maxAge}, r)
	})
}

// etag is the entity tag of a public answer but for its maxAge:
// W/"<data version>-<maxAge>-<request hash>". The maxAge is in the tag so
// that a 304 can say how long the client's copy stays fresh without
// running the operation again.
type etag struct{ version, request string }

// with returns the tag of an answer that may be kept maxAge seconds.
func (e etag) with(maxAge int) string {
	return `W/"` + e.version + "-" + strconv.Itoa(maxAge) + "-" + e.request + `"`
}

// matches returns the maxAge of the tag in an If-None-Match header that
// names this request at this data version, and whether there is one; a
// maxAge above longest, which the service never sends, matches nothing.
func (e etag) matches(header string, longest int) (int, bool) {
	if header == "" {
		return 0, false
	}
	prefix, suffix := `W/"`+e.version+"-", "-"+e.request+`"`
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimSpace(tag)
		if len(tag) <= len(prefix)+len(suffix) || !strings.HasPrefix(tag, prefix) || !strings.HasSuffix(tag, suffix) {
			continue
		}
		if n, err := strconv.Atoi(tag[len(prefix) : len(tag)-len(suffix)]); err == nil && n > 0 && n <= longest {
			return n, true
		}
	}
	return 0, false
}

// cacheControl is the Cache-Control of a public answer kept maxAge
// seconds.
func cacheControl(maxAge int) string { return "public, max-age=" + strconv.Itoa(maxAge) }

// markPublic records that the operation of ctx is a public read whose
// answer may be kept for maxAge.
func markPublic(ctx context.Context, maxAge time.Duration) {
	if f := flagsOf(ctx); f != nil {
		f.maxAge.Store(int64(maxAge / time.Second))
	}
}

// taggingWriter adds the caching headers to a successful public answer.
type taggingWriter struct {
	http.ResponseWriter
	etag   etag
	maxAge *atomic.Int64
	wrote  bool
}

func (t *taggingWriter) WriteHeader(status int) {
	if !t.wrote {
		t.wrote = true
		if maxAge := int(t.maxAge.Load()); status == http.StatusOK && maxAge > 0 {
			t.Header().Set("ETag", t.etag.with(maxAge))
			t.Header().Set("Cache-Control", cacheControl(maxAge))
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
