package catalog

import (
	"slices"
	"strings"
	"sync"
)

// Snapshot is an immutable, indexed view of the whole catalog at one
// version. Every catalog query runs on a Snapshot, in memory.
type Snapshot struct {
	version         int64
	organizations   []*Organization
	orgByID         map[int64]*Organization
	certifications  []*Certification
	certByID        map[int64]*Certification
	keyActivities   []*KeyActivity
	fields          []*RelatedField
	activityTypes   []*ActivityType
	employmentBands []*EmploymentBand
	fees            []*Fee
	rules           map[string]*Rule
	ruleList        []*Rule
	derived         sync.Map
	synonyms        []*Synonym
}

// NewSnapshot indexes data. The slices of data are copied, so the caller
// may reuse them.
func NewSnapshot(data *Data) *Snapshot {
	s := &Snapshot{
		version:  data.Version,
		orgByID:  make(map[int64]*Organization, len(data.Organizations)),
		certByID: make(map[int64]*Certification, len(data.Certifications)),
		rules:    make(map[string]*Rule, len(data.Rules)),
	}
	s.organizations = pointers(data.Organizations)
	slices.SortFunc(s.organizations, func(a, b *Organization) int {
		return compareKeyed(strings.ToLower(a.Name), a.ID, strings.ToLower(b.Name), b.ID)
	})
	for _, o := range s.organizations {
		s.orgByID[o.ID] = o
	}
	s.certifications = pointers(data.Certifications)
	slices.SortFunc(s.certifications, func(a, b *Certification) int {
		return compareKeyed(SortName(a), a.ID, SortName(b), b.ID)
	})
	for _, c := range s.certifications {
		s.certByID[c.ID] = c
		c.Organization = s.orgByID[c.OrganizationID]
	}
	s.keyActivities = pointers(data.KeyActivities)
	slices.SortStableFunc(s.keyActivities, func(a, b *KeyActivity) int {
		if a.Area != b.Area {
			return areaOrder(a.Area) - areaOrder(b.Area)
		}
		return a.Number - b.Number
	})
	s.fields = pointers(data.Fields)
	s.activityTypes = pointers(data.ActivityTypes)
	s.employmentBands = pointers(data.EmploymentBands)
	s.fees = pointers(data.Fees)
	s.ruleList = pointers(data.Rules)
	for _, r := range s.ruleList {
		s.rules[r.Key] = r
	}
	s.synonyms = pointers(data.Synonyms)
	slices.SortFunc(s.synonyms, func(a, b *Synonym) int {
		return compareKeyed(NormalizeText(a.Phrase), a.ID, NormalizeText(b.Phrase), b.ID)
	})
	return s
}

// derivation is one value built from a snapshot, once.
type derivation struct {
	once  sync.Once
	value any
	err   error
}

// Derived returns what build makes of the snapshot, building it at most
// once per snapshot and key, so that the indexes and rulebooks the subject
// packages keep beside the catalog live exactly as long as its version.
// Key must be comparable; each package uses a private key type.
func (s *Snapshot) Derived(key any, build func(*Snapshot) (any, error)) (any, error) {
	d, _ := s.derived.LoadOrStore(key, &derivation{})
	v := d.(*derivation)
	v.once.Do(func() { v.value, v.err = build(s) })
	return v.value, v.err
}

func pointers[T any](in []T) []*T {
	out := make([]*T, len(in))
	for i := range in {
		v := in[i]
		out[i] = &v
	}
	return out
}

func areaOrder(a KeyActivityArea) int {
	return slices.Index([]KeyActivityArea{AreaSafety, AreaQuality, AreaProcesses, AreaMaintenance, AreaCLA, AreaCLT}, a)
}

// Version is the catalog version the snapshot was built at.
func (s *Snapshot) Version() int64 { return s.version }

// Organization returns the organization with the given ID, or nil.
func (s *Snapshot) Organization(id int64) *Organization { return s.orgByID[id] }

// Certification returns the certification with the given ID, or nil.
func (s *Snapshot) Certification(id int64) *Certification { return s.certByID[id] }

// ActiveCertifications returns every ACTIVE certification, by name.
func (s *Snapshot) ActiveCertifications() []*Certification {
	out := make([]*Certification, 0, len(s.certifications))
	for _, c := range s.certifications {
		if c.Status == StatusActive {
			out = append(out, c)
		}
	}
	return out
}

// Certifications returns every certification, whatever its status, by
// name.
func (s *Snapshot) Certifications() []*Certification { return s.certifications }

// Organizations returns every organization, by name.
func (s *Snapshot) Organizations() []*Organization { return s.organizations }

// KeyActivities returns the key activities, in the guide's order, of the
// given program and area; a nil argument matches all.
func (s *Snapshot) KeyActivities(program *Program, area *KeyActivityArea) []*KeyActivity {
	var out []*KeyActivity
	for _, a := range s.keyActivities {
		if (program == nil || a.Program == *program) && (area == nil || a.Area == *area) {
			out = append(out, a)
		}
	}
	return out
}

// FieldFilter narrows the list of fields.
type FieldFilter struct {
	// Sector keeps fields of this sector.
	Sector *Sector
	// Related keeps related (true) or not-related (false) fields.
	Related *bool
	// Search keeps fields whose name or reason contains every word of it.
	Search string
}

// Fields returns the fields the filter keeps, in the guide's order.
func (s *Snapshot) Fields(f FieldFilter) []*RelatedField {
	words := strings.Fields(NormalizeText(f.Search))
	var out []*RelatedField
	for _, x := range s.fields {
		if f.Sector != nil && x.Sector != *f.Sector {
			continue
		}
		if f.Related != nil && x.Related != *f.Related {
			continue
		}
		if !containsAll(NormalizeText(x.Name+" "+x.Reason), words) {
			continue
		}
		out = append(out, x)
	}
	return out
}

func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// ActivityTypes returns the activity types of the category, or all for nil.
func (s *Snapshot) ActivityTypes(category *PointCategory) []*ActivityType {
	var out []*ActivityType
	for _, a := range s.activityTypes {
		if category == nil || a.Category == *category {
			out = append(out, a)
		}
	}
	return out
}

// EmploymentBands returns the rows of the partial-year employment table.
func (s *Snapshot) EmploymentBands() []*EmploymentBand { return s.employmentBands }

// Fees returns the fees of the process.
func (s *Snapshot) Fees() []*Fee { return s.fees }

// Rules returns every rule figure.
func (s *Snapshot) Rules() []*Rule { return s.ruleList }

// Rule returns the rule figure with the given key, or nil.
func (s *Snapshot) Rule(key string) *Rule { return s.rules[key] }

// CertificationPoints returns the points the rule table awards for one
// industry certification, or 0 when the table has no such row.
func (s *Snapshot) CertificationPoints() int {
	for _, a := range s.activityTypes {
		if a.Category == CategoryIndustryCertification {
			return a.MaxPoints
		}
	}
	return 0
}

// Node returns the object of the named GraphQL type with the given ID, or
// nil when there is none.
func (s *Snapshot) Node(typeName string, id int64) any {
	switch typeName {
	case "Certification":
		if c := s.certByID[id]; c != nil {
			return c
		}
	case "Organization":
		if o := s.orgByID[id]; o != nil {
			return o
		}
	case "SearchSynonym":
		if x := s.Synonym(id); x != nil {
			return x
		}
	case "KeyActivity":
		return findByID(s.keyActivities, id, func(a *KeyActivity) int64 { return a.ID })
	case "RelatedField":
		return findByID(s.fields, id, func(f *RelatedField) int64 { return f.ID })
	case "ActivityType":
		return findByID(s.activityTypes, id, func(a *ActivityType) int64 { return a.ID })
	}
	return nil
}

func findByID[T any](items []*T, id int64, idOf func(*T) int64) any {
	for _, x := range items {
		if idOf(x) == id {
			return x
		}
	}
	return nil
}

// SortName is the key certifications are listed by: the display name,
// lower-cased.
func SortName(c *Certification) string { return strings.ToLower(c.DisplayName) }

// FindOrganizations pages the organizations by name.
func (s *Snapshot) FindOrganizations(req PageRequest) (Page[*Organization], error) {
	return Paginate(s.organizations, Ordering[*Organization]{
		Scope: "organizations:NAME:ASC",
		Key:   func(o *Organization) string { return strings.ToLower(o.Name) },
		ID:    func(o *Organization) int64 { return o.ID },
	}, req)
}
