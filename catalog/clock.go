package catalog

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ClockSetting sets "today" for the whole service, for demonstrations and
// acceptance tests, in the manner of Stripe's test clocks: either a fixed
// day (APP_CLOCK=2027-04-01), on which the service stays whatever the real
// day, or a whole number of days added to the real day (APP_CLOCK=+400d,
// APP_CLOCK=-30d), which moves on with it. The zero ClockSetting is the
// real clock.
type ClockSetting struct {
	// FixedDay is the day the service takes as today, when set.
	FixedDay *Date
	// OffsetDays is added to the real day when FixedDay is not set.
	OffsetDays int
}

// maxClockOffsetDays bounds an offset to about a hundred years either way,
// so that no date the service computes overflows.
const maxClockOffsetDays = 36525

// ParseClockSetting reads an APP_CLOCK value: empty for the real clock, a
// day in the form YYYY-MM-DD, or a signed number of days such as +400d.
func ParseClockSetting(v string) (ClockSetting, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return ClockSetting{}, nil
	}
	if v[0] == '+' || v[0] == '-' {
		n, err := strconv.Atoi(strings.TrimSuffix(v, "d"))
		if err != nil || !strings.HasSuffix(v, "d") || n < -maxClockOffsetDays || n > maxClockOffsetDays {
			return ClockSetting{}, fmt.Errorf("%q is not a clock offset; use a signed whole number of days up to %d, such as +400d or -30d", v, maxClockOffsetDays)
		}
		return ClockSetting{OffsetDays: n}, nil
	}
	d, err := ParseDate(v)
	if err != nil || d.Time().Year() < 1900 || d.Time().Year() > 2999 {
		return ClockSetting{}, fmt.Errorf("%q is not a clock day; use a day in the form YYYY-MM-DD, such as 2027-04-01, or an offset such as +400d", v)
	}
	return ClockSetting{FixedDay: &d}, nil
}

// IsReal reports whether the setting leaves the real clock alone.
func (c ClockSetting) IsReal() bool { return c.FixedDay == nil && c.OffsetDays == 0 }

// String gives the setting as APP_CLOCK takes it, empty for the real clock.
func (c ClockSetting) String() string {
	switch {
	case c.FixedDay != nil:
		return c.FixedDay.String()
	case c.OffsetDays != 0:
		return fmt.Sprintf("%+dd", c.OffsetDays)
	}
	return ""
}

// Clock returns the service's clock over the real one: the fixed day at
// the real time of day (so that instants stay in order within a day), or
// the real time moved by the offset.
func (c ClockSetting) Clock(real func() time.Time) func() time.Time {
	switch {
	case c.FixedDay != nil:
		day := c.FixedDay.Time()
		return func() time.Time {
			t := real().UTC()
			return day.Add(t.Sub(t.Truncate(24 * time.Hour)))
		}
	case c.OffsetDays != 0:
		offset := c.OffsetDays
		return func() time.Time { return real().UTC().AddDate(0, 0, offset) }
	}
	return real
}
