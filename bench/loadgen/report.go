package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// report collects the samples and prints the tables.
type report struct {
	opts          options
	catalogSize   int
	results       map[string]map[string][]sample // workload -> server key -> rounds
	order         []string
	rss           []memory
	growth        []growthRow
	writesSummary string
	loadBefore    string
	loadAfter     string
	requests      uint64
	failed        uint64
	failures      []string
}

type growthRow struct {
	factor, size int
	results      map[string][]sample
}

func (r *report) add(workload, serverKey string, s sample) {
	if r.results[workload] == nil {
		r.results[workload] = map[string][]sample{}
		r.order = append(r.order, workload)
	}
	r.results[workload][serverKey] = append(r.results[workload][serverKey], s)
}

func (r *report) addFailures(what, serverName string, s sample) {
	r.requests += s.Requests
	r.failed += s.Failed
	if s.Failed > 0 {
		r.failures = append(r.failures, fmt.Sprintf("%s on %s: %d of %d requests failed; first: %s", what, serverName, s.Failed, s.Requests, s.FirstFailure))
	}
}

// summary is the medians of a workload's rounds on one server.
type summary struct {
	ok              bool
	rps             float64
	p50, p99        time.Duration
	requests, fails uint64
}

func summarize(samples []sample) summary {
	if len(samples) == 0 {
		return summary{}
	}
	var rps []float64
	var p50, p99 []time.Duration
	var s summary
	for _, x := range samples {
		rps = append(rps, x.RPS)
		p50 = append(p50, x.P50)
		p99 = append(p99, x.P99)
		s.requests += x.Requests
		s.fails += x.Failed
	}
	s.ok = true
	s.rps = median(rps)
	s.p50, s.p99 = median(p50), median(p99)
	return s
}

func median[T float64 | time.Duration](xs []T) T {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

func latency(s summary) string {
	if !s.ok {
		return "—"
	}
	return fmt.Sprintf("%.2f / %.2f", ms(s.p50), ms(s.p99))
}

func rate(s summary) string {
	if !s.ok {
		return "—"
	}
	return fmt.Sprintf("%.0f", s.rps)
}

// target is one of the targets, as measured.
type target struct {
	name, measured string
	known, pass    bool
}

func (r *report) print(out io.Writer, servers []server) {
	p := func(format string, args ...any) { fmt.Fprintf(out, format, args...) }
	o := r.opts
	p("\n## make bench: this service (recert) and PostGraphile 4.14.1 with postgraphile-plugin-connection-filter 2.3.0\n\n")
	p("Same PostgreSQL database (%d certifications), %d connections, no client-side rate limit; %s of %s per workload and server, alternating which server goes first; medians of the rounds. Machine load average (1, 5, 15 min) before: %s, after: %s.\n\n",
		r.catalogSize, o.conns, plural(o.rounds, "round"), o.duration, r.loadBefore, r.loadAfter)
	p("| workload | recert req/s | PostGraphile req/s | ratio | recert p50 / p99 (ms) | PostGraphile p50 / p99 (ms) | requests (failed) |\n")
	p("|---|---:|---:|---:|---:|---:|---:|\n")
	sums := map[string][2]summary{}
	for _, w := range r.order {
		a, b := summarize(r.results[w]["recert"]), summarize(r.results[w]["pg"])
		sums[w] = [2]summary{a, b}
		ratio := "—"
		if a.ok && b.ok && b.rps > 0 {
			ratio = fmt.Sprintf("%.2fx", a.rps/b.rps)
		}
		p("| %s | %s | %s | %s | %s | %s | %d (%d) |\n", w, rate(a), rate(b), ratio, latency(a), latency(b), a.requests+b.requests, a.fails+b.fails)
	}
	if r.writesSummary != "" {
		p("\nwrites: %s.\n", r.writesSummary)
	}
	for _, w := range r.order {
		for _, k := range []string{"recert", "pg"} {
			for i, s := range r.results[w][k] {
				if s.Note != "" && w == "writes" {
					p("writes round %d: %s.\n", i+1, s.Note)
				}
			}
		}
	}

	p("\nRSS after load is read once both servers have been idle for %s; the peak is the high-water mark over the whole run.\n", r.opts.settle)
	p("\n| server | RSS after load (MiB) | peak RSS (MiB) | start to first answer (ms) |\n|---|---:|---:|---:|\n")
	mib := func(kb int64) float64 { return float64(kb) / 1024 }
	for i, srv := range servers {
		m := r.rss[i]
		if m.err != nil {
			p("| %s | unknown (%v) | — | %.1f |\n", srv.name, m.err, srv.startMs)
			continue
		}
		p("| %s | %.1f | %.1f | %.1f |\n", srv.name, mib(m.rssKB), mib(m.hwmKB), srv.startMs)
	}
	var rssRatio, startRatio float64
	haveMem := len(servers) == 2 && r.rss[0].err == nil && r.rss[1].err == nil && r.rss[1].rssKB > 0
	haveStart := len(servers) == 2 && servers[0].startMs > 0 && servers[1].startMs > 0
	if haveMem {
		rssRatio = float64(r.rss[0].rssKB) / float64(r.rss[1].rssKB)
	}
	if haveStart {
		startRatio = servers[0].startMs / servers[1].startMs
	}
	if len(servers) == 2 {
		p("| recert / PostGraphile | %.2fx | %s | %.2fx |\n", rssRatio, peakRatio(r.rss), startRatio)
	}

	var growthP99 [2]time.Duration
	var haveGrowth bool
	if len(r.growth) > 0 {
		p("\n### Growth: this service on larger catalogs (synthetic entries; %s of %s; medians)\n\n", plural(o.growthRounds, "round"), o.growthDuration)
		p("| catalog | certifications | browse req/s | browse p50 / p99 (ms) | search req/s | search p50 / p99 (ms) | checkCredential req/s | checkCredential p50 / p99 (ms) |\n")
		p("|---|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, g := range r.growth {
			b, s, c := summarize(g.results["browse"]), summarize(g.results["search"]), summarize(g.results["checkCredential"])
			p("| %dx | %d | %s | %s | %s | %s | %s | %s |\n", g.factor, g.size, rate(b), latency(b), rate(s), latency(s), rate(c), latency(c))
		}
		first, last := r.growth[0], r.growth[len(r.growth)-1]
		if first.factor == 1 && last.factor == 100 {
			growthP99 = [2]time.Duration{summarize(first.results["browse"]).p99, summarize(last.results["browse"]).p99}
			haveGrowth = growthP99[0] > 0
			for _, w := range []string{"browse", "search", "checkCredential"} {
				a, b := summarize(first.results[w]), summarize(last.results[w])
				if a.ok && b.ok && a.p99 > 0 {
					p("\n%s p99 from 1x to 100x: %.2f ms → %.2f ms (%.2fx)", w, ms(a.p99), ms(b.p99), float64(b.p99)/float64(a.p99))
				}
			}
			p("\n")
		}
	}

	var targets []target
	ratioTarget := func(name, w string, want float64) {
		s := sums[w]
		t := target{name: name, known: s[0].ok && s[1].ok && s[1].rps > 0}
		if t.known {
			x := s[0].rps / s[1].rps
			t.measured, t.pass = fmt.Sprintf("%.2fx", x), x >= want
		}
		targets = append(targets, t)
	}
	ratioTarget("browse: req/s at least 10x PostGraphile's", "browse", 10)
	{
		s := sums["browse"][0]
		t := target{name: "browse: p99 at or under 10 ms", known: s.ok}
		if t.known {
			t.measured, t.pass = fmt.Sprintf("%.2f ms", ms(s.p99)), s.p99 <= 10*time.Millisecond
		}
		targets = append(targets, t)
	}
	ratioTarget("browse uncached: req/s at least 1.5x PostGraphile's", "browse-uncached", 1.5)
	ratioTarget("search: req/s at least 2x PostGraphile's filter", "search", 2)
	targets = append(targets, target{name: "RSS after load at most 0.4x PostGraphile's", known: haveMem,
		measured: fmt.Sprintf("%.2fx", rssRatio), pass: haveMem && rssRatio <= 0.4})
	targets = append(targets, target{name: "start to first answer at most 0.2x PostGraphile's", known: haveStart,
		measured: fmt.Sprintf("%.2fx", startRatio), pass: haveStart && startRatio <= 0.2})
	{
		t := target{name: "browse p99 grows at most 2x from 1x to 100x catalog", known: haveGrowth}
		if haveGrowth {
			x := float64(growthP99[1]) / float64(growthP99[0])
			t.measured, t.pass = fmt.Sprintf("%.2fx (%.2f → %.2f ms)", x, ms(growthP99[0]), ms(growthP99[1])), x <= 2
		}
		targets = append(targets, t)
	}
	p("\n### Targets (reported, not enforced: make bench fails only on failed requests or lost writes)\n\n| target | measured | result |\n|---|---:|---|\n")
	passed, missed, unknown := 0, 0, 0
	for _, t := range targets {
		result := "not measured"
		switch {
		case !t.known:
			unknown++
			t.measured = "—"
		case t.pass:
			result = "PASS"
			passed++
		default:
			result = "FAIL"
			missed++
		}
		p("| %s | %s | %s |\n", t.name, t.measured, result)
	}
	p("\n")
	for _, t := range targets {
		switch {
		case !t.known:
			p("NOT MEASURED %s\n", t.name)
		case t.pass:
			p("PASS %s: %s\n", t.name, t.measured)
		default:
			p("FAIL %s: %s\n", t.name, t.measured)
		}
	}
	p("targets: %d passed, %d failed", passed, missed)
	if unknown > 0 {
		p(", %d not measured", unknown)
	}
	p("\n\n")
	if len(r.failures) > 0 {
		p("FAILED: %d of %d requests failed or writes did not count back:\n", r.failed, r.requests)
		for _, f := range r.failures {
			p("  - %s\n", f)
		}
		return
	}
	p("OK: %d requests, none failed; %s\n", r.requests, strings.TrimSuffix(orDash(r.writesSummary), "."))
}

func peakRatio(m []memory) string {
	if len(m) != 2 || m[0].err != nil || m[1].err != nil || m[1].hwmKB == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2fx", float64(m[0].hwmKB)/float64(m[1].hwmKB))
}

func orDash(s string) string {
	if s == "" {
		return "no writes"
	}
	return s
}
