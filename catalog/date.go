package catalog

import (
	"fmt"
	"time"
)

// Date is a calendar day without a time of day or a zone, such as the day a
// certification was earned. The zero Date is "no date".
type Date struct {
	t time.Time
}

// DateLayout is the ISO-8601 layout dates are read and written in.
const DateLayout = "2006-01-02"

// NewDate returns the given calendar day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{t: time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	return NewDate(t.Year(), t.Month(), t.Day())
}

// ParseDate reads an ISO-8601 calendar date (YYYY-MM-DD).
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return Date{t: t}, nil
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String formats d as YYYY-MM-DD.
func (d Date) String() string { return d.t.Format(DateLayout) }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return d.t }

// Before reports whether d is an earlier day than o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// After reports whether d is a later day than o.
func (d Date) After(o Date) bool { return d.t.After(o.t) }

// Equal reports whether d and o are the same day.
func (d Date) Equal(o Date) bool { return d.t.Equal(o.t) }

// AddDays returns the day n days after d (before it for negative n).
func (d Date) AddDays(n int) Date { return Date{t: d.t.AddDate(0, 0, n)} }

// AddYears returns the same day n years later; 29 February becomes 1 March
// in a year without it.
func (d Date) AddYears(n int) Date { return Date{t: d.t.AddDate(n, 0, 0)} }

// DaysUntil returns the number of days from d to o, negative when o is earlier.
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }

// MarshalJSON writes the date as "YYYY-MM-DD", or null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads a date written by MarshalJSON.
func (d *Date) UnmarshalJSON(raw []byte) error {
	s := string(raw)
	if s == "null" {
		*d = Date{}
		return nil
	}
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return fmt.Errorf("a date must be a string in the form YYYY-MM-DD")
	}
	parsed, err := ParseDate(s[1 : len(s)-1])
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}
