package catalog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

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

// CertificationResult is a page of certifications and the whole filtered
// set its facets are counted on.
type CertificationResult struct {
	// Page is the requested page.
	Page     Page[*Certification]
	items    []*Certification
	snapshot *Snapshot
	search   searchOutcome
}

// FindCertifications filters, orders and pages the catalog's certifications.
func (s *Snapshot) FindCertifications(f CertificationCriteria, order CertificationSort, req PageRequest) (CertificationResult, error) {
	if err := req.Validate(); err != nil {
		return CertificationResult{}, err
	}
	search := strings.TrimSpace(f.Search)
	if utf8.RuneCountInString(search) > MaxSearchLength {
		return CertificationResult{}, Invalid("filter.search", "search text may be at most %d characters", MaxSearchLength)
	}
	if order.Field == "" {
		order.Field = OrderByName
		if search != "" {
			order.Field = OrderByRelevance
		}
	}
	if order.Field == OrderByRelevance && search == "" {
		return CertificationResult{}, Invalid("orderBy.field", "RELEVANCE ordering needs filter.search")
	}
	if order.Direction == "" {
		order.Direction = Ascending
	}
	statuses := f.Statuses
	if len(statuses) == 0 {
		statuses = []CertificationStatus{StatusActive}
	}
	var (
		scores  map[int64]int
		outcome searchOutcome
	)
	if search != "" {
		outcome = s.matcher.search(search)
		scores = outcome.scores
	}
	// A search visits only the entries it scored, which the matcher lists
	// in the snapshot's order.
	candidates := s.certifications
	if scores != nil {
		candidates = make([]*Certification, len(outcome.docs))
		for k, i := range outcome.docs {
			candidates[k] = s.certifications[i]
		}
	}
	var items []*Certification
	for _, c := range candidates {
		if !slices.Contains(statuses, c.Status) ||
			(len(f.RecognitionBases) > 0 && !slices.ContainsFunc(f.RecognitionBases, c.HasBasis)) ||
			(len(f.OrganizationIDs) > 0 && !slices.Contains(f.OrganizationIDs, c.OrganizationID)) ||
			(f.EligibleFor != nil && !c.EligibleFor(*f.EligibleFor)) {
			continue
		}
		if scores != nil {
			if _, ok := scores[c.ID]; !ok {
				continue
			}
		}
		items = append(items, c)
	}
	o := s.certificationOrdering(order, scores)
	switch {
	case order.Field == OrderByName && order.Direction == Ascending:
		// The snapshot keeps certifications in this order already.
	case order.Field == OrderByName:
		slices.Reverse(items)
	default:
		o.sort(items)
	}
	page, err := paginate(items, o, req)
	if err != nil {
		return CertificationResult{}, err
	}
	return CertificationResult{Page: page, items: items, snapshot: s, search: outcome}, nil
}

// Facets counts the whole filtered set by recognition basis and
// organization; it is computed only when asked for.
func (r CertificationResult) Facets() CertificationFacets {
	if r.snapshot == nil {
		return CertificationFacets{}
	}
	return r.snapshot.facets(r.items)
}

func (s *Snapshot) certificationOrdering(order CertificationSort, scores map[int64]int) ordering[*Certification] {
	o := ordering[*Certification]{
		scope:      fmt.Sprintf("certifications:%s:%s", order.Field, order.Direction),
		descending: order.Direction == Descending,
		id:         func(c *Certification) int64 { return c.ID },
	}
	switch order.Field {
	case OrderByOrganization:
		o.key = func(c *Certification) string {
			org := ""
			if x := s.orgByID[c.OrganizationID]; x != nil {
				org = strings.ToLower(x.Name)
			}
			return org + "\x00" + sortName(c)
		}
	case OrderByAddedAt:
		o.key = func(c *Certification) string {
			return c.Provenance.AddedAt.UTC().Format("2006-01-02T15:04:05.000000000Z07:00")
		}
	case OrderByRelevance:
		// The key sorts the best score first in ascending order.
		o.key = func(c *Certification) string { return relevanceKey(maxScore - scores[c.ID]) }
	default:
		o.key = sortName
	}
	return o
}

// relevanceKey writes n as fmt's %010d does, without fmt for the usual
// case of a number that is not negative.
func relevanceKey(n int) string {
	if n < 0 {
		return fmt.Sprintf("%010d", n)
	}
	s := strconv.Itoa(n)
	if len(s) >= 10 {
		return s
	}
	return strings.Repeat("0", 10-len(s)) + s
}

func sortName(c *Certification) string { return strings.ToLower(c.DisplayName) }

func (s *Snapshot) facets(items []*Certification) CertificationFacets {
	var f CertificationFacets
	for _, b := range RecognitionBases {
		n := 0
		for _, c := range items {
			if c.HasBasis(b) {
				n++
			}
		}
		f.RecognitionBases = append(f.RecognitionBases, BasisCount{Basis: b, Count: n})
	}
	counts := map[int64]int{}
	for _, c := range items {
		counts[c.OrganizationID]++
	}
	for _, o := range s.organizations {
		if n := counts[o.ID]; n > 0 {
			f.Organizations = append(f.Organizations, OrganizationCount{Organization: o, Count: n})
		}
	}
	slices.SortStableFunc(f.Organizations, func(a, b OrganizationCount) int { return b.Count - a.Count })
	return f
}

// FindOrganizations pages the organizations by name.
func (s *Snapshot) FindOrganizations(req PageRequest) (Page[*Organization], error) {
	return paginate(s.organizations, ordering[*Organization]{
		scope: "organizations:NAME:ASC",
		key:   func(o *Organization) string { return strings.ToLower(o.Name) },
		id:    func(o *Organization) int64 { return o.ID },
	}, req)
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
