package apitest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mssc/recert/catalog/gormstore"
)

// BenchmarkBrowseThroughHandler measures the browse workload (the first 50
// certifications with their organization and recognition bases) through
// the real handler, with the response cache bypassed, in process.
func BenchmarkBrowseThroughHandler(b *testing.B) {
	e := newEnv(b, gormstore.DialectSQLite)
	body, _ := json.Marshal(map[string]any{"query": `{ certifications(first: 50) { nodes { displayName organization { name } recognitionBases } } }`})
	srv := e.handler
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Cache-Control", "no-cache")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}
