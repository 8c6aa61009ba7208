package apitest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/httpapi"
	"github.com/mssc/recert/internal/testdb"
)

// BenchmarkCachedCatalogPage measures an anonymous catalog page (the first
// 50 certifications with their organization) answered from memory through
// the real handler, as the server mounts it: "memo" is the exact request
// again, answered whole by the answer memo before it is parsed;
// "responseCache" turns the memo off, so that the response cache answers
// it after the document is taken from the query cache and keyed.
func BenchmarkCachedCatalogPage(b *testing.B) {
	for _, bench := range []struct {
		name string
		memo int
	}{{"memo", 2048}, {"responseCache", 0}} {
		b.Run(bench.name, func(b *testing.B) {
			counter := &gormstore.StatementCounter{}
			e := newEnvOn(b, testdb.OpenSeeded(b, gormstore.DialectSQLite, counter), counter, func(cfg *httpapi.Config) {
				cfg.AnswerEntries = bench.memo
			})
			cache, srv := e.cache, e.handler
			body, _ := json.Marshal(map[string]any{"query": `{ certifications(first: 50) { nodes { displayName organization { name } recognitionBases } } }`})
			serve := func() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d: %s", rec.Code, rec.Body)
				}
			}
			serve()
			hits, _ := cache.Stats()
			serve()
			if now, _ := cache.Stats(); now == hits {
				b.Fatal("the second identical catalog read was not a cache hit")
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				serve()
			}
		})
	}
}
