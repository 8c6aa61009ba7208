package catalog

// The certification search's vocabulary: what a search asks for (criteria,
// ordering, the longest text) and what it answers besides the page (facets
// and highlights). Package search does the matching.

// MaxSearchLength is the longest search text accepted, in characters.
const MaxSearchLength = 300

// CertificationCriteria narrows the certifications listed; empty fields keep all.
type CertificationCriteria struct {
	// RecognitionBases keeps entries with any of these bases.
	RecognitionBases []RecognitionBasis
	// OrganizationIDs keeps entries issued by any of these bodies.
	OrganizationIDs []int64
	// EligibleFor keeps entries holders of this program may count.
	EligibleFor *Program
	// Statuses keeps entries with any of these statuses; none means ACTIVE only.
	Statuses []CertificationStatus
	// Search keeps entries matching this free text, ranked by relevance.
	Search string
}

// CertificationOrderField is what certifications may be ordered by.
type CertificationOrderField string

// The orderings of certifications.
const (
	// OrderByName orders by display name.
	OrderByName CertificationOrderField = "NAME"
	// OrderByOrganization orders by the issuing body's name, then display name.
	OrderByOrganization CertificationOrderField = "ORGANIZATION"
	// OrderByAddedAt orders by when the entry was added.
	OrderByAddedAt CertificationOrderField = "ADDED_AT"
	// OrderByRelevance orders by how well the entry matches the search.
	OrderByRelevance CertificationOrderField = "RELEVANCE"
)

// SortDirection is ascending or descending.
type SortDirection string

// The sort directions.
const (
	// Ascending sorts from smallest to largest.
	Ascending SortDirection = "ASC"
	// Descending sorts from largest to smallest.
	Descending SortDirection = "DESC"
)

// CertificationSort is the ordering of a certification list. The zero
// value is by relevance (best first) when searching, else by name.
type CertificationSort struct {
	// Field is what to order by.
	Field CertificationOrderField
	// Direction is the direction; empty means ascending, or best first for relevance.
	Direction SortDirection
}

// BasisCount is the number of entries with a recognition basis.
type BasisCount struct {
	// Basis is the recognition basis.
	Basis RecognitionBasis
	// Count is how many entries of the filtered set have it.
	Count int
}

// OrganizationCount is the number of entries an organization issues.
type OrganizationCount struct {
	// Organization is the issuing body.
	Organization *Organization
	// Count is how many entries of the filtered set it issues.
	Count int
}

// CertificationFacets count the filtered set by recognition basis and by organization.
type CertificationFacets struct {
	// RecognitionBases counts per basis, in the guide's order, zeros included.
	RecognitionBases []BasisCount
	// Organizations counts per organization with at least one entry, most first.
	Organizations []OrganizationCount
}

// HighlightSource says which name of an entry a highlight marks.
type HighlightSource string

// The names a highlight can mark.
const (
	// HighlightName marks the entry's name.
	HighlightName HighlightSource = "NAME"
	// HighlightDisplayName marks the entry's display name.
	HighlightDisplayName HighlightSource = "DISPLAY_NAME"
	// HighlightAlias marks one of the entry's aliases.
	HighlightAlias HighlightSource = "ALIAS"
)

// SearchHighlight is a span of a name or alias that a search matched. Start and
// Length count Unicode code points, not bytes or UTF-16 units.
type SearchHighlight struct {
	// Source says which name the span is in.
	Source HighlightSource
	// Text is the name or alias, as written.
	Text string
	// Start is the first code point of the span, from 0.
	Start int
	// Length is the number of code points of the span.
	Length int
}
