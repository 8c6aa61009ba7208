package resolvers

import (
	"context"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/graph/model"
	"github.com/mssc/recert/graph/relay"
)

func (r *Resolver) snapshot(ctx context.Context) (*catalog.Snapshot, error) {
	return r.Catalog.Snapshot(ctx)
}

// optional returns nil for the empty string, so that GraphQL shows null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optionalInt(n int, present bool) *int {
	if !present {
		return nil
	}
	return &n
}

func pageInfo[T any](p catalog.Page[T]) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: p.HasNextPage, HasPreviousPage: p.HasPreviousPage}
	if n := len(p.Edges); n > 0 {
		start, end := relay.EncodeCursor(p.Edges[0].Cursor), relay.EncodeCursor(p.Edges[n-1].Cursor)
		info.StartCursor, info.EndCursor = &start, &end
	}
	return info
}

func certificationConnection(res catalog.CertificationResult) *model.CertificationConnection {
	conn := &model.CertificationConnection{
		Edges:      make([]*model.CertificationEdge, len(res.Page.Edges)),
		Nodes:      make([]*catalog.Certification, len(res.Page.Edges)),
		PageInfo:   pageInfo(res.Page),
		TotalCount: res.Page.TotalCount,
		Facets:     &res.Facets,
	}
	for i, e := range res.Page.Edges {
		conn.Edges[i] = &model.CertificationEdge{Node: e.Node, Cursor: relay.EncodeCursor(e.Cursor)}
		conn.Nodes[i] = e.Node
	}
	return conn
}

func organizationConnection(p catalog.Page[*catalog.Organization]) *model.OrganizationConnection {
	conn := &model.OrganizationConnection{
		Edges:      make([]*model.OrganizationEdge, len(p.Edges)),
		Nodes:      make([]*catalog.Organization, len(p.Edges)),
		PageInfo:   pageInfo(p),
		TotalCount: p.TotalCount,
	}
	for i, e := range p.Edges {
		conn.Edges[i] = &model.OrganizationEdge{Node: e.Node, Cursor: relay.EncodeCursor(e.Cursor)}
		conn.Nodes[i] = e.Node
	}
	return conn
}

// certificationCriteria decodes the GraphQL filter into the catalog's criteria.
func certificationCriteria(f *model.CertificationFilter) (catalog.CertificationCriteria, error) {
	var c catalog.CertificationCriteria
	if f == nil {
		return c, nil
	}
	c.RecognitionBases, c.EligibleFor, c.Statuses = f.RecognitionBases, f.EligibleFor, f.Statuses
	if f.Search != nil {
		c.Search = *f.Search
	}
	for _, id := range f.OrganizationIds {
		orgID, err := relay.DecodeIDOf("filter.organizationIds", relay.TypeOrganization, id)
		if err != nil {
			return c, err
		}
		c.OrganizationIDs = append(c.OrganizationIDs, orgID)
	}
	return c, nil
}

func certificationSort(o *model.CertificationOrder) catalog.CertificationSort {
	if o == nil {
		return catalog.CertificationSort{}
	}
	s := catalog.CertificationSort{Field: o.Field}
	if o.Direction != nil {
		s.Direction = *o.Direction
	}
	return s
}
