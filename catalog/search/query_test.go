package search

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
)

func TestFindCertificationsFilters(t *testing.T) {
	s := fixtureSnapshot(t)
	clt, cpt := catalog.ProgramCLT, catalog.ProgramCPT
	tests := []struct {
		name     string
		criteria catalog.CertificationCriteria
		want     []int64 // by name
	}{
		{name: "no filter keeps every ACTIVE entry", want: activeByName},
		{name: "statuses nil means ACTIVE only", criteria: catalog.CertificationCriteria{Statuses: nil}, want: activeByName},
		{name: "ACTIVE asked for", criteria: catalog.CertificationCriteria{Statuses: []catalog.CertificationStatus{catalog.StatusActive}}, want: activeByName},
		{name: "RETIRED only", criteria: catalog.CertificationCriteria{Statuses: []catalog.CertificationStatus{catalog.StatusRetired}}, want: []int64{certISO9002}},
		{
			name:     "ACTIVE and RETIRED",
			criteria: catalog.CertificationCriteria{Statuses: []catalog.CertificationStatus{catalog.StatusRetired, catalog.StatusActive}},
			want: []int64{certCMQOE, certCQI, certCQT, certWelder, certCWE, CertCWI, certITM, certISO9001, certISO9002,
				certMachin, certOSHA10, certOSHA30, certSCWI},
		},
		{name: "one basis", criteria: catalog.CertificationCriteria{RecognitionBases: []catalog.RecognitionBasis{catalog.BasisNCCA}}, want: []int64{certCQT}},
		{
			name:     "any of several bases",
			criteria: catalog.CertificationCriteria{RecognitionBases: []catalog.RecognitionBasis{catalog.BasisNCCA, catalog.BasisOSHAGeneralIndustry}},
			want:     []int64{certCQT, certOSHA10, certOSHA30},
		},
		{
			name:     "NAM endorsed",
			criteria: catalog.CertificationCriteria{RecognitionBases: []catalog.RecognitionBasis{catalog.BasisNAMEndorsed}},
			want:     []int64{certWelder, CertCWI, certITM, certMachin},
		},
		{name: "one organization", criteria: catalog.CertificationCriteria{OrganizationIDs: []int64{orgAWS}}, want: []int64{certWelder, certCWE, CertCWI, certSCWI}},
		{
			name:     "any of several organizations",
			criteria: catalog.CertificationCriteria{OrganizationIDs: []int64{orgOSHA, orgNIMS}},
			want:     []int64{certITM, certMachin, certOSHA10, certOSHA30},
		},
		{name: "organization without entries", criteria: catalog.CertificationCriteria{OrganizationIDs: []int64{orgZeta}}, want: []int64{}},
		{name: "eligible for CLT", criteria: catalog.CertificationCriteria{EligibleFor: &clt}, want: []int64{certCMQOE, certCQI, certITM, certOSHA10, certOSHA30}},
		{
			name:     "eligible for CPT",
			criteria: catalog.CertificationCriteria{EligibleFor: &cpt},
			want: []int64{certCMQOE, certCQI, certCQT, certWelder, certCWE, CertCWI, certISO9001, certMachin,
				certOSHA10, certOSHA30, certSCWI},
		},
		{
			name:     "filters combine with and",
			criteria: catalog.CertificationCriteria{RecognitionBases: []catalog.RecognitionBasis{catalog.BasisANSI}, OrganizationIDs: []int64{orgASQ, orgEG}, EligibleFor: &cpt},
			want:     []int64{certCMQOE, certCQI, certCQT, certISO9001},
		},
		{
			name:     "retired entry matches the other filters when RETIRED is asked for",
			criteria: catalog.CertificationCriteria{OrganizationIDs: []int64{orgEG}, Statuses: []catalog.CertificationStatus{catalog.StatusActive, catalog.StatusRetired}},
			want:     []int64{certISO9001, certISO9002},
		},
		{
			name:     "search with name ordering",
			criteria: catalog.CertificationCriteria{Search: "quality"},
			want:     []int64{certCMQOE, certCQI, certCQT},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := FindCertifications(s, tt.criteria, catalog.CertificationSort{Field: catalog.OrderByName}, catalog.PageRequest{First: pageSize(100)})
			if err != nil {
				t.Fatal(err)
			}
			if got := certIDs(r.Page); !slices.Equal(got, tt.want) {
				t.Errorf("ids = %v, want %v", got, tt.want)
			}
			if r.Page.TotalCount != len(tt.want) {
				t.Errorf("TotalCount = %d, want %d", r.Page.TotalCount, len(tt.want))
			}
		})
	}
}

func TestFindCertificationsOrdering(t *testing.T) {
	s := fixtureSnapshot(t)
	byOrganization := []int64{
		certCMQOE, certCQI, certCQT, // American Society for Quality
		certWelder, certCWE, CertCWI, certSCWI, // American Welding Society
		certISO9001,         // Exemplar Global
		certITM, certMachin, // National Institute for Metalworking Skills
		certOSHA10, certOSHA30, // Occupational Safety and Health Administration
	}
	byAddedAt := []int64{
		certISO9001, certCMQOE, certCQI, certCQT, certWelder, CertCWI,
		certCWE, certSCWI, // same instant: by ID
		certOSHA10, // 13:00+02:00 is before 12:00Z
		certOSHA30, certITM, certMachin,
	}
	tests := []struct {
		name  string
		order catalog.CertificationSort
		want  []int64
	}{
		{name: "default without search is NAME", order: catalog.CertificationSort{}, want: activeByName},
		{name: "NAME", order: catalog.CertificationSort{Field: catalog.OrderByName}, want: activeByName},
		{name: "NAME ASC", order: catalog.CertificationSort{Field: catalog.OrderByName, Direction: catalog.Ascending}, want: activeByName},
		{name: "NAME DESC", order: catalog.CertificationSort{Field: catalog.OrderByName, Direction: catalog.Descending}, want: reversedIDs(activeByName)},
		{name: "ORGANIZATION ASC", order: catalog.CertificationSort{Field: catalog.OrderByOrganization}, want: byOrganization},
		{name: "ORGANIZATION DESC", order: catalog.CertificationSort{Field: catalog.OrderByOrganization, Direction: catalog.Descending}, want: reversedIDs(byOrganization)},
		{name: "ADDED_AT ASC", order: catalog.CertificationSort{Field: catalog.OrderByAddedAt}, want: byAddedAt},
		{name: "ADDED_AT DESC", order: catalog.CertificationSort{Field: catalog.OrderByAddedAt, Direction: catalog.Descending}, want: reversedIDs(byAddedAt)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := FindCertifications(s, catalog.CertificationCriteria{}, tt.order, catalog.PageRequest{First: pageSize(100)})
			if err != nil {
				t.Fatal(err)
			}
			if got := certIDs(r.Page); !slices.Equal(got, tt.want) {
				t.Errorf("ids = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFindCertificationsRelevance(t *testing.T) {
	s := fixtureSnapshot(t)
	tests := []struct {
		name      string
		criteria  catalog.CertificationCriteria
		order     catalog.CertificationSort
		wantFirst int64
		wantErr   string // field of a CodeBadUserInput error
	}{
		{name: "RELEVANCE without search", order: catalog.CertificationSort{Field: catalog.OrderByRelevance}, wantErr: "orderBy.field"},
		{name: "RELEVANCE with blank search", criteria: catalog.CertificationCriteria{Search: "   "}, order: catalog.CertificationSort{Field: catalog.OrderByRelevance}, wantErr: "orderBy.field"},
		{name: "default with search is RELEVANCE", criteria: catalog.CertificationCriteria{Search: "welding inspector"}, wantFirst: CertCWI},
		{name: "explicit RELEVANCE", criteria: catalog.CertificationCriteria{Search: "welding inspector"}, order: catalog.CertificationSort{Field: catalog.OrderByRelevance}, wantFirst: CertCWI},
		{name: "RELEVANCE DESC puts the best last", criteria: catalog.CertificationCriteria{Search: "welding inspector"}, order: catalog.CertificationSort{Field: catalog.OrderByRelevance, Direction: catalog.Descending}, wantFirst: certCWE}, // the near neighbour, ranked last
		{name: "NAME ordering overrides relevance", criteria: catalog.CertificationCriteria{Search: "welding inspector"}, order: catalog.CertificationSort{Field: catalog.OrderByName}, wantFirst: certCWE},
		{name: "NAME DESC with search", criteria: catalog.CertificationCriteria{Search: "welding inspector"}, order: catalog.CertificationSort{Field: catalog.OrderByName, Direction: catalog.Descending}, wantFirst: certSCWI},
		{name: "search of 300 characters is accepted", criteria: catalog.CertificationCriteria{Search: "CWI " + strings.Repeat("x", 296)}, wantFirst: 0},
		{name: "search of 301 characters is refused", criteria: catalog.CertificationCriteria{Search: strings.Repeat("x", 301)}, wantErr: "filter.search"},
		{name: "length counts characters, not bytes", criteria: catalog.CertificationCriteria{Search: strings.Repeat("é", 300)}, wantFirst: 0},
		{name: "surrounding spaces do not count", criteria: catalog.CertificationCriteria{Search: "  " + strings.Repeat("x", 300) + "  "}, wantFirst: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := FindCertifications(s, tt.criteria, tt.order, catalog.PageRequest{})
			if tt.wantErr != "" {
				wantInvalid(t, err, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantFirst == 0 {
				if len(r.Page.Edges) != 0 {
					t.Errorf("ids = %v, want none", certIDs(r.Page))
				}
				return
			}
			if len(r.Page.Edges) == 0 || r.Page.Edges[0].Node.ID != tt.wantFirst {
				t.Errorf("ids = %v, want %d first", certIDs(r.Page), tt.wantFirst)
			}
		})
	}
}

func TestFindCertificationsRelevancePagination(t *testing.T) {
	s := fixtureSnapshot(t)
	criteria := catalog.CertificationCriteria{Search: "weld"}
	whole, err := FindCertifications(s, criteria, catalog.CertificationSort{}, catalog.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	want := certIDs(whole.Page)
	if len(want) != 4 {
		t.Fatalf("search weld found %v, want the 4 AWS entries", want)
	}
	var seen []int64
	var after *catalog.Cursor
	for range want {
		r, err := FindCertifications(s, criteria, catalog.CertificationSort{}, catalog.PageRequest{First: pageSize(1), After: after})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Page.Edges) != 1 {
			t.Fatalf("page has %d edges, want 1", len(r.Page.Edges))
		}
		seen = append(seen, r.Page.Edges[0].Node.ID)
		after = &r.Page.Edges[0].Cursor
		if !strings.HasPrefix(after.Scope, "certifications:RELEVANCE:") {
			t.Fatalf("cursor scope = %q", after.Scope)
		}
	}
	if !slices.Equal(seen, want) {
		t.Errorf("walked %v, want %v", seen, want)
	}
}

func TestFindCertificationsFacets(t *testing.T) {
	s := fixtureSnapshot(t)
	type orgCount struct {
		id    int64
		count int
	}
	tests := []struct {
		name      string
		criteria  catalog.CertificationCriteria
		req       catalog.PageRequest
		wantBases map[catalog.RecognitionBasis]int
		wantOrgs  []orgCount
	}{
		{
			name:      "whole active catalog, first page of 2",
			req:       catalog.PageRequest{First: pageSize(2)},
			wantBases: map[catalog.RecognitionBasis]int{catalog.BasisNAMEndorsed: 4, catalog.BasisANSI: 7, catalog.BasisNCCA: 1, catalog.BasisOSHAGeneralIndustry: 2},
			wantOrgs:  []orgCount{{orgAWS, 4}, {orgASQ, 3}, {orgNIMS, 2}, {orgOSHA, 2}, {orgEG, 1}},
		},
		{
			name:      "one organization: zeros kept",
			criteria:  catalog.CertificationCriteria{OrganizationIDs: []int64{orgAWS}},
			req:       catalog.PageRequest{Last: pageSize(1)},
			wantBases: map[catalog.RecognitionBasis]int{catalog.BasisNAMEndorsed: 2, catalog.BasisANSI: 3, catalog.BasisNCCA: 0, catalog.BasisOSHAGeneralIndustry: 0},
			wantOrgs:  []orgCount{{orgAWS, 4}},
		},
		{
			name:      "retired included",
			criteria:  catalog.CertificationCriteria{Statuses: []catalog.CertificationStatus{catalog.StatusActive, catalog.StatusRetired}, RecognitionBases: []catalog.RecognitionBasis{catalog.BasisANSI}},
			req:       catalog.PageRequest{First: pageSize(1)},
			wantBases: map[catalog.RecognitionBasis]int{catalog.BasisNAMEndorsed: 1, catalog.BasisANSI: 8, catalog.BasisNCCA: 1, catalog.BasisOSHAGeneralIndustry: 0},
			wantOrgs:  []orgCount{{orgASQ, 3}, {orgAWS, 3}, {orgEG, 2}},
		},
		{
			name:      "search narrows the facets",
			criteria:  catalog.CertificationCriteria{Search: "ASQ"},
			req:       catalog.PageRequest{First: pageSize(1)},
			wantBases: map[catalog.RecognitionBasis]int{catalog.BasisNAMEndorsed: 0, catalog.BasisANSI: 3, catalog.BasisNCCA: 1, catalog.BasisOSHAGeneralIndustry: 0},
			wantOrgs:  []orgCount{{orgASQ, 3}},
		},
		{
			name:      "nothing matches",
			criteria:  catalog.CertificationCriteria{OrganizationIDs: []int64{orgZeta}},
			wantBases: map[catalog.RecognitionBasis]int{catalog.BasisNAMEndorsed: 0, catalog.BasisANSI: 0, catalog.BasisNCCA: 0, catalog.BasisOSHAGeneralIndustry: 0},
			wantOrgs:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := FindCertifications(s, tt.criteria, catalog.CertificationSort{Field: catalog.OrderByName}, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			var bases []catalog.RecognitionBasis
			for _, b := range r.Facets().RecognitionBases {
				bases = append(bases, b.Basis)
				if b.Count != tt.wantBases[b.Basis] {
					t.Errorf("count of %s = %d, want %d", b.Basis, b.Count, tt.wantBases[b.Basis])
				}
			}
			if !slices.Equal(bases, catalog.RecognitionBases) {
				t.Errorf("bases = %v, want all four in the guide's order %v", bases, catalog.RecognitionBases)
			}
			var orgs []orgCount
			for _, o := range r.Facets().Organizations {
				orgs = append(orgs, orgCount{o.Organization.ID, o.Count})
			}
			if !slices.Equal(orgs, tt.wantOrgs) {
				t.Errorf("organizations = %v, want %v", orgs, tt.wantOrgs)
			}
		})
	}
}

func TestCertificationCountsAt(t *testing.T) {
	bounded := catalog.Certification{ApprovedOn: datePtr(2020, time.January, 1), RetiredOn: datePtr(2023, time.June, 30)}
	open := catalog.Certification{}
	onlyRetired := catalog.Certification{RetiredOn: datePtr(2023, time.June, 30)}
	onlyApproved := catalog.Certification{ApprovedOn: datePtr(2020, time.January, 1)}
	tests := []struct {
		name   string
		cert   catalog.Certification
		earned catalog.Date
		want   bool
	}{
		{name: "day before approval", cert: bounded, earned: catalog.NewDate(2019, time.December, 31), want: false},
		{name: "approval day", cert: bounded, earned: catalog.NewDate(2020, time.January, 1), want: true},
		{name: "between", cert: bounded, earned: catalog.NewDate(2021, time.July, 4), want: true},
		{name: "day before retirement", cert: bounded, earned: catalog.NewDate(2023, time.June, 29), want: true},
		{name: "retirement day", cert: bounded, earned: catalog.NewDate(2023, time.June, 30), want: false},
		{name: "after retirement", cert: bounded, earned: catalog.NewDate(2024, time.January, 1), want: false},
		{name: "unbounded, long ago", cert: open, earned: catalog.NewDate(1990, time.March, 3), want: true},
		{name: "unbounded, far future", cert: open, earned: catalog.NewDate(2090, time.March, 3), want: true},
		{name: "only retired, long before", cert: onlyRetired, earned: catalog.NewDate(1990, time.March, 3), want: true},
		{name: "only retired, on the day", cert: onlyRetired, earned: catalog.NewDate(2023, time.June, 30), want: false},
		{name: "only approved, day before", cert: onlyApproved, earned: catalog.NewDate(2019, time.December, 31), want: false},
		{name: "only approved, far future", cert: onlyApproved, earned: catalog.NewDate(2090, time.March, 3), want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cert.CountsAt(tt.earned); got != tt.want {
				t.Errorf("CountsAt(%s) = %v, want %v", tt.earned, got, tt.want)
			}
		})
	}
}

func TestCertificationHasBasisAndEligibleFor(t *testing.T) {
	c := catalog.Certification{RecognitionBases: []catalog.RecognitionBasis{catalog.BasisANSI, catalog.BasisNCCA}, EligiblePrograms: []catalog.Program{catalog.ProgramCLT}}
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{name: "has ANSI", got: c.HasBasis(catalog.BasisANSI), want: true},
		{name: "has NCCA", got: c.HasBasis(catalog.BasisNCCA), want: true},
		{name: "not NAM", got: c.HasBasis(catalog.BasisNAMEndorsed), want: false},
		{name: "eligible for CLT", got: c.EligibleFor(catalog.ProgramCLT), want: true},
		{name: "not eligible for CPT", got: c.EligibleFor(catalog.ProgramCPT), want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}
