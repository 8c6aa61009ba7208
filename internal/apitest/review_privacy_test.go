package apitest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/mssc/recert/catalog"
)

// reviewView is what the privacy tests read of a catalog review.
const reviewView = `id certificationName trainingRequirements organization { name description } submitterCount
	copy { sha256 downloadPath } informationRequest informationResponse flags { code }
	submissions { candidateNumber trainingRequirements informationResponse copy { sha256 downloadPath } }`

// submitOwn uploads a submission with its own copy and returns its payload.
func submitOwn(t *testing.T, e *env, token string, in map[string]any, copy []byte) any {
	t.Helper()
	q := `mutation($in: SubmitCertificationForReviewInput!) { submitCertificationForReview(input: $in) {
		review { ` + reviewView + ` } attachedToExistingReview userErrors { field code message } } }`
	r := e.upload(t, token, q, map[string]any{"in": in}, "variables.in.copy", "copy.pdf", copy)
	if len(r.Errors) > 0 || len(get(r.Data, "submitCertificationForReview", "userErrors").([]any)) > 0 {
		t.Fatalf("submit: %s", r.Raw)
	}
	return get(r.Data, "submitCertificationForReview")
}

func sha(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// TestReviewSubmissionsStayTheirSubmitters checks that a candidate who
// submits a certification already under review shares the review's
// decision but sees, downloads and changes only their own submission:
// never the first submitter's copy, documentation or answers. Staff see
// every submission; anyone else sees nothing but the public UNDER_REVIEW
// verdict.
func TestReviewSubmissionsStayTheirSubmitters(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		alice := e.token(t, catalog.RoleCandidate, "C-1001")
		bob := e.token(t, catalog.RoleCandidate, "C-1002")
		carol := e.token(t, catalog.RoleCandidate, "C-1003")
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		aliceCopy := append(append([]byte{}, pdf...), "% alice's certificate, born 1980-02-03\n"...)
		bobCopy := append(append([]byte{}, pdf...), "% bob's certificate\n"...)

		aliceIn := submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")
		aliceIn["trainingRequirements"] = "Alice's private training record: 40 hours at plant 7"
		aliceIn["organization"] = map[string]any{"name": "Widget Rigging Board", "description": "Alice's employer's board"}
		first := submitOwn(t, e, alice, aliceIn, aliceCopy)
		id := get(first, "review", "id")
		aliceCopyPath := get(first, "review", "copy", "downloadPath").(string)

		bobIn := submission(t, e, "certified  widget rigger", "WIDGET RIGGING BOARD")
		bobIn["trainingRequirements"] = "Bob's training: 2 weeks"
		bobIn["recognition"] = []string{"COMPANY"}
		joined := submitOwn(t, e, bob, bobIn, bobCopy)
		review := get(joined, "review")
		if get(joined, "attachedToExistingReview") != true || get(review, "id") != id {
			t.Fatalf("Bob should join Alice's review: %v", joined)
		}
		if strings.Contains(strings.ToLower(mustJSON(t, joined)), "alice") || get(review, "copy", "sha256") != sha(bobCopy) ||
			get(review, "trainingRequirements") != "Bob's training: 2 weeks" || num(get(review, "submitterCount")) != 1 ||
			len(get(review, "submissions").([]any)) != 1 || get(review, "submissions", 0, "candidateNumber") != "C-1002" ||
			get(review, "flags", 0, "code") != "LOCAL_OR_COMPANY_SPECIFIC" {
			t.Errorf("Bob's answer shows Alice's submission or not his own: %v", review)
		}
		bobCopyPath := get(review, "copy", "downloadPath").(string)

		unknownPath := "/files/sha256/00/" + strings.Repeat("0", 62)
		notFound := func(token string) (int, string) {
			status, body := e.download(t, token, unknownPath)
			return status, string(body)
		}
		t.Run("a joiner cannot download the first submitter's copy", func(t *testing.T) {
			wantStatus, wantBody := notFound(bob)
			if status, body := e.download(t, bob, aliceCopyPath); status != wantStatus || string(body) != wantBody || wantStatus != http.StatusNotFound {
				t.Errorf("Bob downloads Alice's copy: %d %q, want what an unknown path gets: %d %q", status, body, wantStatus, wantBody)
			}
			if status, body := e.download(t, bob, bobCopyPath); status != http.StatusOK || string(body) != string(bobCopy) {
				t.Errorf("Bob downloads his own copy: %d", status)
			}
			if status, body := e.download(t, alice, bobCopyPath); status != http.StatusNotFound {
				t.Errorf("Alice downloads Bob's copy: %d %q", status, body)
			}
			for _, path := range []string{aliceCopyPath, bobCopyPath} {
				if status, _ := e.download(t, staff, path); status != http.StatusOK {
					t.Errorf("staff download %s: %d", path, status)
				}
			}
		})

		ask := `mutation($id: ID!, $m: String!) { requestReviewInformation(reviewId: $id, message: $m) { review { status } userErrors { code } } }`
		answer := `mutation($id: ID!, $r: String!) { provideReviewInformation(reviewId: $id, response: $r) { review { ` + reviewView + ` } userErrors { field code message } } }`
		e.okAs(t, staff, ask, map[string]any{"id": id, "m": "Who accredits the exam?"})
		aliceAnswer := get(e.okAs(t, alice, answer, map[string]any{"id": id, "r": "Alice: ANSI, see my employee file 4471"}), "provideReviewInformation")
		if errs := get(aliceAnswer, "userErrors").([]any); len(errs) > 0 {
			t.Fatalf("Alice answers: %v", errs)
		}
		e.okAs(t, staff, ask, map[string]any{"id": id, "m": "And the practical exam?"})
		bobAnswer := get(e.okAs(t, bob, answer, map[string]any{"id": id, "r": "Bob: observed by a rigger"}), "provideReviewInformation")
		if errs := get(bobAnswer, "userErrors").([]any); len(errs) > 0 || get(bobAnswer, "review", "informationResponse") != "Bob: observed by a rigger" {
			t.Fatalf("Bob answers: %v", bobAnswer)
		}

		t.Run("each submitter reads only their own submission and answer", func(t *testing.T) {
			for _, tc := range []struct {
				token, own, other string
			}{{alice, "Alice: ANSI", "Bob"}, {bob, "Bob: observed", "Alice"}} {
				q := `query($id: ID!) { catalogReview(id: $id) { ` + reviewView + ` } node(id: $id) { ... on CatalogReview { ` + reviewView + ` } } myCatalogReviews { ` + reviewView + ` } }`
				r := e.okAs(t, tc.token, q, map[string]any{"id": id})
				raw := mustJSON(t, r)
				if strings.Contains(raw, tc.other) || !strings.Contains(raw, tc.own) {
					t.Errorf("a submitter sees another's submission, or not their own answer: %s", raw)
				}
				if get(r, "catalogReview", "informationRequest") != "And the practical exam?" {
					t.Errorf("staff's question is shared by every submitter: %v", get(r, "catalogReview"))
				}
			}
		})
		t.Run("staff see every submission", func(t *testing.T) {
			r := e.okAs(t, staff, `query($id: ID!) { catalogReview(id: $id) { `+reviewView+` } }`, map[string]any{"id": id})
			subs := get(r, "catalogReview", "submissions").([]any)
			if num(get(r, "catalogReview", "submitterCount")) != 2 || len(subs) != 2 ||
				get(subs[0], "candidateNumber") != "C-1001" || get(subs[0], "informationResponse") != "Alice: ANSI, see my employee file 4471" ||
				get(subs[0], "copy", "sha256") != sha(aliceCopy) ||
				get(subs[1], "candidateNumber") != "C-1002" || get(subs[1], "informationResponse") != "Bob: observed by a rigger" ||
				get(subs[1], "copy", "sha256") != sha(bobCopy) || get(subs[1], "trainingRequirements") != "Bob's training: 2 weeks" {
				t.Errorf("staff view = %v", r)
			}
		})
		t.Run("anyone else learns only the public verdict", func(t *testing.T) {
			q := `query($id: ID!) { catalogReview(id: $id) { id } node(id: $id) { id } myCatalogReviews { id } }`
			if r := e.okAs(t, carol, q, map[string]any{"id": id}); get(r, "catalogReview") != nil || get(r, "node") != nil || len(get(r, "myCatalogReviews").([]any)) != 0 {
				t.Errorf("another candidate sees the review: %v", r)
			}
			for _, path := range []string{aliceCopyPath, bobCopyPath} {
				wantStatus, wantBody := notFound(carol)
				if status, body := e.download(t, carol, path); status != wantStatus || string(body) != wantBody {
					t.Errorf("another candidate downloads %s: %d", path, status)
				}
				anonStatus, anonBody := notFound("")
				if status, body := e.download(t, "", path); status != anonStatus || string(body) != anonBody {
					t.Errorf("an anonymous download of %s: %d, want %d", path, status, anonStatus)
				}
			}
			check := get(e.ok(t, checkQuery, map[string]any{"in": map[string]any{"text": "Certified Widget Rigger"}}), "checkCredential")
			if get(check, "verdict") != "UNDER_REVIEW" || strings.Contains(mustJSON(t, check), "Alice") || strings.Contains(mustJSON(t, check), "C-100") {
				t.Errorf("the public verdict: %v", check)
			}
		})
		t.Run("a submitter's answer is not another's to change", func(t *testing.T) {
			r := e.queryAs(t, carol, answer, map[string]any{"id": id, "r": "mine now"})
			if len(r.Errors) > 0 || get(r.Data, "provideReviewInformation", "userErrors", 0, "code") != "NOT_FOUND" {
				t.Errorf("another candidate answers: %s", r.Raw)
			}
			staffView := e.okAs(t, staff, `query($id: ID!) { catalogReview(id: $id) { submissions { informationResponse } } }`, map[string]any{"id": id})
			if get(staffView, "catalogReview", "submissions", 0, "informationResponse") != "Alice: ANSI, see my employee file 4471" {
				t.Errorf("Alice's answer changed: %v", staffView)
			}
		})
	})
}

// mustJSON encodes v, to search an answer's whole text.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestParallelSubmissionsOfOneCertificationShareOneReview has twenty
// candidates submit the same certification at once, on PostgreSQL: every
// one of them gets the one review, with their own submission only, and
// staff see twenty submissions.
func TestParallelSubmissionsOfOneCertificationShareOneReview(t *testing.T) {
	e := newEnv(t, "postgres")
	const n = 20
	in := submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")
	q := `mutation($in: SubmitCertificationForReviewInput!) { submitCertificationForReview(input: $in) {
		review { id submitterCount submissions { candidateNumber copy { sha256 } } } userErrors { code message } } }`
	ids := make([]any, n)
	failures := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			number := fmt.Sprintf("C-%04d", 3000+i)
			copy := append(append([]byte{}, pdf...), "% "+number+"\n"...)
			r := e.upload(t, e.token(t, catalog.RoleCandidate, number), q, map[string]any{"in": in}, "variables.in.copy", "copy.pdf", copy)
			review := get(r.Data, "submitCertificationForReview", "review")
			subs, _ := get(review, "submissions").([]any)
			if len(r.Errors) > 0 || review == nil || len(subs) != 1 || get(subs[0], "candidateNumber") != number ||
				get(subs[0], "copy", "sha256") != sha(copy) || num(get(review, "submitterCount")) != 1 {
				failures[i] = r.Raw
				return
			}
			ids[i] = get(review, "id")
		}()
	}
	wg.Wait()
	for i, f := range failures {
		if f != "" {
			t.Errorf("submission %d: %s", i, f)
		}
	}
	for _, id := range ids[1:] {
		if id != ids[0] {
			t.Fatalf("parallel submissions opened several reviews: %v", ids)
		}
	}
	staff := e.token(t, catalog.RoleStaff, "staff-1")
	r := e.okAs(t, staff, `{ catalogReviews { totalCount nodes { submitterCount submissions { candidateNumber } } } }`, nil)
	if num(get(r, "catalogReviews", "totalCount")) != 1 || num(get(r, "catalogReviews", "nodes", 0, "submitterCount")) != n ||
		len(get(r, "catalogReviews", "nodes", 0, "submissions").([]any)) != n {
		t.Errorf("staff queue = %v", r)
	}
}
