package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
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
