package tables_test

import (
	"encoding/json"
	"testing"

	"github.com/mssc/recert/catalog/gormstore/tables"
)

// TestStoredJSONRoundTrips reads fixed literals of the JSON columns as the
// store writes them, converts them to the domain types and back, and checks
// that the JSON written again is the literal: renaming a domain field must
// not change what is stored, nor lose what was.
func TestStoredJSONRoundTrips(t *testing.T) {
	t.Run("payments", func(t *testing.T) {
		const stored = `[{"Amount":{"Cents":7500,"Currency":"USD"},"Reference":"R-1","RecordedBy":"staff-1","RecordedAt":"2026-03-01T10:00:00Z","Fee":"APPLICATION"}]`
		var rows []tables.PaymentJSON
		if err := json.Unmarshal([]byte(stored), &rows); err != nil {
			t.Fatal(err)
		}
		payments := tables.ToPayments(rows)
		if len(payments) != 1 || payments[0].Amount.Cents != 7500 || payments[0].Reference != "R-1" || string(payments[0].Fee) != "APPLICATION" {
			t.Fatalf("read %+v", payments)
		}
		again, err := json.Marshal(tables.FromPayments(payments))
		if err != nil {
			t.Fatal(err)
		}
		if string(again) != stored {
			t.Errorf("written again as\n%s\nwant\n%s", again, stored)
		}
	})
	t.Run("extension", func(t *testing.T) {
		const stored = `{"Status":"GRANTED","CourseEndsOn":"2026-05-01","Reason":"welding course","RequestedAt":"2026-03-01T10:00:00Z","Until":"2026-06-30","GrantedBy":"staff-1","RefusedBy":"","DecidedAt":"2026-03-02T09:00:00Z","Decision":"the course ends after expiration"}`
		var row *tables.ExtensionJSON
		if err := json.Unmarshal([]byte(stored), &row); err != nil {
			t.Fatal(err)
		}
		x := tables.ToExtension(row)
		if x == nil || string(x.Status) != "GRANTED" || x.Until == nil || x.Until.String() != "2026-06-30" || x.GrantedBy != "staff-1" {
			t.Fatalf("read %+v", x)
		}
		again, err := json.Marshal(tables.FromExtension(x))
		if err != nil {
			t.Fatal(err)
		}
		if string(again) != stored {
			t.Errorf("written again as\n%s\nwant\n%s", again, stored)
		}
	})
	t.Run("no extension", func(t *testing.T) {
		if got, err := json.Marshal(tables.FromExtension(tables.ToExtension(nil))); err != nil || string(got) != "null" {
			t.Errorf("no extension is stored as %s (%v), want null", got, err)
		}
	})
}
