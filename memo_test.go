package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// memoAnswer is one answer as the tests of the answer memo read it.
type memoAnswer struct {
	status int
	header http.Header
	body   string
	cost   map[string]any
}

// ask sends body to the service's /graphql endpoint by POST with the
// headers given as name, value pairs.
func ask(t *testing.T, base, body string, headers ...string) memoAnswer {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) memoAnswer {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var decoded struct {
		Extensions struct {
			Cost map[string]any `json:"cost"`
		} `json:"extensions"`
	}
	if err := json.Unmarshal(raw, &decoded); err != nil {
		t.Fatalf("not JSON: %d %s", resp.StatusCode, raw)
	}
	return memoAnswer{status: resp.StatusCode, header: resp.Header, body: string(raw), cost: decoded.Extensions.Cost}
}

// metric returns the line of the named sample in /metrics, or "".
func metric(t *testing.T, base, sample string) string {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, sample+" ") {
			return line
		}
	}
	return ""
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

	first := ask(t, base, read)
	if first.status != 200 || first.cost["actual"] != 1.0 || first.header.Get("X-RateLimit-Remaining") != "9" {
		t.Fatalf("the first read: %d %v %s", first.status, first.header, first.body)
	}
	for i := range 5 {
		again := ask(t, base, read)
		if again.status != 200 || dataOf(t, []byte(again.body)) != dataOf(t, []byte(first.body)) {
			t.Fatalf("repeat %d answered %d %s, the first %s", i, again.status, again.body, first.body)
		}
		if again.cost["actual"] != 0.0 || again.cost["requested"] != first.cost["requested"] || again.cost["remaining"] != 9.0 ||
			again.header.Get("X-RateLimit-Remaining") != "9" || again.header.Get("X-Request-Id") == "" {
			t.Fatalf("repeat %d: cost %v, headers %v", i, again.cost, again.header)
		}
		if again.header.Get("Content-Length") == "" || !strings.HasPrefix(again.header.Get("Content-Type"), "application/json") {
			t.Fatalf("repeat %d: headers %v", i, again.header)
		}
	}
	if line := metric(t, base, "recert_response_cache_hits_total"); line != "recert_response_cache_hits_total 5" {
		t.Errorf("cache hits: %q, want 5", line)
	}
	if line := metric(t, base, `recert_graphql_operations_total{operation="query:certifications",outcome="ok"}`); !strings.HasSuffix(line, " 6") {
		t.Errorf("operations counted: %q, want 6", line)
	}

	// The other response type is kept apart, and answered in its own type.
	typed := ask(t, base, read, "Accept", "application/graphql-response+json")
	if typed.status != 200 || !strings.HasPrefix(typed.header.Get("Content-Type"), "application/graphql-response+json") {
		t.Fatalf("graphql-response+json: %d %v", typed.status, typed.header)
	}

	// A GET of the same read is its own request, kept apart from the POST.
	get := base + "/graphql?query=" + url.QueryEscape(`{ certifications(first: 2) { totalCount nodes { displayName } } }`)
	for range 2 {
		req, _ := http.NewRequest(http.MethodGet, get, nil)
		if got := do(t, req); got.status != 200 || dataOf(t, []byte(got.body)) != dataOf(t, []byte(first.body)) {
			t.Fatalf("GET: %d %s", got.status, got.body)
		}
	}

	// Spend the budget with reads the memo does not know. The kept read
	// costs nothing, so it is still answered, as the response cache
	// answers its hits, with the spent budget in its headers.
	for i := 0; ; i++ {
		r := ask(t, base, fmt.Sprintf(`{"query":"{ v%d: catalogVersion }"}`, i))
		if r.status == http.StatusTooManyRequests {
			break
		}
		if i > 30 {
			t.Fatalf("the budget of 10 was never spent: %d %s", r.status, r.body)
		}
	}
	spent := ask(t, base, read)
	if spent.status != 200 || dataOf(t, []byte(spent.body)) != dataOf(t, []byte(first.body)) || spent.cost["actual"] != 0.0 ||
		spent.header.Get("X-RateLimit-Remaining") != "0" {
		t.Fatalf("a kept read with the budget spent: %d %v %s", spent.status, spent.header, spent.body)
	}
	if r := ask(t, base, `{"query":"{ spent: catalogVersion }"}`); r.status != http.StatusTooManyRequests {
		t.Fatalf("a new read with the budget spent: %d %s", r.status, r.body)
	}
}
