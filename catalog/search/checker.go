package search

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/mssc/recert/catalog"
)

// CredentialChecker answers "does my credential count?" against the
// current catalog.
type CredentialChecker struct {
	catalog *catalog.Catalog
	reviews catalog.PendingReviews
	now     func() time.Time
}

// NewCredentialChecker returns a checker over the catalog; reviews, when
// not nil, finds credentials already under catalog review; now is the clock.
func NewCredentialChecker(cat *catalog.Catalog, reviews catalog.PendingReviews, now func() time.Time) *CredentialChecker {
	return &CredentialChecker{catalog: cat, reviews: reviews, now: now}
}

// latestEarnedDay is the latest day an earned date may name: tomorrow in
// UTC, as candidates ahead of UTC may already be there.
func (c *CredentialChecker) latestEarnedDay() catalog.Date {
	return catalog.DateOf(c.now().UTC()).AddDays(1)
}

// Check answers one credential.
func (c *CredentialChecker) Check(ctx context.Context, in catalog.CredentialInput) (catalog.CredentialCheck, error) {
	out, err := c.CheckMany(ctx, []catalog.CredentialInput{in})
	if err != nil {
		return catalog.CredentialCheck{}, err
	}
	return out[0], nil
}

// CheckMany answers up to MaxCredentialBatch credentials, in order.
func (c *CredentialChecker) CheckMany(ctx context.Context, ins []catalog.CredentialInput) ([]catalog.CredentialCheck, error) {
	if len(ins) > MaxCredentialBatch {
		return nil, catalog.Invalid("inputs", "at most %d credentials may be checked at once, got %d", MaxCredentialBatch, len(ins))
	}
	today := c.latestEarnedDay()
	for i, in := range ins {
		prefix := ""
		if len(ins) > 1 {
			prefix = fmt.Sprintf("inputs.%d.", i)
		}
		if err := ValidateCredential(prefix, in, today); err != nil {
			return nil, err
		}
	}
	snap, err := c.catalog.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]catalog.CredentialCheck, len(ins))
	for i, in := range ins {
		out[i] = CheckCredential(snap, in)
		if out[i].Verdict == catalog.VerdictNotListed && c.reviews != nil {
			// The answer stands on the catalog snapshot; when the open
			// reviews cannot be read (the database is down), it says
			// NOT_LISTED rather than failing.
			if review, err := c.reviews.FindPendingReview(ctx, in.Text, in.Issuer); err == nil && review != nil {
				out[i] = underReview(snap, in, out[i], review, catalog.PrincipalFrom(ctx))
			}
		}
	}
	return out, nil
}

// underReview turns a not-listed answer into one naming the open review.
// Its claim names the review only to a candidate who submitted it, the
// only one who may claim it on an application.
func underReview(snap *catalog.Snapshot, in catalog.CredentialInput, check catalog.CredentialCheck, r *catalog.PendingReview, p *catalog.Principal) catalog.CredentialCheck {
	check.Verdict = catalog.VerdictUnderReview
	check.Rules = append(check.Rules, catalog.AppliedRule{Code: catalog.RuleUnderCatalogReview, Description: fmt.Sprintf(
		"%q is under catalog review, with a decision due by %s; an application citing it may be delayed by up to 30 days", r.Name, r.DueOn)})
	check.NextStep = "Wait for the review's decision; if it is accepted, it will count as an Industry Certification."
	if t := industryCertificationType(snap); t != nil {
		check.Claim = &catalog.CredentialClaim{Category: t.Category, ActivityTypeKey: t.Key, Title: r.Name, CompletedOn: in.EarnedOn}
		if p != nil && slices.Contains(r.Submitters, p.Subject) {
			check.Claim.CatalogReviewID = r.ID
		}
	}
	return check
}
