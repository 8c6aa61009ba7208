package search

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
)

// CertificationResult is a page of certifications and the whole filtered
// set its facets are counted on.
type CertificationResult struct {
	// Page is the requested page.
	Page     catalog.Page[*catalog.Certification]
	items    []*catalog.Certification
	snapshot *catalog.Snapshot
	search   searchOutcome
}

// FindCertifications filters, orders and pages the catalog's certifications.
func FindCertifications(s *catalog.Snapshot, f catalog.CertificationCriteria, order catalog.CertificationSort, req catalog.PageRequest) (CertificationResult, error) {
	if err := req.Validate(); err != nil {
		return CertificationResult{}, err
	}
	text := strings.TrimSpace(f.Search)
	if utf8.RuneCountInString(text) > catalog.MaxSearchLength {
		return CertificationResult{}, catalog.Invalid("filter.search", "search text may be at most %d characters", catalog.MaxSearchLength)
	}
	if order.Field == "" {
		order.Field = catalog.OrderByName
		if text != "" {
			order.Field = catalog.OrderByRelevance
		}
	}
	if order.Field == catalog.OrderByRelevance && text == "" {
		return CertificationResult{}, catalog.Invalid("orderBy.field", "RELEVANCE ordering needs filter.search")
	}
	if order.Direction == "" {
		order.Direction = catalog.Ascending
	}
	statuses := f.Statuses
	if len(statuses) == 0 {
		statuses = []catalog.CertificationStatus{catalog.StatusActive}
	}
	var (
		scores  map[int64]int
		outcome searchOutcome
	)
	if text != "" {
		outcome = matcherOf(s).search(text)
		scores = outcome.scores
	}
	// A search visits only the entries it scored, which the matcher lists
	// in the snapshot's order.
	candidates := s.Certifications()
	if scores != nil {
		all := candidates
		candidates = make([]*catalog.Certification, len(outcome.docs))
		for k, i := range outcome.docs {
			candidates[k] = all[i]
		}
	}
	var items []*catalog.Certification
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
	o := certificationOrdering(s, order, scores)
	switch {
	case order.Field == catalog.OrderByName && order.Direction == catalog.Ascending:
		// The snapshot keeps certifications in this order already.
	case order.Field == catalog.OrderByName:
		slices.Reverse(items)
	default:
		o.Sort(items)
	}
	page, err := catalog.Paginate(items, o, req)
	if err != nil {
		return CertificationResult{}, err
	}
	return CertificationResult{Page: page, items: items, snapshot: s, search: outcome}, nil
}

// Facets counts the whole filtered set by recognition basis and
// organization; it is computed only when asked for.
func (r CertificationResult) Facets() catalog.CertificationFacets {
	if r.snapshot == nil {
		return catalog.CertificationFacets{}
	}
	return facets(r.snapshot, r.items)
}

func certificationOrdering(s *catalog.Snapshot, order catalog.CertificationSort, scores map[int64]int) catalog.Ordering[*catalog.Certification] {
	o := catalog.Ordering[*catalog.Certification]{
		Scope:      fmt.Sprintf("certifications:%s:%s", order.Field, order.Direction),
		Descending: order.Direction == catalog.Descending,
		ID:         func(c *catalog.Certification) int64 { return c.ID },
	}
	switch order.Field {
	case catalog.OrderByOrganization:
		o.Key = func(c *catalog.Certification) string {
			org := ""
			if x := s.Organization(c.OrganizationID); x != nil {
				org = strings.ToLower(x.Name)
			}
			return org + "\x00" + catalog.SortName(c)
		}
	case catalog.OrderByAddedAt:
		o.Key = func(c *catalog.Certification) string {
			return c.Provenance.AddedAt.UTC().Format("2006-01-02T15:04:05.000000000Z07:00")
		}
	case catalog.OrderByRelevance:
		// The key sorts the best score first in ascending order.
		o.Key = func(c *catalog.Certification) string { return relevanceKey(maxScore - scores[c.ID]) }
	default:
		o.Key = catalog.SortName
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

func facets(s *catalog.Snapshot, items []*catalog.Certification) catalog.CertificationFacets {
	var f catalog.CertificationFacets
	for _, b := range catalog.RecognitionBases {
		n := 0
		for _, c := range items {
			if c.HasBasis(b) {
				n++
			}
		}
		f.RecognitionBases = append(f.RecognitionBases, catalog.BasisCount{Basis: b, Count: n})
	}
	counts := map[int64]int{}
	for _, c := range items {
		counts[c.OrganizationID]++
	}
	for _, o := range s.Organizations() {
		if n := counts[o.ID]; n > 0 {
			f.Organizations = append(f.Organizations, catalog.OrganizationCount{Organization: o, Count: n})
		}
	}
	slices.SortStableFunc(f.Organizations, func(a, b catalog.OrganizationCount) int { return b.Count - a.Count })
	return f
}
