package httpapi

import (
	"context"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/mssc/recert/catalog"
)

// FileOpener reads an uploaded file for the principal of ctx, answering
// NOT_FOUND for a file the principal may not read.
type FileOpener interface {
	// OpenFile reads the file stored under key.
	OpenFile(ctx context.Context, key string) (io.ReadCloser, catalog.StoredFile, error)
}

// serveFiles answers GET /files/{key} with the file, to those allowed.
func serveFiles(files FileOpener, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := strings.TrimPrefix(r.URL.Path, "/files/")
		if catalog.PrincipalFrom(r.Context()) == nil {
			unauthorized(w, "sign in to download files")
			return
		}
		rc, file, err := files.OpenFile(r.Context(), key)
		if err != nil {
			downloadFailed(w, r, logger, "file download failed", err)
			return
		}
		defer rc.Close()
		attachment(w, file.ContentType, file.Name, file.Size)
		_, _ = io.Copy(w, rc)
	})
}

// downloadFailed answers a download that could not be served: 404 for
// what does not exist or may not be read, 503 while storage is down, and
// 500, logged under what, for anything else.
func downloadFailed(w http.ResponseWriter, r *http.Request, logger *slog.Logger, what string, err error) {
	status := http.StatusInternalServerError
	switch catalog.ErrorCode(err) {
	case catalog.CodeNotFound:
		status = http.StatusNotFound
	case catalog.CodeUnavailable:
		status = http.StatusServiceUnavailable
	default:
		logger.ErrorContext(r.Context(), what, "request_id", RequestID(r.Context()), "error", err.Error())
	}
	http.Error(w, http.StatusText(status), status)
}

// attachment sets the headers of a private download saved as name:
// never cached by a shared cache, never sniffed as another type.
func attachment(w http.ResponseWriter, contentType, name string, size int64) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	w.Header().Set("Content-Disposition", contentDisposition(name))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "private, no-store")
}

// fallbackFileName names a download whose name has nothing left once
// cleaned.
const fallbackFileName = "file"

// contentDisposition is the Content-Disposition of a download saved as
// name. Invalid UTF-8, control characters, invisible formatting characters
// and path separators are removed from the name first, and a name with
// nothing left becomes "file"; mime.FormatMediaType then quotes it, or
// writes it as an RFC 2231 filename* in UTF-8 when it is not ASCII.
func contentDisposition(name string) string {
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '/' || r == '\\' {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." {
		name = fallbackFileName
	}
	return mime.FormatMediaType("attachment", map[string]string{"filename": name})
}
