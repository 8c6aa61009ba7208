package observe

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Every metric the README's table lists is scraped from /metrics with the
// type the table gives it, and every histogram's buckets count
// cumulatively up to le="+Inf"; the operation latency keeps its bounds.
func TestMetricsListedInTheREADMEAreScraped(t *testing.T) {
	m := NewMetrics(sql.OpenDB(noDatabase{}), func() (int64, int64) { return 3, 4 })
	m.Shared(func() string { return "up" }, func() (int64, int64) { return 5, 6 })
	m.RateLimited()
	for _, d := range []time.Duration{100 * time.Microsecond, 3 * time.Millisecond, 300 * time.Millisecond, 20 * time.Second} {
		m.record(context.Background(), "q", "query:certifications", "ok", d)
	}
	m.record(context.Background(), "q", `query:"odd\name`, "NOT_FOUND", time.Millisecond)

	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if got := rec.Header().Get("Content-Type"); got != "text/plain; version=0.0.4; charset=utf-8" {
		t.Errorf("Content-Type %q", got)
	}
	scraped := parseExposition(t, rec.Body.String())

	listed := readmeMetrics(t)
	if len(listed) < 10 {
		t.Fatalf("the README's metrics table lists only %d metrics", len(listed))
	}
	for name, typ := range listed {
		if scraped.types[name] != typ {
			t.Errorf("%s: # TYPE %q, the README says %q", name, scraped.types[name], typ)
		}
		if !slices.ContainsFunc(scraped.samples, func(s sample) bool { return s.family() == name }) {
			t.Errorf("%s: no sample", name)
		}
	}

	for family, typ := range scraped.types {
		if typ == "histogram" {
			checkHistogram(t, scraped, family)
		}
	}
	want := []string{"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"}
	if got := scraped.bounds(operationDuration, `operation="query:certifications"`); !slices.Equal(got, want) {
		t.Errorf("operation latency buckets %v, want %v", got, want)
	}
	for _, line := range []string{
		`recert_graphql_operation_duration_seconds_count{operation="query:certifications"} 4`,
		`recert_graphql_operations_total{operation="query:\"odd\\name",outcome="NOT_FOUND"} 1`,
		"recert_response_cache_misses_total 4",
		"recert_replica_fallback_reads_total 6",
		"recert_shared_budgets_up 1",
		"# HELP recert_rate_limited_requests_total Requests refused with 429 because the client's cost budget was spent.",
	} {
		if !strings.Contains(rec.Body.String(), line+"\n") {
			t.Errorf("/metrics lacks the line %s", line)
		}
	}
}

// checkHistogram checks that each series of a histogram family counts
// cumulatively, ends with le="+Inf" and, where it has a _count, that the
// last bucket holds all of it.
func checkHistogram(t *testing.T, e exposition, family string) {
	t.Helper()
	counts := map[string][]float64{}
	for _, s := range e.samples {
		if s.name == family+"_bucket" {
			counts[s.series()] = append(counts[s.series()], s.value)
		}
	}
	if len(counts) == 0 {
		t.Errorf("histogram %s has no buckets", family)
	}
	for series, c := range counts {
		if !slices.IsSorted(c) {
			t.Errorf("%s{%s}: buckets %v are not cumulative", family, series, c)
		}
		if b := e.bounds(family, series); b[len(b)-1] != "+Inf" {
			t.Errorf("%s{%s}: the last bucket is le=%q", family, series, b[len(b)-1])
		}
		for _, s := range e.samples {
			if s.name == family+"_count" && s.series() == series && s.value != c[len(c)-1] {
				t.Errorf("%s{%s}: _count %v, le=\"+Inf\" %v", family, series, s.value, c[len(c)-1])
			}
		}
	}
}

// readmeMetrics reads the README's table of metrics: each name of its
// first column, with the type in its second.
func readmeMetrics(t *testing.T) map[string]string {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(readme), "| metric | type | labels |")
	if !ok {
		t.Fatal("the README has no table of metrics")
	}
	table, _, _ = strings.Cut(table, "\n\n")
	listed := map[string]string{}
	name := regexp.MustCompile("`([a-z_]+)`")
	for _, row := range strings.Split(table, "\n")[2:] {
		cells := strings.Split(row, "|")
		if len(cells) < 4 {
			t.Fatalf("a row of the metrics table has too few cells: %q", row)
		}
		for _, n := range name.FindAllStringSubmatch(cells[1], -1) {
			listed[n[1]] = strings.TrimSpace(cells[2])
		}
	}
	return listed
}

// exposition is a scrape in the Prometheus text format: each family's
// type and every sample.
type exposition struct {
	types   map[string]string
	samples []sample
}

// sample is one line of values: its name, what stood between its braces,
// and its value.
type sample struct {
	name, labels string
	value        float64
}

var lePair = regexp.MustCompile(`,?\s*le="([^"]*)"`)

// series is the sample's labels without its bucket bound.
func (s sample) series() string {
	return strings.TrimPrefix(lePair.ReplaceAllString(s.labels, ""), ",")
}

// family is the metric family a sample belongs to: its name, less the
// suffix of a histogram's or summary's parts.
func (s sample) family() string {
	for _, suffix := range []string{"_bucket", "_sum", "_count"} {
		if f, ok := strings.CutSuffix(s.name, suffix); ok {
			return f
		}
	}
	return s.name
}

// bounds lists the le bounds of one series of a histogram, in order.
func (e exposition) bounds(family, series string) []string {
	var le []string
	for _, s := range e.samples {
		if s.name == family+"_bucket" && s.series() == series {
			le = append(le, lePair.FindStringSubmatch(s.labels)[1])
		}
	}
	return le
}

// parseExposition reads a scrape, failing on a line it cannot read.
func parseExposition(t *testing.T, text string) exposition {
	t.Helper()
	e := exposition{types: map[string]string{}}
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
		if typ, ok := strings.CutPrefix(line, "# TYPE "); ok {
			f := strings.Fields(typ)
			e.types[f[0]] = f[1]
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cut := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[cut+1:], 64)
		if cut < 0 || err != nil {
			t.Fatalf("unreadable sample %q", line)
		}
		s := sample{name: line[:cut], value: v}
		if name, labels, ok := strings.Cut(s.name, "{"); ok {
			s.name, s.labels = name, strings.TrimSuffix(labels, "}")
		}
		e.samples = append(e.samples, s)
	}
	return e
}

// noDatabase is a database connector that never connects: the pool's
// figures are all the metrics ask of it.
type noDatabase struct{}

func (noDatabase) Connect(context.Context) (driver.Conn, error) {
	return nil, errors.New("no database")
}
func (noDatabase) Driver() driver.Driver { return nil }
