//go:build loadtest

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/auth"
)

// faultClient is a GraphQL client of the server under test.
type faultClient struct {
	base string
	http *http.Client
}

type gqlReply struct {
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// post sends a GraphQL request as JSON with the bearer token, if any; the
// caller closes the response's body.
func (c faultClient) post(token, query string, vars map[string]any) (*http.Response, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return c.http.Do(req)
}

// do posts a GraphQL request and decodes its reply.
func (c faultClient) do(token, query string, vars map[string]any) (gqlReply, error) {
	res, err := c.post(token, query, vars)
	if err != nil {
		return gqlReply{}, err
	}
	defer res.Body.Close()
	var out gqlReply
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		return gqlReply{}, fmt.Errorf("status %d, not JSON: %v", res.StatusCode, err)
	}
	return out, nil
}

// code is the reply's error code, or "" for success; user errors count.
func (r gqlReply) code(field string) string {
	if len(r.Errors) > 0 {
		c, _ := r.Errors[0].Extensions["code"].(string)
		return c
	}
	if payload, ok := r.Data[field].(map[string]any); ok {
		if errs, ok := payload["userErrors"].([]any); ok && len(errs) > 0 {
			c, _ := errs[0].(map[string]any)["code"].(string)
			return c
		}
	}
	return ""
}

// ready is the status /readyz answers, 0 when it does not answer.
func (c faultClient) ready() int {
	res, err := c.http.Get(c.base + "/readyz")
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}

// waitReady polls /readyz until it answers 200, failing the test with
// failure when that takes longer than within.
func (c faultClient) waitReady(t *testing.T, within time.Duration, failure string) {
	t.Helper()
	for deadline := time.Now().Add(within); c.ready() != http.StatusOK; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal(failure)
		}
	}
}

// signToken signs a development token for the role; a candidate's subject
// is also their MSSC candidate ID.
func signToken(t *testing.T, secret string, role catalog.Role, subject string) string {
	t.Helper()
	dev := auth.DevToken{Subject: subject, Role: role, TTL: 24 * time.Hour}
	if role == catalog.RoleCandidate {
		dev.CandidateNumber = subject
	}
	tok, err := auth.SignDevToken(auth.Config{DevSecret: secret, Issuer: "recert-dev", Audience: "recert-api"}, dev, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// importLoadCandidates imports n CPT candidates, prefix-000 on, whose
// certifications expire in 30 days, so that each may start an application.
func importLoadCandidates(t *testing.T, c faultClient, staffToken, prefix string, n int) {
	t.Helper()
	expires := time.Now().UTC().AddDate(0, 0, 30)
	var csv strings.Builder
	csv.WriteString("candidate_id,name,email,program,certified_on,expires_on\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&csv, "%s-%03d,Load Tester %d,%s%d@example.com,CPT,%s,%s\n", prefix, i, i, strings.ToLower(prefix), i,
			expires.AddDate(-5, 0, 0).Format("2006-01-02"), expires.Format("2006-01-02"))
	}
	r, err := c.do(staffToken, `mutation($csv: String!) { importCandidates(input: {csv: $csv}) { createdCount rowErrors { message } } }`, map[string]any{"csv": csv.String()})
	if err != nil || r.code("importCandidates") != "" {
		t.Fatalf("importing candidates: %+v %v", r, err)
	}
}

// storedActivityTitles reads an application back as staff and counts
// its activities by title, so that a test can tell a lost write (0) from
// one applied twice (2).
func (c faultClient) storedActivityTitles(t *testing.T, staff, id string) map[string]int {
	t.Helper()
	r, err := c.do(staff, `query($id: ID!) { application(id: $id) { activities { title } } }`, map[string]any{"id": id})
	if err != nil || r.code("") != "" {
		t.Fatalf("reading %s back: %+v %v", id, r, err)
	}
	stored := map[string]int{}
	for _, a := range r.Data["application"].(map[string]any)["activities"].([]any) {
		stored[a.(map[string]any)["title"].(string)]++
	}
	return stored
}
