package httpapi

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

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
			status := http.StatusInternalServerError
			switch catalog.ErrorCode(err) {
			case catalog.CodeNotFound:
				status = http.StatusNotFound
			case catalog.CodeUnavailable:
				status = http.StatusServiceUnavailable
			default:
				logger.ErrorContext(r.Context(), "file download failed", "request_id", RequestID(r.Context()), "error", err.Error())
			}
			http.Error(w, http.StatusText(status), status)
			return
		}
		defer rc.Close()
		w.Header().Set("Content-Type", file.ContentType)
		w.Header().Set("Content-Length", strconv.FormatInt(file.Size, 10))
		w.Header().Set("Content-Disposition", `attachment; filename="`+strings.ReplaceAll(file.Name, `"`, "")+`"`)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "private, no-store")
		_, _ = io.Copy(w, rc)
	})
}
