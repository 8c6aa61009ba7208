// Package observe makes the service visible to operators: Prometheus
// metrics, one structured log line per request, and health checks.
package observe

import (
	"context"
	"database/sql"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/VictoriaMetrics/metrics"
	"github.com/vektah/gqlparser/v2/ast"
)

// Metric names the handler writes and the tests and README name.
const (
	operationsTotal   = "recert_graphql_operations_total"
	operationDuration = "recert_graphql_operation_duration_seconds"
)

// durationBuckets are the upper bounds, in seconds, of the operation
// latency histogram's buckets.
var durationBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// Metrics are the service's Prometheus metrics, held in a metrics set of
// their own (never the library's global one), so that each server, and
// each test, counts apart.
type Metrics struct {
	set         *metrics.Set
	help        helpTexts
	rateLimited *metrics.Counter
}

// NewMetrics registers the metrics: the Go runtime and process, the
// database pool, the response cache's hits and misses (from cacheStats),
// GraphQL operations by name and outcome with their latency, and
// rate-limited requests.
func NewMetrics(db *sql.DB, cacheStats func() (hits, misses int64)) *Metrics {
	// The library's switch for # HELP and # TYPE lines is process-wide;
	// this service is its only user.
	metrics.ExposeMetadata(true)
	m := &Metrics{set: metrics.NewSet()}
	m.help.describe(operationsTotal, "GraphQL operations by operation type and root field, and outcome (ok or the error code).")
	m.help.describe(operationDuration, "GraphQL operation latency by operation type and root field.")
	m.help.describe("recert_rate_limited_requests_total", "Requests refused with 429 because the client's cost budget was spent.")
	m.rateLimited = m.set.NewCounter("recert_rate_limited_requests_total")
	m.set.RegisterMetricsWriter(writeRuntime)
	if db != nil {
		m.databasePool(db)
	}
	if cacheStats != nil {
		m.counterFunc("recert_response_cache_hits_total", "Responses served from the response cache.",
			func() int64 { h, _ := cacheStats(); return h })
		m.counterFunc("recert_response_cache_misses_total", "Cacheable responses computed because they were not cached.",
			func() int64 { _, miss := cacheStats(); return miss })
	}
	return m
}

// Shared registers the gauges of a deployment of several instances:
// whether the shared budgets' Redis answers (1), does not (0, each
// process keeping its own budgets) or is not configured (absent), and
// the reads sent to a replica or, none being healthy, to the primary.
func (m *Metrics) Shared(redisState func() string, replicaReads func() (replica, primary int64)) {
	if redisState() != "off" {
		m.help.describe("recert_shared_budgets_up", "1 while the budgets are shared in Redis, 0 while Redis is unreachable and each process keeps its own.")
		m.set.NewGauge("recert_shared_budgets_up", func() float64 {
			if redisState() == "up" {
				return 1
			}
			return 0
		})
	}
	m.counterFunc("recert_replica_reads_total", "Database reads routed to a read replica.",
		func() int64 { r, _ := replicaReads(); return r })
	m.counterFunc("recert_replica_fallback_reads_total", "Database reads routed to the primary because no replica was healthy.",
		func() int64 { _, p := replicaReads(); return p })
}

// RateLimited counts one request refused for its spent budget.
func (m *Metrics) RateLimited() { m.rateLimited.Inc() }

// Extension is the gqlgen extension that counts and times operations.
func (m *Metrics) Extension() graphql.HandlerExtension { return operationMetrics{m} }

type operationMetrics struct{ m *Metrics }

func (operationMetrics) ExtensionName() string                   { return "OperationMetrics" }
func (operationMetrics) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse records the operation's name, outcome and latency, and
// tells the request log which operation it was.
func (o operationMetrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	start := time.Now()
	resp := next(ctx)
	name := OperationName(ctx)
	label := RootField(ctx)
	outcome := "ok"
	if resp != nil && len(resp.Errors) > 0 {
		outcome = "error"
		if code, ok := resp.Errors[0].Extensions["code"].(string); ok {
			outcome = code
		}
	}
	o.m.record(ctx, name, label, outcome, time.Since(start))
	return resp
}

// record counts and times one operation and tells the request log which
// operation it was.
func (m *Metrics) record(ctx context.Context, name, label, outcome string, d time.Duration) {
	m.set.GetOrCreateCounter(series(operationsTotal, "operation", label, "outcome", outcome)).Inc()
	m.set.GetOrCreatePrometheusHistogramExt(series(operationDuration, "operation", label), durationBuckets).Update(d.Seconds())
	if l, _ := ctx.Value(logKey{}).(*requestLog); l != nil {
		l.operation.Store(&name)
		l.outcome.Store(&outcome)
	}
}

// Answered records an operation answered without the GraphQL executor (a
// whole answer kept from an earlier request): its name and root field, as
// OperationName and RootField gave them when it ran, its outcome and how
// long answering took. It records nothing outside a request that Log
// serves.
func Answered(ctx context.Context, name, label, outcome string, d time.Duration) {
	if l, _ := ctx.Value(logKey{}).(*requestLog); l != nil && l.metrics != nil {
		l.metrics.record(ctx, name, label, outcome, d)
	}
}

// OperationName names the operation of ctx: its name, or its type and
// first root field for an anonymous operation.
func OperationName(ctx context.Context) string {
	if rc := graphql.GetOperationContext(ctx); rc != nil && rc.Operation != nil && rc.Operation.Name != "" {
		return rc.Operation.Name
	}
	return RootField(ctx)
}

// RootField names the operation by its type and first root field, never
// by the client's chosen name, so that metric labels stay few.
func RootField(ctx context.Context) string {
	rc := graphql.GetOperationContext(ctx)
	if rc == nil || rc.Operation == nil {
		return "unknown"
	}
	for _, sel := range rc.Operation.SelectionSet {
		if f, ok := sel.(*ast.Field); ok {
			return string(rc.Operation.Operation) + ":" + f.Name
		}
	}
	return string(rc.Operation.Operation)
}

// requestLog is what a request's log line learns while it is served.
type requestLog struct {
	// metrics, when set, counts the operations answered outside gqlgen.
	metrics   *Metrics
	operation atomic.Pointer[string]
	outcome   atomic.Pointer[string]
}

type logKey struct{}
