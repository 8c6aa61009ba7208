package gormstore_test

import (
	"context"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
)

// TestMigrationMovesTheBundledFeeToItsBundle stores a CPT and a CLT
// application bundled as before migration 00006 (the fee on both, the one
// payment on the first) and checks that the migration leaves the fee and
// the payment on the bundle only.
func TestMigrationMovesTheBundledFeeToItsBundle(t *testing.T) {
	t.Parallel()
	forEachDialectMigratedTo(t, 4, func(t *testing.T, store *gormstore.Store) {
		ctx := context.Background()
		db, err := store.SQLDB()
		if err != nil {
			t.Fatal(err)
		}
		for _, stmt := range []string{
			`INSERT INTO candidates (id, number, name, email, created_at, created_by, updated_at, updated_by)
			 VALUES (7, 'C-7', 'Seven', 'c7@example.com', '2027-01-01 00:00:00', 'seed', '2027-01-01 00:00:00', 'seed')`,
			`INSERT INTO applications (id, candidate_id, candidate_number, program, cycle_certified_on, cycle_expires_on, status, submitted_at,
			   bundle_id, fee_kind, fee_cents, fee_currency, payments, version, created_at, updated_at, updated_by)
			 VALUES (11, 7, 'C-7', 'CPT', '2022-05-01', '2027-05-01', 'IN_REVIEW', '2027-04-01 10:00:00', 'bundle-11-12', 'BUNDLED_APPLICATION', 10000, 'USD',
			   '[{"Amount":{"Cents":10000,"Currency":"USD"},"Reference":"R-1","RecordedBy":"staff","RecordedAt":"2027-04-02T10:00:00Z","Fee":"BUNDLED_APPLICATION"}]',
			   3, '2027-03-01 00:00:00', '2027-04-02 10:00:00', 'staff')`,
			`INSERT INTO applications (id, candidate_id, candidate_number, program, cycle_certified_on, cycle_expires_on, status, submitted_at,
			   bundle_id, fee_kind, fee_cents, fee_currency, payments, version, created_at, updated_at, updated_by)
			 VALUES (12, 7, 'C-7', 'CLT', '2022-06-15', '2027-06-15', 'IN_REVIEW', '2027-04-01 10:00:00', 'bundle-11-12', 'BUNDLED_APPLICATION', 10000, 'USD',
			   '[{"Amount":{"Cents":0,"Currency":"USD"},"Reference":"R-1","RecordedBy":"staff","RecordedAt":"2027-04-02T10:00:00Z","Fee":"BUNDLED_APPLICATION"}]',
			   3, '2027-03-01 00:00:00', '2027-04-02 10:00:00', 'staff')`,
		} {
			if _, err := db.ExecContext(ctx, stmt); err != nil {
				t.Fatalf("%v: %s", err, stmt)
			}
		}
		if err := store.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		b, err := store.BundleByID(ctx, "bundle-11-12")
		if err != nil || b == nil {
			t.Fatalf("the migrated bundle: %v, %v", b, err)
		}
		if b.FeeDue != (catalog.Money{Cents: 10000, Currency: "USD"}) || b.FeeKind != catalog.FeeBundledApplication || b.Paid().Cents != 10000 ||
			len(b.Payments) != 1 || len(b.ApplicationIDs) != 2 || b.ApplicationIDs[0] != 11 || b.ApplicationIDs[1] != 12 || b.CandidateID != 7 {
			t.Errorf("the migrated bundle = %+v", b)
		}
		for _, id := range []int64{11, 12} {
			a, err := store.ApplicationByID(ctx, id)
			if err != nil || a == nil {
				t.Fatalf("application %d: %v", id, err)
			}
			if a.FeeDue != nil || a.FeeKind != "" || a.BundleID != "bundle-11-12" {
				t.Errorf("application %d still carries the bundled fee: %v %q %q", id, a.FeeDue, a.FeeKind, a.BundleID)
			}
		}
	})
}
