package apitest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/together"
)

// bundleFields are what a client shows of applications paid together.
const bundleFields = `id status version feeDue { cents } feeKind payments { amount { cents } }
	bundle { id feeKind feeDue { cents currency } paid { cents } balance { cents } payments { fee amount { cents } reference } applications { id } }`

// totalShown adds up what a client shows as due: each application's own
// feeDue and each bundle's balance, a bundle counted once.
func totalShown(apps []any) int {
	total, seen := 0, map[any]bool{}
	for _, a := range apps {
		total += num(get(a, "feeDue", "cents"))
		if b := get(a, "bundle"); b != nil && !seen[get(b, "id")] {
			seen[get(b, "id")] = true
			total += num(get(b, "balance", "cents"))
		}
	}
	return total
}

func TestBundledFeeIsModelledOnceAndSettledByOnePayment(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		e.travelTo(t, "2027-04-01")
		cptExpires, cltExpires := time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 6, 15, 0, 0, 0, 0, time.UTC)
		candidate := registerHolder(t, e, "C-B100", cptExpires, cltExpires)
		stranger := registerHolder(t, e, "C-B200", cptExpires, cltExpires)
		staff := e.token(t, catalog.RoleStaff, "staff-bundle")
		cpt := buildToHundredPoints(t, e, candidate, "CPT", cptExpires)
		clt := buildToHundredPoints(t, e, candidate, "CLT", cltExpires)
		data := e.okAs(t, candidate, `mutation($ids: [ID!]!, $vs: [Int!]!) { submitApplications(applicationIds: $ids, versions: $vs) {
			applications { `+bundleFields+` } userErrors { field code message } } }`,
			map[string]any{"ids": []any{cpt["id"], clt["id"]}, "vs": []any{cpt["version"], clt["version"]}})
		apps := get(data, "submitApplications", "applications").([]any)
		if len(apps) != 2 {
			t.Fatalf("submission = %v", data)
		}
		for _, a := range apps {
			if get(a, "feeDue") != nil || get(a, "feeKind") != nil || get(a, "bundle", "id") != get(apps, 0, "bundle", "id") ||
				get(a, "bundle", "feeKind") != "BUNDLED_APPLICATION" || num(get(a, "bundle", "feeDue", "cents")) != 10000 ||
				fmt.Sprint(get(a, "bundle", "applications")) != fmt.Sprintf("[map[id:%s] map[id:%s]]", cpt["id"], clt["id"]) {
				t.Errorf("a bundled application shows %v; want no fee of its own and one bundle of $100.00 for both", a)
			}
		}
		mine := get(e.okAs(t, candidate, `{ myApplications { `+bundleFields+` } }`, nil), "myApplications").([]any)
		if got := totalShown(mine); got != 10000 {
			t.Errorf("a client adding up the candidate's applications shows %d cents due, want 10000", got)
		}
		if hidden := e.okAs(t, stranger, `query($id: ID!) { application(id: $id) { bundle { id } } }`, map[string]any{"id": cpt["id"]}); get(hidden, "application") != nil {
			t.Errorf("another candidate sees the bundle: %v", hidden)
		}

		pay := `mutation($id: ID!, $v: Int!, $c: Int!, $r: String!) { recordPayment(applicationId: $id, version: $v, amountCents: $c, reference: $r) {
			applications { ` + bundleFields + ` } userErrors { field code message } } }`
		for _, cents := range []int{7500, 20000, 5000} {
			u := userError(t, get(e.okAs(t, staff, pay, map[string]any{"id": clt["id"], "v": get(apps, 1, "version"), "c": cents, "r": "WRONG"}), "recordPayment"))
			if fmt.Sprint(u["field"]) != "[amountCents]" || !strings.Contains(u["message"].(string), "$100.00") {
				t.Errorf("paying %d cents of the bundle: %v", cents, u)
			}
		}

		// Twenty payments of the whole fee at once, through either application: one settles the bundle.
		results := together.Run(20, func(i int) map[string]any {
			a := apps[i%2]
			return e.okAs(t, staff, pay, map[string]any{"id": get(a, "id"), "v": get(a, "version"), "c": 10000, "r": fmt.Sprintf("RCPT-%d", i)})
		})
		var settled []any
		for _, r := range results {
			if errs := get(r, "recordPayment", "userErrors").([]any); len(errs) == 0 {
				settled = append(settled, get(r, "recordPayment", "applications"))
			} else if get(errs, 0, "code") != "CONFLICT" {
				t.Errorf("a concurrent payment was refused with %v, want CONFLICT", errs)
			}
		}
		if len(settled) != 1 {
			t.Fatalf("%d of 20 concurrent payments were recorded, want 1", len(settled))
		}
		paid := settled[0].([]any)
		for _, a := range paid {
			if get(a, "status") != "IN_REVIEW" || len(get(a, "payments").([]any)) != 0 || num(get(a, "bundle", "paid", "cents")) != 10000 ||
				num(get(a, "bundle", "balance", "cents")) != 0 || len(get(a, "bundle", "payments").([]any)) != 1 {
				t.Errorf("after one payment of the bundle: %v", a)
			}
		}
		after := get(e.okAs(t, candidate, `{ myApplications { `+bundleFields+` } }`, nil), "myApplications").([]any)
		if got := totalShown(after); got != 0 {
			t.Errorf("after the payment a client shows %d cents due, want 0", got)
		}
		again := userError(t, get(e.okAs(t, staff, pay, map[string]any{"id": cpt["id"], "v": get(paid, 0, "version"), "c": 10000, "r": "TWICE"}), "recordPayment"))
		if again["code"] != "CONFLICT" {
			t.Errorf("a second payment of a settled bundle: %v", again)
		}
	})
}

func TestBundleSubmittedTwentyTimesAtOnceInEitherOrderIsSubmittedOnce(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		e.travelTo(t, "2027-04-01")
		cptExpires, cltExpires := time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 6, 15, 0, 0, 0, 0, time.UTC)
		candidate := registerHolder(t, e, "C-B300", cptExpires, cltExpires)
		cpt := buildToHundredPoints(t, e, candidate, "CPT", cptExpires)
		clt := buildToHundredPoints(t, e, candidate, "CLT", cltExpires)
		submit := `mutation($ids: [ID!]!, $vs: [Int!]!) { submitApplications(applicationIds: $ids, versions: $vs) { applications { id bundle { id } } userErrors { code message } } }`
		results := together.Run(20, func(i int) map[string]any {
			vars := map[string]any{"ids": []any{cpt["id"], clt["id"]}, "vs": []any{cpt["version"], clt["version"]}}
			if i%2 == 1 {
				vars = map[string]any{"ids": []any{clt["id"], cpt["id"]}, "vs": []any{clt["version"], cpt["version"]}}
			}
			return e.okAs(t, candidate, submit, vars)
		})
		submitted := 0
		for _, r := range results {
			errs := get(r, "submitApplications", "userErrors").([]any)
			switch {
			case len(errs) == 0:
				submitted++
			case get(errs, 0, "code") != "CONFLICT":
				t.Errorf("a concurrent submission was refused with %v, want CONFLICT", errs)
			}
		}
		if submitted != 1 {
			t.Errorf("%d of 20 concurrent submissions went through, want 1", submitted)
		}
		mine := get(e.okAs(t, candidate, `{ myApplications { status bundle { id feeDue { cents } } } }`, nil), "myApplications").([]any)
		if len(mine) != 2 || get(mine, 0, "bundle", "id") != get(mine, 1, "bundle", "id") || get(mine, 0, "status") != "SUBMITTED" {
			t.Errorf("after the submissions: %v", mine)
		}
	})
}
