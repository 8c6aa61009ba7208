package httpapi

import (
	"bufio"
	"net"
	"net/http"
	"strings"
	"time"
)

// streamWriter lifts a connection's read and write deadlines (READ_TIMEOUT,
// WRITE_TIMEOUT) once, and only once, the request has become a stream:
// a websocket when its upgrade is accepted and the connection taken over,
// server-sent events when the answer starts as text/event-stream, which
// the SSE transport writes only after it read the whole body. Until then
// the request is read under the same deadlines as any other, so a stalled
// body cannot hold a connection open by merely asking for a stream.
type streamWriter struct {
	http.ResponseWriter
	status int
	lifted bool
}

// lift takes the deadlines off when the answer is a successful event stream.
func (s *streamWriter) lift() {
	if s.lifted || (s.status != 0 && s.status != http.StatusOK) ||
		!strings.HasPrefix(s.Header().Get("Content-Type"), "text/event-stream") {
		return
	}
	s.lifted = true
	rc := http.NewResponseController(s.ResponseWriter)
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
}

// WriteHeader notes the status, lifting the deadlines of an event stream.
func (s *streamWriter) WriteHeader(status int) {
	if s.status == 0 {
		s.status = status
	}
	s.lift()
	s.ResponseWriter.WriteHeader(status)
}

// Write lifts the deadlines of an event stream before its first bytes.
func (s *streamWriter) Write(b []byte) (int, error) {
	s.lift()
	return s.ResponseWriter.Write(b)
}

// Flush passes flushes on, for server-sent events.
func (s *streamWriter) Flush() {
	s.lift()
	_ = http.NewResponseController(s.ResponseWriter).Flush()
}

// Hijack hands the connection to an accepted websocket, without the
// deadlines that were meant for one request.
func (s *streamWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, rw, err := http.NewResponseController(s.ResponseWriter).Hijack()
	if err != nil {
		return nil, nil, err
	}
	s.lifted = true
	_ = conn.SetDeadline(time.Time{})
	return conn, rw, nil
}

// Unwrap gives http.ResponseController the underlying writer.
func (s *streamWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }
