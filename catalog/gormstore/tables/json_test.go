package tables_test

import (
	"encoding/json"
	"testing"

	"github.com/mssc/recert/catalog/gormstore/tables"
)

// roundTrip reads the stored JSON into its row type R, converts it to the
// domain with to and back with from, checks that the JSON written again is
// the stored literal, and returns the domain value for further checks.
func roundTrip[R, D any](t *testing.T, stored string, to func(R) D, from func(D) R) D {
	t.Helper()
	var row R
	if err := json.Unmarshal([]byte(stored), &row); err != nil {
		t.Fatal(err)
	}
	v := to(row)
	again, err := json.Marshal(from(v))
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != stored {
		t.Errorf("written again as\n%s\nwant\n%s", again, stored)
	}
	return v
}

// TestStoredJSONRoundTrips reads fixed literals of the JSON columns as the
// store writes them, converts them to the domain types and back, and checks
// that the JSON written again is the literal: renaming a domain field must
// not change what is stored, nor lose what was.
func TestStoredJSONRoundTrips(t *testing.T) {
	t.Run("payments", func(t *testing.T) {
		const stored = `[{"Amount":{"Cents":7500,"Currency":"USD"},"Reference":"R-1","RecordedBy":"staff-1","RecordedAt":"2026-03-01T10:00:00Z","Fee":"APPLICATION"}]`
		payments := roundTrip(t, stored, tables.ToPayments, tables.FromPayments)
		if len(payments) != 1 || payments[0].Amount.Cents != 7500 || payments[0].Reference != "R-1" || string(payments[0].Fee) != "APPLICATION" {
			t.Fatalf("read %+v", payments)
		}
	})
	t.Run("extension", func(t *testing.T) {
		const stored = `{"Status":"GRANTED","CourseEndsOn":"2026-05-01","Reason":"welding course","RequestedAt":"2026-03-01T10:00:00Z","Until":"2026-06-30","GrantedBy":"staff-1","RefusedBy":"","DecidedAt":"2026-03-02T09:00:00Z","Decision":"the course ends after expiration"}`
		x := roundTrip(t, stored, tables.ToExtension, tables.FromExtension)
		if x == nil || string(x.Status) != "GRANTED" || x.Until == nil || x.Until.String() != "2026-06-30" || x.GrantedBy != "staff-1" {
			t.Fatalf("read %+v", x)
		}
	})
	t.Run("no extension", func(t *testing.T) {
		if got, err := json.Marshal(tables.FromExtension(tables.ToExtension(nil))); err != nil || string(got) != "null" {
			t.Errorf("no extension is stored as %s (%v), want null", got, err)
		}
	})
	t.Run("activities", func(t *testing.T) {
		const stored = `[{"ID":1,"Category":"CE","TypeKey":"ce-third-party","Title":"Welding","CompletedOn":"2026-02-03","StartOn":null,"EndOn":null,"Ongoing":false,"CreditHours":3,"Passed":true,"WeeklyHours":0,"Internship":false,"CoursesTaught":null,"Hours":0,"CertificationKey":"aws-cw","LedToCertificationKey":"","ProofAttached":true,"MSSCRecordsOnFile":false,"ReviewerPoints":3,"ReviewerReason":"checked","Provider":"AWS","Description":"course","Proofs":[{"Key":"k1","SHA256":"ab","Size":12,"ContentType":"application/pdf","Name":"proof.pdf"}],"CatalogReviewID":9,"ReviewerSetBy":"staff-1","ReviewerSetAt":"2026-03-04T12:00:00Z","Refusal":null},` +
			`{"ID":2,"Category":"E","TypeKey":"e-instructor","Title":"","CompletedOn":null,"StartOn":"2026-02-03","EndOn":"2026-04-30","Ongoing":true,"CreditHours":0,"Passed":null,"WeeklyHours":40,"Internship":true,"CoursesTaught":{"1":2,"3":4},"Hours":5,"CertificationKey":"","LedToCertificationKey":"x","ProofAttached":false,"MSSCRecordsOnFile":true,"ReviewerPoints":null,"ReviewerReason":"","Provider":"","Description":"","Proofs":null,"CatalogReviewID":0,"ReviewerSetBy":"","ReviewerSetAt":null,"Refusal":{"Code":"DUPLICATE","Reason":"counted","By":"staff-2","At":"2026-03-04T12:00:00Z"}}]`
		as := roundTrip(t, stored, tables.ToActivities, tables.FromActivities)
		if len(as) != 2 || as[0].TypeKey != "ce-third-party" || as[0].Proofs[0].Name != "proof.pdf" || *as[0].ReviewerPoints != 3 ||
			as[1].CoursesTaught[3] != 4 || as[1].Refusal == nil || string(as[1].Refusal.Code) != "DUPLICATE" {
			t.Fatalf("read %+v", as)
		}
	})
	t.Run("decided by", func(t *testing.T) {
		const stored = `{"APPROVE":"staff-1","DENY":"staff-2"}`
		by := roundTrip(t, stored, tables.ToDecidedBy, tables.FromDecidedBy)
		if len(by) != 2 || by["APPROVE"] != "staff-1" {
			t.Fatalf("read %+v", by)
		}
	})
	t.Run("other names", func(t *testing.T) {
		const stored = `["ASCM","Association for Supply Chain Management"]`
		names := roundTrip(t, stored, tables.ToOtherNames, tables.FromOtherNames)
		if len(names) != 2 || names[0] != "ASCM" || names[1] != "Association for Supply Chain Management" {
			t.Fatalf("read %q", names)
		}
	})
	t.Run("no other names", func(t *testing.T) {
		names := roundTrip(t, `[]`, tables.ToOtherNames, tables.FromOtherNames)
		if names != nil {
			t.Fatalf("read %q, want nil", names)
		}
	})
	t.Run("flags", func(t *testing.T) {
		const stored = `[{"code":"ATTENDANCE_ONLY","message":"earned by attendance alone"}]`
		flags := roundTrip(t, stored, tables.ToFlags, tables.FromFlags)
		if len(flags) != 1 || string(flags[0].Code) != "ATTENDANCE_ONLY" || flags[0].Message != "earned by attendance alone" {
			t.Fatalf("read %+v", flags)
		}
	})
}
