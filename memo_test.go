package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// costOf returns extensions.cost of a GraphQL answer.
func costOf(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var decoded struct {
		Extensions struct {
			Cost map[string]any `json:"cost"`
		} `json:"extensions"`
	}
	if err := json.Unmarshal(body, &decoded); err != nil {
		t.Fatalf("not JSON: %s", body)
	}
	return decoded.Extensions.Cost
}

// TestRepeatedCatalogReadsAreAnsweredWhole runs the whole
// service with a budget of 10 points and sends one anonymous catalog read
// again and again, as one client. Once its answer is kept, each repeat is
// answered whole, before parsing: with the same data, the client's own
// budget in the headers and extensions.cost, nothing charged, and counted
// in the metrics; each response type and method keeps its own answer. A
// client whose budget is spent still gets the kept answer, which costs
// nothing, and is refused anything new.
func TestRepeatedCatalogReadsAreAnsweredWhole(t *testing.T) {
	base, _ := startService(t, map[string]string{"RATE_LIMIT_BUDGET": "10", "MAX_COST": "10", "RATE_LIMIT_RESTORE": "0.001"})
	const read = `{"query":"{ certifications(first: 2) { totalCount nodes { displayName } } }"}`

	ask := func(body string, headers map[string]string) cacheReply {
		return cachePost(t, base, "", []byte(body), headers)
	}
	first := ask(read, nil)
	firstCost := costOf(t, first.body)
	if first.status != 200 || firstCost["actual"] != 1.0 || first.header.Get("X-RateLimit-Remaining") != "9" {
		t.Fatalf("the first read: %d %v %s", first.status, first.header, first.body)
	}
	for i := range 5 {
		again := ask(read, nil)
		cost := costOf(t, again.body)
		if again.status != 200 || dataOf(t, again.body) != dataOf(t, first.body) {
			t.Fatalf("repeat %d answered %d %s, the first %s", i, again.status, again.body, first.body)
		}
		if cost["actual"] != 0.0 || cost["requested"] != firstCost["requested"] || cost["remaining"] != 9.0 ||
			again.header.Get("X-RateLimit-Remaining") != "9" || again.header.Get("X-Request-Id") == "" {
			t.Fatalf("repeat %d: cost %v, headers %v", i, cost, again.header)
		}
		if again.header.Get("Content-Length") == "" || !strings.HasPrefix(again.header.Get("Content-Type"), "application/json") {
			t.Fatalf("repeat %d: headers %v", i, again.header)
		}
	}
	if hits := cacheHits(t, base); hits != 5 {
		t.Errorf("cache hits: %v, want 5", hits)
	}
	if ops := metricValue(t, base, `recert_graphql_operations_total{operation="query:certifications",outcome="ok"}`); ops != 6 {
		t.Errorf("operations counted: %v, want 6", ops)
	}

	// The other response type is kept apart, and answered in its own type.
	typed := ask(read, map[string]string{"Accept": "application/graphql-response+json"})
	if typed.status != 200 || !strings.HasPrefix(typed.header.Get("Content-Type"), "application/graphql-response+json") {
		t.Fatalf("graphql-response+json: %d %v", typed.status, typed.header)
	}

	// A GET of the same read is its own request, kept apart from the POST.
	get := base + "/graphql?query=" + url.QueryEscape(`{ certifications(first: 2) { totalCount nodes { displayName } } }`)
	for range 2 {
		if got := cacheGet(t, get, nil); got.status != 200 || dataOf(t, got.body) != dataOf(t, first.body) {
			t.Fatalf("GET: %d %s", got.status, got.body)
		}
	}

	// Spend the budget with reads the memo does not know. The kept read
	// costs nothing, so it is still answered, as the response cache
	// answers its hits, with the spent budget in its headers.
	for i := 0; ; i++ {
		r := ask(fmt.Sprintf(`{"query":"{ v%d: catalogVersion }"}`, i), nil)
		if r.status == http.StatusTooManyRequests {
			break
		}
		if i > 30 {
			t.Fatalf("the budget of 10 was never spent: %d %s", r.status, r.body)
		}
	}
	spent := ask(read, nil)
	if spent.status != 200 || dataOf(t, spent.body) != dataOf(t, first.body) || costOf(t, spent.body)["actual"] != 0.0 ||
		spent.header.Get("X-RateLimit-Remaining") != "0" {
		t.Fatalf("a kept read with the budget spent: %d %v %s", spent.status, spent.header, spent.body)
	}
	if r := ask(`{"query":"{ spent: catalogVersion }"}`, nil); r.status != http.StatusTooManyRequests {
		t.Fatalf("a new read with the budget spent: %d %s", r.status, r.body)
	}
}
