package model

import (
	"sync"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/search"
)

// CertificationConnection is a page of certifications; its edges (with
// their cursors) and facets are built only when a query asks for them.
type CertificationConnection struct {
	// Nodes are the certifications of the page.
	Nodes []*catalog.Certification
	// PageInfo says where the page stands in the whole list.
	PageInfo *PageInfo
	// TotalCount is the size of the whole filtered list.
	TotalCount int
	result     search.CertificationResult
	edges      func() []*CertificationEdge
}

// Edges pairs each certification of the page with its cursor.
func (c *CertificationConnection) Edges() []*CertificationEdge { return c.edges() }

// Facets counts the whole filtered list by recognition basis and organization.
func (c *CertificationConnection) Facets() *catalog.CertificationFacets {
	f := c.result.Facets()
	return &f
}

// NewCertificationConnection wraps a page of certifications with the query
// result it came from; edges builds the page's edges the first time a
// query asks for them, so that cursors are encoded only when wanted.
func NewCertificationConnection(nodes []*catalog.Certification, info *PageInfo, result search.CertificationResult, edges func() []*CertificationEdge) *CertificationConnection {
	return &CertificationConnection{Nodes: nodes, PageInfo: info, TotalCount: result.Page.TotalCount, result: result, edges: sync.OnceValue(edges)}
}
