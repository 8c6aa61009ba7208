//go:build loadtest

package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/pgcluster"
)

// TestSurvivesADatabaseOutage runs 30 s of mixed load against the server
// on its own PostgreSQL cluster, stops PostgreSQL for 5 s and starts it
// again: no error other than UNAVAILABLE, no hang, every acknowledged write
// present afterwards exactly once, and the server never restarts.
func TestSurvivesADatabaseOutage(t *testing.T) {
	cluster, err := pgcluster.Start()
	if err != nil {
		t.Fatalf("the fault test needs its own PostgreSQL cluster: %v", err)
	}
	defer cluster.Remove()
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	_ = l.Close()
	dir := t.TempDir()
	env := map[string]string{
		"DATABASE_URL": cluster.URL(), "LISTEN_ADDR": addr, "AUTH_DEV_SECRET": "fault-test-secret",
		"UPLOADS_URL": "file://" + filepath.Join(dir, "uploads"), "LOG_LEVEL": "error", "DB_TIMEOUT": "2s",
		"RATE_LIMIT_BUDGET": "100000000",
		// Each writer adds activities to one application for the whole run,
		// far past the default cap a real application keeps to.
		"MAX_ACTIVITIES_PER_APPLICATION": "10000",
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- run(ctx, []string{"serve"}, func(k string) string { return env[k] }, io.Discard) }()
	c := faultClient{base: "http://" + addr, http: &http.Client{Timeout: 5 * time.Second}}
	c.waitReady(t, 60*time.Second, "the server did not become ready")
	token := func(role catalog.Role, subject string) string {
		return signToken(t, env["AUTH_DEV_SECRET"], role, subject)
	}
	staff := token(catalog.RoleStaff, "staff-fault")
	const writers = 8
	importLoadCandidates(t, c, staff, "F", writers)

	var (
		mu           sync.Mutex
		codes        = map[string]int{}
		acknowledged = map[string][]string{}
		readsInOut   atomic.Int64
		down         atomic.Bool
		hangs        atomic.Int64
	)
	note := func(code string) {
		mu.Lock()
		codes[code]++
		mu.Unlock()
	}
	loadCtx, endLoad := context.WithTimeout(context.Background(), 30*time.Second)
	defer endLoad()
	var wg sync.WaitGroup
	reader := func(query string) {
		defer wg.Done()
		for loadCtx.Err() == nil {
			r, err := c.do("", query, nil)
			switch {
			case err != nil:
				hangs.Add(1)
				note("transport: " + err.Error())
			case r.code("") != "":
				note("catalog read " + r.code(""))
			case down.Load():
				readsInOut.Add(1)
			}
		}
	}
	wg.Add(2)
	go reader(`{ certifications(first: 20) { nodes { displayName organization { name } } } }`)
	go reader(`{ checkCredential(input: {text: "AWS CWI"}) { verdict } }`)
	for i := 0; i < writers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			tok := token(catalog.RoleCandidate, fmt.Sprintf("F-%03d", i))
			var id string
			version := 0
			for loadCtx.Err() == nil && id == "" {
				r, err := c.do(tok, `mutation($k: String) { createApplication(program: CPT, idempotencyKey: $k) { application { id version } userErrors { code } } }`,
					map[string]any{"k": fmt.Sprintf("create-%d", i)})
				if err != nil {
					hangs.Add(1)
					continue
				}
				if code := r.code("createApplication"); code != "" {
					note(code)
					continue
				}
				app := r.Data["createApplication"].(map[string]any)["application"].(map[string]any)
				id, version = app["id"].(string), int(app["version"].(float64))
			}
			for n := 0; loadCtx.Err() == nil; n++ {
				title := fmt.Sprintf("volunteer %d-%d", i, n)
				r, err := c.do(tok, `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { version } userErrors { code } } }`,
					map[string]any{"id": id, "v": version, "a": map[string]any{"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": title,
						"completedOn": time.Now().UTC().AddDate(0, 0, -10).Format("2006-01-02"), "hours": 8}})
				switch {
				case err != nil:
					hangs.Add(1)
				case r.code("saveApplicationActivity") == "":
					mu.Lock()
					acknowledged[id] = append(acknowledged[id], title)
					mu.Unlock()
					version = int(r.Data["saveApplicationActivity"].(map[string]any)["application"].(map[string]any)["version"].(float64))
				default:
					note(r.code("saveApplicationActivity"))
					if r.code("saveApplicationActivity") == "CONFLICT" {
						// The write went through but its answer was lost: read the version on.
						if cur, err := c.do(tok, `query($id: ID!) { application(id: $id) { version } }`, map[string]any{"id": id}); err == nil && cur.code("") == "" {
							version = int(cur.Data["application"].(map[string]any)["version"].(float64))
						}
					}
				}
			}
		}(i)
	}

	time.Sleep(10 * time.Second) // let the load run before the outage
	down.Store(true)
	if err := cluster.StopServer(); err != nil {
		t.Fatal(err)
	}
	sawNotReady := false
	for outage := time.Now(); time.Since(outage) < 5*time.Second; time.Sleep(250 * time.Millisecond) {
		sawNotReady = sawNotReady || c.ready() == http.StatusServiceUnavailable
	}
	if err := cluster.StartServer(); err != nil {
		t.Fatal(err)
	}
	down.Store(false)
	recovered := false
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if c.ready() == http.StatusOK {
			recovered = true
			break
		}
	}
	wg.Wait()

	select {
	case err := <-served:
		t.Fatalf("the server stopped during the test: %v", err)
	default:
	}
	if !sawNotReady || !recovered {
		t.Errorf("/readyz during the outage was never 503 (%v) or never 200 again (%v)", sawNotReady, recovered)
	}
	if hangs.Load() > 0 {
		t.Errorf("%d requests failed at the transport or hung past 5 s", hangs.Load())
	}
	for code, n := range codes {
		if code != string(catalog.CodeUnavailable) && code != string(catalog.CodeConflict) {
			t.Errorf("%d answers with %q; only writes may fail, with UNAVAILABLE", n, code)
		}
	}
	if codes[string(catalog.CodeUnavailable)] == 0 || readsInOut.Load() == 0 {
		t.Errorf("the outage was not seen (UNAVAILABLE %d) or catalog reads failed during it (%d served)", codes[string(catalog.CodeUnavailable)], readsInOut.Load())
	}
	total := 0
	for id, titles := range acknowledged {
		stored := c.storedActivityTitles(t, staff, id)
		for title, n := range stored {
			if n > 1 {
				t.Errorf("%s: %q stored %d times", id, title, n)
			}
		}
		for _, title := range titles {
			if stored[title] != 1 {
				t.Errorf("%s: the acknowledged write %q is stored %d times", id, title, stored[title])
			}
		}
		total += len(titles)
	}
	if total == 0 {
		t.Error("no write was acknowledged")
	}
	t.Logf("acknowledged writes %d, answers by code %v, catalog reads served during the outage %d", total, codes, readsInOut.Load())
	stop()
	if err := <-served; err != nil {
		t.Errorf("shutdown: %v", err)
	}
	_ = os.RemoveAll(dir)
}
