package catalog

import "context"

// Data is the whole catalog as stored: what a Snapshot is built from and
// what the seed writes.
type Data struct {
	// Version is the catalog version the data was read at.
	Version int64
	// Organizations are the issuing bodies.
	Organizations []Organization
	// Certifications are the catalog entries.
	Certifications []Certification
	// KeyActivities are the CPT, CLA and CLT key activities.
	KeyActivities []KeyActivity
	// Fields are the related and not-related fields.
	Fields []RelatedField
	// ActivityTypes are the rows of the point tables.
	ActivityTypes []ActivityType
	// EmploymentBands are the rows of the partial-year employment table.
	EmploymentBands []EmploymentBand
	// Fees are the fees of the process.
	Fees []Fee
	// Rules are the figures of the rules.
	Rules []Rule
	// Synonyms are the search's synonyms, removed ones included.
	Synonyms []Synonym
}

// Store is what the catalog needs from persistence.
type Store interface {
	// CatalogVersion returns the current catalog version, which changes with
	// every change to the catalog.
	CatalogVersion(ctx context.Context) (int64, error)
	// LoadCatalog reads the whole catalog consistently, at one version.
	LoadCatalog(ctx context.Context) (*Data, error)
}

// SeedReport counts what applying a seed did.
type SeedReport struct {
	// Inserted counts entries that did not exist.
	Inserted int
	// Updated counts entries whose stored values differed.
	Updated int
	// Unchanged counts entries already as the seed has them.
	Unchanged int
	// Version is the catalog version after the seed.
	Version int64
}

// SeedStore writes seed data: every entry is inserted or updated by its
// stable key, entries the seed does not name are left alone, and the
// catalog version changes only when something did.
type SeedStore interface {
	// ApplySeed writes data in one transaction.
	ApplySeed(ctx context.Context, data *Data) (SeedReport, error)
}
