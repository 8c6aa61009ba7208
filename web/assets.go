package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/mssc/recert/internal/conditional"
)

// immutable is the Cache-Control of an asset: its name carries its
// content's hash, so a copy never goes stale.
const immutable = "public, max-age=31536000, immutable"

// asset is one file of dist/assets/ as the browser asks for it, by its
// original name, whether the build stored it plain or as `<name>.gz`.
type asset struct {
	// stored is the embedded file: the gzip bytes when gzipped is true.
	stored []byte
	// gzipped says stored is gzip-compressed.
	gzipped bool
	// contentType is that of the original extension.
	contentType string
	// tag is the strong ETag of stored; plainTag that of the
	// decompressed bytes when gzipped, and plainSize their length.
	tag, plainTag string
	plainSize     int
}

// assets is the table of dist/assets/ by original name, read once.
var assets = sync.OnceValue(func() map[string]*asset {
	return readAssets(built())
})

// readAssets reads every file under assets/ of files. A `<name>.gz` is
// the asset `<name>`; its decompressed bytes are hashed here, once, for
// their ETag and not kept.
func readAssets(files fs.FS) map[string]*asset {
	table := map[string]*asset{}
	entries, _ := fs.ReadDir(files, "assets")
	for _, entry := range entries {
		if entry.IsDir() {
			continue
		}
		stored, err := fs.ReadFile(files, path.Join("assets", entry.Name()))
		if err != nil {
			panic(err)
		}
		name, gzipped := strings.CutSuffix(entry.Name(), ".gz")
		a := &asset{stored: stored, gzipped: gzipped, contentType: contentType(name), tag: strongTag(stored)}
		a.plainTag, a.plainSize = a.tag, len(stored)
		if gzipped {
			plain, err := gunzip(stored)
			if err != nil {
				panic("web: " + entry.Name() + " is not gzip: " + err.Error())
			}
			a.plainTag, a.plainSize = strongTag(plain), len(plain)
		}
		table["assets/"+name] = a
	}
	return table
}

// contentType is the media type of a file name's extension, as
// http.FileServer would send it.
func contentType(name string) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// strongTag is a strong entity tag from the SHA-256 of data.
func strongTag(data []byte) string {
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// gunzip returns the decompressed bytes of data.
func gunzip(data []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// serve answers a GET or HEAD for the asset: the gzip bytes as they are
// stored, with Content-Encoding: gzip, to a client whose Accept-Encoding
// accepts gzip, and the plain bytes to any other. Both answers vary on
// Accept-Encoding and carry their own ETag, so If-None-Match works for
// each. The plain answer to a client without gzip is decompressed as it
// is sent and has no Range support (no browser needs it; Accept-Ranges is
// not sent, so no client asks).
func (a *asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", immutable)
	h.Set("Vary", "Accept-Encoding")
	zipped := a.gzipped && acceptsGzip(r.Header.Values("Accept-Encoding"))
	tag, size := a.plainTag, a.plainSize
	if zipped {
		tag, size = a.tag, len(a.stored)
	}
	h.Set("ETag", tag)
	if conditional.NoneMatch(r.Header.Values("If-None-Match"), tag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", a.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.Itoa(size))
	if zipped {
		h.Set("Content-Encoding", "gzip")
	}
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	if zipped || !a.gzipped {
		_, _ = w.Write(a.stored)
		return
	}
	plain, err := gzip.NewReader(bytes.NewReader(a.stored))
	if err != nil {
		return
	}
	_, _ = io.Copy(w, plain)
}
