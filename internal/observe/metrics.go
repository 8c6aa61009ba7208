// Package observe makes the service visible to operators: Prometheus
// metrics, one structured log line per request, and health checks.
package observe

import (
	"context"
	"database/sql"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/ast"
)

// Metrics are the service's Prometheus metrics.
type Metrics struct {
	registry    *prometheus.Registry
	requests    *prometheus.CounterVec
	duration    *prometheus.HistogramVec
	rateLimited prometheus.Counter
}

// NewMetrics registers the metrics: the Go runtime and process, the
// database pool, the response cache's hits and misses (from cacheStats),
// GraphQL operations by name and outcome with their latency, and
// rate-limited requests.
func NewMetrics(db *sql.DB, cacheStats func() (hits, misses int64)) *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "recert_graphql_operations_total", Help: "GraphQL operations by operation type and root field, and outcome (ok or the error code).",
		}, []string{"operation", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "recert_graphql_operation_duration_seconds", Help: "GraphQL operation latency by operation type and root field.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"operation"}),
		rateLimited: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "recert_rate_limited_requests_total", Help: "Requests refused with 429 because the client's cost budget was spent.",
		}),
	}
	m.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.requests, m.duration, m.rateLimited)
	if db != nil {
		m.registry.MustRegister(collectors.NewDBStatsCollector(db, "recert"))
	}
	if cacheStats != nil {
		m.registry.MustRegister(
			prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "recert_response_cache_hits_total", Help: "Responses served from the response cache."},
				func() float64 { h, _ := cacheStats(); return float64(h) }),
			prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "recert_response_cache_misses_total", Help: "Cacheable responses computed because they were not cached."},
				func() float64 { _, miss := cacheStats(); return float64(miss) }),
		)
	}
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// Shared registers the gauges of a deployment of several instances:
// whether the shared budgets' Redis answers (1), does not (0, each
// process keeping its own budgets) or is not configured (absent), and
// the reads sent to a replica or, none being healthy, to the primary.
func (m *Metrics) Shared(redisState func() string, replicaReads func() (replica, primary int64)) {
	if redisState() != "off" {
		m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "recert_shared_budgets_up", Help: "1 while the budgets are shared in Redis, 0 while Redis is unreachable and each process keeps its own.",
		}, func() float64 {
			if redisState() == "up" {
				return 1
			}
			return 0
		}))
	}
	m.registry.MustRegister(
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "recert_replica_reads_total", Help: "Database reads routed to a read replica."},
			func() float64 { r, _ := replicaReads(); return float64(r) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "recert_replica_fallback_reads_total", Help: "Database reads routed to the primary because no replica was healthy."},
			func() float64 { _, p := replicaReads(); return float64(p) }),
	)
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
	m.requests.WithLabelValues(label, outcome).Inc()
	m.duration.WithLabelValues(label).Observe(d.Seconds())
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
