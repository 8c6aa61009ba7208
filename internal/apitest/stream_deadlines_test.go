package apitest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/httpapi"
)

// deadlinedServer serves e's handler with the read and write timeouts the
// service sets (READ_TIMEOUT, WRITE_TIMEOUT), short.
func deadlinedServer(t *testing.T, e *env, timeout time.Duration) string {
	t.Helper()
	srv := httptest.NewUnstartedServer(e.handler)
	srv.Config.ReadTimeout, srv.Config.WriteTimeout = timeout, timeout
	srv.Start()
	t.Cleanup(srv.Close)
	return strings.TrimPrefix(srv.URL, "http://")
}

// closedWithin reports whether the server closes conn within d, reading
// (and discarding) whatever it answers first.
func closedWithin(conn net.Conn, d time.Duration) (bool, string) {
	_ = conn.SetReadDeadline(time.Now().Add(d))
	answer, err := io.ReadAll(conn)
	var timeout net.Error
	if errors.As(err, &timeout) && timeout.Timeout() {
		return false, string(answer)
	}
	return true, string(answer)
}

func TestAStalledBodyKeepsItsReadDeadlineWhateverItAsksFor(t *testing.T) {
	e := newEnvWith(t, gormstore.DialectSQLite, nil)
	const timeout = 300 * time.Millisecond
	addr := deadlinedServer(t, e, timeout)
	for _, tc := range []struct{ name, headers string }{
		{"a POST that accepts server-sent events", "Content-Type: application/json\r\nAccept: text/event-stream\r\n"},
		{"a POST with an Upgrade header", "Content-Type: application/json\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"},
		{"a POST with an unknown Upgrade", "Content-Type: application/json\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n"},
		{"a plain POST", "Content-Type: application/json\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			// The body announces 200 bytes and sends 10.
			fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: %s\r\n%sContent-Length: 200\r\n\r\n{\"query\":", addr, tc.headers)
			start := time.Now()
			if closed, answer := closedWithin(conn, 10*timeout); !closed {
				t.Fatalf("the connection was still open %s after a stalled body, with a read timeout of %s (answer so far %q)", time.Since(start).Round(time.Millisecond), timeout, answer)
			}
		})
	}
}

func TestAcceptedStreamsOutliveTheRequestDeadlines(t *testing.T) {
	e := newEnvWith(t, gormstore.DialectSQLite, nil)
	const timeout = 300 * time.Millisecond
	addr := deadlinedServer(t, e, timeout)
	outlive := 5 * timeout

	t.Run("server-sent events", func(t *testing.T) {
		t.Parallel()
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		body := `{"query":"subscription { catalogChanged { catalogVersion } }"}`
		fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: %d\r\n\r\n%s", addr, len(body), body)
		r := bufio.NewReader(conn)
		_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		res, err := http.ReadResponse(r, nil)
		if err != nil || res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
			t.Fatalf("the stream was not accepted: %v %v", res, err)
		}
		if closed, answer := closedWithin(conn, outlive); closed {
			t.Fatalf("the accepted stream was closed within %s (read timeout %s): %q", outlive, timeout, answer)
		}
	})

	t.Run("a websocket", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		conn, _, err := websocket.Dial(ctx, "ws://"+addr+"/graphql", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
		if err != nil {
			t.Fatal(err)
		}
		defer conn.CloseNow()
		send := func(v any) {
			raw, _ := json.Marshal(v)
			if err := conn.Write(ctx, websocket.MessageText, raw); err != nil {
				t.Fatalf("writing to the websocket after %s: %v", outlive, err)
			}
		}
		send(map[string]any{"type": "connection_init", "payload": map[string]any{}})
		if _, raw, err := conn.Read(ctx); err != nil || !strings.Contains(string(raw), "connection_ack") {
			t.Fatalf("websocket init: %s %v", raw, err)
		}
		time.Sleep(outlive)
		send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": `{ catalogVersion }`}})
		_, raw, err := conn.Read(ctx)
		if err != nil || !strings.Contains(string(raw), `"next"`) || !strings.Contains(string(raw), "catalogVersion") {
			t.Fatalf("a query on the websocket %s after it opened (read timeout %s): %s %v", outlive, timeout, raw, err)
		}
	})
}

func TestAWebsocketThatNeverInitialisesIsClosed(t *testing.T) {
	const initTimeout = 200 * time.Millisecond
	e := newEnvWith(t, gormstore.DialectSQLite, func(c *httpapi.Config) { c.WebsocketInitTimeout = initTimeout })
	ctx, cancel := context.WithTimeout(context.Background(), 10*initTimeout)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(e.url, "http")+"/graphql", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	_, _, err = conn.Read(ctx)
	if ctx.Err() != nil || websocket.CloseStatus(err) != websocket.StatusProtocolError {
		t.Fatalf("a websocket without connection_init: %v (after %s, init timeout %s), want it closed with status 1002", err, 10*initTimeout, initTimeout)
	}
}
