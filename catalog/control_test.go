package catalog

import "testing"

func TestHasControlFindsEveryControlCharacter(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Ana María Ñúñez", false},
		{"O'Brien-Smith", false},
		{"tab\there", true},
		{"nul\x00", true},
		{"del\x7f", true},
		{"next line\u0085", true},
		{"csi\u009b", true},
	} {
		if got := HasControl(tc.text); got != tc.want {
			t.Errorf("hasControl(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
