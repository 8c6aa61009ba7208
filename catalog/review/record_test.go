package review

import (
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
)

// TestHistoryRecordsKeepTheirStoredKeys pins the JSON the catalog history
// stores for an entry to a literal of the format rows already hold, so
// that renaming a Go field cannot change what is written.
func TestHistoryRecordsKeepTheirStoredKeys(t *testing.T) {
	approved := catalog.NewDate(2024, time.March, 1)
	got := record(&catalog.Certification{
		Key: "osha-10", OrganizationKey: "osha", Name: "OSHA 10-Hour General Industry", DisplayName: "OSHA 10",
		Aliases: []catalog.Alias{{Kind: catalog.AliasKind("ACRONYM"), Value: "OSHA10"}}, ApprovedOn: &approved,
	})
	const want = `{"aliases":[{"Kind":"ACRONYM","Value":"OSHA10"}],"approvedOn":"2024-03-01","ctid":"","description":"","displayName":"OSHA 10","eligiblePrograms":null,"group":"","key":"osha-10","level":"","name":"OSHA 10-Hour General Industry","note":"","organizationKey":"osha","recognitionBases":null,"renewalPeriodMonths":0,"retiredOn":null,"status":"","url":""}`
	if got != want {
		t.Fatalf("record =\n%s\nwant\n%s", got, want)
	}
}
