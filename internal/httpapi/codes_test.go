package httpapi

import (
	"encoding/json"
	"testing"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mssc/recert/internal/ratelimit"
)

// TestEncodeMatchesMarshal checks that the hand-assembled response is the
// JSON json.Marshal would write, member for member, in every combination
// of errors, data and extensions.
func TestEncodeMatchesMarshal(t *testing.T) {
	errs := gqlerror.List{{Message: "bad <input> & \"quotes\"", Extensions: map[string]any{"code": CodeBadRequest}}}
	data := json.RawMessage(`{"certifications":{"nodes":[{"displayName":"AT&T <x> \u00e9"}]}}`)
	ext := map[string]any{"cost": map[string]any{"actual": 1, "requested": 5}}
	cases := map[string]wireResponse{
		"empty":           {},
		"errors":          {Errors: errs},
		"data":            {Data: data},
		"null data":       {Data: json.RawMessage(`null`)},
		"data+extensions": {Data: data, Extensions: ext},
		"all":             {Errors: errs, Data: json.RawMessage(`null`), Extensions: ext},
		"errors+ext":      {Errors: errs, Extensions: ext},
	}
	for name, resp := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := resp.appendJSON(nil)
			if err != nil {
				t.Fatal(err)
			}
			want, err := json.Marshal(resp)
			if err != nil {
				t.Fatal(err)
			}
			if !json.Valid(got) {
				t.Fatalf("invalid JSON: %s", got)
			}
			var g, w map[string]any
			if err := json.Unmarshal(got, &g); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(want, &w); err != nil {
				t.Fatal(err)
			}
			gb, _ := json.Marshal(g)
			wb, _ := json.Marshal(w)
			if string(gb) != string(wb) {
				t.Fatalf("encode wrote %s\njson.Marshal writes %s", got, want)
			}
		})
	}
}

// TestHitCostMatchesTheCostReporter checks that the extensions the answer
// memo writes by hand are byte for byte what json.Marshal writes for the
// map costReporter builds for a cache hit.
func TestHitCostMatchesTheCostReporter(t *testing.T) {
	for _, budget := range []*ratelimit.Status{
		nil,
		{Limit: 50000, Remaining: 49999, RestoreRate: 1000},
		{Limit: 10, Remaining: -3, RestoreRate: 0.001},
		{Limit: 1_000_000_000, Remaining: 1_000_000_000, RestoreRate: 1e9},
	} {
		cost := map[string]any{"requested": 203, "actual": 0}
		if budget != nil {
			cost["limit"], cost["remaining"], cost["restoreRate"] = budget.Limit, budget.Remaining, budget.RestoreRate
		}
		want, err := json.Marshal(map[string]any{"cost": cost})
		if err != nil {
			t.Fatal(err)
		}
		if got := appendHitCost(nil, 203, budget); string(got) != string(want) {
			t.Errorf("budget %+v: wrote %s, want %s", budget, got, want)
		}
	}
}
