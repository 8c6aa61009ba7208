package apitest

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// Apollo's persisted-query link sends the hash alone by POST, as JSON
// with no `query`: an unknown hash asks for the text, the text with the
// hash registers it, and the hash alone is then answered; a body with
// neither a query nor a hash is still refused.
func TestAPersistedQueryHashAloneIsAnsweredByPost(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		const query = `{ certifications(first: 2) { nodes { key } } }`
		ext := fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":"%x"}}`, sha256.Sum256([]byte(query)))
		post := func(body string) rawResponse {
			return e.send(t, nil, http.MethodPost, "/graphql", strings.NewReader(body), "Content-Type", "application/json")
		}
		if r := post(`{"extensions":` + ext + `}`).json(t); r.code(t) != "PERSISTED_QUERY_NOT_FOUND" {
			t.Fatalf("an unknown hash by POST answered %s", r.Raw)
		}
		registered := post(fmt.Sprintf(`{"query":%q,"extensions":%s}`, query, ext)).json(t)
		again := post(`{"query":null,"extensions":` + ext + `}`).json(t)
		if nodes, _ := get(again.Data, "certifications", "nodes").([]any); len(registered.Errors) > 0 || len(again.Errors) > 0 || len(nodes) != 2 || mustJSON(t, again.Data) != mustJSON(t, registered.Data) {
			t.Fatalf("the hash alone by POST answered %s after registering with %s", again.Raw, registered.Raw)
		}
		for _, body := range []string{`{"extensions":{"persistedQuery":{}}}`, `{"extensions":{"persistedQuery":{"version":2,"sha256Hash":"ab"}}}`} {
			if r := post(body); r.Status >= 500 || !strings.Contains(r.Body, `"errors"`) {
				t.Errorf("%s answered %d %s, want a GraphQL error", body, r.Status, r.Body)
			}
		}
		for _, body := range []string{`{}`, `{"extensions":{}}`, `{"query":""}`} {
			if r := post(body); r.Status != http.StatusBadRequest || !strings.Contains(r.Body, "`query` parameter is required") {
				t.Errorf("%s answered %d %s, want 400 saying the query is required", body, r.Status, r.Body)
			}
		}
	})
}
