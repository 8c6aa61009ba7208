// Package catalog is the domain of the MSSC recertification service: the
// pre-approved catalog of industry certifications, the related fields, the
// CPT and CLT key activities and the rule tables, and the queries over them.
//
// It imports no storage, GraphQL or HTTP package. It declares the Store it
// needs and holds every business rule as plain Go.
package catalog
