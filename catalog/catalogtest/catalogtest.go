// Package catalogtest builds catalogs for the tests of the catalog's
// subject packages: the real seed catalog, with IDs given as a store would.
package catalogtest

import (
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/seed"
)

// SeededSnapshot builds a snapshot of the real seed catalog, with IDs.
func SeededSnapshot(t testing.TB) *catalog.Snapshot {
	t.Helper()
	return catalog.NewSnapshot(SeededData(t))
}

// SeedData reads the real seed catalog as its files give it, without IDs.
func SeedData(t testing.TB) *catalog.Data {
	t.Helper()
	data, err := seed.Read(seed.Files())
	if err != nil {
		t.Fatalf("seed.Read(seed.Files()): %v", err)
	}
	return data
}

// SeededData reads the real seed catalog and gives it IDs, as a store would.
func SeededData(t testing.TB) *catalog.Data {
	t.Helper()
	data := SeedData(t)
	orgIDs := map[string]int64{}
	for i := range data.Organizations {
		data.Organizations[i].ID = int64(i + 1)
		orgIDs[data.Organizations[i].Key] = int64(i + 1)
	}
	for i := range data.Certifications {
		data.Certifications[i].ID = int64(i + 1)
		data.Certifications[i].OrganizationID = orgIDs[data.Certifications[i].OrganizationKey]
	}
	for i := range data.ActivityTypes {
		data.ActivityTypes[i].ID = int64(i + 1)
	}
	data.Version = 1
	return data
}
