package catalogfeed

import (
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/review"
	"github.com/mssc/recert/internal/conditional"
)

// maxAge is how long clients and shared caches may keep an answer without
// asking again; the ETag lets them ask cheaply after that.
const maxAge = 60

// Handler serves the catalog downloads.
type Handler struct {
	catalog *catalog.Catalog
	logger  *slog.Logger
	mu      sync.Mutex
	memo    map[string]rendered
}

// rendered is a download as last rendered, with the catalog version and
// base address it was rendered for.
type rendered struct {
	version int64
	base    string
	body    []byte
}

// New returns the handler of /catalog.csv, /catalog.jsonld and
// /catalog/certifications/{key}.jsonld.
func New(cat *catalog.Catalog, logger *slog.Logger) *Handler {
	return &Handler{catalog: cat, logger: logger, memo: map[string]rendered{}}
}

// Register mounts the downloads on mux.
func (h *Handler) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /catalog.csv", h.serveCSV)
	mux.HandleFunc("GET /catalog.jsonld", h.serveJSONLD)
	mux.HandleFunc("GET /catalog/certifications/{file}", h.serveEntry)
}

func (h *Handler) snapshot(w http.ResponseWriter, r *http.Request) *catalog.Snapshot {
	snap, err := h.catalog.Snapshot(r.Context())
	if err != nil {
		h.logger.ErrorContext(r.Context(), "catalog download", "err", err)
		http.Error(w, "the catalog cannot be read right now; try again shortly", http.StatusServiceUnavailable)
		return nil
	}
	return snap
}

// notModified sets the validators of the answer and reports whether the
// client's copy is current, answering 304 then.
func notModified(w http.ResponseWriter, r *http.Request, etag string) bool {
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(maxAge))
	w.Header().Add("Vary", "Accept-Encoding")
	if conditional.NoneMatch(r.Header.Values("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return true
	}
	return false
}

// etagOf is the entity tag of a JSON-LD answer at a catalog version.
func etagOf(version int64) string { return `"catalog-v` + strconv.FormatInt(version, 10) + `"` }

// csvRevision counts the changes to how /catalog.csv renders one catalog
// version. It is part of the CSV's entity tag, so that a copy rendered by
// an earlier revision is not revalidated as current: revision 2 puts a
// quote in front of cells a spreadsheet would run as formulas; revision 3
// quotes every field and also guards cells that start with a full-width
// formula character, with white space before one, or with a semicolon.
const csvRevision = 3

// csvETagOf is the entity tag of /catalog.csv at a catalog version.
func csvETagOf(version int64) string {
	return `"catalog-v` + strconv.FormatInt(version, 10) + `-csv` + strconv.Itoa(csvRevision) + `"`
}

// cached returns the download of the given name at the snapshot's version
// for base, rendering it once per version.
func (h *Handler) cached(name, base string, snap *catalog.Snapshot, render func() []byte) []byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	if m, ok := h.memo[name]; ok && m.version == snap.Version() && m.base == base {
		return m.body
	}
	body := render()
	h.memo[name] = rendered{version: snap.Version(), base: base, body: body}
	return body
}

func (h *Handler) serveCSV(w http.ResponseWriter, r *http.Request) {
	snap := h.snapshot(w, r)
	if snap == nil || notModified(w, r, csvETagOf(snap.Version())) {
		return
	}
	body := h.cached("csv", "", snap, func() []byte { return writeCSV(snap) })
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="catalog.csv"`)
	_, _ = w.Write(body)
}

func (h *Handler) serveJSONLD(w http.ResponseWriter, r *http.Request) {
	snap := h.snapshot(w, r)
	if snap == nil || notModified(w, r, etagOf(snap.Version())) {
		return
	}
	base := baseURL(r)
	body := h.cached("jsonld", base, snap, func() []byte { return writeCatalogJSONLD(base, snap) })
	w.Header().Set("Content-Type", "application/ld+json")
	_, _ = w.Write(body)
}

func (h *Handler) serveEntry(w http.ResponseWriter, r *http.Request) {
	key, ok := strings.CutSuffix(r.PathValue("file"), ".jsonld")
	if !ok {
		http.Error(w, "ask for /catalog/certifications/{key}.jsonld", http.StatusNotFound)
		return
	}
	snap := h.snapshot(w, r)
	if snap == nil {
		return
	}
	c := review.CertificationByKey(snap, key)
	switch {
	case c == nil:
		http.Error(w, "no certification has this key", http.StatusNotFound)
		return
	case c.Status != catalog.StatusActive:
		http.Error(w, "this certification was retired on "+c.RetiredOn.String()+"; it no longer counts for newly earned credentials", http.StatusGone)
		return
	}
	if notModified(w, r, etagOf(snap.Version())) {
		return
	}
	w.Header().Set("Content-Type", "application/ld+json")
	_, _ = w.Write(writeEntryJSONLD(baseURL(r), c))
}

// baseURL is the scheme and host the client addressed, for absolute
// identifiers; behind a proxy, X-Forwarded-Proto names the scheme.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
