package apitest

import (
	"slices"
	"testing"

	"github.com/mssc/recert/catalog"
)

const importMutation = `mutation($csv: String!) {
	importCandidates(input: { csv: $csv }) {
		createdCount heldAddedCount unchangedCount
		candidates { msscCandidateId heldCertifications { program } }
		rowErrors { line column code message }
	}
}`

const goodCSV = `candidate_id,name,email,program,certified_on,expires_on
C-2001,Dana Diaz,dana@example.com,CPT,2021-03-01,2026-03-01
C-2001,Dana Diaz,dana@example.com,CLT,2022-05-01,2027-05-01
C-2002,Eli Evans,eli@example.com,clt,2020-01-15,2025-01-15
`

func TestImportCandidatesFromCSV(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		data := e.okAs(t, staff, importMutation, map[string]any{"csv": goodCSV})
		res := get(data, "importCandidates")
		if len(get(res, "rowErrors").([]any)) != 0 {
			t.Fatalf("row errors: %v", get(res, "rowErrors"))
		}
		if num(get(res, "createdCount")) != 2 || num(get(res, "heldAddedCount")) != 1 || len(get(res, "candidates").([]any)) != 2 {
			t.Errorf("import = %v", res)
		}
		again := get(e.okAs(t, staff, importMutation, map[string]any{"csv": goodCSV}), "importCandidates")
		if num(get(again, "createdCount")) != 0 || num(get(again, "unchangedCount")) != 3 || len(get(again, "rowErrors").([]any)) != 0 {
			t.Errorf("repeating the import should change nothing: %v", again)
		}
		list := e.okAs(t, staff, `{ candidates(first: 10) { totalCount nodes { msscCandidateId heldCertifications { program expiresOn } } } }`, nil)
		if num(get(list, "candidates", "totalCount")) != 2 || len(get(list, "candidates", "nodes", 0, "heldCertifications").([]any)) != 2 {
			t.Errorf("candidates after import = %v", list)
		}
	})
}

func TestImportWithBadRowsImportsNothing(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		register(t, e, "C-1001", "Alice Adams")
		bad := `candidate_id,name,email,program,certified_on,expires_on
C-3001,Fay Fox,fay@example.com,CPT,2021-01-01,2026-01-01
C-3002,Gus Grey,not-an-email,CPT,2021-01-01,2026-01-01
C-3003,Hal Hill,hal@example.com,CPX,2021-01-01,2026-01-01
C-3004,Ivy Ito,ivy@example.com,CLT,2021-13-01,2026-01-01
C-1001,Alice Adams,C-1001@example.com,CPT,2020-01-01,2025-01-01
C-3001,Fay Fontaine,fay@example.com,CLT,2021-01-01,2026-01-01
`
		res := get(e.okAs(t, staff, importMutation, map[string]any{"csv": bad}), "importCandidates")
		var lines []int
		for _, r := range get(res, "rowErrors").([]any) {
			lines = append(lines, num(get(r, "line")))
		}
		if want := []int{3, 4, 5, 6, 7}; !slices.Equal(lines, want) {
			t.Errorf("bad lines = %v, want %v: %v", lines, want, get(res, "rowErrors"))
		}
		if num(get(res, "createdCount")) != 0 || len(get(res, "candidates").([]any)) != 0 {
			t.Errorf("a file with bad rows imported something: %v", res)
		}
		list := e.okAs(t, staff, `{ candidates { totalCount } }`, nil)
		if num(get(list, "candidates", "totalCount")) != 1 {
			t.Errorf("candidates = %v, want only the one registered before", list)
		}
		for _, tc := range []struct{ name, csv string }{
			{"no header", ""},
			{"missing column", "candidate_id,name,email\nC-1,A,a@example.com\n"},
			{"no rows", "candidate_id,name,email,program,certified_on,expires_on\n"},
			{"broken quoting", "candidate_id,name,email,program,certified_on,expires_on\nC-4001,\"Open,x@example.com,CPT,2021-01-01,2026-01-01\n"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				res := get(e.okAs(t, staff, importMutation, map[string]any{"csv": tc.csv}), "importCandidates")
				if len(get(res, "rowErrors").([]any)) == 0 || get(res, "rowErrors", 0, "code") != "BAD_USER_INPUT" {
					t.Errorf("import of %q = %v", tc.csv, res)
				}
			})
		}
	})
}

func TestCandidatesPageAndSearch(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		for _, n := range []string{"C-1005", "C-1001", "C-1004", "C-1002", "C-1003"} {
			register(t, e, n, "Person "+n)
		}
		const q = `query($after: String, $before: String, $first: Int, $last: Int, $s: String) {
			candidates(first: $first, after: $after, last: $last, before: $before, search: $s) {
				totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { msscCandidateId }
			}
		}`
		var seen []string
		var after any
		for i := 0; i < 5; i++ {
			c := get(e.okAs(t, staff, q, map[string]any{"first": 2, "after": after}), "candidates")
			for _, n := range get(c, "nodes").([]any) {
				seen = append(seen, get(n, "msscCandidateId").(string))
			}
			if get(c, "pageInfo", "hasNextPage") != true {
				break
			}
			after = get(c, "pageInfo", "endCursor")
		}
		if want := []string{"C-1001", "C-1002", "C-1003", "C-1004", "C-1005"}; !slices.Equal(seen, want) {
			t.Errorf("walked %v, want %v", seen, want)
		}
		last := get(e.okAs(t, staff, q, map[string]any{"last": 2}), "candidates")
		if get(last, "nodes", 0, "msscCandidateId") != "C-1004" || get(last, "pageInfo", "hasPreviousPage") != true {
			t.Errorf("last 2 = %v", last)
		}
		found := get(e.okAs(t, staff, q, map[string]any{"s": "c-1003"}), "candidates")
		if num(get(found, "totalCount")) != 1 {
			t.Errorf("search c-1003 = %v", found)
		}
		wild := get(e.okAs(t, staff, q, map[string]any{"s": "%"}), "candidates")
		if num(get(wild, "totalCount")) != 0 {
			t.Errorf("a %% search must match the character, not everything: %v", wild)
		}
		foreign := e.queryAs(t, staff, q, map[string]any{"after": firstCertificationCursor(t, e)})
		if foreign.code(t) != "BAD_USER_INPUT" {
			t.Errorf("a certification cursor in candidates: %s", foreign.Raw)
		}
	})
}
