package apitest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/httpapi"
	"github.com/mssc/recert/internal/streamlimit"
)

// refused reads the next messages, which must be the graphql-ws error
// refusing subscription id for the cap of scope, then its end.
func (c *wsClient) refused(id, scope string, limit int) {
	c.t.Helper()
	msg := c.read()
	errs, _ := msg["payload"].([]any)
	if msg["type"] != "error" || msg["id"] != id || len(errs) != 1 || get(errs[0], "extensions", "code") != "TOO_MANY_SUBSCRIPTIONS" ||
		get(errs[0], "extensions", "scope") != scope || num(get(errs[0], "extensions", "limit")) != limit {
		c.t.Fatalf("subscription %s: want a graphql-ws error TOO_MANY_SUBSCRIPTIONS for the %s cap of %d, got %v", id, scope, limit, msg)
	}
	// gqlgen ends every refused operation with `complete` too.
	if msg := c.read(); msg["type"] != "complete" || msg["id"] != id {
		c.t.Fatalf("subscription %s: after the error, %v", id, msg)
	}
}

func TestStreamsAndSubscriptionsAreCappedPerConnectionAndClient(t *testing.T) {
	counter := streamlimit.NewMemory()
	e := newEnvWith(t, gormstore.DialectSQLite, func(c *httpapi.Config) {
		c.Streams = httpapi.StreamLimits{MaxStreamsPerClient: 3, MaxSubscriptionsPerConnection: 4, MaxSubscriptionsPerClient: 6}
		c.StreamCounter = counter
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	const streams, subscriptions = "streams:ip:127.0.0.1", "subscriptions:ip:127.0.0.1"
	counted := func(key string, want int) {
		t.Helper()
		eventually(t, key, func() bool { return counter.Count(key) == want })
	}

	a, _ := dialWS(t, ctx, e, nil)
	for _, id := range []string{"1", "2", "3", "4"} {
		a.subscribe(id)
	}
	counted(subscriptions, 4)
	a.subscribe("5")
	a.refused("5", "connection", 4)
	// A thousand more are refused one by one, and nothing grows.
	goroutines := runtime.NumGoroutine()
	for range 1000 {
		a.subscribe("again")
		a.refused("again", "connection", 4)
	}
	counted(subscriptions, 4)
	if grown := runtime.NumGoroutine() - goroutines; grown > 50 {
		t.Errorf("%d goroutines more after a thousand refused subscriptions", grown)
	}

	b, _ := dialWS(t, ctx, e, nil)
	b.subscribe("1")
	b.subscribe("2")
	counted(subscriptions, 6)
	b.subscribe("3")
	b.refused("3", "client", 6)

	// Over server-sent events the refusal is an error event on the stream.
	status, events := sseSubscribe(t, ctx, e)
	if status != http.StatusOK {
		t.Fatalf("an event stream within the stream cap: %d", status)
	}
	raw, _ := io.ReadAll(events)
	if !strings.Contains(string(raw), "event: next") || !strings.Contains(string(raw), `"code":"TOO_MANY_SUBSCRIPTIONS"`) || !strings.Contains(string(raw), `"scope":"client"`) {
		t.Fatalf("an event stream past the client's subscription cap: %s", raw)
	}
	counted(streams, 2)

	// Completing a subscription gives its place back.
	a.send(map[string]any{"id": "1", "type": "complete"})
	counted(subscriptions, 5)
	status, held := sseSubscribe(t, ctx, e)
	if status != http.StatusOK {
		t.Fatalf("an event stream once a place was given back: %d", status)
	}
	line, _ := bufio.NewReader(held).ReadString('\n')
	if strings.TrimSpace(line) != ":" {
		t.Fatalf("the event stream did not start: %q", line)
	}
	counted(streams, 3)
	counted(subscriptions, 6)

	// A fourth stream of the client is refused before it starts.
	if _, status := dialWS(t, ctx, e, nil); status != http.StatusTooManyRequests {
		t.Fatalf("a fourth websocket: %d, want 429", status)
	}
	if status, _ := sseSubscribe(t, ctx, e); status != http.StatusTooManyRequests {
		t.Fatalf("a fourth event stream: %d, want 429", status)
	}
	// Another client has its own caps.
	other, status := dialWS(t, ctx, e, clientFrom("127.0.0.2"))
	if status != http.StatusSwitchingProtocols {
		t.Fatalf("another client's websocket: %d", status)
	}
	other.subscribe("1")
	counted("subscriptions:ip:127.0.0.2", 1)

	// Closing a websocket gives back its stream and its subscriptions.
	a.conn.CloseNow()
	counted(streams, 2)
	counted(subscriptions, 3)
	if _, status := dialWS(t, ctx, e, nil); status != http.StatusSwitchingProtocols {
		t.Fatalf("a websocket once one was closed: %d", status)
	}
	b.conn.CloseNow()
	other.conn.CloseNow()
	held.Close()
	counted(subscriptions, 0)
	counted("subscriptions:ip:127.0.0.2", 0)
}

func TestParallelStreamsOfOneClientStopAtTheCap(t *testing.T) {
	counter := streamlimit.NewMemory()
	e := newEnvWith(t, gormstore.DialectSQLite, func(c *httpapi.Config) {
		c.Streams = httpapi.StreamLimits{MaxStreamsPerClient: 3}
		c.StreamCounter = counter
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	const parallel = 20
	statuses := make(chan int, parallel)
	start := make(chan struct{})
	body, _ := json.Marshal(map[string]any{"query": `subscription { catalogChanged { catalogVersion } }`})
	for range parallel {
		go func() {
			<-start
			req, _ := http.NewRequestWithContext(ctx, http.MethodPost, e.url+"/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept", "text/event-stream")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				statuses <- 0
				return
			}
			statuses <- res.StatusCode
			if res.StatusCode != http.StatusOK {
				res.Body.Close()
				return
			}
			// The stream is held open until the test ends.
			<-ctx.Done()
			res.Body.Close()
		}()
	}
	close(start)
	opened, refused := 0, 0
	for range parallel {
		switch <-statuses {
		case http.StatusOK:
			opened++
		case http.StatusTooManyRequests:
			refused++
		}
	}
	if opened != 3 || refused != parallel-3 {
		t.Fatalf("%d event streams opened and %d refused of %d sent at once; want 3 and %d", opened, refused, parallel, parallel-3)
	}
	cancel()
	eventually(t, "the streams to be given back", func() bool { return counter.Len() == 0 })
}
