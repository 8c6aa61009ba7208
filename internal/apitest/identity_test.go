package apitest

import (
	"encoding/base64"
	"testing"

	"github.com/mssc/recert/catalog"
)

const registerMutation = `mutation($in: RegisterCandidateInput!) {
	registerCandidate(input: $in) {
		candidate { id msscCandidateId name email createdBy updatedBy heldCertifications { program certifiedOn expiresOn createdBy } }
		userErrors { field code message }
	}
}`

// register has staff register a candidate holding CPT and returns its global ID.
func register(t *testing.T, e *env, number, name string) string {
	t.Helper()
	data := e.okAs(t, e.token(t, catalog.RoleStaff, "staff-1"), registerMutation, map[string]any{"in": map[string]any{
		"msscCandidateId": number, "name": name, "email": number + "@example.com",
		"heldCertifications": []any{map[string]any{"program": "CPT", "certifiedOn": "2021-06-01", "expiresOn": "2026-06-01"}},
	}})
	if errs := get(data, "registerCandidate", "userErrors").([]any); len(errs) > 0 {
		t.Fatalf("register %s: %v", number, errs)
	}
	return get(data, "registerCandidate", "candidate", "id").(string)
}

func TestEveryProtectedFieldChecksTheRole(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		aliceID := register(t, e, "C-1001", "Alice Adams")
		candidate := e.token(t, catalog.RoleCandidate, "C-1001")
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		held := map[string]any{"program": "CLT", "certifiedOn": "2022-01-10", "expiresOn": "2027-01-10"}
		for _, tc := range []struct {
			name, query string
			vars        map[string]any
			// want is the extensions.code for anonymous, candidate and staff; "" is success.
			anonymous, asCandidate, asStaff string
		}{
			{"candidate", `query($id: ID!) { candidate(id: $id) { name } }`, map[string]any{"id": aliceID}, "UNAUTHENTICATED", "", ""},
			{"candidates", `{ candidates(first: 5) { totalCount } }`, nil, "UNAUTHENTICATED", "FORBIDDEN", ""},
			{"registerCandidate", registerMutation, map[string]any{"in": map[string]any{"msscCandidateId": "C-2002", "name": "Bo Berg", "email": "bo@example.com"}}, "UNAUTHENTICATED", "FORBIDDEN", ""},
			{"addHeldCertification", `mutation($in: AddHeldCertificationInput!) { addHeldCertification(input: $in) { userErrors { code } } }`,
				map[string]any{"in": map[string]any{"candidateId": aliceID, "heldCertification": held}}, "UNAUTHENTICATED", "FORBIDDEN", ""},
			{"importCandidates", `mutation($in: ImportCandidatesInput!) { importCandidates(input: $in) { createdCount rowErrors { line } } }`,
				map[string]any{"in": map[string]any{"csv": "candidate_id,name,email,program,certified_on,expires_on\nC-3003,Cy Cole,cy@example.com,CPT,2021-01-01,2026-01-01\n"}}, "UNAUTHENTICATED", "FORBIDDEN", ""},
			{"updateMyContactDetails", `mutation($in: ContactDetailsInput!) { updateMyContactDetails(input: $in) { candidate { email } userErrors { code } } }`,
				map[string]any{"in": map[string]any{"name": "Alice Adams", "email": "alice@example.com"}}, "UNAUTHENTICATED", "", "FORBIDDEN"},
		} {
			for _, who := range []struct{ name, token, want string }{{"anonymous", "", tc.anonymous}, {"candidate", candidate, tc.asCandidate}, {"staff", staff, tc.asStaff}} {
				t.Run(tc.name+"/"+who.name, func(t *testing.T) {
					r := e.queryAs(t, who.token, tc.query, tc.vars)
					if who.want == "" {
						if len(r.Errors) != 0 {
							t.Fatalf("want success: %s", r.Raw)
						}
						return
					}
					if got := r.code(t); got != who.want {
						t.Fatalf("code = %q, want %q: %s", got, who.want, r.Raw)
					}
					if field := tc.name; r.Data != nil && r.Data[field] != nil {
						t.Errorf("a refused field leaked data: %s", r.Raw)
					}
				})
			}
		}
	})
}

func TestAnotherCandidateLooksLikeNoCandidate(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		aliceID := register(t, e, "C-1001", "Alice Adams")
		bobID := register(t, e, "C-1002", "Bob Brown")
		alice := e.token(t, catalog.RoleCandidate, "C-1001")
		missing := base64.RawURLEncoding.EncodeToString([]byte("Candidate:999999"))
		for _, q := range []string{
			`query($id: ID!) { candidate(id: $id) { id name email } }`,
			`query($id: ID!) { node(id: $id) { id ... on Candidate { name email } } }`,
		} {
			other := e.queryAs(t, alice, q, map[string]any{"id": bobID})
			none := e.queryAs(t, alice, q, map[string]any{"id": missing})
			if other.Raw != none.Raw || len(other.Errors) != 0 {
				t.Errorf("another candidate's record answered %s, an unknown ID %s: they must be the same", other.Raw, none.Raw)
			}
			own := e.okAs(t, alice, q, map[string]any{"id": aliceID})
			if own["candidate"] == nil && own["node"] == nil {
				t.Errorf("a candidate cannot read their own record: %v", own)
			}
			anon := e.query(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": aliceID})
			if len(anon.Errors) != 0 || anon.Data["node"] != nil {
				t.Errorf("anonymous node(candidate) = %s, want null", anon.Raw)
			}
		}
		staff := e.okAs(t, e.token(t, catalog.RoleStaff, "staff-9"), `query($id: ID!) { node(id: $id) { ... on Candidate { name } } }`, map[string]any{"id": bobID})
		if get(staff, "node", "name") != "Bob Brown" {
			t.Errorf("staff cannot read a candidate: %v", staff)
		}
	})
}

func TestWritesRecordTheActingPrincipal(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		register(t, e, "C-1001", "Alice Adams")
		alice := e.token(t, catalog.RoleCandidate, "C-1001")
		data := e.okAs(t, alice, `{ viewer { candidate { msscCandidateId createdBy updatedBy heldCertifications { program createdBy } } } }`, nil)
		c := get(data, "viewer", "candidate")
		if get(c, "createdBy") != "staff-1" || get(c, "heldCertifications", 0, "createdBy") != "staff-1" {
			t.Errorf("registration not recorded as staff-1's: %v", c)
		}
		data = e.okAs(t, alice, `mutation { updateMyContactDetails(input: { name: "  Alice   Adams-Cole ", email: "alice@example.org" }) {
			candidate { name email createdBy updatedBy } userErrors { code } } }`, nil)
		c = get(data, "updateMyContactDetails", "candidate")
		if get(c, "name") != "Alice Adams-Cole" || get(c, "email") != "alice@example.org" || get(c, "updatedBy") != "C-1001" || get(c, "createdBy") != "staff-1" {
			t.Errorf("contact update = %v", c)
		}
		actors := e.column(t, "SELECT actor FROM audit_events ORDER BY id")
		if len(actors) != 2 || actors[0] != "staff-1" || actors[1] != "C-1001" {
			t.Errorf("audit trail actors = %v, want [staff-1 C-1001]", actors)
		}
	})
}

func TestRegisterRefusesBadInputAndWritesNothing(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		data := e.okAs(t, staff, registerMutation, map[string]any{"in": map[string]any{
			"msscCandidateId": "x", "name": " ", "email": "not-an-email",
			"heldCertifications": []any{
				map[string]any{"program": "CPT", "certifiedOn": "2021-06-01", "expiresOn": "2020-06-01"},
				map[string]any{"program": "CPT", "certifiedOn": "2021-06-01", "expiresOn": "2026-06-01"},
			},
		}})
		fields := map[string]string{}
		for _, u := range get(data, "registerCandidate", "userErrors").([]any) {
			path := ""
			for _, p := range get(u, "field").([]any) {
				path += "/" + p.(string)
			}
			fields[path] = get(u, "code").(string)
		}
		for _, want := range []string{"/input/msscCandidateId", "/input/name", "/input/email", "/input/heldCertifications/0/expiresOn", "/input/heldCertifications/1/program"} {
			if fields[want] != "BAD_USER_INPUT" {
				t.Errorf("no BAD_USER_INPUT user error at %s: %v", want, fields)
			}
		}
		if get(data, "registerCandidate", "candidate") != nil {
			t.Error("a refused registration returned a candidate")
		}
		register(t, e, "C-1001", "Alice Adams")
		data = e.okAs(t, staff, registerMutation, map[string]any{"in": map[string]any{"msscCandidateId": "C-1001", "name": "Another", "email": "a@example.com"}})
		if get(data, "registerCandidate", "userErrors", 0, "code") != "CONFLICT" {
			t.Errorf("a second registration of C-1001: %v", get(data, "registerCandidate"))
		}
		count := e.okAs(t, staff, `{ candidates { totalCount } }`, nil)
		if num(get(count, "candidates", "totalCount")) != 1 {
			t.Errorf("candidates = %v, want only the one valid registration", count)
		}
	})
}
