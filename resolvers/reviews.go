package resolvers

import (
	"context"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/review"
	"github.com/mssc/recert/graph/model"
	"github.com/mssc/recert/graph/relay"
)

// maxHistory is how many changes an entry's history field lists.
var maxHistory = catalog.MaxPageSize

// history lists the recorded changes of one catalog entry, newest first.
func (r *Resolver) history(ctx context.Context, entityType string, id int64) ([]*review.CatalogChange, error) {
	page, err := r.CurationService.History(ctx, review.HistoryFilter{EntityType: entityType, EntityID: id}, catalog.PageRequest{First: &maxHistory})
	if err != nil {
		return nil, err
	}
	out := make([]*review.CatalogChange, len(page.Edges))
	for i, e := range page.Edges {
		out[i] = e.Node
	}
	return out, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// reviewChange decodes a review ID and runs a change of the review.
func (r *Resolver) reviewChange(reviewID string, change func(id int64) (*review.CatalogReview, []*catalog.Error, error)) (*model.CatalogReviewPayload, error) {
	id, err := relay.DecodeIDOf("reviewId", relay.TypeCatalogReview, reviewID)
	if err != nil {
		return &model.CatalogReviewPayload{UserErrors: userErrors([]*catalog.Error{catalog.AsError(err)})}, nil
	}
	review, errs, err := change(id)
	if err != nil {
		return nil, err
	}
	return &model.CatalogReviewPayload{Review: review, UserErrors: userErrors(errs)}, nil
}

// keyActivities returns the key activities of the IDs that still exist.
func (r *Resolver) keyActivities(ctx context.Context, ids []int64) ([]*catalog.KeyActivity, error) {
	snap, err := r.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	out := []*catalog.KeyActivity{}
	for _, id := range ids {
		if a, ok := snap.Node(relay.TypeKeyActivity, id).(*catalog.KeyActivity); ok {
			out = append(out, a)
		}
	}
	return out, nil
}

func certificationPayload(c *catalog.Certification, errs []*catalog.Error, err error) (*model.CertificationPayload, error) {
	if err != nil {
		return nil, err
	}
	return &model.CertificationPayload{Certification: c, UserErrors: userErrors(errs)}, nil
}
