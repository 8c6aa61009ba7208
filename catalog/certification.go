package catalog

import "time"

// Organization is a body that issues certifications.
type Organization struct {
	// ID is the storage identity.
	ID int64
	// Key is the stable key the seed and staff edits address it by.
	Key string
	// Name is the full name.
	Name string
	// Acronym is the short name, if any.
	Acronym string
	// OtherNames are names the body had or has taken since (APICS is now the
	// Association for Supply Chain Management), which name it as an issuer
	// too. The seed sets them; staff edits keep them.
	OtherNames []string
	// URL is the public web site.
	URL string
	// Description says what the body is.
	Description string
	// CTID is the body's Credential Engine identifier ("ce-" and a UUID), if
	// staff have set one.
	CTID string
}

// Certification is an entry of the pre-approved catalog.
type Certification struct {
	// ID is the storage identity.
	ID int64
	// Key is the stable key the seed and staff edits address it by.
	Key string
	// OrganizationID is the issuing body's ID.
	OrganizationID int64
	// OrganizationKey is the issuing body's key.
	OrganizationKey string
	// Organization is the issuing body, filled in by the snapshot.
	Organization *Organization
	// Name is the entry as the guide lists it.
	Name string
	// DisplayName is a full name that makes sense on its own.
	DisplayName string
	// Group is the heading the guide nests the entry under, if any.
	Group string
	// Level is the level within the group, if the guide names one.
	Level string
	// Note keeps a remark about the entry.
	Note string
	// RecognitionBases are the grounds on which it is pre-approved.
	RecognitionBases []RecognitionBasis
	// EligiblePrograms are the full certifications whose holders may count it.
	EligiblePrograms []Program
	// Aliases are other names it is known by.
	Aliases []Alias
	// Status says whether it still counts for new credentials.
	Status CertificationStatus
	// ApprovedOn is the first day a credential earned counts, if bounded.
	ApprovedOn *Date
	// RetiredOn is the day from which newly earned credentials no longer count.
	RetiredOn *Date
	// Provenance records where the entry came from.
	Provenance Provenance
	// Description says what the certification attests, if staff have written it.
	Description string
	// URL is the issuer's page about the certification, if known.
	URL string
	// CTID is the Credential Engine identifier ("ce-" and a UUID), if set.
	CTID string
	// RenewalPeriodMonths is how often the issuer requires renewal, in
	// months; 0 when unknown.
	RenewalPeriodMonths int
}

// Alias is another name a certification is known by.
type Alias struct {
	// Kind says what sort of name it is.
	Kind AliasKind
	// Value is the name as written.
	Value string
}

// Provenance records where a catalog entry came from and when.
type Provenance struct {
	// Source says how it entered the catalog.
	Source ProvenanceSource
	// Reference points at the origin: a section of the guide, a review.
	Reference string
	// AddedAt is when the entry was first stored.
	AddedAt time.Time
}

// HasBasis reports whether c is pre-approved on basis b.
func (c *Certification) HasBasis(b RecognitionBasis) bool {
	for _, x := range c.RecognitionBases {
		if x == b {
			return true
		}
	}
	return false
}

// EligibleFor reports whether holders of program p may count c.
func (c *Certification) EligibleFor(p Program) bool {
	for _, x := range c.EligiblePrograms {
		if x == p {
			return true
		}
	}
	return false
}

// CountsAt reports whether a credential earned on the given day counts
// under entry c: not before its approval, not on or after its retirement.
func (c *Certification) CountsAt(earned Date) bool {
	if c.ApprovedOn != nil && earned.Before(*c.ApprovedOn) {
		return false
	}
	if c.RetiredOn != nil && !earned.Before(*c.RetiredOn) {
		return false
	}
	return true
}
