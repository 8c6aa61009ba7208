package review

import (
	"context"
	"time"

	"github.com/mssc/recert/catalog"
)

// CatalogEdit is one change to the catalog as the store writes it: the
// organization and certification to create (ID 0) or update, and the
// record of the change for the history.
type CatalogEdit struct {
	// Change says who made the change, when, and why.
	Change catalog.Change
	// Organization is created or updated when not nil.
	Organization *catalog.Organization
	// Certification is created or updated when not nil; a new one of a new
	// organization is linked to it once created.
	Certification *catalog.Certification
	// Field has its O*NET-SOC codes updated when not nil.
	Field *catalog.RelatedField
	// Synonym is created (ID 0) or updated when not nil.
	Synonym *catalog.Synonym
	// EntityType is Certification, Organization, RelatedField or
	// SearchSynonym: what the history records.
	EntityType string
	// Before is the entry before the change, as JSON; empty for a creation.
	Before string
	// After is the entry after the change, as JSON.
	After string
	// ReviewID is the catalog review the change comes from, if any.
	ReviewID int64
}

// ReviewFilter narrows the staff queue of catalog reviews.
type ReviewFilter struct {
	// Statuses keeps reviews with any of these statuses; none means open ones.
	Statuses []ReviewStatus
	// DueBefore keeps reviews due on or before this day.
	DueBefore *catalog.Date
	// Assignee keeps reviews assigned to this subject; "-" keeps unassigned ones.
	Assignee string
}

// HistoryFilter narrows the catalog history.
type HistoryFilter struct {
	// EntityType and EntityID keep the changes of one entry.
	EntityType string
	// EntityID is the entry's ID; 0 keeps every entry.
	EntityID int64
	// From keeps changes at or after this instant.
	From *time.Time
	// To keeps changes before this instant.
	To *time.Time
}

// ReviewStore is what catalog reviews and curation need from persistence.
// Every catalog edit writes its history and a new catalog version in the
// same transaction, and announces the version to every server process.
type ReviewStore interface {
	// CreateReview stores a new review and sets its ID, then records what
	// notify builds from the numbered review, with change's own
	// notifications, in the same transaction; a CONFLICT error
	// means an open review of the same certification exists. When
	// maxOpenPerSubmitter is above 0 and its first submitter already has
	// that many open reviews, nothing is written and the error is
	// OpenReviewLimitReached, however many submissions run at once.
	CreateReview(ctx context.Context, r *CatalogReview, change catalog.Change, notify func(*CatalogReview) []catalog.Notification, maxOpenPerSubmitter int) error
	// JoinReview adds a submission to a review that is still open, whatever
	// its version, and moves its version on; it reports false when the
	// review was decided meanwhile. A submitter already on the review keeps
	// their first submission.
	JoinReview(ctx context.Context, reviewID int64, sub ReviewSubmitter, change catalog.Change) (bool, error)
	// ReviewByID returns the review, or nil.
	ReviewByID(ctx context.Context, id int64) (*CatalogReview, error)
	// OpenReviews returns every review still waiting for a decision.
	OpenReviews(ctx context.Context) ([]*CatalogReview, error)
	// ReviewsWithFile returns the reviews the uploaded file belongs to.
	ReviewsWithFile(ctx context.Context, key string) ([]*CatalogReview, error)
	// ReviewsSubmittedBy returns the reviews the subject submitted, newest first.
	ReviewsSubmittedBy(ctx context.Context, subject string) ([]*CatalogReview, error)
	// PageReviews pages the reviews by due date.
	PageReviews(ctx context.Context, f ReviewFilter, req catalog.PageRequest) (catalog.Page[*CatalogReview], error)
	// UpdateReview saves the review if its stored version is expected, and
	// writes the catalog edit, if any, in the same transaction. Another
	// version is a CONFLICT error and nothing is written.
	UpdateReview(ctx context.Context, r *CatalogReview, expected int, change catalog.Change, edit *CatalogEdit) error
	// EditCatalog writes one catalog change, its history and a new version.
	EditCatalog(ctx context.Context, edit *CatalogEdit) error
	// EditCatalogBatch writes the changes in one transaction, each with its
	// history entry, at one new catalog version, which it returns. When the
	// stored version is not expected it is a CONFLICT error and nothing is
	// written.
	EditCatalogBatch(ctx context.Context, expected int64, edits []*CatalogEdit) (int64, error)
	// CatalogHistory pages the recorded catalog changes, newest first.
	CatalogHistory(ctx context.Context, f HistoryFilter, req catalog.PageRequest) (catalog.Page[*CatalogChange], error)
}
