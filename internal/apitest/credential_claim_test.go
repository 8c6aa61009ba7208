package apitest

import (
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
)

// claimQuery checks a credential and asks for what to claim.
const claimQuery = `query($in: CredentialCheckInput!) {
	checkCredential(input: $in) {
		verdict
		entry { id }
		claim { category activityTypeKey title completedOn certificationId catalogReviewId }
	}
}`

// claimedActivity turns a check's claim into the activity input of
// saveApplicationActivity, field for field, as a frontend's "add to my
// application" does.
func claimedActivity(claim any) map[string]any {
	out := map[string]any{}
	for _, field := range []string{"category", "activityTypeKey", "title", "completedOn", "certificationId", "catalogReviewId"} {
		if v := get(claim, field); v != nil {
			out[field] = v
		}
	}
	return out
}

// TestACheckAnswerIsAddedToTheApplicationInOneStep checks credentials as a
// candidate and saves each answer's claim as it is on the candidate's
// application: a listed certification, Continuing Education and a
// certification under the candidate's own catalog review are all
// accepted. An answer that earns nothing has no claim, and the open
// review's ID is given to its submitter only.
func TestACheckAnswerIsAddedToTheApplicationInOneStep(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		expires := e.now.UTC().AddDate(1, 0, 0).Truncate(24 * time.Hour)
		candidate := registerHolder(t, e, "C-9301", expires, expires)
		other := e.token(t, catalog.RoleCandidate, "C-9302")
		earned := expires.AddDate(-3, 0, 0).Format("2006-01-02")
		app := appCall(t, e, candidate, `mutation { createApplication(program: CPT) { application { id version } userErrors { field message } } }`, nil)
		submit(t, e, candidate, submission(t, e, "Certified Widget Rigger", "Widget Rigging Board"))

		save := `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) {
			application { version activities { activityId } } userErrors { field code message } } }`
		for _, tc := range []struct {
			text, verdict, typeKey string
			certification, review  bool
		}{
			{"AWS Certified Welding Inspector", "INDUSTRY_CERTIFICATION", "ic-certification", true, false},
			{"Forklift operator training", "CONTINUING_EDUCATION", "ce-third-party", false, false},
			{"Introduction to PLCs, Lone Star College, 3 credit hours", "CONTINUING_EDUCATION", "ce-for-credit-3-plus", false, false},
			{"Army logistics course (JST)", "CONTINUING_EDUCATION", "ce-military", false, false},
			{"Certified Widget Rigger", "UNDER_REVIEW", "ic-certification", false, true},
		} {
			check := get(e.okAs(t, candidate, claimQuery, map[string]any{"in": map[string]any{"text": tc.text, "earnedOn": earned}}), "checkCredential")
			claim := get(check, "claim")
			if get(check, "verdict") != tc.verdict || claim == nil || get(claim, "activityTypeKey") != tc.typeKey || get(claim, "completedOn") != earned ||
				(get(claim, "certificationId") != nil) != tc.certification || (get(claim, "catalogReviewId") != nil) != tc.review {
				t.Fatalf("%q: %v", tc.text, check)
			}
			if tc.certification && get(claim, "certificationId") != get(check, "entry", "id") {
				t.Errorf("%q: the claim names %v, the answer %v", tc.text, get(claim, "certificationId"), get(check, "entry", "id"))
			}
			saved := get(e.okAs(t, candidate, save, map[string]any{"id": app["id"], "v": app["version"], "a": claimedActivity(claim)}), "saveApplicationActivity")
			if errs := get(saved, "userErrors").([]any); len(errs) > 0 {
				t.Fatalf("%q: saving the claim %v: %v", tc.text, claim, errs)
			}
			app["version"] = get(saved, "application", "version")
		}

		asOther := get(e.okAs(t, other, claimQuery, map[string]any{"in": map[string]any{"text": "Certified Widget Rigger"}}), "checkCredential")
		anonymous := get(e.ok(t, claimQuery, map[string]any{"in": map[string]any{"text": "Certified Widget Rigger"}}), "checkCredential")
		for who, check := range map[string]any{"another candidate": asOther, "an anonymous caller": anonymous} {
			if get(check, "verdict") != "UNDER_REVIEW" || get(check, "claim", "catalogReviewId") != nil || get(check, "claim", "activityTypeKey") != "ic-certification" {
				t.Errorf("%s sees the review's claim as %v", who, check)
			}
		}
		none := get(e.ok(t, claimQuery, map[string]any{"in": map[string]any{"text": "OSHA 10 Construction card"}}), "checkCredential")
		if get(none, "verdict") != "DOES_NOT_COUNT" || get(none, "claim") != nil {
			t.Errorf("an answer that earns nothing: %v", none)
		}
	})
}
