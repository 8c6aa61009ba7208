package main

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

// checkQuery asks whether a credential counts, anonymously: its answer
// depends on the catalog and on the open catalog reviews.
const checkQuery = `{ checkCredential(input: {text: "Certified Sprocket Juggler"}) { verdict } }`

// TestACheckAnswerNeverOutlivesAnOpenedReview warms the response cache and
// the answer memo with an anonymous NOT_LISTED answer, as a POST and as a
// GET, then has a candidate submit that certification for catalog review:
// the very next anonymous check answers UNDER_REVIEW, not the kept answer.
func TestACheckAnswerNeverOutlivesAnOpenedReview(t *testing.T) {
	base, _ := startService(t, map[string]string{"AUTH_DEV_SECRET": cacheTestSecret})
	post := func() cacheReply { return cachePost(t, base, "", graphQLBody(t, checkQuery, nil), nil) }
	get := func() cacheReply { return cacheGet(t, base+"/graphql?query="+url.QueryEscape(checkQuery), nil) }
	for _, send := range []func() cacheReply{post, get} {
		if before := warmCache(t, base, send); !strings.Contains(string(before.body), `"NOT_LISTED"`) {
			t.Fatalf("before the review: %s", before.body)
		}
	}
	submitForReview(t, base, cacheToken(t, catalog.RoleCandidate, "C-7701", "C-7701"), "Certified Sprocket Juggler")
	for name, send := range map[string]func() cacheReply{"POST": post, "GET": get} {
		if after := send(); !strings.Contains(string(after.body), `"UNDER_REVIEW"`) {
			t.Errorf("%s after the review opened: %s", name, after.body)
		}
	}
}

// submitForReview submits a certification for catalog review through the
// service's multipart upload, as the web app does.
func submitForReview(t *testing.T, base, token, name string) {
	t.Helper()
	ids := cachePost(t, base, "", graphQLBody(t, `{ keyActivities(program: CPT) { id } }`, nil), nil)
	var activities struct {
		Data struct {
			KeyActivities []struct{ ID string } `json:"keyActivities"`
		} `json:"data"`
	}
	if err := json.Unmarshal(ids.body, &activities); err != nil || len(activities.Data.KeyActivities) == 0 {
		t.Fatalf("key activities: %s", ids.body)
	}
	operations, err := json.Marshal(map[string]any{
		"query": `mutation($in: SubmitCertificationForReviewInput!) { submitCertificationForReview(input: $in) { review { status } userErrors { message } } }`,
		"variables": map[string]any{"in": map[string]any{
			"certificationName":    name,
			"organization":         map[string]any{"name": "Sprocket Juggling Board", "url": "https://sprockets.example.org"},
			"copy":                 nil,
			"trainingRequirements": "40 hours of training and a practical exam",
			"keyActivityIds":       []string{activities.Data.KeyActivities[0].ID},
			"earningMethods":       []string{"WRITTEN_ASSESSMENT"},
			"recognition":          []string{"NATIONAL"},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	_ = form.WriteField("operations", string(operations))
	_ = form.WriteField("map", `{"0": ["variables.in.copy"]}`)
	part, _ := form.CreateFormFile("0", "copy.pdf")
	_, _ = part.Write([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))
	_ = form.Close()
	req, err := http.NewRequest(http.MethodPost, base+"/graphql", &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", form.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	r := cacheDo(t, req, nil)
	if r.status != http.StatusOK || !strings.Contains(string(r.body), `"PENDING"`) {
		t.Fatalf("submitting %q for review: %d %s", name, r.status, r.body)
	}
}
