// Package resolvers holds the thin GraphQL resolvers: they decode input,
// call the domain services and map results and errors.
package resolvers

import (
	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/notification"
	"github.com/mssc/recert/catalog/review"
	"github.com/mssc/recert/catalog/search"
)

// Resolver is the root resolver; it holds the services the resolvers call.
type Resolver struct {
	// Catalog serves snapshots of the pre-approved catalog.
	Catalog *catalog.Catalog
	// CandidateService serves candidate profiles and held certifications.
	CandidateService *candidate.Candidates
	// CredentialChecker answers whether credentials count.
	CredentialChecker *search.CredentialChecker
	// ReviewService runs the reviews of certifications not yet listed.
	ReviewService *review.Reviews
	// CurationService lets staff edit the catalog, with its history.
	CurationService *review.Curation
	// ApplicationService runs recertification applications.
	ApplicationService *application.Applications
	// InboxService serves a candidate's notifications and preferences, and
	// staff's failed deliveries.
	InboxService *notification.Inbox
}
