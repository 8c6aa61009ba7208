package apitest

import (
	"strings"
	"testing"
)

const checkQuery = `query($in: CredentialCheckInput!) {
	checkCredential(input: $in) {
		verdict points category confidence nextStep
		entry { key displayName }
		rules { code description }
		alternatives { certification { key } score reasons }
	}
}`

func TestCheckCredentialOverHTTP(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		for _, tc := range []struct {
			name    string
			in      map[string]any
			verdict string
			entry   any
			rule    string
		}{
			{"counts", map[string]any{"text": "Certfied Welding Inspector (2023)"}, "INDUSTRY_CERTIFICATION", "aws-cwi", "ON_PRE_APPROVED_LIST"},
			{"counts as CE", map[string]any{"text": "OSHA Forklift Training"}, "CONTINUING_EDUCATION", nil, "EQUIPMENT_OR_INDUSTRY_BODY_CE"},
			{"does not count", map[string]any{"text": "OSHA 30 Construction card"}, "DOES_NOT_COUNT", nil, "OSHA_CONSTRUCTION_CARD"},
			{"cycle and program", map[string]any{"text": "CLA", "earnedOn": "2023-03-01",
				"held": map[string]any{"program": "CPT", "certifiedOn": "2021-06-01", "expiresOn": "2026-06-01"}},
				"INDUSTRY_CERTIFICATION", "mssc-cla", "MSSC_CROSSOVER"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				c := get(e.ok(t, checkQuery, map[string]any{"in": tc.in}), "checkCredential")
				if get(c, "verdict") != tc.verdict || get(c, "entry", "key") != tc.entry {
					t.Fatalf("check = %v", c)
				}
				found := false
				for _, r := range get(c, "rules").([]any) {
					found = found || get(r, "code") == tc.rule
				}
				if !found || get(c, "nextStep") == "" {
					t.Errorf("rules %v should include %s and a next step", get(c, "rules"), tc.rule)
				}
			})
		}
		batch := e.ok(t, `query($ins: [CredentialCheckInput!]!) { checkCredentials(inputs: $ins) { verdict entry { key } } }`,
			map[string]any{"ins": []any{map[string]any{"text": "CSP"}, map[string]any{"text": "English 101"}, map[string]any{"text": "CPIM"}}})
		got := []string{}
		for _, c := range get(batch, "checkCredentials").([]any) {
			got = append(got, get(c, "verdict").(string))
		}
		if strings.Join(got, ",") != "INDUSTRY_CERTIFICATION,DOES_NOT_COUNT,INDUSTRY_CERTIFICATION" {
			t.Errorf("batch answers out of order or wrong: %v", got)
		}
	})
}

func TestCheckCredentialRefusesBadInput(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		many := make([]any, 101)
		for i := range many {
			many[i] = map[string]any{"text": "CSP"}
		}
		future := e.now.AddDate(0, 0, 5).Format("2006-01-02")
		for _, tc := range []struct {
			name, query string
			vars        map[string]any
			field       string
		}{
			{"empty text", checkQuery, map[string]any{"in": map[string]any{"text": ""}}, "text"},
			{"blank text", checkQuery, map[string]any{"in": map[string]any{"text": "   \t"}}, "text"},
			{"text over 300 characters", checkQuery, map[string]any{"in": map[string]any{"text": strings.Repeat("x", 301)}}, "text"},
			{"earned in the future", checkQuery, map[string]any{"in": map[string]any{"text": "CSP", "earnedOn": future}}, "earnedOn"},
			{"earned after the cycle", checkQuery, map[string]any{"in": map[string]any{"text": "CSP", "earnedOn": "2026-06-02",
				"held": map[string]any{"program": "CPT", "certifiedOn": "2021-06-01", "expiresOn": "2026-06-01"}}}, "earnedOn"},
			{"more than 100", `query($ins: [CredentialCheckInput!]!) { checkCredentials(inputs: $ins) { verdict } }`, map[string]any{"ins": many}, "inputs"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := e.query(t, tc.query, tc.vars)
				if r.code(t) != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != tc.field {
					t.Errorf("want BAD_USER_INPUT on %s: %s", tc.field, r.Raw)
				}
			})
		}
		r := e.query(t, checkQuery, map[string]any{"in": map[string]any{"text": "\u0007\u202e溶接 \x1b[31m OSHA"}})
		if len(r.Errors) != 0 {
			t.Errorf("control characters and other scripts must be answered, not refused: %s", r.Raw)
		}
	})
}
