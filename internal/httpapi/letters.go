package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/mssc/recert/catalog"
)

// LetterOpener prints a pre-filled form letter for the principal of ctx,
// answering NOT_FOUND for a letter the principal may not read.
type LetterOpener interface {
	// OpenLetter prints the letter at key, the path after /letters/, and
	// returns the PDF with its file name.
	OpenLetter(ctx context.Context, key string) ([]byte, string, error)
}

// serveLetters answers GET /letters/{key} with the form letter as a PDF,
// to the activity's candidate and to staff; everyone else gets the answer
// of a path that does not exist.
func serveLetters(letters LetterOpener, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if catalog.PrincipalFrom(r.Context()) == nil {
			unauthorized(w, "sign in to download form letters")
			return
		}
		pdf, name, err := letters.OpenLetter(r.Context(), strings.TrimPrefix(r.URL.Path, "/letters/"))
		if err != nil {
			downloadFailed(w, r, logger, "form letter failed", err)
			return
		}
		attachment(w, "application/pdf", name, int64(len(pdf)))
		_, _ = w.Write(pdf)
	})
}
