package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/auth"
)

func TestShutdownLetsAnInFlightMutationComplete(t *testing.T) {
	const secret = "shutdown-test-secret"
	base, stop := startService(t, map[string]string{"AUTH_DEV_SECRET": secret, "SHUTDOWN_GRACE": "20s"})
	token, err := auth.SignDevToken(auth.Config{DevSecret: secret, Issuer: "recert-dev", Audience: "recert-api"},
		auth.DevToken{Subject: "staff-shutdown", Role: catalog.RoleStaff, TTL: time.Hour}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]any{"query": `mutation { createOrganization(input: {name: "Graceful Shutdown Board"}, reason: "shutdown test") { organization { id name } userErrors { code } } }`})
	half := len(body) / 2

	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	head := fmt.Sprintf("POST /graphql HTTP/1.1\r\nHost: recert\r\nContent-Type: application/json\r\nAuthorization: Bearer %s\r\nContent-Length: %d\r\n\r\n", token, len(body))
	if _, err := conn.Write(append([]byte(head), body[:half]...)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)

	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	time.Sleep(500 * time.Millisecond)
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the server still accepts new connections while shutting down")
	}
	select {
	case err := <-stopped:
		t.Fatalf("the server stopped before the in-flight mutation finished: %v", err)
	default:
	}
	if _, err := conn.Write(body[half:]); err != nil {
		t.Fatalf("the in-flight mutation was dropped: %v", err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(15 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the in-flight mutation got no answer: %v", err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(got), `"name":"Graceful Shutdown Board"`) || !strings.Contains(string(got), `"userErrors":[]`) {
		t.Errorf("the in-flight mutation answered %d %s", resp.StatusCode, got)
	}
	if err := <-stopped; err != nil {
		t.Errorf("shutdown: %v", err)
	}
}

// TestShutdownDrainsBeforeItStops: with SHUTDOWN_DRAIN, a stopping
// instance first answers /readyz with 503 while it still serves, so that
// a load balancer takes it out before it stops accepting connections;
// then its open event streams end with their complete event rather than
// holding the shutdown for its whole grace.
func TestShutdownDrainsBeforeItStops(t *testing.T) {
	const secret = "drain-test-secret"
	base, stop := startService(t, map[string]string{"AUTH_DEV_SECRET": secret, "SHUTDOWN_DRAIN": "8s", "SHUTDOWN_GRACE": "30s"})
	token, err := auth.SignDevToken(auth.Config{DevSecret: secret, Issuer: "recert-dev", Audience: "recert-api"},
		auth.DevToken{Subject: "staff-drain", Role: catalog.RoleStaff, TTL: time.Hour}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]any{"query": `subscription { catalogChanged { catalogVersion } }`})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("Authorization", "Bearer "+token)
	stream, err := http.DefaultClient.Do(req)
	if err != nil || stream.StatusCode != http.StatusOK {
		t.Fatalf("subscribing: %v %v", stream, err)
	}
	streamEnded := make(chan string, 1)
	go func() {
		defer stream.Body.Close()
		var last string
		for sc := bufio.NewScanner(stream.Body); sc.Scan(); {
			if strings.HasPrefix(sc.Text(), "event:") {
				last = sc.Text()
			}
		}
		streamEnded <- last
	}()

	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	for {
		res, err := http.Get(base + "/readyz")
		if err != nil {
			t.Fatalf("the server stopped accepting before it drained: %v", err)
		}
		got, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode == http.StatusServiceUnavailable {
			if !strings.Contains(string(got), `"shutdown":"draining"`) {
				t.Errorf("/readyz while draining: %s", got)
			}
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	health, err := http.Get(base + "/healthz")
	if err != nil || health.StatusCode != http.StatusOK {
		t.Fatalf("/healthz while draining: %v %v", health, err)
	}
	health.Body.Close()
	res, err := http.Get(base + "/graphql?query=" + url.QueryEscape(`{ catalogVersion }`))
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("a query while draining: %v %v", res, err)
	}
	res.Body.Close()
	select {
	case last := <-streamEnded:
		t.Fatalf("the event stream ended while draining (last %q)", last)
	default:
	}
	if err := <-stopped; err != nil {
		t.Errorf("shutdown with an event stream open: %v", err)
	}
	if last := <-streamEnded; last != "event: complete" {
		t.Errorf("the event stream's last event was %q, want its complete event", last)
	}
}
