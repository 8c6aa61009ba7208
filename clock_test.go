package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/auth"
	"github.com/mssc/recert/internal/config"
)

// lockedBuffer collects the service's log lines while it runs.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestDevelopmentClockIsShownLoggedAndReadByTheRules(t *testing.T) {
	logs := &lockedBuffer{}
	base, _ := startServiceLogging(t, map[string]string{"APP_CLOCK": "2027-04-01", "LOG_LEVEL": "warn"}, logs)

	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	var ready struct {
		Clock map[string]string `json:"clock"`
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err := json.Unmarshal(raw, &ready); err != nil {
		t.Fatalf("readyz: %s", raw)
	}
	realToday := time.Now().UTC().Format(catalog.DateLayout)
	if ready.Clock["setting"] != "2027-04-01" || ready.Clock["today"] != "2027-04-01" || ready.Clock["realToday"] != realToday {
		t.Errorf("readyz shows the clock as %v (%s)", ready.Clock, raw)
	}

	var warned bool
	for _, line := range strings.Split(logs.String(), "\n") {
		var entry map[string]any
		if json.Unmarshal([]byte(line), &entry) == nil && entry["level"] == "WARN" && entry["app_clock"] == "2027-04-01" && entry["today"] == "2027-04-01" {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no WARN line names the development clock at start; the log:\n%s", logs.String())
	}

	staff, err := auth.SignDevToken(auth.Config{DevSecret: config.DevelopmentSecret, Issuer: "recert-dev", Audience: "recert-api"},
		auth.DevToken{Subject: "staff-clock", Role: catalog.RoleStaff, TTL: time.Hour}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	post := func(query string, vars map[string]any) string {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+staff)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return string(raw)
	}
	registered := post(`mutation($in: RegisterCandidateInput!) { registerCandidate(input: $in) { userErrors { code message } } }`, map[string]any{"in": map[string]any{
		"msscCandidateId": "C-CLOCK-1", "name": "Clock Holder", "email": "clock@example.com",
		"heldCertifications": []any{map[string]any{"program": "CPT", "certifiedOn": "2022-05-01", "expiresOn": "2027-05-01"}},
	}})
	if !strings.Contains(registered, `"userErrors":[]`) {
		t.Fatalf("register: %s", registered)
	}
	expiring := post(`{ expiringCertifications(withinDays: 45) { candidate { msscCandidateId } heldCertification { expiresOn } } }`, nil)
	if !strings.Contains(expiring, `"C-CLOCK-1"`) {
		t.Errorf("on the development clock's 2027-04-01 a CPT expiring on 2027-05-01 is within 45 days, but the service answered %s", expiring)
	}
}

func TestProductionRefusesTheDevelopmentClock(t *testing.T) {
	t.Setenv("APP_ENV", "production")
	t.Setenv("APP_CLOCK", "+400d")
	err := run(context.Background(), []string{"migrate"}, os.Getenv, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "APP_CLOCK") || !strings.Contains(err.Error(), "never allowed in production") {
		t.Fatalf("a production start with APP_CLOCK: %v", err)
	}
}
