package catalog

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{in: "2024-03-15", want: NewDate(2024, time.March, 15)},
		{in: "2024-02-29", want: NewDate(2024, time.February, 29)},
		{in: "1999-12-31", want: NewDate(1999, time.December, 31)},
		{in: "2000-01-01", want: NewDate(2000, time.January, 1)},
		{in: "", wantErr: true},
		{in: "2023-02-29", wantErr: true},
		{in: "2024-13-01", wantErr: true},
		{in: "2024-04-31", wantErr: true},
		{in: "2024-00-10", wantErr: true},
		{in: "2024-3-5", wantErr: true},
		{in: "15/03/2024", wantErr: true},
		{in: "2024-03-15T00:00:00Z", wantErr: true},
		{in: " 2024-03-15", wantErr: true},
		{in: "2024-03-15 ", wantErr: true},
		{in: "yesterday", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %s, want an error", tt.in, got)
				}
				if !got.IsZero() {
					t.Errorf("ParseDate(%q) returned %s with the error, want the zero Date", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if !got.Equal(tt.want) || got.String() != tt.in {
				t.Errorf("ParseDate(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateOf(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{name: "UTC", in: time.Date(2024, 5, 6, 23, 59, 0, 0, time.UTC), want: "2024-05-06"},
		{name: "own zone, not UTC", in: time.Date(2024, 5, 7, 1, 0, 0, 0, tokyo), want: "2024-05-07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := DateOf(tt.in)
			if d.String() != tt.want {
				t.Errorf("DateOf(%v) = %s, want %s", tt.in, d, tt.want)
			}
			if got := d.Time(); !got.Equal(time.Date(got.Year(), got.Month(), got.Day(), 0, 0, 0, 0, time.UTC)) || got.Location() != time.UTC {
				t.Errorf("Time() = %v, want midnight UTC", got)
			}
		})
	}
}

// dateShift is a case of Date arithmetic: from moved by n gives want.
type dateShift struct {
	name string
	from Date
	n    int
	want string
}

// testShift runs the cases of one Date method that moves a date by n units.
func testShift(t *testing.T, method string, shift func(Date, int) Date, tests []dateShift) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shift(tt.from, tt.n).String(); got != tt.want {
				t.Errorf("%s.%s(%d) = %s, want %s", tt.from, method, tt.n, got, tt.want)
			}
		})
	}
}

func TestDateAddDays(t *testing.T) {
	testShift(t, "AddDays", Date.AddDays, []dateShift{
		{name: "zero", from: NewDate(2024, time.March, 15), n: 0, want: "2024-03-15"},
		{name: "within a month", from: NewDate(2024, time.March, 15), n: 10, want: "2024-03-25"},
		{name: "across a month end", from: NewDate(2024, time.January, 30), n: 3, want: "2024-02-02"},
		{name: "into 29 February", from: NewDate(2024, time.February, 28), n: 1, want: "2024-02-29"},
		{name: "over 28 February in a common year", from: NewDate(2023, time.February, 28), n: 1, want: "2023-03-01"},
		{name: "across a year end", from: NewDate(2023, time.December, 31), n: 1, want: "2024-01-01"},
		{name: "90 days", from: NewDate(2024, time.November, 15), n: 90, want: "2025-02-13"},
		{name: "backwards across a year start", from: NewDate(2024, time.January, 1), n: -1, want: "2023-12-31"},
		{name: "backwards across a month start", from: NewDate(2024, time.March, 1), n: -1, want: "2024-02-29"},
		{name: "a whole leap year", from: NewDate(2024, time.January, 1), n: 366, want: "2025-01-01"},
	})
}

func TestDateAddYears(t *testing.T) {
	testShift(t, "AddYears", Date.AddYears, []dateShift{
		{name: "ordinary day", from: NewDate(2021, time.June, 30), n: 3, want: "2024-06-30"},
		{name: "29 February to a common year", from: NewDate(2024, time.February, 29), n: 1, want: "2025-03-01"},
		{name: "29 February to the next leap year", from: NewDate(2024, time.February, 29), n: 4, want: "2028-02-29"},
		{name: "29 February backwards", from: NewDate(2024, time.February, 29), n: -1, want: "2023-03-01"},
		{name: "28 February stays", from: NewDate(2023, time.February, 28), n: 1, want: "2024-02-28"},
		{name: "year end", from: NewDate(2023, time.December, 31), n: 3, want: "2026-12-31"},
	})
}

func TestDateComparisons(t *testing.T) {
	d := NewDate(2024, time.March, 15)
	parsed, err := ParseDate("2024-03-15")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                  string
		a, b                  Date
		before, after, equals bool
	}{
		{name: "earlier day", a: NewDate(2024, time.March, 14), b: d, before: true},
		{name: "later day", a: NewDate(2024, time.March, 16), b: d, after: true},
		{name: "same day", a: NewDate(2024, time.March, 15), b: d, equals: true},
		{name: "parsed equals constructed", a: parsed, b: d, equals: true},
		{name: "same day from a zoned time", a: DateOf(time.Date(2024, 3, 15, 22, 0, 0, 0, time.FixedZone("X", -5*3600))), b: d, equals: true},
		{name: "year apart", a: NewDate(2023, time.March, 15), b: d, before: true},
		{name: "zero date is before any day", a: Date{}, b: d, before: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Before(tt.b); got != tt.before {
				t.Errorf("%s.Before(%s) = %v, want %v", tt.a, tt.b, got, tt.before)
			}
			if got := tt.a.After(tt.b); got != tt.after {
				t.Errorf("%s.After(%s) = %v, want %v", tt.a, tt.b, got, tt.after)
			}
			if got := tt.a.Equal(tt.b); got != tt.equals {
				t.Errorf("%s.Equal(%s) = %v, want %v", tt.a, tt.b, got, tt.equals)
			}
		})
	}
}

func TestDateZero(t *testing.T) {
	tests := []struct {
		name string
		d    Date
		want bool
	}{
		{name: "zero value", d: Date{}, want: true},
		{name: "a real day", d: NewDate(2024, time.January, 1), want: false},
		{name: "year one is not the zero Date", d: NewDate(1, time.January, 2), want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.IsZero(); got != tt.want {
				t.Errorf("IsZero() = %v, want %v", got, tt.want)
			}
		})
	}
}
