package model

import (
	"github.com/mssc/recert/catalog"
)

// CertificationConnection is a page of certifications; its facets are
// counted only when a query asks for them.
type CertificationConnection struct {
	// Edges are the items of the page with their cursors.
	Edges []*CertificationEdge
	// Nodes are the certifications of the page.
	Nodes []*catalog.Certification
	// PageInfo says where the page stands in the whole list.
	PageInfo *PageInfo
	// TotalCount is the size of the whole filtered list.
	TotalCount int
	result     catalog.CertificationResult
}

// Facets counts the whole filtered list by recognition basis and organization.
func (c *CertificationConnection) Facets() *catalog.CertificationFacets {
	f := c.result.Facets()
	return &f
}

// NewCertificationConnection wraps a page of certifications with the query
// result it came from, so facets are counted only on demand.
func NewCertificationConnection(edges []*CertificationEdge, nodes []*catalog.Certification, info *PageInfo, result catalog.CertificationResult) *CertificationConnection {
	return &CertificationConnection{Edges: edges, Nodes: nodes, PageInfo: info, TotalCount: result.Page.TotalCount, result: result}
}
