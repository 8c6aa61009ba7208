package resolvers

import (
	"context"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/search"
	"github.com/mssc/recert/graph/model"
	"github.com/mssc/recert/graph/relay"
)

func (r *Resolver) snapshot(ctx context.Context) (*catalog.Snapshot, error) {
	return r.Catalog.Snapshot(ctx)
}

// snapshotPage reads the connection arguments and the current snapshot,
// which a list of the catalog pages through.
func (r *Resolver) snapshotPage(ctx context.Context, first *int, after *string, last *int, before *string) (catalog.PageRequest, *catalog.Snapshot, error) {
	req, err := relay.PageRequest(first, after, last, before)
	if err != nil {
		return req, nil, err
	}
	snap, err := r.snapshot(ctx)
	return req, snap, err
}

// entryByIDOrKey finds a catalog entry of the current snapshot by its
// global ID of the type, or by its stable key: one of them is given.
func entryByIDOrKey[T any](ctx context.Context, r *Resolver, typ string, id, key *string, byID func(*catalog.Snapshot, int64) T, byKey func(*catalog.Snapshot, string) T) (T, error) {
	var none T
	entryID, err := idOrKey(typ, id, key)
	if err != nil {
		return none, err
	}
	snap, err := r.snapshot(ctx)
	if err != nil {
		return none, err
	}
	if key != nil {
		return byKey(snap, *key), nil
	}
	return byID(snap, entryID), nil
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

// connectionParts cuts a page into the edges, nodes and page info every
// connection type has; edge builds one edge of the connection's type.
func connectionParts[T, E any](p catalog.Page[T], edge func(node T, cursor string) E) ([]E, []T, *model.PageInfo) {
	return edgesOf(p, edge), nodesOf(p), pageInfo(p)
}

// edgesOf pairs each node of a page with its encoded cursor.
func edgesOf[T, E any](p catalog.Page[T], edge func(node T, cursor string) E) []E {
	edges := make([]E, len(p.Edges))
	for i, e := range p.Edges {
		edges[i] = edge(e.Node, relay.EncodeCursor(e.Cursor))
	}
	return edges
}

// nodesOf returns the nodes of a page.
func nodesOf[T any](p catalog.Page[T]) []T {
	nodes := make([]T, len(p.Edges))
	for i, e := range p.Edges {
		nodes[i] = e.Node
	}
	return nodes
}

// certificationConnection encodes the edges' cursors only when a query asks
// for edges: a page read by its nodes, the usual way, needs two cursors
// (the page info's), not one per certification.
func certificationConnection(res search.CertificationResult) *model.CertificationConnection {
	return model.NewCertificationConnection(nodesOf(res.Page), pageInfo(res.Page), res, func() []*model.CertificationEdge {
		return edgesOf(res.Page, func(n *catalog.Certification, c string) *model.CertificationEdge {
			return &model.CertificationEdge{Node: n, Cursor: c, Highlights: highlightsOf(res, n), NearNeighbour: res.NearNeighbour(n)}
		})
	})
}

func organizationConnection(p catalog.Page[*catalog.Organization]) *model.OrganizationConnection {
	edges, nodes, info := connectionParts(p, func(n *catalog.Organization, c string) *model.OrganizationEdge {
		return &model.OrganizationEdge{Node: n, Cursor: c}
	})
	return &model.OrganizationConnection{Edges: edges, Nodes: nodes, PageInfo: info, TotalCount: p.TotalCount}
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

// idOrKey checks that exactly one of a global ID and a stable key is given
// and decodes the ID when it is the one.
func idOrKey(typ string, id, key *string) (int64, error) {
	switch {
	case (id == nil) == (key == nil):
		return 0, catalog.Invalid("id", "give the id or the key, one of them")
	case id != nil:
		return relay.DecodeIDOf("id", typ, *id)
	}
	return 0, nil
}

// highlightsOf returns the spans of the certification that the result's
// search matched.
func highlightsOf(res search.CertificationResult, c *catalog.Certification) []*catalog.SearchHighlight {
	spans := res.Highlights(c)
	out := make([]*catalog.SearchHighlight, len(spans))
	for i := range spans {
		out[i] = &spans[i]
	}
	return out
}
