package httpapi

import (
	"encoding/json"
	"testing"

	"github.com/vektah/gqlparser/v2/gqlerror"
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
