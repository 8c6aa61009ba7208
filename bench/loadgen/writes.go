package main

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// proofPDF is the tiny PDF attached as proof of each claimed activity.
var proofPDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

const (
	importQ = `mutation($csv: String!) { importCandidates(input: {csv: $csv}) { createdCount rowErrors { line column message } } }`
	createQ = `mutation($p: Program!, $k: String) { createApplication(program: $p, idempotencyKey: $k) { application { id version status } userErrors { field code message } } }`
	saveQ   = `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { id version status } userErrors { field code message } } }`
	proofQ  = `mutation($id: ID!, $v: Int!, $a: Int!, $f: Upload!) { attachActivityProof(applicationId: $id, version: $v, activityId: $a, file: $f) { application { id version status } userErrors { field code message } } }`
	submitQ = `mutation($id: ID!, $v: Int!, $k: String) { submitApplications(applicationIds: [$id], versions: [$v], idempotencyKey: $k) { applications { id version status } userErrors { field code message } } }`
	countQ  = `query($after: String, $s: [ApplicationStatus!]) { applications(first: 100, after: $after, filter: {statuses: $s}) { totalCount pageInfo { hasNextPage endCursor } nodes { id status } } }`
)

// candidate is a registered candidate holding a CPT and a CLT that expire
// 30 days from today, so that the submission window is open.
type candidate struct {
	number, token          string
	certifiedOn, expiresOn time.Time
}

// writer runs the writes workload: concurrent candidates each building an
// application for each certification they hold (create, claim ongoing
// employment since the cycle began and an Industry Certification, attach a
// PDF proof to each, submit), and remembers every acknowledged write so
// that they can be counted back afterwards.
type writer struct {
	endpoint string
	conns    int
	sign     tokenSigner
	staff    string
	cwiID    string
	runID    string
	client   *http.Client

	pool     []candidate
	imported int
	estimate int // candidates to have ready for the next round

	mu      sync.Mutex
	created map[string]int // application ID -> acknowledged creations
	acked   map[string]int // application ID -> acknowledged submissions
	flows   atomic.Int64
}

func newWriter(endpoint string, conns int, sign tokenSigner) (*writer, error) {
	staff, err := sign(roleStaff, "bench-staff", "")
	if err != nil {
		return nil, err
	}
	w := &writer{
		endpoint: endpoint, conns: conns, sign: sign, staff: staff,
		runID:  fmt.Sprintf("B%x", time.Now().Unix()%0xfffff),
		client: &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}},
		// A first guess; each round sizes the next from what it used.
		estimate: 1200,
		created:  map[string]int{}, acked: map[string]int{},
	}
	data, err := call(w.client, endpoint, jsonHeader(), `{ certifications(first: 1, filter: {search: "AWS Certified Welding Inspector"}) { nodes { id displayName } } }`, nil)
	if err != nil {
		return nil, fmt.Errorf("finding the certification to claim: %w", err)
	}
	if w.cwiID, _ = get(data, "certifications", "nodes", 0, "id").(string); w.cwiID == "" {
		return nil, fmt.Errorf("no certification found to claim: %v", data)
	}
	return w, nil
}

// fill registers candidates with importCandidates until n are ready.
func (w *writer) fill(n int) error {
	expires := time.Now().UTC().AddDate(0, 0, 30).Truncate(24 * time.Hour)
	certified := expires.AddDate(-5, 0, 0)
	for len(w.pool) < n {
		batch := min(n-len(w.pool), 1000)
		var csv strings.Builder
		csv.WriteString("candidate_id,name,email,program,certified_on,expires_on\n")
		var fresh []candidate
		for i := 0; i < batch; i++ {
			w.imported++
			number := fmt.Sprintf("%s-%06d", w.runID, w.imported)
			for _, p := range []string{"CPT", "CLT"} {
				fmt.Fprintf(&csv, "%s,Bench Candidate %d,%s@bench.example.com,%s,%s,%s\n", number, w.imported, strings.ToLower(number), p,
					certified.Format(time.DateOnly), expires.Format(time.DateOnly))
			}
			token, err := w.sign(roleCandidate, number, number)
			if err != nil {
				return err
			}
			fresh = append(fresh, candidate{number: number, token: token, certifiedOn: certified, expiresOn: expires})
		}
		data, err := call(w.client, w.endpoint, jsonHeader("Authorization", "Bearer "+w.staff), importQ, map[string]any{"csv": csv.String()})
		if err != nil {
			return fmt.Errorf("importing candidates: %w", err)
		}
		if errs, _ := get(data, "importCandidates", "rowErrors").([]any); len(errs) > 0 {
			return fmt.Errorf("importing candidates: %v", errs[0])
		}
		if got, _ := get(data, "importCandidates", "createdCount").(float64); int(got) != batch {
			return fmt.Errorf("importing candidates: %v created, want %d", got, batch)
		}
		w.pool = append(w.pool, fresh...)
	}
	return nil
}

// recorder keeps one worker's request results.
type recorder struct {
	results      []vegeta.Result
	failed       uint64
	firstFailure string
}

// do sends one mutation as the candidate, records it, and returns its
// payload; a failed request, a GraphQL error or a user error is an error.
func (w *writer) do(rec *recorder, token, field, contentType string, body []byte) (map[string]any, error) {
	start := time.Now()
	status, raw, err := post(w.client, w.endpoint, http.Header{"Authorization": {"Bearer " + token}}, contentType, body)
	res := vegeta.Result{Timestamp: start, Latency: time.Since(start), Code: uint16(status)}
	data, err := decode(status, raw, err)
	if err == nil {
		if errs, _ := get(data, field, "userErrors").([]any); len(errs) > 0 {
			err = fmt.Errorf("%s: user error %v", field, errs[0])
		}
	}
	if err != nil {
		res.Error = err.Error()
		rec.failed++
		if rec.firstFailure == "" {
			rec.firstFailure = fmt.Sprintf("%s: %v", field, err)
		}
	}
	rec.results = append(rec.results, res)
	if err != nil {
		return nil, err
	}
	return get(data, field).(map[string]any), nil
}

// flow builds and submits one application of c for program.
func (w *writer) flow(rec *recorder, c candidate, program string) error {
	key := c.number + "-" + program
	payload, err := w.do(rec, c.token, "createApplication", "application/json",
		graphqlBody(createQ, map[string]any{"p": program, "k": key + "-create"}))
	if err != nil {
		return err
	}
	id, _ := get(payload, "application", "id").(string)
	version := get(payload, "application", "version")
	w.mu.Lock()
	w.created[id]++
	w.mu.Unlock()
	for _, activity := range []map[string]any{
		{"category": "EMPLOYMENT", "activityTypeKey": "e-direct", "title": "Production associate, Bench Plastics",
			"startOn": c.certifiedOn.Format(time.DateOnly), "weeklyHours": 40, "ongoing": true},
		{"category": "INDUSTRY_CERTIFICATION", "activityTypeKey": "ic-certification", "title": "AWS Certified Welding Inspector",
			"certificationId": w.cwiID, "completedOn": c.certifiedOn.AddDate(1, 0, 0).Format(time.DateOnly)},
	} {
		payload, err = w.do(rec, c.token, "saveApplicationActivity", "application/json",
			graphqlBody(saveQ, map[string]any{"id": id, "v": version, "a": activity}))
		if err != nil {
			return err
		}
		version = get(payload, "application", "version")
	}
	for _, activityID := range []int{1, 2} {
		body, ct := multipartBody(proofQ, map[string]any{"id": id, "v": version, "a": activityID, "f": nil}, "variables.f", "proof.pdf", proofPDF)
		payload, err = w.do(rec, c.token, "attachActivityProof", ct, body)
		if err != nil {
			return err
		}
		version = get(payload, "application", "version")
	}
	payload, err = w.do(rec, c.token, "submitApplications", "application/json",
		graphqlBody(submitQ, map[string]any{"id": id, "v": version, "k": key + "-submit"}))
	if err != nil {
		return err
	}
	if get(payload, "applications", 0, "id") != id || get(payload, "applications", 0, "status") != "SUBMITTED" {
		return fmt.Errorf("submitApplications answered %v", payload)
	}
	w.mu.Lock()
	w.acked[id]++
	w.mu.Unlock()
	w.flows.Add(1)
	return nil
}

// round runs the workload for about d: each connection takes the next
// candidate and builds both applications, and starts no new candidate
// after d, so that no application is left half built.
func (w *writer) round(d time.Duration) sample {
	var s sample
	if err := w.fill(w.estimate); err != nil {
		s.Failed, s.FirstFailure = 1, err.Error()
		return s
	}
	pool := make(chan candidate, len(w.pool))
	for _, c := range w.pool {
		pool <- c
	}
	close(pool)
	recs := make([]recorder, w.conns)
	var ranOut atomic.Bool
	var wg sync.WaitGroup
	start := time.Now()
	for i := range recs {
		wg.Add(1)
		go func(rec *recorder) {
			defer wg.Done()
			for time.Since(start) < d {
				c, ok := <-pool
				if !ok {
					ranOut.Store(true)
					return
				}
				for _, program := range []string{"CPT", "CLT"} {
					if err := w.flow(rec, c, program); err != nil {
						break
					}
				}
			}
		}(&recs[i])
	}
	wg.Wait()
	s.Elapsed = time.Since(start)
	used := len(w.pool) - len(pool)
	w.pool = w.pool[used:]
	w.estimate = max(w.conns*4, int(float64(used)*1.5*d.Seconds()/s.Elapsed.Seconds())+w.conns)
	var m vegeta.Metrics
	for i := range recs {
		for j := range recs[i].results {
			m.Add(&recs[i].results[j])
		}
		s.Failed += recs[i].failed
		if s.FirstFailure == "" {
			s.FirstFailure = recs[i].firstFailure
		}
	}
	m.Close()
	s.Requests = m.Requests
	s.RPS = float64(m.Requests) / s.Elapsed.Seconds()
	s.P50, s.P99 = m.Latencies.P50, m.Latencies.P99
	s.Note = fmt.Sprintf("%d candidates", used)
	if ranOut.Load() {
		s.Note += ", ran out of registered candidates before the end of the round"
	}
	return s
}

// countBack reads the applications back as staff and reports every
// acknowledged write that is missing or there more than once.
func (w *writer) countBack() (string, error) {
	header := jsonHeader("Authorization", "Bearer "+w.staff)
	list := func(statuses []string) (map[string]int, int, error) {
		seen := map[string]int{}
		total := -1
		var after any
		for {
			vars := map[string]any{"after": after, "s": statuses}
			data, err := call(w.client, w.endpoint, header, countQ, vars)
			if err != nil {
				return nil, 0, err
			}
			n, _ := get(data, "applications", "totalCount").(float64)
			total = int(n)
			nodes, _ := get(data, "applications", "nodes").([]any)
			for _, node := range nodes {
				id, _ := get(node, "id").(string)
				seen[id]++
			}
			if more, _ := get(data, "applications", "pageInfo", "hasNextPage").(bool); !more {
				return seen, total, nil
			}
			after = get(data, "applications", "pageInfo", "endCursor")
		}
	}
	submitted, submittedTotal, err := list([]string{"SUBMITTED"})
	if err != nil {
		return "", fmt.Errorf("counting submitted applications: %w", err)
	}
	all, allTotal, err := list(nil)
	if err != nil {
		return "", fmt.Errorf("counting applications: %w", err)
	}
	var problems []string
	for id, n := range w.acked {
		if n != 1 {
			problems = append(problems, fmt.Sprintf("%s acknowledged as submitted %d times", id, n))
		}
		if submitted[id] != 1 {
			problems = append(problems, fmt.Sprintf("%s acknowledged as submitted, listed %d times as SUBMITTED", id, submitted[id]))
		}
	}
	for id, n := range submitted {
		if w.acked[id] == 0 {
			problems = append(problems, fmt.Sprintf("%s is SUBMITTED (listed %d times) but no submission of it was acknowledged", id, n))
		}
	}
	for id, n := range w.created {
		if n != 1 || all[id] != 1 {
			problems = append(problems, fmt.Sprintf("%s acknowledged as created %d times, listed %d times", id, n, all[id]))
		}
	}
	if submittedTotal != len(w.acked) || len(submitted) != len(w.acked) {
		problems = append(problems, fmt.Sprintf("%d submissions acknowledged, %d SUBMITTED listed (totalCount %d)", len(w.acked), len(submitted), submittedTotal))
	}
	if allTotal != len(w.created) || len(all) != len(w.created) {
		problems = append(problems, fmt.Sprintf("%d creations acknowledged, %d applications listed (totalCount %d)", len(w.created), len(all), allTotal))
	}
	summary := fmt.Sprintf("%d applications created and %d submitted were acknowledged; read back: %d applications, %d SUBMITTED", len(w.created), len(w.acked), allTotal, submittedTotal)
	if len(problems) > 0 {
		if len(problems) > 10 {
			problems = append(problems[:10], fmt.Sprintf("and %d more", len(problems)-10))
		}
		return summary, fmt.Errorf("lost or duplicated writes: %s", strings.Join(problems, "; "))
	}
	return summary, nil
}
