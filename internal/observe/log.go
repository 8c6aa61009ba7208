package observe

import (
	"context"
	"log/slog"
	"net/http"
	"time"
)

// Log writes one structured line per request: its id, method, path,
// status, duration, GraphQL operation and outcome; the id is the
// X-Request-ID the API answered with. Refusals with 429 are counted in
// metrics when it is not nil. It never logs tokens,
// query texts, variables or anything personal.
func Log(logger *slog.Logger, metrics *Metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		l := &requestLog{metrics: metrics}
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), logKey{}, l)))
		if rec.status == http.StatusTooManyRequests && metrics != nil {
			metrics.RateLimited()
		}
		level := slog.LevelInfo
		if rec.status >= 500 {
			level = slog.LevelError
		}
		if !logger.Enabled(r.Context(), level) {
			return
		}
		attrs := []any{
			"request_id", rec.Header().Get("X-Request-ID"), "method", r.Method, "path", r.URL.Path,
			"status", rec.status, "duration_ms", float64(time.Since(start).Microseconds()) / 1000,
		}
		if op := l.operation.Load(); op != nil {
			attrs = append(attrs, "operation", *op)
		}
		if out := l.outcome.Load(); out != nil {
			attrs = append(attrs, "outcome", *out)
		}
		logger.Log(r.Context(), level, "request", attrs...)
	})
}

// statusRecorder remembers the status a handler answered with.
type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (s *statusRecorder) WriteHeader(status int) {
	if !s.wrote {
		s.status, s.wrote = status, true
	}
	s.ResponseWriter.WriteHeader(status)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	s.wrote = true
	return s.ResponseWriter.Write(b)
}

// Flush passes flushes on, for streamed subscriptions.
func (s *statusRecorder) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap gives http.ResponseController the underlying writer, so that
// websockets can take over the connection.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
