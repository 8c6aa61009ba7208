package apitest

import (
	"slices"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
)

// TestPointsDecisionsThroughTheAPI scores the examples of issue 19 (DOMAIN
// decisions 12-15, cycle 2022-07-01 to 2027-06-30) through the HTTP API:
// each example is one candidate's application, with the claims saved by
// saveApplicationActivity and the points read from Application.points on
// the given day.
func TestPointsDecisionsThroughTheAPI(t *testing.T) {
	job := func(title, from, to string, hours float64, internship bool) map[string]any {
		a := map[string]any{"category": "EMPLOYMENT", "activityTypeKey": "e-direct", "title": title, "startOn": from, "weeklyHours": hours, "internship": internship}
		if to == "" {
			a["ongoing"] = true
		} else {
			a["endOn"] = to
		}
		return a
	}
	course := func(typeKey, title, on string) map[string]any {
		return map[string]any{"category": "CONTINUING_EDUCATION", "activityTypeKey": typeKey, "title": title, "completedOn": on}
	}
	cases := []struct {
		name         string
		now          string
		activities   []map[string]any
		category     string
		want         int
		wantAtExpiry int
		wantWarning  string
	}{
		{name: "A: an ongoing job projects a full year to the expiration day", now: "2026-12-01",
			activities: []map[string]any{job("Assembler", "2026-07-30", "", 32, false)}, category: "EMPLOYMENT", want: 5, wantAtExpiry: 20},
		{name: "A: a 336-day job ending on the expiration day is a full year", now: "2027-06-30",
			activities: []map[string]any{job("Assembler", "2026-07-30", "2027-06-30", 32, false)}, category: "EMPLOYMENT", want: 20, wantAtExpiry: 20},
		{name: "B: an internship inside a job adds nothing to its band", now: "2024-01-01",
			activities: []map[string]any{job("Assembler", "2022-07-01", "2023-04-04", 40, false), job("Summer intern", "2022-11-13", "2022-12-31", 40, true)},
			category:   "EMPLOYMENT", want: 15, wantAtExpiry: 15},
		{name: "C: two overlapping internships earn the point once", now: "2024-06-01",
			activities: []map[string]any{job("Intern A", "2023-12-26", "2024-03-18", 20, true), job("Intern B", "2024-01-22", "2024-03-24", 20, true)},
			category:   "EMPLOYMENT", want: 1, wantAtExpiry: 1},
		{name: "D: an internship split 88 + 32 by a cycle year earns the point", now: "2024-01-01",
			activities: []map[string]any{job("Intern", "2023-04-04", "2023-08-01", 20, true)}, category: "EMPLOYMENT", want: 1, wantAtExpiry: 1},
		{name: "E: direct employment and active duty in one year are capped at 20", now: "2024-01-01",
			activities: []map[string]any{job("Assembler", "2022-07-01", "2023-06-30", 40, false),
				{"category": "EMPLOYMENT", "activityTypeKey": "e-military-active", "title": "Army", "startOn": "2022-07-01", "endOn": "2023-04-30"}},
			category: "EMPLOYMENT", want: 20, wantAtExpiry: 20},
		{name: "F: the same course under two rows counts once", now: "2024-06-01",
			activities: []map[string]any{course("ce-third-party", "Course 3", "2023-05-01"), course("ce-non-credit", "Course 3", "2023-05-01")},
			category:   "CONTINUING_EDUCATION", want: 10, wantAtExpiry: 10, wantWarning: "DUPLICATE_CLAIM"},
	}
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-i19")
		save := `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) { application { ` + appFields + `
			points { byCategory { category points } totalAsOfExpiration } } userErrors { field message } } }`
		for i, tt := range cases {
			t.Run(tt.name, func(t *testing.T) {
				now, err := time.Parse("2006-01-02", tt.now)
				if err != nil {
					t.Fatal(err)
				}
				e.clock.Store(now.Add(12 * time.Hour))
				number := "I19-" + string(rune('A'+i))
				data := e.okAs(t, staff, registerMutation, map[string]any{"in": map[string]any{
					"msscCandidateId": number, "name": "Holder " + number, "email": number + "@example.com",
					"heldCertifications": []any{map[string]any{"program": "CPT", "certifiedOn": "2022-07-01", "expiresOn": "2027-06-30"}},
				}})
				if errs := get(data, "registerCandidate", "userErrors").([]any); len(errs) > 0 {
					t.Fatalf("register: %v", errs)
				}
				token := e.token(t, catalog.RoleCandidate, number)
				app := appCall(t, e, token, `mutation { createApplication(program: CPT, idempotencyKey: "i19") { application { `+appFields+` } userErrors { field message } } }`, nil)
				for _, a := range tt.activities {
					app = appCall(t, e, token, save, map[string]any{"id": app["id"], "v": app["version"], "a": a})
				}
				got := -1
				for _, c := range get(app, "points", "byCategory").([]any) {
					if get(c, "category") == tt.category {
						got = int(get(c, "points").(float64))
					}
				}
				atExpiry := int(get(app, "points", "totalAsOfExpiration").(float64))
				if got != tt.want || atExpiry != tt.wantAtExpiry {
					t.Errorf("%s %d, total as of expiration %d; want %d and %d: %v", tt.category, got, atExpiry, tt.want, tt.wantAtExpiry, get(app, "points"))
				}
				var codes []string
				for _, w := range get(app, "points", "warnings").([]any) {
					codes = append(codes, get(w, "code").(string))
				}
				if tt.wantWarning != "" && !slices.Contains(codes, tt.wantWarning) {
					t.Errorf("warnings %v, want %s", codes, tt.wantWarning)
				}
			})
		}
	})
}
