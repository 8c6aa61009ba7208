package catalog

import (
	"testing"
	"time"
)

func TestClockSetting(t *testing.T) {
	real := func() time.Time { return time.Date(2026, 11, 27, 13, 45, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name, setting, want, shown string
	}{
		{"unset keeps the real clock", "", "2026-11-27T13:45:00Z", ""},
		{"a day fixes today at the real time of day", "2027-04-01", "2027-04-01T13:45:00Z", "2027-04-01"},
		{"a forward offset moves today on", "+400d", "2028-01-01T13:45:00Z", "+400d"},
		{"a backward offset moves today back", "-30d", "2026-10-28T13:45:00Z", "-30d"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ParseClockSetting(tc.setting)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Clock(real)().Format(time.RFC3339); got != tc.want {
				t.Errorf("now = %s, want %s", got, tc.want)
			}
			if c.String() != tc.shown || c.IsReal() != (tc.shown == "") {
				t.Errorf("shown as %q (real %v), want %q", c.String(), c.IsReal(), tc.shown)
			}
		})
	}
	for _, bad := range []string{"tomorrow", "+400", "400d", "+1.5d", "2027-02-30", "0001-01-01", "+99999999d", "2027-04-01T00:00:00Z"} {
		t.Run("refuses "+bad, func(t *testing.T) {
			if _, err := ParseClockSetting(bad); err == nil {
				t.Errorf("%q was accepted", bad)
			}
		})
	}
}
