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

func (c faultClient) do(token, query string, vars map[string]any) (gqlReply, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := c.http.Do(req)
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

func (c faultClient) ready() int {
	res, err := c.http.Get(c.base + "/readyz")
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
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
