// Package services builds the domain services of the recertification API
// over one store: the one constructor that server.go and the API tests
// share, so that the tests run the stack production runs.
package services

import (
	"context"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/catalog/notification"
	"github.com/mssc/recert/catalog/points"
	"github.com/mssc/recert/catalog/review"
	"github.com/mssc/recert/catalog/search"
	"github.com/mssc/recert/resolvers"
)

// Config is what the services need besides the store.
type Config struct {
	// Files stores uploaded files: copies of certifications and proofs.
	Files catalog.FileStorage
	// Clock tells the services the time; it may be a development clock.
	Clock func() time.Time
	// MaxOpenReviewsPerCandidate caps the catalog reviews one candidate may
	// have open.
	MaxOpenReviewsPerCandidate int
	// MaxActivitiesPerApplication caps the activities of one application;
	// 0 keeps the default.
	MaxActivitiesPerApplication int
	// StaffEmails are the staff told of catalog reviews and of candidates'
	// answers to requests for information.
	StaffEmails []string
}

// Services are the domain services over one store.
type Services struct {
	// Catalog serves snapshots whose rule tables make a valid Rulebook.
	Catalog *catalog.Catalog
	// OpenReviews serves the catalog reviews still open.
	OpenReviews *catalog.OpenReviews
	// Reviews runs the catalog reviews.
	Reviews *review.Reviews
	// Curation lets staff edit the catalog.
	Curation *review.Curation
	// Candidates serves candidate profiles.
	Candidates *candidate.Candidates
	// Checker answers whether credentials count.
	Checker *search.CredentialChecker
	// Applications runs recertification applications.
	Applications *application.Applications
	// Inbox serves candidates' notifications.
	Inbox *notification.Inbox
	// Files reads uploaded files for those allowed to see them.
	Files application.FileReader
	store *gormstore.Store
}

// New builds the services over store.
func New(store *gormstore.Store, cfg Config) *Services {
	cat := catalog.New(store, points.Require)
	s := &Services{Catalog: cat, OpenReviews: catalog.NewOpenReviews(store), store: store}
	s.Reviews = review.NewReviews(cat, store, cfg.Files, cfg.Clock)
	s.Reviews.UseOpenReviews(s.OpenReviews, cfg.MaxOpenReviewsPerCandidate)
	s.Reviews.NotifyReviews(store, cfg.StaffEmails)
	s.Curation = review.NewCuration(cat, store, cfg.Clock)
	s.Candidates = candidate.NewCandidates(store, cfg.Clock)
	s.Checker = search.NewCredentialChecker(cat, s.OpenReviews, cfg.Clock)
	s.Applications = application.NewApplications(cat, store, store, s.Reviews, cfg.Files, cfg.Clock).
		LimitActivities(cfg.MaxActivitiesPerApplication)
	s.Applications.NotifyStaff(cfg.StaffEmails)
	s.Inbox = notification.NewInbox(store, s.Candidates, cfg.Clock)
	s.Files = application.AnyFileReader(s.Reviews, application.NewProofs(store, cfg.Files))
	return s
}

// Watch follows the store's announcements of catalog and open-review
// changes until ctx ends, so that reads run no SQL meanwhile.
func (s *Services) Watch(ctx context.Context) {
	go s.Catalog.Watch(ctx, s.store.ListenCatalogChanges)
	go s.OpenReviews.Watch(ctx, s.store.ListenOpenReviewChanges)
}

// Resolver returns the root of the GraphQL resolvers over the services.
func (s *Services) Resolver() *resolvers.Resolver {
	return &resolvers.Resolver{
		Catalog:            s.Catalog,
		CandidateService:   s.Candidates,
		CredentialChecker:  s.Checker,
		ReviewService:      s.Reviews,
		CurationService:    s.Curation,
		ApplicationService: s.Applications,
		InboxService:       s.Inbox,
	}
}
