package apitest

import (
	"slices"
	"testing"
)

func TestCertificationsWalkEveryPageByCursor(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		const q = `query($after: String) {
			certifications(first: 50, after: $after) {
				totalCount
				pageInfo { hasNextPage hasPreviousPage endCursor }
				edges { cursor node { id displayName } }
			}
		}`
		var (
			after any
			seen  []string
			total int
		)
		for page := 0; page < 10; page++ {
			data := e.ok(t, q, map[string]any{"after": after})
			conn := get(data, "certifications")
			total = num(get(conn, "totalCount"))
			for _, edge := range get(conn, "edges").([]any) {
				seen = append(seen, get(edge, "node", "id").(string))
			}
			if page > 0 && get(conn, "pageInfo", "hasPreviousPage") != true {
				t.Fatalf("page %d: hasPreviousPage should be true", page)
			}
			if get(conn, "pageInfo", "hasNextPage") != true {
				break
			}
			after = get(conn, "pageInfo", "endCursor")
		}
		if total != 164 {
			t.Fatalf("totalCount = %d, want 164 (every certification of the guide)", total)
		}
		if len(seen) != total {
			t.Fatalf("walked %d certifications, want %d", len(seen), total)
		}
		unique := slices.Clone(seen)
		slices.Sort(unique)
		if len(slices.Compact(unique)) != total {
			t.Fatal("a certification was returned twice while paging")
		}
	})
}

func TestCertificationsPageBackwardsWithLastAndBefore(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		all := e.ok(t, `{ certifications(first: 10) { edges { cursor node { id } } } }`, nil)
		edges := get(all, "certifications", "edges").([]any)
		before := get(edges, 6, "cursor")
		data := e.ok(t, `query($before: String) {
			certifications(last: 3, before: $before) {
				pageInfo { hasNextPage hasPreviousPage }
				nodes { id }
			}
		}`, map[string]any{"before": before})
		nodes := get(data, "certifications", "nodes").([]any)
		for i, want := range []int{3, 4, 5} {
			if got, exp := get(nodes, i, "id"), get(edges, want, "node", "id"); got != exp {
				t.Errorf("last 3 before the 7th: item %d is %v, want %v", i, got, exp)
			}
		}
		if get(data, "certifications", "pageInfo", "hasNextPage") != true || get(data, "certifications", "pageInfo", "hasPreviousPage") != true {
			t.Errorf("both neighbours exist: %v", get(data, "certifications", "pageInfo"))
		}
	})
}

func TestCertificationsFilterAndFacets(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		data := e.ok(t, `{
			certifications(first: 5, filter: { recognitionBases: [NCCA] }) {
				totalCount
				facets {
					recognitionBases { basis count }
					organizations { organization { key } count }
				}
			}
		}`, nil)
		conn := get(data, "certifications")
		// BCSP 7, Crane Institute of America 4, NCCCO 9 and OECP 5 are NCCA accredited.
		if got := num(get(conn, "totalCount")); got != 25 {
			t.Fatalf("NCCA entries = %d, want 25", got)
		}
		bases := map[string]int{}
		for _, b := range get(conn, "facets", "recognitionBases").([]any) {
			bases[get(b, "basis").(string)] = num(get(b, "count"))
		}
		want := map[string]int{"NAM_ENDORSED": 0, "ANSI_ISO_17024": 20, "NCCA": 25, "OSHA_GENERAL_INDUSTRY": 0}
		for k, v := range want {
			if bases[k] != v {
				t.Errorf("facet %s = %d, want %d", k, bases[k], v)
			}
		}
		orgs := map[string]int{}
		for _, o := range get(conn, "facets", "organizations").([]any) {
			orgs[get(o, "organization", "key").(string)] = num(get(o, "count"))
		}
		if len(orgs) != 4 || orgs["nccco"] != 9 || orgs["bcsp"] != 7 || orgs["oecp"] != 5 || orgs["cia"] != 4 {
			t.Errorf("organization facets = %v", orgs)
		}
	})
}

func TestCertificationsEligibleForProgram(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		count := func(program string) int {
			data := e.ok(t, `query($p: Program, $o: [ID!]) {
				certifications(filter: { eligibleFor: $p, organizationIds: $o }) { totalCount }
			}`, map[string]any{"p": program, "o": []string{mssc(t, e)}})
			return num(get(data, "certifications", "totalCount"))
		}
		// CPT holders may count CLA, CLT and Green Production; CLT holders the five CPT certificates.
		if got := count("CPT"); got != 3 {
			t.Errorf("MSSC entries a CPT holder may count = %d, want 3", got)
		}
		if got := count("CLT"); got != 5 {
			t.Errorf("MSSC entries a CLT holder may count = %d, want 5", got)
		}
	})
}

// mssc returns the global ID of the Manufacturing Skill Standards Council.
func mssc(t *testing.T, e *env) string {
	t.Helper()
	data := e.ok(t, `{ organizations(first: 100) { nodes { id key } } }`, nil)
	for _, o := range get(data, "organizations", "nodes").([]any) {
		if get(o, "key") == "mssc" {
			return get(o, "id").(string)
		}
	}
	t.Fatal("no MSSC organization")
	return ""
}

func TestCertificationsSearch(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		for _, tc := range []struct{ search, wantFirst string }{
			{"CWI", "aws-cwi"},
			{"certified welding inspector", "aws-cwi"},
			{"Certfied Weldng Inspector", "aws-cwi"},
			{"inspector welding certified", "aws-cwi"},
			{"OSHA 30", "osha-30-general-industry"},
			{"osha-10", "osha-10-general-industry"},
			{"CMRT", "isa-cmrt"},
			{"CIMM", "isa-cmrt"},
			{"certified safety professional", "bcsp-csp"},
		} {
			t.Run(tc.search, func(t *testing.T) {
				data := e.ok(t, `query($s: String) {
					certifications(first: 3, filter: { search: $s }) { totalCount nodes { key } }
				}`, map[string]any{"s": tc.search})
				if got := get(data, "certifications", "nodes", 0, "key"); got != tc.wantFirst {
					t.Errorf("first hit for %q = %v, want %s (%v)", tc.search, got, tc.wantFirst, get(data, "certifications", "nodes"))
				}
			})
		}
		data := e.ok(t, `{ certifications(filter: { search: "zzqx plumbing" }) { totalCount } }`, nil)
		if got := num(get(data, "certifications", "totalCount")); got != 0 {
			t.Errorf("a search matching nothing found %d entries", got)
		}
	})
}

func TestOrganizationsWithTheirCertifications(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		data := e.ok(t, `{
			organizations(first: 100) {
				totalCount
				nodes { key acronym certifications(first: 100) { totalCount nodes { organization { key } } } }
			}
		}`, nil)
		if got := num(get(data, "organizations", "totalCount")); got != 24 {
			t.Fatalf("organizations = %d, want 24", got)
		}
		sum := 0
		for _, o := range get(data, "organizations", "nodes").([]any) {
			n := num(get(o, "certifications", "totalCount"))
			sum += n
			for _, c := range get(o, "certifications", "nodes").([]any) {
				if get(c, "organization", "key") != get(o, "key") {
					t.Errorf("%v lists a certification of %v", get(o, "key"), get(c, "organization", "key"))
				}
			}
			if get(o, "key") == "nims" && n != 50 {
				t.Errorf("NIMS certifications = %d, want 50", n)
			}
		}
		if sum != 164 {
			t.Errorf("certifications across organizations = %d, want 164", sum)
		}
	})
}
