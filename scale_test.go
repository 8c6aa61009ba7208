//go:build loadtest

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/pgcluster"
)

// scaleRedisDB is the Redis database number make scaletest uses; it is
// flushed at the end.
const scaleRedisDB = 12

// scaleRedisStart is the machine's own command to start its Redis.
var scaleRedisStart = []string{"redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379",
	"--save", "", "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log"}

// Scale-test settings: a budget small enough for one client to spend in
// a few seconds, and restored slowly so that the window's bound is
// close to the budget itself.
const (
	scaleBudget       = 30000
	scaleRestore      = 50
	scaleWriteTimeout = 15 * time.Second
)

// TestScale runs three service processes behind HAProxy on a PostgreSQL
// primary with a streaming replica and a shared Redis, under 60 s of
// mixed load (catalog reads, checks and queues by GET, candidate writes,
// staff decisions, catalog changes and catalogChanged subscribers over
// server-sent events, all through HAProxy), while one process is killed
// with SIGKILL and restarted, the replica is stopped for 5 s, another
// process is stopped gracefully (SIGTERM) and restarted, and Redis is
// restarted (README "Several instances").
//
// The only errors allowed are those of POST requests in flight on the
// process when it was killed: the process died with them, HAProxy cannot
// know whether a mutation took effect, so it must not retry them, and
// the client learns the outcome by reading back. HAProxy answers such a
// request 502 when it was the first on its client connection, and logs
// it: the test checks that each logged 502 is the killed process's
// answer to a POST received before it was gone, and that the clients
// saw exactly as many. A later request on a kept-alive client connection
// gets no answer and no log line: HAProxy closes the connection so that
// the client may retry, as it would when the server itself closed a
// kept-alive connection (http_ana.c, "abort_keep_alive"). The clients
// count those closes; each must come between the kill and a second
// after the process was gone. Together they are at most one per client
// that sends POSTs, each of which has one request in flight at a time. A GET (a query) in flight there
// is retried by HAProxy on another process; everything else must be
// answered ok, UNAVAILABLE, CONFLICT (a write whose answer was lost) or
// 429 with Retry-After.
func TestScale(t *testing.T) {
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		t.Fatal("HAProxy is missing: scripts/install-haproxy.sh installs it")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "recert")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("building the server: %v: %s", err, out)
	}
	primary, err := pgcluster.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Remove()
	replica, err := primary.StartReplica()
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Remove()
	redisURL := fmt.Sprintf("redis://127.0.0.1:6379/%d", scaleRedisDB)
	defer func() {
		if exec.Command("redis-cli", "ping").Run() != nil {
			_ = exec.Command(scaleRedisStart[0], scaleRedisStart[1:]...).Run()
		}
		_ = exec.Command("redis-cli", "-n", strconv.Itoa(scaleRedisDB), "flushdb").Run()
	}()
	_ = exec.Command("redis-cli", "-n", strconv.Itoa(scaleRedisDB), "flushdb").Run()

	const secret = "scale-test-secret"
	base := []string{"DATABASE_URL=" + primary.URL(), "AUTH_DEV_SECRET=" + secret, "LOG_LEVEL=error", "DB_TIMEOUT=2s",
		"UPLOADS_URL=file://" + filepath.Join(dir, "uploads"), "PATH=" + os.Getenv("PATH")}
	seed := exec.Command(bin, "seed")
	seed.Env = base
	if out, err := seed.CombinedOutput(); err != nil {
		t.Fatalf("seeding: %v: %s", err, out)
	}
	procs := make([]*scaleProcess, 3)
	for i := range procs {
		procs[i] = &scaleProcess{name: fmt.Sprintf("p%d", i+1), addr: freeAddr(t), bin: bin, env: append(append([]string{}, base...),
			"SEED_ON_START=false", "REDIS_URL="+redisURL, "DATABASE_REPLICA_URLS="+replica.URL(),
			"RATE_LIMIT_BUDGET="+strconv.Itoa(scaleBudget), "RATE_LIMIT_RESTORE="+strconv.Itoa(scaleRestore),
			"WRITE_TIMEOUT="+scaleWriteTimeout.String(), "RESOLVER_TIMEOUT=5s", "REPLICA_STICKINESS=2s", "TRUSTED_PROXIES=127.0.0.1", "MAX_ACTIVITIES_PER_APPLICATION=10000",
			"SHUTDOWN_DRAIN="+scaleDrain.String())}
		procs[i].env = append(procs[i].env, "INSTANCE_NAME="+procs[i].name, "LISTEN_ADDR="+procs[i].addr)
		procs[i].start(t)
	}
	defer func() {
		for _, p := range procs {
			p.stop()
		}
	}()
	// HAProxy starts once every process answers /readyz, so that its first
	// health checks find them all: started before, it marked all three
	// down, and the readiness polls below got 503s that its log counted
	// as unexplained.
	for _, p := range procs {
		p.waitReady(t)
	}
	front := freeAddr(t)
	hapLog := filepath.Join(dir, "haproxy.log")
	hap := startHAProxy(t, haproxy, filepath.Join(dir, "haproxy.cfg"), hapLog, front, procs)
	defer func() { _ = hap.Process.Kill(); _ = hap.Wait() }()

	// The clients keep a connection to HAProxy idle for less than its
	// 30 s keep-alive timeout, so that none sends a POST on a connection
	// HAProxy has just closed.
	c := faultClient{base: "http://" + front, http: &http.Client{Timeout: scaleWriteTimeout + 5*time.Second,
		Transport: &http.Transport{IdleConnTimeout: 20 * time.Second, MaxIdleConnsPerHost: 32}}}
	for deadline := time.Now().Add(30 * time.Second); c.ready() != http.StatusOK; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("HAProxy did not find a ready process")
		}
	}
	token := func(role catalog.Role, subject string) string { return signToken(t, secret, role, subject) }
	staff := token(catalog.RoleStaff, "staff-scale")
	const writers, decisions = 6, 12
	importLoadCandidates(t, c, staff, "S", writers)
	reviews := prepareReviews(t, c, staff, token, decisions)

	var (
		mu           sync.Mutex
		outcomes     = map[string]int{}
		acknowledged = map[string][]string{}
		decided      = map[string]string{}
		clientErrors = map[int]int{}
		closedAt     []time.Time
		badAnswers   atomic.Int64
		total        atomic.Int64
	)
	note := func(kind, outcome string) {
		mu.Lock()
		outcomes[kind+" "+outcome]++
		mu.Unlock()
	}
	// classify records one answer: ok, UNAVAILABLE, CONFLICT, 429 with
	// Retry-After, or an HTTP error (reconciled with HAProxy's log after
	// the run), or (counted as bad) anything else.
	classify := func(kind string, a scaleAnswer, err error) string {
		total.Add(1)
		switch {
		case err != nil && (errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET)):
			// HAProxy closes the client's connection, without an answer
			// or a log line, when a request that was not the first on it
			// failed on its way to a process (see TestScale).
			mu.Lock()
			closedAt = append(closedAt, time.Now())
			mu.Unlock()
			note(kind, "connection closed")
			return "http error"
		case err != nil:
			badAnswers.Add(1)
			note(kind, "transport error")
			t.Logf("%s: %v", kind, err)
			return "bad"
		case a.status == http.StatusTooManyRequests && a.retryAfter != "":
			note(kind, "429")
			return "429"
		case a.status >= 500:
			mu.Lock()
			clientErrors[a.status]++
			mu.Unlock()
			note(kind, "HTTP "+strconv.Itoa(a.status))
			return "http error"
		case a.status != http.StatusOK:
			if badAnswers.Add(1) <= 3 {
				t.Logf("%s: %s answered HTTP %d at %s: %s", kind, a.servedBy, a.status, time.Now().Format("15:04:05.000"), a.body)
			}
			note(kind, "HTTP "+strconv.Itoa(a.status))
			return "bad"
		case a.code == "":
			note(kind, "ok")
			return "ok"
		case a.code == string(catalog.CodeUnavailable) || a.code == string(catalog.CodeConflict):
			note(kind, a.code)
			return a.code
		default:
			badAnswers.Add(1)
			note(kind, a.code)
			return "bad"
		}
	}
	loadCtx, endLoad := context.WithTimeout(context.Background(), 60*time.Second)
	defer endLoad()
	subCtx, endSubs := context.WithCancel(context.Background())
	defer endSubs()
	var wg sync.WaitGroup
	reader := func(kind, subject, query string) {
		defer wg.Done()
		tok := token(catalog.RoleStaff, subject)
		for loadCtx.Err() == nil {
			a, err := scaleGet(c, tok, query)
			classify(kind, a, err)
		}
	}
	wg.Add(3)
	go reader("catalog read", "reader-1", `{ certifications(first: 20) { nodes { displayName organization { name } } } }`)
	go reader("check", "reader-2", `{ checkCredential(input: {text: "AWS CWI"}) { verdict } }`)
	go reader("staff queue", "reader-3", `{ applications(first: 5) { totalCount } }`)
	for i := range writers {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			tok := token(catalog.RoleCandidate, fmt.Sprintf("S-%03d", i))
			var id string
			version := 0
			for loadCtx.Err() == nil && id == "" {
				a, err := scaleDo(c, tok, `mutation($k: String) { createApplication(program: CPT, idempotencyKey: $k) { application { id version } userErrors { code } } }`,
					map[string]any{"k": fmt.Sprintf("create-%d", i)})
				if classify("create", a, err) != "ok" {
					continue
				}
				app := a.data["createApplication"].(map[string]any)["application"].(map[string]any)
				id, version = app["id"].(string), int(app["version"].(float64))
			}
			for n := 0; loadCtx.Err() == nil; n++ {
				title := fmt.Sprintf("volunteer %d-%d", i, n)
				a, err := scaleDo(c, tok, `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { version } userErrors { code } } }`,
					map[string]any{"id": id, "v": version, "a": map[string]any{"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": title,
						"completedOn": time.Now().UTC().AddDate(0, 0, -10).Format("2006-01-02"), "hours": 8}})
				switch classify("write", a, err) {
				case "ok":
					mu.Lock()
					acknowledged[id] = append(acknowledged[id], title)
					mu.Unlock()
					version = int(a.data["saveApplicationActivity"].(map[string]any)["application"].(map[string]any)["version"].(float64))
				default:
					// The write may have gone through with its answer lost:
					// read the version on (the client reads its own write).
					if cur, err := scaleDo(c, tok, `query($id: ID!) { application(id: $id) { version } }`, map[string]any{"id": id}); classify("read back", cur, err) == "ok" {
						version = int(cur.data["application"].(map[string]any)["version"].(float64))
					}
				}
			}
		}(i)
	}
	// Two staff members decide the prepared applications, one every few
	// seconds each, so that decisions are made through every fault.
	const deciders = 2
	for d := range deciders {
		wg.Add(1)
		go func(d int) {
			defer wg.Done()
			tok := token(catalog.RoleStaff, fmt.Sprintf("decider-%d", d))
			start := time.Now()
			pace := 45 * time.Second / time.Duration(decisions/deciders)
			for k, r := range reviews {
				if k%deciders != d {
					continue
				}
				select {
				case <-loadCtx.Done():
					return
				case <-time.After(time.Until(start.Add(pace * time.Duration(k/deciders)))):
				}
				if got := decide(c, tok, r, classify); got != "" {
					mu.Lock()
					decided[r.id] = got
					mu.Unlock()
				}
			}
		}(d)
	}
	// A curator changes the catalog every few seconds; subscribers over
	// server-sent events, through HAProxy, reconnect whenever their
	// stream ends (its process was killed or stopped) and record every
	// version announced.
	wg.Add(1)
	go func() {
		defer wg.Done()
		tok := token(catalog.RoleStaff, "curator")
		for n := 0; loadCtx.Err() == nil; n++ {
			a, err := scaleDo(c, tok, `mutation($n: String!) { createOrganization(input: {name: $n}, reason: "scale test") { userErrors { code message } } }`,
				map[string]any{"n": fmt.Sprintf("Scale Load Body %d", n)})
			classify("catalog change", a, err)
			select {
			case <-loadCtx.Done():
			case <-time.After(3 * time.Second):
			}
		}
	}()
	const subscribers = 4
	var hubs []*catalogStream
	for i := range subscribers {
		st := &catalogStream{versions: map[string]time.Time{}}
		hubs = append(hubs, st)
		go st.follow(subCtx, c.base, token(catalog.RoleStaff, fmt.Sprintf("subscriber-%d", i)), func(a scaleAnswer, err error) string {
			return classify("subscribe", a, err)
		})
	}

	events := []string{}
	event := func(s string) { events = append(events, time.Now().Format("15:04:05.000")+" "+s) }
	replicaReadsBefore := sumMetric(procs, "recert_replica_reads_total")
	time.Sleep(8 * time.Second)
	killStart := time.Now()
	procs[1].kill()
	// Every request HAProxy received until the process was gone may have
	// been in flight there.
	killedAt := time.Now()
	event("SIGKILL " + procs[1].name)
	time.Sleep(2 * time.Second)
	procs[1].start(t)
	procs[1].waitReady(t)
	event("restarted " + procs[1].name)
	time.Sleep(4 * time.Second)
	replicaReadsUp := sumMetric(procs, "recert_replica_reads_total") - replicaReadsBefore
	if err := replica.StopServer(); err != nil {
		t.Fatal(err)
	}
	event("replica stopped")
	time.Sleep(5 * time.Second)
	if err := replica.StartServer(); err != nil {
		t.Fatal(err)
	}
	event("replica started")
	time.Sleep(3 * time.Second)
	event("SIGTERM " + procs[2].name + " (drains " + scaleDrain.String() + ")")
	procs[2].stop()
	event(procs[2].name + " exited")
	procs[2].start(t)
	procs[2].waitReady(t)
	event("restarted " + procs[2].name)
	time.Sleep(3 * time.Second)
	_ = exec.Command("redis-cli", "shutdown", "nosave").Run()
	event("Redis shut down")
	time.Sleep(time.Second)
	if out, err := exec.Command(scaleRedisStart[0], scaleRedisStart[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("restarting Redis: %v: %s", err, out)
	}
	event("Redis restarted")
	wg.Wait()
	event("load ended")

	// One client's budget, spent in parallel on all three processes.
	for deadline := time.Now().Add(5 * time.Second); !allShared(procs); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the processes did not find Redis again after its restart")
		}
	}
	admitted, refused, elapsed := spendBudget(t, procs, token(catalog.RoleStaff, "budget-client"))

	// A catalog change is announced on every process within 1 s, and so
	// is one made while their listeners reconnect; the subscribers that
	// followed the load through HAProxy see the last one too.
	var streams []*catalogStream
	for _, p := range procs {
		streams = append(streams, openCatalogStream(t, subCtx, p, token(catalog.RoleStaff, "watcher-"+p.name)))
	}
	time.Sleep(500 * time.Millisecond)
	announced := func(name string, streams []*catalogStream) time.Duration {
		changed := time.Now()
		r, err := c.do(staff, `mutation($n: String!) { createOrganization(input: {name: $n}, reason: "scale test") { userErrors { code message } } }`,
			map[string]any{"n": "Scale Test Body " + name})
		if err != nil || r.code("createOrganization") != "" {
			t.Fatalf("changing the catalog: %+v %v", r, err)
		}
		var slowest time.Duration
		for _, st := range streams {
			d := st.waitNext(changed, 5*time.Second)
			slowest = max(slowest, d)
		}
		return slowest
	}
	liveLag := announced("live", append(append([]*catalogStream{}, streams...), hubs...))
	terminated := terminateListeners(t, primary.URL())
	reconnectLag := announced("reconnect", streams)
	allowed := float64(scaleBudget) + elapsed.Seconds()*scaleRestore
	endSubs()

	lost, doubled, checked := 0, 0, 0
	for id, titles := range acknowledged {
		stored := c.storedActivityTitles(t, staff, id)
		for _, n := range stored {
			if n > 1 {
				doubled++
			}
		}
		for _, title := range titles {
			checked++
			if stored[title] == 0 {
				lost++
			}
		}
	}
	decisionsLost, decisionsTwice := checkDecisions(t, c, staff, reviews, decided)
	hubEvents, hubOpens := 0, 0
	for _, h := range hubs {
		h.mu.Lock()
		hubEvents += len(h.arrivals)
		hubOpens += h.opens
		h.mu.Unlock()
	}
	hl := readHAProxyLog(t, hapLog, procs[1].name, killedAt)
	closedAtKill := 0
	for _, at := range closedAt {
		if !at.Before(killStart) && at.Before(killedAt.Add(scaleKillNoticed)) {
			closedAtKill++
		}
	}
	lostPOSTs := clientErrors[http.StatusBadGateway] + closedAtKill

	fmt.Println("\nmake scaletest: three processes behind HAProxy, PostgreSQL primary + streaming replica, shared Redis")
	for _, e := range events {
		fmt.Println("  " + e)
	}
	printCounts("answers by kind and outcome (clients)", outcomes)
	printCounts("HAProxy: answers other than 200 and 429, by status, server and termination state", hl.errors)
	printCounts("HAProxy: health-check changes", hl.health)
	rows := []struct {
		what, got string
		ok        bool
	}{
		{"acknowledged writes checked", strconv.Itoa(checked), checked > 0},
		{"acknowledged writes lost", strconv.Itoa(lost), lost == 0},
		{"writes stored twice", strconv.Itoa(doubled), doubled == 0},
		{"staff decisions made", fmt.Sprintf("%d of %d", len(decided), decisions), len(decided) == decisions},
		{"decisions lost or not as made", strconv.Itoa(decisionsLost), decisionsLost == 0},
		{"decisions applied twice", strconv.Itoa(decisionsTwice), decisionsTwice == 0},
		{"subscribers' events, (re)connections", fmt.Sprintf("%d, %d", hubEvents, hubOpens), hubEvents >= subscribers},
		{"budget: admitted cost on 3 processes", fmt.Sprintf("%d of %.0f (+1 op)", admitted, allowed), float64(admitted) <= allowed+float64(maxOpCost) && refused > 0},
		{"catalog change announced on all 3 + subscribers (slowest)", liveLag.Round(time.Millisecond).String(), liveLag <= time.Second},
		{"same, made while listeners reconnect", fmt.Sprintf("%s (%d listeners cut)", reconnectLag.Round(time.Millisecond), terminated), reconnectLag <= time.Second && terminated >= 3},
		{"reads served by the replica while up", strconv.FormatInt(replicaReadsUp, 10), replicaReadsUp > 0},
		{"answers not ok/UNAVAILABLE/CONFLICT/429/5xx/closed", strconv.FormatInt(badAnswers.Load(), 10), badAnswers.Load() == 0},
		{"times HAProxy had no process to send to", strconv.Itoa(hl.noServer), hl.noServer == 0},
		{"HAProxy 5xx or closed connections not from the SIGKILL", strconv.Itoa(hl.unexplained), hl.unexplained == 0},
		{"SIGKILL: 502s, HAProxy's log = clients'", fmt.Sprintf("%d = %d", hl.killed, clientErrors[http.StatusBadGateway]),
			hl.killed == clientErrors[http.StatusBadGateway] && len(clientErrors) <= 1},
		{"SIGKILL: connections closed, at the kill / in all", fmt.Sprintf("%d / %d", closedAtKill, len(closedAt)), closedAtKill == len(closedAt)},
		{"SIGKILL: POSTs lost in all (one per client at most)", fmt.Sprintf("%d of at most %d", lostPOSTs, scalePostClients(writers, deciders, subscribers)),
			lostPOSTs <= scalePostClients(writers, deciders, subscribers)},
		{"requests answered", strconv.FormatInt(total.Load(), 10), total.Load() > 0},
	}
	fmt.Printf("\n%-58s %-28s %s\n", "assertion", "measured", "holds")
	for _, r := range rows {
		fmt.Printf("%-58s %-28s %v\n", r.what, r.got, r.ok)
		if !r.ok {
			t.Errorf("%s: %s", r.what, r.got)
		}
	}
	fmt.Printf("\nHAProxy's log of errors and health-check changes:\n%s\n", strings.Join(hl.lines, "\n"))
}

// scaleDrain is SHUTDOWN_DRAIN in make scaletest: longer than HAProxy
// takes to see a draining process fail two checks (inter 500ms, fall 2,
// each check bounded by timeout check 2s).
const scaleDrain = 4 * time.Second

// scalePostClients is how many of the load's clients send POSTs, one at
// a time each: the most requests that can be in flight on a process
// when it is killed and not retried by HAProxy.
func scalePostClients(writers, deciders, subscribers int) int {
	return writers + deciders + subscribers + 1
}

// startHAProxy writes HAProxy's configuration for procs and starts it on
// front, logging every request and health-check change to logPath.
//
// The health check asks /readyz every 500 ms and takes a process out
// after two failures, in at most 2 s each (timeout check): a loaded
// machine's check that takes longer than the 300 ms the interval used to
// allow is not a failure. A request that could not connect is retried on
// another process (conn-failure, redispatch on every retry); one that may
// have reached a process that then died is retried only when it is a GET,
// which is a query: a POST may be a mutation.
func startHAProxy(t *testing.T, haproxy, cfgPath, logPath, front string, procs []*scaleProcess) *exec.Cmd {
	t.Helper()
	var servers strings.Builder
	for _, p := range procs {
		fmt.Fprintf(&servers, "  server %s %s check\n", p.name, p.addr)
	}
	cfg := fmt.Sprintf(`global
  maxconn 2000
  log stdout format iso local0 info
defaults
  mode http
  log global
  option httplog
  option log-health-checks
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  timeout check 2s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout
frontend api
  bind %s
  default_backend recert
backend recert
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  option forwardfor
  http-request disable-l7-retry unless METH_GET
  default-server inter 500ms fall 2 rise 2
%s`, front, servers.String())
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	hap := exec.Command(haproxy, "-f", cfgPath, "-db")
	hap.Stdout, hap.Stderr = logFile, logFile
	if err := hap.Start(); err != nil {
		t.Fatal(err)
	}
	return hap
}

// haproxyLog is what HAProxy's log says about the run.
type haproxyLog struct {
	// errors counts the answers other than 200 and 429 by status, server
	// and termination state; health counts the health-check changes.
	errors, health map[string]int
	// killed counts the 502s of POSTs lost with the killed process;
	// unexplained counts every other 5xx or aborted answer.
	killed, unexplained int
	// noServer counts HAProxy's alerts that no process was left.
	noServer int
	// lines are the log lines of errors and health changes.
	lines []string
}

var (
	haproxyRequest = regexp.MustCompile(`\[(\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d\.\d{3})\] \S+ \S+/(\S+) -?\d+/-?\d+/-?\d+/-?\d+/(\+?-?\d+) (-1|\d{3}) \S+ \S+ \S+ (\S{4}) \S+ \S+ "([^ "]+)`)
	haproxyHealth  = regexp.MustCompile(`(Health check for server \S+ (?:failed|succeeded), reason: [^,]+|Server \S+ is (?:UP|DOWN))`)
)

// scaleKillNoticed bounds how long after a process is gone HAProxy may
// still send a request on a kept-alive connection to it that the kernel
// closed, before it has read that close.
const scaleKillNoticed = time.Second

// readHAProxyLog reads HAProxy's log: a 502 is the SIGKILL's when it is
// the killed process's answer to a POST HAProxy received at most
// WRITE_TIMEOUT before that process was gone, or within scaleKillNoticed
// after; any other 5xx or aborted answer (status -1) is unexplained.
func readHAProxyLog(t *testing.T, path, killed string, killedAt time.Time) haproxyLog {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	hl := haproxyLog{errors: map[string]int{}, health: map[string]int{}}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.Contains(line, "has no server available") {
			if !strings.HasPrefix(line, "[") {
				hl.noServer++
			}
			hl.lines = append(hl.lines, line)
			continue
		}
		if m := haproxyHealth.FindStringSubmatch(line); m != nil && !strings.HasPrefix(line, "[") {
			if !strings.Contains(m[1], "succeeded") {
				hl.health[m[1]]++
				hl.lines = append(hl.lines, line)
			}
			continue
		}
		m := haproxyRequest.FindStringSubmatch(line)
		if m == nil && line != "" && !strings.HasPrefix(line, "[") {
			hl.lines = append(hl.lines, "unparsed: "+line)
		}
		if m == nil || m[4] == "200" || m[4] == "429" {
			continue
		}
		hl.errors[fmt.Sprintf("%s %s %s %s", m[4], m[6], m[2], m[5])]++
		hl.lines = append(hl.lines, line)
		if m[4] != "-1" && m[4] < "500" {
			continue
		}
		accepted, err := time.ParseInLocation("02/Jan/2006:15:04:05.000", m[1], time.Local)
		if err == nil && m[4] == "502" && m[2] == killed && m[6] == "POST" &&
			accepted.Before(killedAt.Add(scaleKillNoticed)) && accepted.After(killedAt.Add(-scaleWriteTimeout)) {
			hl.killed++
		} else {
			hl.unexplained++
		}
	}
	return hl
}

func printCounts(title string, counts map[string]int) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("\n%-70s %8s\n", title, "count")
	if len(keys) == 0 {
		fmt.Printf("%-70s %8d\n", "(none)", 0)
	}
	for _, k := range keys {
		fmt.Printf("%-70s %8d\n", k, counts[k])
	}
}

// scaleReview is an application waiting for a staff decision, and the
// decision the test makes on it.
type scaleReview struct {
	id      string
	version int
	// decision is APPROVED or DENIED.
	decision string
}

// prepareReviews brings n candidates' applications to review: each
// claims employment since its cycle began and an AWS CWI earned in it,
// with proof, is submitted and its fee recorded. Half are to be
// approved, half denied.
func prepareReviews(t *testing.T, c faultClient, staff string, token func(catalog.Role, string) string, n int) []scaleReview {
	t.Helper()
	importLoadCandidates(t, c, staff, "D", n)
	cwi := must(t, c, staff, `{ certifications(first: 1, filter: {search: "CWI"}) { nodes { id } } }`, nil)["certifications"].(map[string]any)["nodes"].([]any)[0].(map[string]any)["id"]
	start := time.Now().UTC().AddDate(0, 0, 30).AddDate(-5, 0, 0)
	const fields = `{ id version status feeDue { cents } }`
	var reviews []scaleReview
	for i := range n {
		tok := token(catalog.RoleCandidate, fmt.Sprintf("D-%03d", i))
		app := mustApp(t, c, tok, `mutation { createApplication(program: CPT) { application `+fields+` userErrors { code message } } }`, nil)
		for _, a := range []map[string]any{
			{"category": "EMPLOYMENT", "activityTypeKey": "e-direct", "title": "Production associate", "startOn": start.Format("2006-01-02"), "weeklyHours": 40, "ongoing": true},
			{"category": "INDUSTRY_CERTIFICATION", "activityTypeKey": "ic-certification", "title": "AWS Certified Welding Inspector", "certificationId": cwi,
				"completedOn": start.AddDate(1, 0, 0).Format("2006-01-02")},
		} {
			app = mustApp(t, c, tok, `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application `+fields+` userErrors { code message } } }`,
				map[string]any{"id": app["id"], "v": app["version"], "a": a})
		}
		for activity := 1; activity <= 2; activity++ {
			app = scaleAttachProof(t, c, tok, app["id"].(string), int(app["version"].(float64)), activity, fields)
		}
		app = mustApp(t, c, tok, `mutation($id: ID!, $v: Int!) { submitApplications(applicationIds: [$id], versions: [$v]) { applications `+fields+` userErrors { code message } } }`,
			map[string]any{"id": app["id"], "v": app["version"]})
		app = mustApp(t, c, staff, `mutation($id: ID!, $v: Int!, $c: Int!) { recordPayment(applicationId: $id, version: $v, amountCents: $c, reference: "SCALE") { applications `+fields+` userErrors { code message } } }`,
			map[string]any{"id": app["id"], "v": app["version"], "c": app["feeDue"].(map[string]any)["cents"]})
		if app["status"] != "IN_REVIEW" {
			t.Fatalf("a paid application is %v, not in review", app["status"])
		}
		decision := "APPROVED"
		if i%2 == 1 {
			decision = "DENIED"
		}
		reviews = append(reviews, scaleReview{id: app["id"].(string), version: int(app["version"].(float64)), decision: decision})
	}
	return reviews
}

// decide makes r's decision through whatever faults: an answer that is
// not ok is followed by reading the application back, and the decision
// is retried on its current version only while it is still in review.
// It returns the status the application was left in, "" when the load
// ended first.
func decide(c faultClient, tok string, r scaleReview, classify func(string, scaleAnswer, error) string) string {
	mutation := `mutation($id: ID!, $v: Int!) { approveApplication(applicationId: $id, version: $v, reason: "scale test") { application { status } userErrors { code } } }`
	if r.decision == "DENIED" {
		mutation = `mutation($id: ID!, $v: Int!) { denyApplication(applicationId: $id, version: $v, reasons: ["scale test"]) { application { status } userErrors { code } } }`
	}
	version := r.version
	for range 50 {
		a, err := scaleDo(c, tok, mutation, map[string]any{"id": r.id, "v": version})
		if classify("decision", a, err) == "ok" {
			for _, payload := range a.data {
				return payload.(map[string]any)["application"].(map[string]any)["status"].(string)
			}
		}
		cur, err := scaleDo(c, tok, `query($id: ID!) { application(id: $id) { status version } }`, map[string]any{"id": r.id})
		if classify("read back", cur, err) != "ok" {
			time.Sleep(200 * time.Millisecond)
			continue
		}
		app := cur.data["application"].(map[string]any)
		if app["status"] != "IN_REVIEW" {
			return app["status"].(string)
		}
		version = int(app["version"].(float64))
		time.Sleep(200 * time.Millisecond)
	}
	return ""
}

// checkDecisions reads every decided application back: its status must
// be the decision made, and its history must hold exactly one decision.
func checkDecisions(t *testing.T, c faultClient, staff string, reviews []scaleReview, decided map[string]string) (lost, twice int) {
	t.Helper()
	for _, r := range reviews {
		got, ok := decided[r.id]
		if !ok {
			continue
		}
		app := must(t, c, staff, `query($id: ID!) { application(id: $id) { status history { action } } }`, map[string]any{"id": r.id})["application"].(map[string]any)
		n := 0
		for _, h := range app["history"].([]any) {
			if a := h.(map[string]any)["action"]; a == "APPROVE" || a == "DENY" {
				n++
			}
		}
		if got != r.decision || app["status"] != r.decision || n == 0 {
			lost++
			t.Logf("application %s: decided %s, answered %s, stored %v with %d decisions", r.id, r.decision, got, app["status"], n)
		}
		if n > 1 {
			twice++
		}
	}
	return lost, twice
}

// must runs a query or mutation that must succeed and returns its data.
func must(t *testing.T, c faultClient, tok, query string, vars map[string]any) map[string]any {
	t.Helper()
	a, err := scaleDo(c, tok, query, vars)
	if err != nil || a.status != http.StatusOK || a.code != "" {
		t.Fatalf("%.60s: %v %d %s %s", query, err, a.status, a.code, a.body)
	}
	return a.data
}

// mustApp runs an application mutation that must succeed and returns the
// application (the first, for a payload of several).
func mustApp(t *testing.T, c faultClient, tok, query string, vars map[string]any) map[string]any {
	t.Helper()
	for _, payload := range must(t, c, tok, query, vars) {
		p := payload.(map[string]any)
		if app, ok := p["application"].(map[string]any); ok {
			return app
		}
		return p["applications"].([]any)[0].(map[string]any)
	}
	t.Fatalf("%.60s answered no payload", query)
	return nil
}

// scaleAttachProof uploads a one-page PDF as the proof of an activity.
func scaleAttachProof(t *testing.T, c faultClient, tok, id string, version, activity int, fields string) map[string]any {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": `mutation($id: ID!, $v: Int!, $a: Int!, $f: Upload!) { attachActivityProof(applicationId: $id, version: $v, activityId: $a, file: $f) { application ` + fields + ` userErrors { code message } } }`,
		"variables": map[string]any{"id": id, "v": version, "a": activity, "f": nil}})
	_ = w.WriteField("operations", string(ops))
	_ = w.WriteField("map", `{"0": ["variables.f"]}`)
	part, _ := w.CreateFormFile("0", "proof.pdf")
	_, _ = part.Write([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))
	_ = w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.base+"/graphql", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+tok)
	a, err := scaleSend(c, req)
	if err != nil || a.status != http.StatusOK || a.code != "" {
		t.Fatalf("attaching a proof: %v %d %s %s", err, a.status, a.code, a.body)
	}
	return a.data["attachActivityProof"].(map[string]any)["application"].(map[string]any)
}

// catalogStream is a catalogChanged subscription over server-sent
// events, recording when each event arrived.
type catalogStream struct {
	mu       sync.Mutex
	arrivals []time.Time
	// versions are the catalog versions announced, and opens the streams
	// opened, when the subscription follows through HAProxy.
	versions map[string]time.Time
	opens    int
}

// follow subscribes through HAProxy at base until ctx ends, opening a
// new stream whenever one ends, and records each version announced.
func (s *catalogStream) follow(ctx context.Context, base, tok string, classify func(scaleAnswer, error) string) {
	body, _ := json.Marshal(map[string]any{"query": `subscription { catalogChanged { catalogVersion } }`})
	for ctx.Err() == nil {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "text/event-stream")
		req.Header.Set("Authorization", "Bearer "+tok)
		res, err := http.DefaultClient.Do(req)
		if ctx.Err() != nil {
			return
		}
		if err != nil || res.StatusCode != http.StatusOK {
			a := scaleAnswer{}
			if err == nil {
				a = scaleAnswer{status: res.StatusCode, retryAfter: res.Header.Get("Retry-After")}
				res.Body.Close()
			}
			classify(a, err)
			time.Sleep(100 * time.Millisecond)
			continue
		}
		classify(scaleAnswer{status: http.StatusOK}, nil)
		s.mu.Lock()
		s.opens++
		s.mu.Unlock()
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			line := sc.Text()
			if !strings.HasPrefix(line, "data:") || !strings.Contains(line, "catalogVersion") {
				continue
			}
			var ev struct {
				Data struct {
					CatalogChanged struct {
						CatalogVersion string `json:"catalogVersion"`
					} `json:"catalogChanged"`
				} `json:"data"`
			}
			_ = json.Unmarshal([]byte(strings.TrimSpace(strings.TrimPrefix(line, "data:"))), &ev)
			s.mu.Lock()
			s.arrivals = append(s.arrivals, time.Now())
			s.versions[ev.Data.CatalogChanged.CatalogVersion] = time.Now()
			s.mu.Unlock()
		}
		res.Body.Close()
	}
}

func openCatalogStream(t *testing.T, ctx context.Context, p *scaleProcess, tok string) *catalogStream {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": `subscription { catalogChanged { catalogVersion } }`})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+p.addr+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("Authorization", "Bearer "+tok)
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("subscribing on %s: %v %v", p.name, res, err)
	}
	st := &catalogStream{}
	go func() {
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data:") && strings.Contains(sc.Text(), "catalogVersion") {
				st.mu.Lock()
				st.arrivals = append(st.arrivals, time.Now())
				st.mu.Unlock()
			}
		}
	}()
	return st
}

// waitNext returns how long after since the first event after since
// arrived, or the whole wait when none did.
func (s *catalogStream) waitNext(since time.Time, wait time.Duration) time.Duration {
	for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		s.mu.Lock()
		for _, at := range s.arrivals {
			if at.After(since) {
				s.mu.Unlock()
				return at.Sub(since)
			}
		}
		s.mu.Unlock()
	}
	return wait
}

// terminateListeners cuts the catalog listeners' connections on the
// primary, as a network blip or a server restart would, and returns how
// many it cut.
func terminateListeners(t *testing.T, url string) int {
	t.Helper()
	out, err := exec.Command("psql", url, "-Atc",
		`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query IN ('LISTEN recert_catalog_changes', 'SELECT version FROM catalog_state WHERE id = 1')`).CombinedOutput()
	if err != nil {
		t.Fatalf("cutting the listeners: %v: %s", err, out)
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(out)))
	return n
}

// maxOpCost is the most one operation of spendBudget costs.
const maxOpCost = 2000

// spendBudget spends one client's budget from three goroutines, each on
// its own process, until each has been refused for two seconds, and
// returns the cost admitted, the refusals and the time it took.
func spendBudget(t *testing.T, procs []*scaleProcess, tok string) (admitted int64, refused int64, elapsed time.Duration) {
	t.Helper()
	start := time.Now()
	var wg sync.WaitGroup
	var adm, ref atomic.Int64
	for _, p := range procs {
		wg.Add(1)
		go func(p *scaleProcess) {
			defer wg.Done()
			c := faultClient{base: "http://" + p.addr, http: &http.Client{Timeout: 10 * time.Second}}
			for time.Since(start) < 4*time.Second {
				a, err := scaleDo(c, tok, `{ certifications(first: 100) { nodes { displayName organization { name } } } }`, nil)
				if err != nil {
					continue
				}
				if a.status == http.StatusTooManyRequests {
					ref.Add(1)
					continue
				}
				adm.Add(int64(a.cost))
			}
		}(p)
	}
	wg.Wait()
	return adm.Load(), ref.Load(), time.Since(start)
}

// scaleAnswer is one HTTP answer of the scale test.
type scaleAnswer struct {
	status     int
	retryAfter string
	code       string
	cost       int
	data       map[string]any
	servedBy   string
	body       string
}

// scaleDo sends a query or mutation by POST.
func scaleDo(c faultClient, token, query string, vars map[string]any) (scaleAnswer, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return scaleSend(c, req)
}

// scaleGet sends a query by GET, which HAProxy may retry on another
// process.
func scaleGet(c faultClient, token, query string) (scaleAnswer, error) {
	req, _ := http.NewRequest(http.MethodGet, c.base+"/graphql?query="+url.QueryEscape(query), nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return scaleSend(c, req)
}

// scaleSend sends req and reads its answer.
func scaleSend(c faultClient, req *http.Request) (scaleAnswer, error) {
	res, err := c.http.Do(req)
	if err != nil {
		return scaleAnswer{}, err
	}
	defer res.Body.Close()
	a := scaleAnswer{status: res.StatusCode, retryAfter: res.Header.Get("Retry-After"), servedBy: res.Header.Get("X-Served-By")}
	var out struct {
		gqlReply
		Extensions struct {
			Cost struct {
				Actual int `json:"actual"`
			} `json:"cost"`
		} `json:"extensions"`
	}
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return a, err
	}
	if err := json.Unmarshal(raw, &out); err != nil && res.StatusCode == http.StatusOK {
		return a, fmt.Errorf("not JSON: %v", err)
	}
	if res.StatusCode != http.StatusOK {
		a.body = string(raw[:min(len(raw), 300)])
	}
	a.data, a.cost = out.Data, out.Extensions.Cost.Actual
	for field := range out.Data {
		if a.code = out.code(field); a.code != "" {
			break
		}
	}
	if a.code == "" {
		a.code = out.code("")
	}
	return a, nil
}

// scaleProcess is one service process of the scale test.
type scaleProcess struct {
	name, addr, bin string
	env             []string
	cmd             *exec.Cmd
}

func (p *scaleProcess) start(t *testing.T) {
	t.Helper()
	p.cmd = exec.Command(p.bin, "serve")
	p.cmd.Env = p.env
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
}

func (p *scaleProcess) waitReady(t *testing.T) {
	t.Helper()
	c := faultClient{base: "http://" + p.addr, http: &http.Client{Timeout: time.Second}}
	for deadline := time.Now().Add(30 * time.Second); c.ready() != http.StatusOK; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%s did not become ready", p.name)
		}
	}
}

func (p *scaleProcess) kill() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	_ = p.cmd.Wait()
}

// stop stops the process gracefully (SIGTERM): it drains, then lets the
// requests in flight finish.
func (p *scaleProcess) stop() {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(scaleDrain + 30*time.Second):
		_ = p.cmd.Process.Kill()
		<-done
	}
}

// allShared reports whether every process says its budgets are shared.
func allShared(procs []*scaleProcess) bool {
	for _, p := range procs {
		if metric(p, "recert_shared_budgets_up") != 1 {
			return false
		}
	}
	return true
}

func sumMetric(procs []*scaleProcess, name string) int64 {
	var n int64
	for _, p := range procs {
		n += int64(metric(p, name))
	}
	return n
}

// metric reads one unlabelled metric from a process's /metrics.
func metric(p *scaleProcess, name string) float64 {
	res, err := http.Get("http://" + p.addr + "/metrics")
	if err != nil {
		return -1
	}
	defer res.Body.Close()
	s := bufio.NewScanner(res.Body)
	for s.Scan() {
		if f := strings.Fields(s.Text()); len(f) == 2 && f[0] == name {
			v, _ := strconv.ParseFloat(f[1], 64)
			return v
		}
	}
	return -1
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
