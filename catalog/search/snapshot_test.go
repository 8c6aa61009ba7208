package search

import (
	"slices"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/catalogtest/fixture"
)

func TestSnapshotKeyActivities(t *testing.T) {
	s := fixtureSnapshot(t)
	cpt, clt := catalog.ProgramCPT, catalog.ProgramCLT
	safety, cla, maintenance := catalog.AreaSafety, catalog.AreaCLA, catalog.AreaMaintenance
	tests := []struct {
		name    string
		program *catalog.Program
		area    *catalog.KeyActivityArea
		want    []int64
	}{
		{name: "all in the guide's order", want: []int64{201, 202, 203, 204, 205, 206}},
		{name: "CPT", program: &cpt, want: []int64{201, 202, 203}},
		{name: "CLT", program: &clt, want: []int64{204, 205, 206}},
		{name: "safety area", area: &safety, want: []int64{201, 202}},
		{name: "CLA area", area: &cla, want: []int64{204, 205}},
		{name: "CLT program and CLA area", program: &clt, area: &cla, want: []int64{204, 205}},
		{name: "CPT program and CLA area", program: &cpt, area: &cla, want: nil},
		{name: "area without activities", area: &maintenance, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int64
			for _, a := range s.KeyActivities(tt.program, tt.area) {
				got = append(got, a.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ids = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSnapshotFields(t *testing.T) {
	s := fixtureSnapshot(t)
	manufacturing, logistics := catalog.SectorManufacturing, catalog.SectorLogistics
	yes, no := true, false
	tests := []struct {
		name   string
		filter catalog.FieldFilter
		want   []int64
	}{
		{name: "all in the guide's order", want: []int64{301, 302, 303, 304, 305}},
		{name: "manufacturing", filter: catalog.FieldFilter{Sector: &manufacturing}, want: []int64{301, 302}},
		{name: "logistics", filter: catalog.FieldFilter{Sector: &logistics}, want: []int64{303, 305}},
		{name: "related", filter: catalog.FieldFilter{Related: &yes}, want: []int64{301, 302, 303, 305}},
		{name: "not related", filter: catalog.FieldFilter{Related: &no}, want: []int64{304}},
		{name: "logistics and related", filter: catalog.FieldFilter{Sector: &logistics, Related: &yes}, want: []int64{303, 305}},
		{name: "manufacturing and not related", filter: catalog.FieldFilter{Sector: &manufacturing, Related: &no}, want: nil},
		{name: "search one word", filter: catalog.FieldFilter{Search: "machining"}, want: []int64{302}},
		{name: "search is case-insensitive", filter: catalog.FieldFilter{Search: "RETAIL"}, want: []int64{304}},
		{name: "search every word must be found", filter: catalog.FieldFilter{Search: "welding fabrication"}, want: []int64{301}},
		{name: "search word order does not matter", filter: catalog.FieldFilter{Search: "distribution warehousing"}, want: []int64{303}},
		{name: "search word missing", filter: catalog.FieldFilter{Search: "welding warehousing"}, want: nil},
		{name: "search part of a word", filter: catalog.FieldFilter{Search: "weld"}, want: []int64{301}},
		{name: "search in the reason", filter: catalog.FieldFilter{Search: "freight"}, want: []int64{305}},
		{name: "search with punctuation", filter: catalog.FieldFilter{Search: "customer-facing"}, want: []int64{304}},
		{name: "search and sector", filter: catalog.FieldFilter{Search: "and", Sector: &logistics}, want: []int64{303}},
		{name: "blank search keeps all", filter: catalog.FieldFilter{Search: "  "}, want: []int64{301, 302, 303, 304, 305}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int64
			for _, f := range s.Fields(tt.filter) {
				got = append(got, f.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ids = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSnapshotNode(t *testing.T) {
	s := fixtureSnapshot(t)
	tests := []struct {
		typeName string
		id       int64
		check    func(any) bool
	}{
		{typeName: "Certification", id: CertCWI, check: func(v any) bool {
			c, ok := v.(*catalog.Certification)
			return ok && c.ID == CertCWI && c.Name == "Certified Welding Inspector"
		}},
		{typeName: "Certification", id: certISO9002, check: func(v any) bool { c, ok := v.(*catalog.Certification); return ok && c.Status == catalog.StatusRetired }},
		{typeName: "Organization", id: orgAWS, check: func(v any) bool { o, ok := v.(*catalog.Organization); return ok && o.Acronym == "AWS" }},
		{typeName: "Organization", id: orgZeta, check: func(v any) bool { o, ok := v.(*catalog.Organization); return ok && o.Key == "zeta" }},
		{typeName: "KeyActivity", id: 205, check: func(v any) bool { a, ok := v.(*catalog.KeyActivity); return ok && a.Key == "cla-2" }},
		{typeName: "RelatedField", id: 304, check: func(v any) bool { f, ok := v.(*catalog.RelatedField); return ok && f.Key == "retail" }},
		{typeName: "ActivityType", id: 402, check: func(v any) bool { a, ok := v.(*catalog.ActivityType); return ok && a.Key == "ic" }},
	}
	for _, tt := range tests {
		t.Run(tt.typeName, func(t *testing.T) {
			got := s.Node(tt.typeName, tt.id)
			if !tt.check(got) {
				t.Errorf("Node(%q, %d) = %#v", tt.typeName, tt.id, got)
			}
		})
	}
	missing := []struct {
		name     string
		typeName string
		id       int64
	}{
		{name: "unknown certification", typeName: "Certification", id: 999},
		{name: "organization ID as a certification", typeName: "Certification", id: orgAWS},
		{name: "certification ID as an organization", typeName: "Organization", id: CertCWI},
		{name: "unknown key activity", typeName: "KeyActivity", id: 999},
		{name: "unknown related field", typeName: "RelatedField", id: 999},
		{name: "unknown activity type", typeName: "ActivityType", id: 999},
		{name: "unknown type", typeName: "Fee", id: CertCWI},
		{name: "empty type", typeName: "", id: CertCWI},
	}
	for _, tt := range missing {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.Node(tt.typeName, tt.id); got != nil {
				t.Errorf("Node(%q, %d) = %#v, want nil", tt.typeName, tt.id, got)
			}
		})
	}
}

func TestSnapshotCertificationPoints(t *testing.T) {
	tests := []struct {
		name  string
		types []catalog.ActivityType
		want  int
	}{
		{name: "fixture's IC row", types: fixture.Data().ActivityTypes, want: 35},
		{name: "another figure", types: []catalog.ActivityType{
			{ID: 1, Category: catalog.CategoryContinuingEducation, MaxPoints: 10},
			{ID: 2, Category: catalog.CategoryIndustryCertification, MinPoints: 40, MaxPoints: 40},
		}, want: 40},
		{name: "no IC row", types: []catalog.ActivityType{{ID: 1, Category: catalog.CategoryEmployment, MaxPoints: 20}}, want: 0},
		{name: "no rows", want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := catalog.NewSnapshot(&catalog.Data{ActivityTypes: tt.types})
			if got := s.CertificationPoints(); got != tt.want {
				t.Errorf("CertificationPoints() = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestSnapshotLookups(t *testing.T) {
	s := fixtureSnapshot(t)
	t.Run("version", func(t *testing.T) {
		if s.Version() != 7 {
			t.Errorf("Version() = %d, want 7", s.Version())
		}
	})
	t.Run("organizations by name", func(t *testing.T) {
		var got []int64
		for _, o := range s.Organizations() {
			got = append(got, o.ID)
		}
		want := []int64{orgASQ, orgAWS, orgEG, orgNIMS, orgOSHA, orgZeta}
		if !slices.Equal(got, want) {
			t.Errorf("ids = %v, want %v", got, want)
		}
	})
	t.Run("certification and organization by ID", func(t *testing.T) {
		if c := s.Certification(certCQT); c == nil || c.Name != "Certified Quality Technician" {
			t.Errorf("Certification(%d) = %+v", certCQT, c)
		}
		if c := s.Certification(1); c != nil {
			t.Errorf("Certification(1) = %+v, want nil", c)
		}
		if o := s.Organization(orgNIMS); o == nil || o.Acronym != "NIMS" {
			t.Errorf("Organization(%d) = %+v", orgNIMS, o)
		}
		if o := s.Organization(999); o != nil {
			t.Errorf("Organization(999) = %+v, want nil", o)
		}
	})
	t.Run("activity types by category", func(t *testing.T) {
		ce := catalog.CategoryContinuingEducation
		if got := s.ActivityTypes(&ce); len(got) != 1 || got[0].ID != 401 {
			t.Errorf("ActivityTypes(CE) = %v", got)
		}
		if got := s.ActivityTypes(nil); len(got) != 3 {
			t.Errorf("ActivityTypes(nil) has %d rows, want 3", len(got))
		}
	})
}

func TestNewSnapshotCopiesData(t *testing.T) {
	data := fixture.Data()
	s := catalog.NewSnapshot(data)
	data.Certifications[1].Name = "changed"
	data.Organizations[1].Name = "changed"
	data.Fields[0].Name = "changed"
	if c := s.Certification(CertCWI); c.Name != "Certified Welding Inspector" {
		t.Errorf("certification name = %q after the caller changed its data", c.Name)
	}
	if o := s.Organization(orgAWS); o.Name != "American Welding Society" {
		t.Errorf("organization name = %q after the caller changed its data", o.Name)
	}
	if f := s.Fields(catalog.FieldFilter{})[0]; f.Name != "Welding and Fabrication" {
		t.Errorf("field name = %q after the caller changed its data", f.Name)
	}
}
