package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mssc/recert/internal/streamlimit"
)

// StreamLimits cap what one client may hold open; a zero field takes its
// default (DefaultStreamLimits).
type StreamLimits struct {
	// MaxStreamsPerClient bounds the websockets and server-sent event
	// requests one client holds open at once: by the principal of the
	// request's bearer token, else by its address (a websocket signs in
	// only after it opened). One more is refused with 429 before it starts.
	MaxStreamsPerClient int
	// MaxSubscriptionsPerConnection bounds the subscriptions running on
	// one websocket; one more is refused with a graphql-ws error message.
	MaxSubscriptionsPerConnection int
	// MaxSubscriptionsPerClient bounds the subscriptions one client runs
	// over all its streams; one more is refused with a graphql-ws error
	// message, or an error event over server-sent events.
	MaxSubscriptionsPerClient int
}

// DefaultStreamLimits are the caps when none are set: room for a browser
// with a few tabs open, each with a handful of live views.
var DefaultStreamLimits = StreamLimits{
	MaxStreamsPerClient:           16,
	MaxSubscriptionsPerConnection: 32,
	MaxSubscriptionsPerClient:     64,
}

// WithDefaults fills the zero fields from DefaultStreamLimits.
func (l StreamLimits) WithDefaults() StreamLimits {
	d := DefaultStreamLimits
	return StreamLimits{
		MaxStreamsPerClient:           orDefault(l.MaxStreamsPerClient, d.MaxStreamsPerClient),
		MaxSubscriptionsPerConnection: orDefault(l.MaxSubscriptionsPerConnection, d.MaxSubscriptionsPerConnection),
		MaxSubscriptionsPerClient:     orDefault(l.MaxSubscriptionsPerClient, d.MaxSubscriptionsPerClient),
	}
}

// The codes of the stream caps.
const (
	// CodeTooManyStreams: the client already holds MAX_STREAMS_PER_CLIENT
	// websockets and event streams. HTTP 429.
	CodeTooManyStreams = "TOO_MANY_STREAMS"
	// CodeTooManySubscriptions: the connection already runs
	// MAX_SUBSCRIPTIONS_PER_CONNECTION subscriptions, or the client
	// MAX_SUBSCRIPTIONS_PER_CLIENT; extensions.limit and extensions.scope
	// ("connection" or "client") say which. A graphql-ws error message
	// (websockets) or an error event (server-sent events).
	CodeTooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS"
)

func init() {
	// A refused subscription is answered with a graphql-ws `error`
	// message, as a refused operation is, rather than `next`.
	errcode.RegisterErrorType(CodeTooManySubscriptions, errcode.KindProtocol)
}

// streamCaps counts streams and subscriptions against StreamLimits.
type streamCaps struct {
	limits  StreamLimits
	counter streamlimit.Counter
}

func streamKey(client string) string       { return "streams:" + client }
func subscriptionKey(client string) string { return "subscriptions:" + client }

// countedStream serves a streaming transport (websockets, server-sent
// events) for as long as the client holds fewer streams than the cap,
// and until end closes.
type countedStream struct {
	graphql.Transport
	caps *streamCaps
	end  <-chan struct{}
}

// Do counts the stream while it lives; one past the cap is answered 429.
func (c countedStream) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	key := streamKey(clientKey(ctx))
	limit := c.caps.limits.MaxStreamsPerClient
	ok, err := c.caps.counter.Acquire(ctx, key, limit)
	if err != nil {
		refuse(w, http.StatusServiceUnavailable, mediaJSON, "UNAVAILABLE", "streams cannot be counted right now; retry later")
		return
	}
	if !ok {
		w.Header().Set("Retry-After", "30")
		refuseWith(w, http.StatusTooManyRequests, mediaJSON, CodeTooManyStreams,
			fmt.Sprintf("this client already holds %d open streams (websockets and event streams), the most allowed; close one first", limit),
			map[string]any{"limit": limit})
		return
	}
	defer func() { _ = c.caps.counter.Release(context.WithoutCancel(ctx), key) }()
	if c.end != nil {
		streamCtx, cancel := context.WithCancel(ctx)
		defer cancel()
		go func() {
			select {
			case <-c.end:
				cancel()
			case <-streamCtx.Done():
			}
		}()
		r = r.WithContext(streamCtx)
	}
	c.Transport.Do(w, r, exec)
}

// subscriptionSlot is one subscription counted against the caps, given
// back once by release.
type subscriptionSlot struct {
	once    sync.Once
	release func()
	// watched is set once the subscription's own context is watched.
	watched sync.Once
}

// acquire counts a new subscription of the client of ctx on the
// connection of state, or refuses it with the cap it would go over.
func (c *streamCaps) acquire(ctx context.Context, state *requestState) (*subscriptionSlot, *gqlerror.Error) {
	l := c.limits
	if state != nil {
		state.mu.Lock()
		if state.subscriptions >= l.MaxSubscriptionsPerConnection {
			state.mu.Unlock()
			return nil, tooManySubscriptions("connection", l.MaxSubscriptionsPerConnection,
				"this connection already runs %d subscriptions, the most allowed on one connection; complete one first", l.MaxSubscriptionsPerConnection)
		}
		state.subscriptions++
		state.mu.Unlock()
	}
	giveBackConnection := func() {
		if state != nil {
			state.mu.Lock()
			state.subscriptions--
			state.mu.Unlock()
		}
	}
	key := subscriptionKey(clientKey(ctx))
	ok, err := c.counter.Acquire(ctx, key, l.MaxSubscriptionsPerClient)
	if err != nil || !ok {
		giveBackConnection()
		if err != nil {
			return nil, limitError("UNAVAILABLE", "subscriptions cannot be counted right now; retry later")
		}
		return nil, tooManySubscriptions("client", l.MaxSubscriptionsPerClient,
			"this client already runs %d subscriptions, the most allowed; complete one first", l.MaxSubscriptionsPerClient)
	}
	slot := &subscriptionSlot{}
	// Should the subscription never start, its place is given back with
	// the connection at the latest; once given back, the connection no
	// longer keeps the slot, however many subscriptions it runs in turn.
	var stopWatchingConnection func() bool
	watching := make(chan struct{})
	slot.release = func() {
		slot.once.Do(func() {
			_ = c.counter.Release(context.WithoutCancel(ctx), key)
			giveBackConnection()
			<-watching
			stopWatchingConnection()
		})
	}
	stopWatchingConnection = context.AfterFunc(ctx, slot.release)
	close(watching)
	return slot, nil
}

// watch gives the slot back when the subscription, whose context is ctx,
// ends (completed by the client, finished, or its connection closed).
func (s *subscriptionSlot) watch(ctx context.Context) {
	s.watched.Do(func() { context.AfterFunc(ctx, s.release) })
}

func tooManySubscriptions(scope string, limit int, format string, args ...any) *gqlerror.Error {
	e := limitError(CodeTooManySubscriptions, format, args...)
	e.Extensions["limit"] = limit
	e.Extensions["scope"] = scope
	return e
}
