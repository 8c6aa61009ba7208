package httpapi

import (
	"context"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/ratelimit"
)

// requestState is what the HTTP layer knows of one /graphql request and
// shares with the GraphQL extensions running inside it.
type requestState struct {
	// method is the HTTP method.
	method string
	// plain is true for a request httpTransport answers with one response
	// (not a websocket or server-sent events).
	plain bool
	// remoteAddr is the client's address, for anonymous budgets.
	remoteAddr string

	mu sync.Mutex
	// budget is the client's budget after the last operation, if any.
	budget *ratelimit.Status
	// subscriptions are the subscriptions running on this connection (a
	// websocket carries many).
	subscriptions int
}

type requestStateKey struct{}

func stateFrom(ctx context.Context) *requestState {
	s, _ := ctx.Value(requestStateKey{}).(*requestState)
	return s
}

func (s *requestState) setBudget(b ratelimit.Status) {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.budget = &b
	s.mu.Unlock()
}

func (s *requestState) lastBudget() *ratelimit.Status {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.budget
}

// clientKey names the budget a request spends: the principal's subject, or
// the client's address when anonymous.
func clientKey(ctx context.Context) string {
	if p := catalog.PrincipalFrom(ctx); p != nil && p.Subject != "" {
		return ratelimit.SubjectKey(p.Subject)
	}
	if s := stateFrom(ctx); s != nil {
		return ratelimit.AddressKey(s.remoteAddr)
	}
	return "ip:unknown"
}

// isStreaming tells a websocket upgrade or a server-sent events request.
func isStreaming(r *http.Request) bool {
	return r.Header.Get("Upgrade") != "" || strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}

// isMultipart tells a multipart request (an upload).
func isMultipart(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == "multipart/form-data"
}

// guard bounds every /graphql request's body to maxBody bytes (a
// multipart request's to maxUpload), lets a request that asks for a
// stream drop its read and write deadlines once it has become one (see
// streamWriter), and notes the client's address.
func guard(maxBody, maxUpload int64, proxies []netip.Prefix, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		state := &requestState{method: r.Method, remoteAddr: clientAddress(r, proxies)}
		ctx := context.WithValue(r.Context(), requestStateKey{}, state)
		if r.Body != nil && r.Body != http.NoBody {
			limit := maxBody
			if isMultipart(r) {
				limit = maxUpload
			}
			if r.ContentLength > limit {
				refuse(w, http.StatusRequestEntityTooLarge, mediaJSON, CodePayloadTooLarge, tooLargeMessage(limit))
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		if isStreaming(r) {
			w = &streamWriter{ResponseWriter: w}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// clientAddress is the address of the client: the connection's peer, or,
// when the peer is a trusted proxy, the last address of X-Forwarded-For
// that is not one (proxies append the address they were called from).
func clientAddress(r *http.Request, proxies []netip.Prefix) string {
	addr := r.RemoteAddr
	trusted := func(a string) bool {
		host := a
		if h, _, err := net.SplitHostPort(a); err == nil {
			host = h
		}
		ip, err := netip.ParseAddr(host)
		if err != nil {
			return false
		}
		ip = ip.Unmap().WithZone("")
		for _, p := range proxies {
			if p.Contains(ip) {
				return true
			}
		}
		return false
	}
	if len(proxies) == 0 || !trusted(addr) {
		return addr
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop := strings.TrimSpace(hops[i])
		if _, err := netip.ParseAddr(hop); err != nil {
			// A hop that is not an address: stop at the last one trusted.
			return addr
		}
		addr = hop
		if !trusted(hop) {
			return hop
		}
	}
	return addr
}

func tooLargeMessage(limit int64) string {
	return fmt.Sprintf("the request body is larger than the %d bytes this server accepts", limit)
}
