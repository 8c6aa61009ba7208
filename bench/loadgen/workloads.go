package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// The queries of the workloads: each asks both servers for the same
// content (the display name, the issuing organization's name and the
// recognition bases of certifications in name order), in the names each
// server's schema gives it. PostGraphile's names are those it generates
// from the tables that catalog/gormstore/migrations create on PostgreSQL.
const (
	recertBrowse = `{ certifications(first: 50) { nodes { displayName organization { name } recognitionBases } } }`
	pgBrowse     = `{ allCertifications(first: 50, orderBy: DISPLAY_NAME_ASC) { nodes { displayName organizationByOrganizationId { name } certificationRecognitionBasesByCertificationId { nodes { basis } } } } }`

	recertPage = `query($after: String) { certifications(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { displayName organization { name } recognitionBases } } }`
	pgPage     = `query($after: Cursor) { allCertifications(first: 50, after: $after, orderBy: DISPLAY_NAME_ASC) { totalCount pageInfo { hasNextPage endCursor } nodes { displayName organizationByOrganizationId { name } certificationRecognitionBasesByCertificationId { nodes { basis } } } } }`

	recertSearch = `query($t: String!) { certifications(first: 20, filter: {search: $t}) { nodes { displayName organization { name } recognitionBases } } }`
	pgSearch     = `query($t: String!) { allCertifications(first: 20, orderBy: DISPLAY_NAME_ASC, filter: {displayName: {includesInsensitive: $t}}) { nodes { displayName organizationByOrganizationId { name } certificationRecognitionBasesByCertificationId { nodes { basis } } } } }`

	recertCheck = `query($in: CredentialCheckInput!) { checkCredential(input: $in) { verdict points category confidence entry { displayName } rules { code description } alternatives { certification { displayName } score } nextStep } }`
)

var (
	//go:embed testdata/search_terms.txt
	searchTermsFile []byte
	//go:embed testdata/credentials.json
	credentialsFile []byte
)

// searchTerms are the 200 distinct terms of the search workload.
func searchTerms() []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(searchTermsFile))
	for sc.Scan() {
		if t := strings.TrimSpace(sc.Text()); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// credentialInputs are the 200 distinct inputs of the checkCredential workload.
func credentialInputs() ([]map[string]any, error) {
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(credentialsFile))
	for sc.Scan() {
		var in map[string]any
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

// jsonHeader is the header of every JSON request; extra pairs are added.
func jsonHeader(extra ...string) http.Header {
	h := http.Header{"Content-Type": {"application/json"}, "Accept": {"application/json"}}
	for i := 0; i+1 < len(extra); i += 2 {
		h.Set(extra[i], extra[i+1])
	}
	return h
}

// request is one distinct request of a workload, with the check its
// answer must pass when it is verified before the load.
type request struct {
	target vegeta.Target
	check  func(data map[string]any) error
}

func newRequest(endpoint string, header http.Header, query string, vars map[string]any, check func(map[string]any) error) request {
	return request{
		target: vegeta.Target{Method: http.MethodPost, URL: endpoint, Body: graphqlBody(query, vars), Header: header},
		check:  check,
	}
}

// verify sends each request once and checks its answer fully.
func verify(client *http.Client, reqs []request) error {
	for _, r := range reqs {
		status, raw, err := post(client, r.target.URL, r.target.Header, r.target.Header.Get("Content-Type"), r.target.Body)
		data, err := decode(status, raw, err)
		if err == nil && r.check != nil {
			err = r.check(data)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", truncate(string(r.target.Body), 200), err)
		}
	}
	return nil
}

func targetsOf(reqs []request) []vegeta.Target {
	out := make([]vegeta.Target, len(reqs))
	for i, r := range reqs {
		out[i] = r.target
	}
	return out
}

// nodesAt returns the list of nodes at path, or an error naming the path.
func nodesAt(data map[string]any, path ...any) ([]any, error) {
	nodes, ok := get(data, path...).([]any)
	if !ok {
		return nil, fmt.Errorf("no list at %v", path)
	}
	return nodes, nil
}

// wantNodes checks that the list at path holds n nodes.
func wantNodes(n int, path ...any) func(map[string]any) error {
	return func(data map[string]any) error {
		nodes, err := nodesAt(data, path...)
		if err == nil && len(nodes) != n {
			err = fmt.Errorf("%d nodes at %v, want %d", len(nodes), path, n)
		}
		return err
	}
}

// browseRequests: the same first page, again and again.
func browseRequests(recertURL, pgURL string, total int) (recert, pg []request) {
	n := min(50, total)
	recert = []request{newRequest(recertURL, jsonHeader(), recertBrowse, nil, wantNodes(n, "certifications", "nodes"))}
	if pgURL != "" {
		pg = []request{newRequest(pgURL, jsonHeader(), pgBrowse, nil, wantNodes(n, "allCertifications", "nodes"))}
	}
	return recert, pg
}

// walkRequests walks every page by cursor once, to learn the cursors, and
// returns one request per page. This service is asked with
// `Cache-Control: no-cache`, which its response cache must honour by
// answering from the catalog rather than from the cache.
func walkRequests(client *http.Client, endpoint, root, query string, header http.Header) ([]request, int, error) {
	var reqs []request
	var after any
	seen, total := 0, -1
	for page := 0; ; page++ {
		vars := map[string]any{"after": after}
		data, err := call(client, endpoint, header, query, vars)
		if err != nil {
			return nil, 0, fmt.Errorf("walking %s, page %d: %w", root, page+1, err)
		}
		nodes, err := nodesAt(data, root, "nodes")
		if err != nil {
			return nil, 0, err
		}
		count, _ := get(data, root, "totalCount").(float64)
		total = int(count)
		reqs = append(reqs, newRequest(endpoint, header, query, vars, wantNodes(len(nodes), root, "nodes")))
		seen += len(nodes)
		if more, _ := get(data, root, "pageInfo", "hasNextPage").(bool); !more {
			break
		}
		after = get(data, root, "pageInfo", "endCursor")
		if after == nil || page > 100000 {
			return nil, 0, fmt.Errorf("walking %s: a page with more to come and no end cursor", root)
		}
	}
	if seen != total {
		return nil, 0, fmt.Errorf("walking %s: %d nodes on the pages, totalCount %d", root, seen, total)
	}
	return reqs, total, nil
}

// searchRequests: one request per term.
func searchRequests(recertURL, pgURL string, terms []string) (recert, pg []request) {
	for _, t := range terms {
		vars := map[string]any{"t": t}
		recert = append(recert, newRequest(recertURL, jsonHeader(), recertSearch, vars, func(d map[string]any) error {
			_, err := nodesAt(d, "certifications", "nodes")
			return err
		}))
		if pgURL != "" {
			pg = append(pg, newRequest(pgURL, jsonHeader(), pgSearch, vars, func(d map[string]any) error {
				_, err := nodesAt(d, "allCertifications", "nodes")
				return err
			}))
		}
	}
	return recert, pg
}

// checkRequests: one checkCredential request per input.
func checkRequests(recertURL string, inputs []map[string]any) []request {
	var out []request
	for _, in := range inputs {
		out = append(out, newRequest(recertURL, jsonHeader(), recertCheck, map[string]any{"in": in}, func(d map[string]any) error {
			if v, _ := get(d, "checkCredential", "verdict").(string); v == "" {
				return fmt.Errorf("no verdict")
			}
			return nil
		}))
	}
	return out
}

// sample is what one round of one workload on one server measured.
type sample struct {
	Requests     uint64
	Failed       uint64
	Elapsed      time.Duration
	RPS          float64
	P50, P99     time.Duration
	FirstFailure string
	Note         string
}

// attack sends the targets round robin for d over conns connections, as
// fast as the server answers (no rate limit on the client), and checks
// every answer: HTTP 200, a data object, no errors.
func attack(name string, targets []vegeta.Target, d time.Duration, conns int) sample {
	// conns workers, each with its own kept-alive connection, each sending
	// its next request as soon as its answer is read. The transport reads
	// a whole answer in one go and asks for no compression (neither server
	// compresses), which keeps the client's own share of the two cores small.
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns,
		ReadBufferSize: 64 << 10, WriteBufferSize: 16 << 10, DisableCompression: true,
	}}
	atk := vegeta.NewAttacker(
		vegeta.Workers(uint64(conns)), vegeta.MaxWorkers(uint64(conns)),
		vegeta.Client(client), vegeta.Redirects(vegeta.NoFollow),
	)
	var m vegeta.Metrics
	var s sample
	for res := range atk.Attack(vegeta.NewStaticTargeter(targets...), vegeta.ConstantPacer{}, d, name) {
		if res.Error != "" || res.Code != http.StatusOK || !answerOK(res.Body) {
			s.Failed++
			if s.FirstFailure == "" {
				s.FirstFailure = fmt.Sprintf("HTTP %d %s: %s", res.Code, res.Error, truncate(string(res.Body), 300))
			}
		}
		res.Body = nil
		m.Add(res)
	}
	m.Close()
	s.Requests = m.Requests
	s.Elapsed = m.Duration + m.Wait
	if s.Elapsed > 0 {
		s.RPS = float64(m.Requests) / s.Elapsed.Seconds()
	}
	s.P50, s.P99 = m.Latencies.P50, m.Latencies.P99
	return s
}
