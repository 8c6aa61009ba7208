package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

func TestPageRequestValidate(t *testing.T) {
	tests := []struct {
		name      string
		req       catalog.PageRequest
		wantField string // empty: valid
	}{
		{name: "neither first nor last", req: catalog.PageRequest{}},
		{name: "first 1", req: catalog.PageRequest{First: pageSize(1)}},
		{name: "first 100", req: catalog.PageRequest{First: pageSize(100)}},
		{name: "last 1", req: catalog.PageRequest{Last: pageSize(1)}},
		{name: "last 100", req: catalog.PageRequest{Last: pageSize(100)}},
		{name: "first and last together", req: catalog.PageRequest{First: pageSize(5), Last: pageSize(5)}, wantField: "first"},
		{name: "first 0", req: catalog.PageRequest{First: pageSize(0)}, wantField: "first"},
		{name: "first negative", req: catalog.PageRequest{First: pageSize(-1)}, wantField: "first"},
		{name: "first 101", req: catalog.PageRequest{First: pageSize(101)}, wantField: "first"},
		{name: "last 0", req: catalog.PageRequest{Last: pageSize(0)}, wantField: "last"},
		{name: "last 101", req: catalog.PageRequest{Last: pageSize(101)}, wantField: "last"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.req.Validate()
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			wantInvalid(t, err, tt.wantField)
			if msg := err.(*catalog.Error).Message; !strings.Contains(msg, tt.wantField) {
				t.Errorf("message %q does not name %q", msg, tt.wantField)
			}
		})
	}
}

func TestFindCertificationsRejectsInvalidPageRequest(t *testing.T) {
	s := fixtureSnapshot(t)
	_, err := FindCertifications(s, catalog.CertificationCriteria{}, catalog.CertificationSort{}, catalog.PageRequest{First: pageSize(101)})
	wantInvalid(t, err, "first")
	_, err = s.FindOrganizations(catalog.PageRequest{Last: pageSize(0)})
	wantInvalid(t, err, "last")
}

// manyOrganizations builds n organizations named "Org 001".."Org n" with
// IDs in reverse of name order.
func manyOrganizations(n int) (*catalog.Snapshot, []int64) {
	data := &catalog.Data{}
	var byName []int64
	for i := 1; i <= n; i++ {
		id := int64(1000 - i)
		data.Organizations = append(data.Organizations, catalog.Organization{ID: id, Name: fmt.Sprintf("Org %03d", i)})
		byName = append(byName, id)
	}
	slices.Reverse(data.Organizations)
	return catalog.NewSnapshot(data), byName
}

// wantOrganizationPage asks s for the page of organizations req names and
// fails unless it holds the IDs want; it returns the page for more checks.
func wantOrganizationPage(t *testing.T, s *catalog.Snapshot, req catalog.PageRequest, want []int64) catalog.Page[*catalog.Organization] {
	t.Helper()
	p, err := s.FindOrganizations(req)
	if err != nil {
		t.Fatal(err)
	}
	if got := orgIDs(p); !slices.Equal(got, want) {
		t.Errorf("ids = %v, want %v", got, want)
	}
	return p
}

func TestPaginateFirst(t *testing.T) {
	s, all := manyOrganizations(25)
	tests := []struct {
		name     string
		req      catalog.PageRequest
		want     []int64
		wantNext bool
	}{
		{name: "default page size is 20", req: catalog.PageRequest{}, want: all[:catalog.DefaultPageSize], wantNext: true},
		{name: "first 3", req: catalog.PageRequest{First: pageSize(3)}, want: all[:3], wantNext: true},
		{name: "first 1", req: catalog.PageRequest{First: pageSize(1)}, want: all[:1], wantNext: true},
		{name: "first 24", req: catalog.PageRequest{First: pageSize(24)}, want: all[:24], wantNext: true},
		{name: "first 25 is everything", req: catalog.PageRequest{First: pageSize(25)}, want: all, wantNext: false},
		{name: "first 100 is everything", req: catalog.PageRequest{First: pageSize(100)}, want: all, wantNext: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := wantOrganizationPage(t, s, tt.req, tt.want)
			if p.HasNextPage != tt.wantNext {
				t.Errorf("HasNextPage = %v, want %v", p.HasNextPage, tt.wantNext)
			}
			if p.HasPreviousPage {
				t.Errorf("HasPreviousPage = true on the first page")
			}
			if p.TotalCount != 25 {
				t.Errorf("TotalCount = %d, want 25", p.TotalCount)
			}
		})
	}
}

func TestPaginateEdgeCursorsMatchNodes(t *testing.T) {
	s := fixtureSnapshot(t)
	p, err := s.FindOrganizations(catalog.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range p.Edges {
		want := catalog.Cursor{Scope: "organizations:NAME:ASC", Key: strings.ToLower(e.Node.Name), ID: e.Node.ID}
		if e.Cursor != want {
			t.Errorf("cursor of %d = %+v, want %+v", e.Node.ID, e.Cursor, want)
		}
	}
}

func TestPaginateWalkForwardWithAfter(t *testing.T) {
	s := fixtureSnapshot(t)
	orders := []catalog.CertificationSort{
		{Field: catalog.OrderByName},
		{Field: catalog.OrderByName, Direction: catalog.Descending},
		{Field: catalog.OrderByAddedAt},
		{Field: catalog.OrderByOrganization, Direction: catalog.Descending},
	}
	for _, order := range orders {
		t.Run(fmt.Sprintf("%s %s", order.Field, order.Direction), func(t *testing.T) {
			whole, err := FindCertifications(s, catalog.CertificationCriteria{}, order, catalog.PageRequest{First: pageSize(100)})
			if err != nil {
				t.Fatal(err)
			}
			want := certIDs(whole.Page)
			if len(want) != len(activeByName) {
				t.Fatalf("whole list has %d entries, want %d", len(want), len(activeByName))
			}
			var seen []int64
			var after *catalog.Cursor
			for pages := 0; ; pages++ {
				if pages > len(want) {
					t.Fatal("pagination does not end")
				}
				r, err := FindCertifications(s, catalog.CertificationCriteria{}, order, catalog.PageRequest{First: pageSize(3), After: after})
				if err != nil {
					t.Fatal(err)
				}
				p := r.Page
				if p.TotalCount != len(want) {
					t.Errorf("TotalCount = %d, want %d", p.TotalCount, len(want))
				}
				if p.HasPreviousPage != (after != nil) {
					t.Errorf("page %d: HasPreviousPage = %v", pages, p.HasPreviousPage)
				}
				seen = append(seen, certIDs(p)...)
				if p.HasNextPage != (len(seen) < len(want)) {
					t.Errorf("page %d: HasNextPage = %v after %d of %d", pages, p.HasNextPage, len(seen), len(want))
				}
				if !p.HasNextPage {
					break
				}
				after = &p.Edges[len(p.Edges)-1].Cursor
			}
			if !slices.Equal(seen, want) {
				t.Errorf("walked %v, want %v", seen, want)
			}
		})
	}
}

func TestPaginateWalkBackwardWithBefore(t *testing.T) {
	s, all := manyOrganizations(10)
	var seen []int64
	var before *catalog.Cursor
	for pages := 0; ; pages++ {
		if pages > len(all) {
			t.Fatal("pagination does not end")
		}
		p, err := s.FindOrganizations(catalog.PageRequest{Last: pageSize(3), Before: before})
		if err != nil {
			t.Fatal(err)
		}
		if p.HasNextPage != (before != nil) {
			t.Errorf("page %d: HasNextPage = %v", pages, p.HasNextPage)
		}
		seen = append(orgIDs(p), seen...)
		if p.HasPreviousPage != (len(seen) < len(all)) {
			t.Errorf("page %d: HasPreviousPage = %v after %d of %d", pages, p.HasPreviousPage, len(seen), len(all))
		}
		if !p.HasPreviousPage {
			break
		}
		before = &p.Edges[0].Cursor
	}
	if !slices.Equal(seen, all) {
		t.Errorf("walked back %v, want %v", seen, all)
	}
}

func TestPaginateWindows(t *testing.T) {
	s, all := manyOrganizations(10)
	cursor := func(i int) *catalog.Cursor {
		p, err := s.FindOrganizations(catalog.PageRequest{First: pageSize(10)})
		if err != nil {
			t.Fatal(err)
		}
		return &p.Edges[i].Cursor
	}
	tests := []struct {
		name     string
		req      catalog.PageRequest
		want     []int64
		wantPrev bool
		wantNext bool
	}{
		{name: "last 3 without cursor is the end", req: catalog.PageRequest{Last: pageSize(3)}, want: all[7:], wantPrev: true, wantNext: false},
		{name: "last 100 is everything", req: catalog.PageRequest{Last: pageSize(100)}, want: all, wantPrev: false, wantNext: false},
		{name: "last 3 before the 5th", req: catalog.PageRequest{Last: pageSize(3), Before: cursor(4)}, want: all[1:4], wantPrev: true, wantNext: true},
		{name: "last 3 before the 2nd is cut at the start", req: catalog.PageRequest{Last: pageSize(3), Before: cursor(1)}, want: all[:1], wantPrev: false, wantNext: true},
		{name: "before the first is empty", req: catalog.PageRequest{Last: pageSize(3), Before: cursor(0)}, want: []int64{}, wantPrev: false, wantNext: true},
		{name: "after the last is empty", req: catalog.PageRequest{First: pageSize(3), After: cursor(9)}, want: []int64{}, wantPrev: true, wantNext: false},
		{name: "after the 8th takes the remaining 2", req: catalog.PageRequest{First: pageSize(3), After: cursor(7)}, want: all[8:], wantPrev: true, wantNext: false},
		{name: "between after and before", req: catalog.PageRequest{After: cursor(2), Before: cursor(6)}, want: all[3:6], wantPrev: true, wantNext: true},
		{name: "first 2 between after and before", req: catalog.PageRequest{First: pageSize(2), After: cursor(2), Before: cursor(6)}, want: all[3:5], wantPrev: true, wantNext: true},
		{name: "last 2 between after and before", req: catalog.PageRequest{Last: pageSize(2), After: cursor(2), Before: cursor(6)}, want: all[4:6], wantPrev: true, wantNext: true},
		{name: "before not after after is empty", req: catalog.PageRequest{After: cursor(6), Before: cursor(2)}, want: []int64{}, wantPrev: true, wantNext: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := wantOrganizationPage(t, s, tt.req, tt.want)
			if p.HasPreviousPage != tt.wantPrev || p.HasNextPage != tt.wantNext {
				t.Errorf("HasPreviousPage, HasNextPage = %v, %v; want %v, %v", p.HasPreviousPage, p.HasNextPage, tt.wantPrev, tt.wantNext)
			}
			if p.TotalCount != len(all) {
				t.Errorf("TotalCount = %d, want %d", p.TotalCount, len(all))
			}
		})
	}
}

func TestPaginateCursorOfRemovedItemKeepsPosition(t *testing.T) {
	s := fixtureSnapshot(t)
	// A cursor taken from the unfiltered list, at Certified Welder, still
	// marks a position in a list that does not hold that entry.
	whole, err := FindCertifications(s, catalog.CertificationCriteria{}, catalog.CertificationSort{Field: catalog.OrderByName}, catalog.PageRequest{First: pageSize(4)})
	if err != nil {
		t.Fatal(err)
	}
	if got := whole.Page.Edges[3].Node.ID; got != certWelder {
		t.Fatalf("4th by name = %d, want %d", got, certWelder)
	}
	after := whole.Page.Edges[3].Cursor
	r, err := FindCertifications(s, catalog.CertificationCriteria{EligibleFor: new(catalog.ProgramCLT)}, catalog.CertificationSort{Field: catalog.OrderByName}, catalog.PageRequest{After: &after})
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{certITM, certOSHA10, certOSHA30}
	if got := certIDs(r.Page); !slices.Equal(got, want) {
		t.Errorf("ids = %v, want %v", got, want)
	}
	if !r.Page.HasPreviousPage || r.Page.HasNextPage || r.Page.TotalCount != 5 {
		t.Errorf("prev, next, total = %v, %v, %d; want true, false, 5", r.Page.HasPreviousPage, r.Page.HasNextPage, r.Page.TotalCount)
	}
}

func TestPaginateRefusesCursorOfAnotherOrdering(t *testing.T) {
	s := fixtureSnapshot(t)
	byName, err := FindCertifications(s, catalog.CertificationCriteria{}, catalog.CertificationSort{Field: catalog.OrderByName}, catalog.PageRequest{First: pageSize(2)})
	if err != nil {
		t.Fatal(err)
	}
	nameCursor := byName.Page.Edges[0].Cursor
	orgs, err := s.FindOrganizations(catalog.PageRequest{First: pageSize(2)})
	if err != nil {
		t.Fatal(err)
	}
	orgCursor := orgs.Edges[0].Cursor
	tests := []struct {
		name      string
		run       func() error
		wantField string
	}{
		{name: "name cursor after, added-at order", wantField: "after", run: func() error {
			_, err := FindCertifications(s, catalog.CertificationCriteria{}, catalog.CertificationSort{Field: catalog.OrderByAddedAt}, catalog.PageRequest{After: &nameCursor})
			return err
		}},
		{name: "ascending cursor after, descending order", wantField: "after", run: func() error {
			_, err := FindCertifications(s, catalog.CertificationCriteria{}, catalog.CertificationSort{Field: catalog.OrderByName, Direction: catalog.Descending}, catalog.PageRequest{After: &nameCursor})
			return err
		}},
		{name: "name cursor before, organization order", wantField: "before", run: func() error {
			_, err := FindCertifications(s, catalog.CertificationCriteria{}, catalog.CertificationSort{Field: catalog.OrderByOrganization}, catalog.PageRequest{Last: pageSize(2), Before: &nameCursor})
			return err
		}},
		{name: "organization cursor in certifications", wantField: "after", run: func() error {
			_, err := FindCertifications(s, catalog.CertificationCriteria{}, catalog.CertificationSort{}, catalog.PageRequest{After: &orgCursor})
			return err
		}},
		{name: "certification cursor in organizations", wantField: "before", run: func() error {
			_, err := s.FindOrganizations(catalog.PageRequest{Before: &nameCursor})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantInvalid(t, tt.run(), tt.wantField)
		})
	}
	t.Run("same ordering is accepted", func(t *testing.T) {
		_, err := FindCertifications(s, catalog.CertificationCriteria{}, catalog.CertificationSort{Field: catalog.OrderByName, Direction: catalog.Ascending}, catalog.PageRequest{After: &nameCursor})
		if err != nil {
			t.Fatalf("got %v, want nil", err)
		}
	})
}

func TestCertificationsOfOneOrganization(t *testing.T) {
	s := fixtureSnapshot(t)
	tests := []struct {
		name string
		org  int64
		req  catalog.PageRequest
		want []int64
		next bool
	}{
		{name: "AWS by name", org: orgAWS, want: []int64{certWelder, certCWE, CertCWI, certSCWI}},
		{name: "AWS first 2", org: orgAWS, req: catalog.PageRequest{First: pageSize(2)}, want: []int64{certWelder, certCWE}, next: true},
		{name: "organization without entries", org: orgZeta, want: []int64{}},
		{name: "unknown organization", org: 999, want: []int64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := FindCertifications(s, catalog.CertificationCriteria{OrganizationIDs: []int64{tt.org}}, catalog.CertificationSort{}, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			p := res.Page
			if got := certIDs(p); !slices.Equal(got, tt.want) {
				t.Errorf("ids = %v, want %v", got, tt.want)
			}
			if p.HasNextPage != tt.next {
				t.Errorf("HasNextPage = %v, want %v", p.HasNextPage, tt.next)
			}
		})
	}
}
