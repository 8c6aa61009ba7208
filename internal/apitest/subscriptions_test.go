package apitest

// The clients of the catalogChanged subscription the tests use: a
// graphql-transport-ws websocket and a server-sent events stream, each
// either driven by hand or watched for the versions it announces.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// wsClient is one graphql-transport-ws connection of a test.
type wsClient struct {
	t    *testing.T
	ctx  context.Context
	conn *websocket.Conn
}

// dialWS opens and initialises a websocket from client (the default one
// when nil), or returns the handshake's status when it is refused.
func dialWS(t *testing.T, ctx context.Context, e *env, client *http.Client) (*wsClient, int) {
	t.Helper()
	conn, res, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(e.url, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPClient: client})
	if err != nil {
		if res == nil {
			t.Fatalf("websocket dial: %v", err)
		}
		return nil, res.StatusCode
	}
	t.Cleanup(func() { conn.CloseNow() })
	c := &wsClient{t: t, ctx: ctx, conn: conn}
	c.send(map[string]any{"type": "connection_init", "payload": map[string]any{}})
	if msg := c.read(); msg["type"] != "connection_ack" {
		t.Fatalf("websocket init: %v", msg)
	}
	return c, http.StatusSwitchingProtocols
}

func (c *wsClient) send(v any) {
	c.t.Helper()
	raw, _ := json.Marshal(v)
	if err := c.conn.Write(c.ctx, websocket.MessageText, raw); err != nil {
		c.t.Fatalf("websocket write: %v", err)
	}
}

func (c *wsClient) read() map[string]any {
	c.t.Helper()
	_, raw, err := c.conn.Read(c.ctx)
	if err != nil {
		c.t.Fatalf("websocket read: %v", err)
	}
	var msg map[string]any
	_ = json.Unmarshal(raw, &msg)
	return msg
}

// subscribe starts a catalogChanged subscription with the id.
func (c *wsClient) subscribe(id string) {
	c.t.Helper()
	c.send(map[string]any{"id": id, "type": "subscribe", "payload": map[string]any{"query": `subscription { catalogChanged { catalogVersion } }`}})
}

// sseSubscribe opens a catalogChanged subscription over server-sent
// events; it returns the status, and for a stream its body.
func sseSubscribe(t *testing.T, ctx context.Context, e *env) (int, io.ReadCloser) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": `subscription { catalogChanged { catalogVersion } }`})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, e.url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if !strings.Contains(string(raw), `"code":"TOO_MANY_STREAMS"`) {
			t.Errorf("a refused stream should say TOO_MANY_STREAMS: %s", raw)
		}
		return res.StatusCode, nil
	}
	t.Cleanup(func() { res.Body.Close() })
	return res.StatusCode, res.Body
}

// sseEvents subscribes over server-sent events and returns the catalog
// versions announced, until ctx ends.
func sseEvents(t *testing.T, ctx context.Context, e *env) <-chan string {
	t.Helper()
	status, body := sseSubscribe(t, ctx, e)
	if status != http.StatusOK {
		t.Fatalf("SSE subscription: %d", status)
	}
	out := make(chan string, 8)
	ready := make(chan struct{})
	go func() {
		defer body.Close()
		defer close(out)
		sc := bufio.NewScanner(body)
		close(ready)
		for sc.Scan() {
			line := sc.Text()
			if data, ok := strings.CutPrefix(line, "data:"); ok {
				var msg struct {
					Data struct {
						CatalogChanged struct{ CatalogVersion string } `json:"catalogChanged"`
					} `json:"data"`
				}
				if json.Unmarshal([]byte(strings.TrimSpace(data)), &msg) == nil && msg.Data.CatalogChanged.CatalogVersion != "" {
					out <- msg.Data.CatalogChanged.CatalogVersion
				}
			}
		}
	}()
	<-ready
	return out
}

// wsEvents subscribes over a websocket (graphql-transport-ws) and returns
// the catalog versions announced, until ctx ends.
func wsEvents(t *testing.T, ctx context.Context, e *env) <-chan string {
	t.Helper()
	c, status := dialWS(t, ctx, e, nil)
	if c == nil {
		t.Fatalf("websocket refused: %d", status)
	}
	c.subscribe("1")
	out := make(chan string, 8)
	go func() {
		defer close(out)
		defer c.conn.CloseNow()
		for {
			_, raw, err := c.conn.Read(ctx)
			if err != nil {
				return
			}
			var msg struct {
				Type    string `json:"type"`
				Payload struct {
					Data struct {
						CatalogChanged struct{ CatalogVersion string } `json:"catalogChanged"`
					} `json:"data"`
				} `json:"payload"`
			}
			if json.Unmarshal(raw, &msg) == nil && msg.Type == "next" {
				out <- msg.Payload.Data.CatalogChanged.CatalogVersion
			}
		}
	}()
	return out
}

// await returns the next event of a subscription, failing the test when
// the subscription ends or nothing comes within 10 seconds.
func await(t *testing.T, events <-chan string, what string) string {
	t.Helper()
	select {
	case v, ok := <-events:
		if !ok {
			t.Fatalf("%s: the subscription ended", what)
		}
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: no event within 10 s", what)
	}
	return ""
}
