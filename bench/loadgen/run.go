package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// server is one of the two servers under load.
type server struct {
	key, name string
	url       string
	pid       int
	startMs   float64
}

// workload is one kind of load; run is set for each server it applies to.
type workload struct {
	name, title string
	run         map[string]func(d time.Duration) sample
	warm        bool // warm up before the first round
}

// options are the settings of a run, from flags with BENCH_* defaults.
type options struct {
	recert, pg       server
	db               string
	duration, warmup time.Duration
	rounds, conns    int
	growthDuration   time.Duration
	settle           time.Duration
	growthRounds     int
	growthFactors    []int
	workloads        map[string]bool
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func cmdRun(args []string) error {
	var o options
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.StringVar(&o.recert.url, "recert", "", "this service's GraphQL endpoint")
	fs.IntVar(&o.recert.pid, "recert-pid", 0, "this service's process ID, for its RSS")
	fs.Float64Var(&o.recert.startMs, "recert-start-ms", 0, "this service's time from start to first answer")
	fs.StringVar(&o.pg.url, "postgraphile", "", "PostGraphile's GraphQL endpoint; empty to load this service only")
	fs.IntVar(&o.pg.pid, "postgraphile-pid", 0, "PostGraphile's process ID, for its RSS")
	fs.Float64Var(&o.pg.startMs, "postgraphile-start-ms", 0, "PostGraphile's time from start to first answer")
	fs.StringVar(&o.db, "db", "", "the benchmark database's URL, for the growth table; empty to skip it")
	dur := fs.String("duration", envOr("BENCH_DURATION", "10s"), "the length of one round of one workload on one server (BENCH_DURATION)")
	warm := fs.String("warmup", envOr("BENCH_WARMUP", "2s"), "the unrecorded warm-up of each workload on each server (BENCH_WARMUP)")
	rounds := fs.String("rounds", envOr("BENCH_ROUNDS", "3"), "rounds, alternating the servers (BENCH_ROUNDS)")
	conns := fs.String("connections", envOr("BENCH_CONNECTIONS", "16"), "concurrent connections (BENCH_CONNECTIONS)")
	settle := fs.String("settle", envOr("BENCH_SETTLE", "2s"), "how long both servers are left idle before their RSS is read (BENCH_SETTLE)")
	gdur := fs.String("growth-duration", envOr("BENCH_GROWTH_DURATION", "5s"), "the length of one growth round (BENCH_GROWTH_DURATION)")
	grounds := fs.String("growth-rounds", envOr("BENCH_GROWTH_ROUNDS", "3"), "rounds per catalog size (BENCH_GROWTH_ROUNDS)")
	factors, set := os.LookupEnv("BENCH_GROWTH_FACTORS")
	if !set {
		factors = "1,10,100"
	}
	gfactors := fs.String("growth-factors", factors, "catalog sizes, as multiples of the seeded catalog (BENCH_GROWTH_FACTORS; empty to skip)")
	wl := fs.String("workloads", envOr("BENCH_WORKLOADS", "browse,browse-uncached,search,checkCredential,writes"), "the workloads to run (BENCH_WORKLOADS)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var err error
	parseDur := func(s, name string) time.Duration {
		d, e := time.ParseDuration(s)
		if e != nil || d <= 0 {
			err = errors.Join(err, fmt.Errorf("%s=%q: use a positive duration such as 10s", name, s))
		}
		return d
	}
	parseInt := func(s, name string) int {
		n, e := strconv.Atoi(s)
		if e != nil || n < 1 {
			err = errors.Join(err, fmt.Errorf("%s=%q: use a whole number of at least 1", name, s))
		}
		return n
	}
	o.duration, o.warmup = parseDur(*dur, "BENCH_DURATION"), parseDur(*warm, "BENCH_WARMUP")
	o.rounds, o.conns = parseInt(*rounds, "BENCH_ROUNDS"), parseInt(*conns, "BENCH_CONNECTIONS")
	o.settle = parseDur(*settle, "BENCH_SETTLE")
	o.growthDuration, o.growthRounds = parseDur(*gdur, "BENCH_GROWTH_DURATION"), parseInt(*grounds, "BENCH_GROWTH_ROUNDS")
	for _, f := range strings.Split(*gfactors, ",") {
		if f = strings.TrimSpace(f); f != "" {
			o.growthFactors = append(o.growthFactors, parseInt(f, "BENCH_GROWTH_FACTORS"))
		}
	}
	o.workloads = map[string]bool{}
	for _, w := range strings.Split(*wl, ",") {
		o.workloads[strings.TrimSpace(w)] = true
	}
	if err != nil {
		return err
	}
	if o.recert.url == "" {
		return errors.New("run needs -recert")
	}
	o.recert.key, o.recert.name = "recert", "recert"
	o.pg.key, o.pg.name = "pg", "PostGraphile"
	return run(o)
}

func run(o options) error {
	client := &http.Client{Timeout: 60 * time.Second}
	rep := &report{opts: o, results: map[string]map[string][]sample{}, loadBefore: loadAverage()}
	servers := []server{o.recert}
	if o.pg.url != "" {
		servers = append(servers, o.pg)
	}

	// The catalog as served, then every distinct request of every
	// workload, each sent once and checked in full before the load.
	data, err := call(client, o.recert.url, jsonHeader(), `{ certifications(first: 1) { totalCount } }`, nil)
	if err != nil {
		return fmt.Errorf("reading the catalog size: %w", err)
	}
	total, _ := get(data, "certifications", "totalCount").(float64)
	rep.catalogSize = int(total)
	workloads, w, err := buildWorkloads(client, o, rep.catalogSize)
	if err != nil {
		return err
	}
	fmt.Printf("catalog: %d certifications; %s of %s per workload and server, %d connections, warm-up %s; load average %s\n\n",
		rep.catalogSize, plural(o.rounds, "round"), o.duration, o.conns, o.warmup, rep.loadBefore)

	for _, wl := range workloads {
		if !wl.warm {
			continue
		}
		for _, srv := range servers {
			if f := wl.run[srv.key]; f != nil {
				s := f(o.warmup)
				fmt.Printf("warm-up   %-16s %-13s %8.0f req/s\n", wl.name, srv.name, s.RPS)
				rep.addFailures(wl.name+" warm-up", srv.name, s)
			}
		}
	}
	for r := 0; r < o.rounds; r++ {
		for _, wl := range workloads {
			order := slices.Clone(servers)
			if r%2 == 1 {
				slices.Reverse(order)
			}
			for _, srv := range order {
				f := wl.run[srv.key]
				if f == nil {
					continue
				}
				s := f(o.duration)
				rep.add(wl.name, srv.key, s)
				fmt.Printf("round %d/%d %-16s %-13s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  %d requests, %d failed%s\n",
					r+1, o.rounds, wl.name, srv.name, s.RPS, ms(s.P50), ms(s.P99), s.Requests, s.Failed, note(s.Note))
				rep.addFailures(wl.name, srv.name, s)
			}
		}
	}
	// Both servers give memory back once load stops (V8's memory reducer;
	// this service's idlemem), so RSS is read when both have been idle for
	// the settle time, not at whatever moment the last one's load ended.
	time.Sleep(o.settle)
	for _, srv := range servers {
		rep.rss = append(rep.rss, readMemory(srv))
	}
	if w != nil {
		summary, err := w.countBack()
		rep.writesSummary = summary
		if err != nil {
			rep.failures = append(rep.failures, err.Error())
		}
	}
	if o.db != "" && len(o.growthFactors) > 0 {
		if err := growth(client, o, rep); err != nil {
			rep.failures = append(rep.failures, "growth: "+err.Error())
		}
	}
	rep.loadAfter = loadAverage()
	rep.print(os.Stdout, servers)
	if len(rep.failures) > 0 {
		return errFailed
	}
	return nil
}

// buildWorkloads prepares and checks the requests of each workload.
func buildWorkloads(client *http.Client, o options, catalogSize int) ([]workload, *writer, error) {
	var out []workload
	on := func(name string) bool { return o.workloads[name] }
	vegetaRun := func(name string, reqs []request) func(time.Duration) sample {
		if len(reqs) == 0 {
			return nil
		}
		targets := targetsOf(reqs)
		return func(d time.Duration) sample { return attack(name, targets, d, o.conns) }
	}
	add := func(name, title string, recert, pg []request) error {
		if err := verify(client, recert); err != nil {
			return fmt.Errorf("%s on recert: %w", name, err)
		}
		if err := verify(client, pg); err != nil {
			return fmt.Errorf("%s on PostGraphile: %w", name, err)
		}
		run := map[string]func(time.Duration) sample{"recert": vegetaRun(name, recert)}
		if f := vegetaRun(name, pg); f != nil {
			run["pg"] = f
		}
		out = append(out, workload{name: name, title: title, run: run, warm: true})
		return nil
	}
	if on("browse") {
		recert, pg := browseRequests(o.recert.url, o.pg.url, catalogSize)
		if err := add("browse", "browse (first 50, same query)", recert, pg); err != nil {
			return nil, nil, err
		}
	}
	if on("browse-uncached") {
		recert, n, err := walkRequests(client, o.recert.url, "certifications", recertPage, jsonHeader("Cache-Control", "no-cache"))
		if err != nil {
			return nil, nil, err
		}
		var pg []request
		if o.pg.url != "" {
			var m int
			if pg, m, err = walkRequests(client, o.pg.url, "allCertifications", pgPage, jsonHeader("Cache-Control", "no-cache")); err != nil {
				return nil, nil, err
			}
			if m != n {
				return nil, nil, fmt.Errorf("this service lists %d certifications, PostGraphile %d", n, m)
			}
		}
		if err := add("browse-uncached", fmt.Sprintf("browse uncached (every page of 50 by cursor, %d pages)", len(recert)), recert, pg); err != nil {
			return nil, nil, err
		}
	}
	if on("search") {
		recert, pg := searchRequests(o.recert.url, o.pg.url, searchTerms())
		if err := add("search", "search (200 terms, first 20)", recert, pg); err != nil {
			return nil, nil, err
		}
	}
	if on("checkCredential") {
		inputs, err := credentialInputs()
		if err != nil {
			return nil, nil, err
		}
		if err := add("checkCredential", "checkCredential (200 inputs)", checkRequests(o.recert.url, inputs), nil); err != nil {
			return nil, nil, err
		}
	}
	var w *writer
	if on("writes") {
		sign, err := newTokenSigner()
		if err != nil {
			return nil, nil, err
		}
		if w, err = newWriter(o.recert.url, o.conns, sign); err != nil {
			return nil, nil, err
		}
		out = append(out, workload{name: "writes", title: "writes (build and submit applications)", run: map[string]func(time.Duration) sample{"recert": w.round}})
	}
	return out, w, nil
}

// growth runs browse, search and checkCredential on this service for each
// catalog size, growing the catalog with synthetic entries in between.
func growth(client *http.Client, o options, rep *report) error {
	base := rep.catalogSize
	for _, factor := range o.growthFactors {
		target := base * factor
		if err := growCatalog(context.Background(), o.db, target); err != nil {
			return err
		}
		if err := waitForCatalog(client, o.recert.url, target, 60*time.Second); err != nil {
			return err
		}
		oo := o
		oo.pg.url = ""
		oo.workloads = map[string]bool{"browse": true, "search": true, "checkCredential": true}
		workloads, _, err := buildWorkloads(client, oo, target)
		if err != nil {
			return err
		}
		row := growthRow{factor: factor, size: target, results: map[string][]sample{}}
		for _, wl := range workloads {
			rep.addFailures(fmt.Sprintf("growth %dx %s warm-up", factor, wl.name), "recert", wl.run["recert"](min(o.warmup, time.Second)))
		}
		for r := 0; r < o.growthRounds; r++ {
			for _, wl := range workloads {
				s := wl.run["recert"](o.growthDuration)
				row.results[wl.name] = append(row.results[wl.name], s)
				fmt.Printf("growth %3dx round %d/%d %-16s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  %d requests, %d failed\n",
					factor, r+1, o.growthRounds, wl.name, s.RPS, ms(s.P50), ms(s.P99), s.Requests, s.Failed)
				rep.addFailures(fmt.Sprintf("growth %dx %s", factor, wl.name), "recert", s)
			}
		}
		rep.growth = append(rep.growth, row)
	}
	return nil
}

// memory is a server's resident set after the load.
type memory struct {
	rssKB, hwmKB int64
	err          error
}

func readMemory(srv server) memory {
	if srv.pid == 0 {
		return memory{err: errors.New("no pid given")}
	}
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", srv.pid))
	if err != nil {
		return memory{err: err}
	}
	var m memory
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == "VmRSS:" || f[0] == "VmHWM:") {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			if f[0] == "VmRSS:" {
				m.rssKB = n
			} else {
				m.hwmKB = n
			}
		}
	}
	return m
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func note(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// loadAverage is the machine's load average (1, 5 and 15 minutes): other
// work on the two cores skews every figure, and this shows how much there was.
func loadAverage() string {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(raw))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
