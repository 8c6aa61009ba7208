//go:build loadtest

package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
)

// soakDuration is how long TestSoak runs its load; SOAK_DURATION changes it.
func soakDuration(t *testing.T) time.Duration {
	if v := os.Getenv("SOAK_DURATION"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 30*time.Second {
			t.Fatalf("SOAK_DURATION=%q: use a duration of at least 30s", v)
		}
		return d
	}
	return 2 * time.Minute
}

// residentBytes reads this process's resident set size from /proc.
func residentBytes(t *testing.T) int64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatalf("the soak run reads RSS from /proc: %v", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb * 1024
		}
	}
	t.Fatal("no VmRSS in /proc/self/status")
	return 0
}

// writeHeapProfile writes a heap profile named name into SOAK_PROFILES, a
// directory, when that is set: the run writes one when its warm-up ends and
// one at its end, to be compared with
// `go tool pprof -top -diff_base warm.pprof end.pprof`.
func writeHeapProfile(t *testing.T, name string) {
	dir := os.Getenv("SOAK_PROFILES")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("SOAK_PROFILES: %v", err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		t.Fatalf("writing the heap profile %s: %v", name, err)
	}
	t.Logf("heap profile written to %s", f.Name())
}

// TestSoak runs mixed load (catalog reads, credential checks, application
// writes that add and remove activities) against the whole service, prints
// errors, RSS and goroutines every 10 s, and fails on any error or on RSS
// growing more than 10% after the first quarter of the run (the warm-up).
func TestSoak(t *testing.T) {
	const secret = "soak-secret"
	base, stop := startService(t, map[string]string{"AUTH_DEV_SECRET": secret, "RATE_LIMIT_BUDGET": "100000000"})
	c := faultClient{base: base, http: &http.Client{Timeout: 10 * time.Second}}
	token := func(role catalog.Role, subject string) string { return signToken(t, secret, role, subject) }
	const writers = 4
	importLoadCandidates(t, c, token(catalog.RoleStaff, "staff-soak"), "S", writers)

	var (
		requests atomic.Int64
		failures atomic.Int64
		mu       sync.Mutex
		firstErr []string
	)
	fail := func(what string) {
		failures.Add(1)
		mu.Lock()
		if len(firstErr) < 5 {
			firstErr = append(firstErr, what)
		}
		mu.Unlock()
	}
	duration := soakDuration(t)
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	var wg sync.WaitGroup
	read := func(query string) {
		defer wg.Done()
		for ctx.Err() == nil {
			requests.Add(1)
			if r, err := c.do("", query, nil); err != nil || r.code("") != "" {
				fail(fmt.Sprintf("%s: %v %v", query, err, r.Errors))
			}
		}
	}
	wg.Add(3)
	go read(`{ certifications(first: 20) { nodes { displayName organization { name } } } }`)
	go read(`{ certifications(first: 10, filter: {search: "welding"}) { totalCount nodes { key } } }`)
	go read(`{ checkCredential(input: {text: "AWS CWI"}) { verdict } }`)
	for i := 0; i < writers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			tok := token(catalog.RoleCandidate, fmt.Sprintf("S-%03d", i))
			r, err := c.do(tok, `mutation($k: String) { createApplication(program: CPT, idempotencyKey: $k) { application { id version } } }`, map[string]any{"k": fmt.Sprintf("soak-%d", i)})
			if err != nil || r.code("createApplication") != "" {
				fail(fmt.Sprintf("createApplication: %v %+v", err, r))
				return
			}
			app := r.Data["createApplication"].(map[string]any)["application"].(map[string]any)
			id, version := app["id"].(string), int(app["version"].(float64))
			for n := 0; ctx.Err() == nil; n++ {
				requests.Add(1)
				r, err := c.do(tok, `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { version activities { activityId } } userErrors { code } } }`,
					map[string]any{"id": id, "v": version, "a": map[string]any{"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": fmt.Sprintf("volunteer %d", n),
						"completedOn": time.Now().UTC().AddDate(0, 0, -10).Format("2006-01-02"), "hours": 8}})
				if err != nil || r.code("saveApplicationActivity") != "" {
					fail(fmt.Sprintf("saveApplicationActivity: %v %+v", err, r))
					return
				}
				saved := r.Data["saveApplicationActivity"].(map[string]any)["application"].(map[string]any)
				activities := saved["activities"].([]any)
				last := int(activities[len(activities)-1].(map[string]any)["activityId"].(float64))
				requests.Add(1)
				r, err = c.do(tok, `mutation($id: ID!, $v: Int!, $a: Int!) { removeApplicationActivity(applicationId: $id, version: $v, activityId: $a) { application { version } userErrors { code } } }`,
					map[string]any{"id": id, "v": int(saved["version"].(float64)), "a": last})
				if err != nil || r.code("removeApplicationActivity") != "" {
					fail(fmt.Sprintf("removeApplicationActivity: %v %+v", err, r))
					return
				}
				version = int(r.Data["removeApplicationActivity"].(map[string]any)["application"].(map[string]any)["version"].(float64))
			}
		}(i)
	}

	warmUp := duration / 4
	start := time.Now()
	var warmRSS, peakRSS int64
	tick := time.NewTicker(10 * time.Second)
	defer tick.Stop()
	for ctx.Err() == nil {
		select {
		case <-ctx.Done():
		case <-tick.C:
			runtime.GC()
			rss := residentBytes(t)
			elapsed := time.Since(start).Round(time.Second)
			t.Logf("t=%s requests=%d errors=%d rss=%.1fMiB goroutines=%d", elapsed, requests.Load(), failures.Load(), float64(rss)/(1<<20), runtime.NumGoroutine())
			switch {
			case warmRSS == 0 && elapsed >= warmUp:
				warmRSS, peakRSS = rss, rss
				writeHeapProfile(t, "warm.pprof")
			case warmRSS != 0 && rss > peakRSS:
				peakRSS = rss
			}
		}
	}
	wg.Wait()
	runtime.GC()
	writeHeapProfile(t, "end.pprof")
	if n := failures.Load(); n > 0 {
		t.Errorf("%d of %d requests failed, first: %v", n, requests.Load(), firstErr)
	}
	if warmRSS == 0 {
		t.Fatal("the run ended before its warm-up did")
	}
	growth := float64(peakRSS-warmRSS) / float64(warmRSS)
	t.Logf("requests %d in %s; RSS after warm-up %.1f MiB, peak %.1f MiB, growth %.1f%%", requests.Load(), duration, float64(warmRSS)/(1<<20), float64(peakRSS)/(1<<20), growth*100)
	if growth > 0.10 {
		t.Errorf("RSS grew %.1f%% after warm-up; at most 10%% is allowed", growth*100)
	}
	if err := stop(); err != nil {
		t.Errorf("shutdown: %v", err)
	}
}
