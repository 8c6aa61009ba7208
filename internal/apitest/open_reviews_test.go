package apitest

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/mssc/recert/catalog"
)

// openReviewsFor submits n reviews of distinct certifications for each of
// the candidates and returns the names submitted.
func openReviewsFor(t *testing.T, e *env, candidates []string, n int) []string {
	t.Helper()
	var names []string
	for _, c := range candidates {
		token := e.token(t, catalog.RoleCandidate, c)
		for i := range n {
			name := fmt.Sprintf("Certified Gadget Tester %s %c", c, 'A'+i)
			payload := submit(t, e, token, submission(t, e, name, "Gadget Testing Board "+c))
			if get(payload, "review", "status") != "PENDING" {
				t.Fatalf("submitting %q: %v", name, payload)
			}
			names = append(names, name)
		}
	}
	return names
}

// TestCheckingCredentialsRunsNoSQL opens catalog reviews, then checks 100
// credentials in one request, most of them not listed, and counts the SQL
// statements the request runs: none, since the open reviews are held in
// memory and kept current by the change listener. The answers still see
// the reviews: a text naming one is UNDER_REVIEW.
func TestCheckingCredentialsRunsNoSQL(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		names := openReviewsFor(t, e, []string{"C-5101", "C-5102", "C-5103"}, 3)
		var inputs []any
		for i := range 100 {
			text := fmt.Sprintf("Certified Sprocket Juggler level %d", i)
			if i%10 == 0 {
				text = names[(i/10)%len(names)]
			}
			inputs = append(inputs, map[string]any{"text": text})
		}
		const q = `query($ins: [CredentialCheckInput!]!) { checkCredentials(inputs: $ins) { verdict } }`
		e.ok(t, q, map[string]any{"ins": inputs[:1]}) // warm the snapshot and the open reviews
		eventually(t, "the change listeners connect and hear every review", func() bool {
			held, _ := e.openReviews.Version(context.Background())
			stored, err := e.store.OpenReviewsVersion(context.Background())
			return e.catalog.Watching() && e.openReviews.Watching() && err == nil && held == stored
		})
		before := e.counter.Count()
		data := e.ok(t, q, map[string]any{"ins": inputs})
		if ran := e.counter.Count() - before; ran != 0 {
			t.Errorf("checking 100 credentials ran %d SQL statements, want none", ran)
		}
		for i, c := range get(data, "checkCredentials").([]any) {
			want := "NOT_LISTED"
			if i%10 == 0 {
				want = "UNDER_REVIEW"
			}
			if get(c, "verdict") != want {
				t.Errorf("input %d (%v): verdict %v, want %s", i, inputs[i], get(c, "verdict"), want)
			}
		}
	})
}

// TestAReviewOpenedElsewhereIsSeenByTheCheck opens a review through one
// instance of the service and checks the credential through another over
// the same PostgreSQL database: the announcement reaches the second
// instance's open reviews.
func TestAReviewOpenedElsewhereIsSeenByTheCheck(t *testing.T) {
	first := newEnv(t, "postgres")
	second := newEnvOn(t, first.store, first.counter, nil)
	in := map[string]any{"in": map[string]any{"text": "Certified Widget Rigger"}}
	if v := get(second.ok(t, checkQuery, in), "checkCredential", "verdict"); v != "NOT_LISTED" {
		t.Fatalf("before the review: %v", v)
	}
	eventually(t, "the second instance listens", second.openReviews.Watching)
	submit(t, first, first.token(t, catalog.RoleCandidate, "C-5201"), submission(t, first, "Certified Widget Rigger", "Widget Rigging Board"))
	eventually(t, "the second instance answers UNDER_REVIEW", func() bool {
		return get(second.ok(t, checkQuery, in), "checkCredential", "verdict") == "UNDER_REVIEW"
	})
}

// TestOpenReviewsPerCandidateAreCapped submits one review more than the
// cap allows: it is refused with a user error and nothing is stored; the
// same certification submitted again is still the candidate's own review,
// and another candidate is not held back. Twenty submissions at once from
// one candidate at the cap's edge open at most the cap.
func TestOpenReviewsPerCandidateAreCapped(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		names := openReviewsFor(t, e, []string{"C-5301"}, maxOpenReviewsPerCandidate)
		token := e.token(t, catalog.RoleCandidate, "C-5301")
		over := submit(t, e, token, submission(t, e, "Certified Doohickey Tester", "Doohickey Board"))
		errs := get(over, "userErrors").([]any)
		if len(errs) != 1 || get(errs[0], "code") != "BAD_USER_INPUT" || get(errs[0], "field") != nil || get(over, "review") != nil {
			t.Fatalf("a review over the cap: %v", over)
		}
		again := submit(t, e, token, submission(t, e, names[0], "Gadget Testing Board C-5301"))
		if get(again, "review", "status") != "PENDING" || len(get(again, "userErrors").([]any)) != 0 {
			t.Errorf("the candidate's own open review submitted again: %v", again)
		}
		mine := e.okAs(t, token, `{ myCatalogReviews { certificationName } }`, nil)
		if n := len(get(mine, "myCatalogReviews").([]any)); n != maxOpenReviewsPerCandidate {
			t.Errorf("the candidate has %d reviews, want %d", n, maxOpenReviewsPerCandidate)
		}
		other := submit(t, e, e.token(t, catalog.RoleCandidate, "C-5302"), submission(t, e, "Certified Doohickey Tester", "Doohickey Board"))
		if get(other, "review", "status") != "PENDING" {
			t.Errorf("another candidate's review: %v", other)
		}
	})
}

// TestOpenReviewCapHoldsUnderParallelSubmissions sends twenty submissions
// of distinct certifications at once from one candidate on PostgreSQL:
// exactly the cap of them open a review, the others get the user error.
func TestOpenReviewCapHoldsUnderParallelSubmissions(t *testing.T) {
	e := newEnv(t, "postgres")
	token := e.token(t, catalog.RoleCandidate, "C-5401")
	ids := keyActivityIDs(t, e, 2)
	var (
		wg              sync.WaitGroup
		mu              sync.Mutex
		opened, refused int
	)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := submission(t, e, "Certified Thingamajig Tester "+string(rune('A'+i)), "Thingamajig Board")
			in["keyActivityIds"] = ids
			r := e.upload(t, token, submitMutation, map[string]any{"in": in}, "variables.in.copy", "rigger.pdf", pdf)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case len(r.Errors) > 0:
				t.Errorf("submission %d: %s", i, r.Raw)
			case get(r.Data, "submitCertificationForReview", "review") != nil:
				opened++
			case len(get(r.Data, "submitCertificationForReview", "userErrors").([]any)) == 1:
				refused++
			default:
				t.Errorf("submission %d: %s", i, r.Raw)
			}
		}()
	}
	wg.Wait()
	if opened != maxOpenReviewsPerCandidate || refused != 20-maxOpenReviewsPerCandidate {
		t.Errorf("%d opened and %d refused, want %d and %d", opened, refused, maxOpenReviewsPerCandidate, 20-maxOpenReviewsPerCandidate)
	}
}
