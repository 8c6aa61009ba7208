//go:build loadtest

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
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
// mixed load, while one process is killed and restarted, the replica is
// stopped for 5 s and Redis is restarted (README "Several instances").
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
			"WRITE_TIMEOUT="+scaleWriteTimeout.String(), "RESOLVER_TIMEOUT=5s", "REPLICA_STICKINESS=2s", "TRUSTED_PROXIES=127.0.0.1", "MAX_ACTIVITIES_PER_APPLICATION=10000")}
		procs[i].env = append(procs[i].env, "INSTANCE_NAME="+procs[i].name, "LISTEN_ADDR="+procs[i].addr)
		procs[i].start(t)
	}
	defer func() {
		for _, p := range procs {
			p.stop()
		}
	}()
	front := freeAddr(t)
	cfg := filepath.Join(dir, "haproxy.cfg")
	var servers strings.Builder
	for _, p := range procs {
		fmt.Fprintf(&servers, "  server %s %s check inter 300ms fall 2 rise 1\n", p.name, p.addr)
	}
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`global
  maxconn 2000
defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  retries 2
  option redispatch
  retry-on conn-failure empty-response
frontend api
  bind %s
  default_backend recert
backend recert
  balance roundrobin
  option httpchk GET /readyz
  option forwardfor
%s`, front, servers.String())), 0o644); err != nil {
		t.Fatal(err)
	}
	hap := exec.Command(haproxy, "-f", cfg, "-db")
	if err := hap.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = hap.Process.Kill(); _ = hap.Wait() }()

	c := faultClient{base: "http://" + front, http: &http.Client{Timeout: scaleWriteTimeout + 5*time.Second}}
	for _, p := range procs {
		p.waitReady(t)
	}
	for deadline := time.Now().Add(30 * time.Second); c.ready() != http.StatusOK; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("HAProxy did not find a ready process")
		}
	}
	token := func(role catalog.Role, subject string) string { return signToken(t, secret, role, subject) }
	staff := token(catalog.RoleStaff, "staff-scale")
	const writers = 6
	importLoadCandidates(t, c, staff, "S", writers)

	var (
		mu           sync.Mutex
		outcomes     = map[string]int{}
		acknowledged = map[string][]string{}
		badAnswers   atomic.Int64
		total        atomic.Int64
		killedAt     atomic.Int64
	)
	note := func(kind, outcome string) {
		mu.Lock()
		outcomes[kind+" "+outcome]++
		mu.Unlock()
	}
	// classify records one answer: ok, UNAVAILABLE, 429 with Retry-After,
	// or (counted as bad) anything else; HAProxy's 502 for a request in
	// flight on the process just killed is counted apart.
	classify := func(kind string, a scaleAnswer, err error) string {
		total.Add(1)
		switch {
		case err != nil:
			badAnswers.Add(1)
			note(kind, "transport error")
			return "bad"
		case a.status == http.StatusTooManyRequests && a.retryAfter != "":
			note(kind, "429")
			return "429"
		case a.status == http.StatusBadGateway && time.Since(time.Unix(0, killedAt.Load())) < 3*time.Second:
			note(kind, "502 (killed process)")
			return "killed"
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
	var wg sync.WaitGroup
	reader := func(kind, subject, query string) {
		defer wg.Done()
		tok := token(catalog.RoleStaff, subject)
		for loadCtx.Err() == nil {
			a, err := scaleDo(c, tok, query, nil)
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
					if cur, err := scaleDo(c, tok, `query($id: ID!) { application(id: $id) { version } }`, map[string]any{"id": id}); err == nil && cur.code == "" && cur.status == http.StatusOK {
						version = int(cur.data["application"].(map[string]any)["version"].(float64))
					}
				}
			}
		}(i)
	}

	events := []string{}
	event := func(s string) { events = append(events, time.Now().Format("15:04:05.000")+" "+s) }
	replicaReadsBefore := sumMetric(procs, "recert_replica_reads_total")
	time.Sleep(10 * time.Second)
	killedAt.Store(time.Now().UnixNano())
	procs[1].kill()
	event("SIGKILL " + procs[1].name)
	time.Sleep(2 * time.Second)
	procs[1].start(t)
	procs[1].waitReady(t)
	event("restarted " + procs[1].name)
	time.Sleep(8 * time.Second)
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
	time.Sleep(10 * time.Second)
	_ = exec.Command("redis-cli", "shutdown", "nosave").Run()
	event("Redis shut down")
	time.Sleep(time.Second)
	if out, err := exec.Command(scaleRedisStart[0], scaleRedisStart[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("restarting Redis: %v: %s", err, out)
	}
	event("Redis restarted")
	wg.Wait()

	// One client's budget, spent in parallel on all three processes.
	for deadline := time.Now().Add(5 * time.Second); !allShared(procs); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the processes did not find Redis again after its restart")
		}
	}
	admitted, refused, elapsed := spendBudget(t, procs, token(catalog.RoleStaff, "budget-client"))

	// A catalog change is announced on every process within 1 s, and so
	// is one made while their listeners reconnect.
	subCtx, endSubs := context.WithCancel(context.Background())
	defer endSubs()
	var streams []*catalogStream
	for _, p := range procs {
		streams = append(streams, openCatalogStream(t, subCtx, p, token(catalog.RoleStaff, "watcher-"+p.name)))
	}
	time.Sleep(500 * time.Millisecond)
	announced := func(name string) time.Duration {
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
	liveLag := announced("live")
	terminated := terminateListeners(t, primary.URL())
	reconnectLag := announced("reconnect")
	allowed := float64(scaleBudget) + elapsed.Seconds()*scaleRestore

	lost, doubled, checked := 0, 0, 0
	for id, titles := range acknowledged {
		r, err := c.do(staff, `query($id: ID!) { application(id: $id) { activities { title } } }`, map[string]any{"id": id})
		if err != nil || r.code("") != "" {
			t.Fatalf("reading %s back: %+v %v", id, r, err)
		}
		stored := map[string]int{}
		for _, a := range r.Data["application"].(map[string]any)["activities"].([]any) {
			stored[a.(map[string]any)["title"].(string)]++
		}
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

	fmt.Println("\nmake scaletest: three processes behind HAProxy, PostgreSQL primary + streaming replica, shared Redis")
	for _, e := range events {
		fmt.Println("  " + e)
	}
	fmt.Printf("\n%-40s %10s\n", "answers by kind and outcome", "count")
	for k, n := range outcomes {
		fmt.Printf("%-40s %10d\n", k, n)
	}
	rows := []struct {
		what, got string
		ok        bool
	}{
		{"acknowledged writes checked", strconv.Itoa(checked), checked > 0},
		{"acknowledged writes lost", strconv.Itoa(lost), lost == 0},
		{"writes stored twice", strconv.Itoa(doubled), doubled == 0},
		{"budget: admitted cost on 3 processes", fmt.Sprintf("%d of %.0f (+1 op)", admitted, allowed), float64(admitted) <= allowed+float64(maxOpCost) && refused > 0},
		{"catalog change announced on all 3 (slowest)", liveLag.Round(time.Millisecond).String(), liveLag <= time.Second},
		{"same, made while listeners reconnect", fmt.Sprintf("%s (%d listeners cut)", reconnectLag.Round(time.Millisecond), terminated), reconnectLag <= time.Second && terminated >= 3},
		{"reads served by the replica while up", strconv.FormatInt(replicaReadsUp, 10), replicaReadsUp > 0},
		{"answers other than ok/UNAVAILABLE/429", strconv.FormatInt(badAnswers.Load(), 10), badAnswers.Load() == 0},
		{"requests answered", strconv.FormatInt(total.Load(), 10), total.Load() > 0},
	}
	fmt.Printf("\n%-42s %-24s %s\n", "assertion", "measured", "holds")
	for _, r := range rows {
		fmt.Printf("%-42s %-24s %v\n", r.what, r.got, r.ok)
		if !r.ok {
			t.Errorf("%s: %s", r.what, r.got)
		}
	}
}

// catalogStream is a catalogChanged subscription over server-sent
// events on one process, recording when each event arrived.
type catalogStream struct {
	mu       sync.Mutex
	arrivals []time.Time
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

func scaleDo(c faultClient, token, query string, vars map[string]any) (scaleAnswer, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
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

func (p *scaleProcess) stop() {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = p.cmd.Process.Kill()
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
