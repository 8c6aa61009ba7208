// Package catalog is the centre of the MSSC recertification domain: the
// pre-approved catalog of industry certifications, the related fields, the
// CPT and CLT key activities and the rule tables, its snapshots and the
// queries over them, with the types every subject shares (Error,
// Principal, Page, Date, the clock, Change and the open reviews) and the
// vocabulary of the search and the credential check: what each is asked
// and what it answers (package search holds the matcher that answers).
//
// It imports no storage, GraphQL or HTTP package, and none of the subject
// packages beneath it (points, search, review, application, candidate,
// notification), which import it. It declares the Store it needs and holds
// every business rule of the catalog as plain Go.
package catalog
