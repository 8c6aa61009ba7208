package review

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
)

// CandidateFinder finds candidates by their MSSC candidate IDs, which is
// how a catalog review knows its submitters.
type CandidateFinder interface {
	// CandidatesByNumber returns the candidates with these MSSC candidate IDs.
	CandidatesByNumber(ctx context.Context, numbers []string) (map[string]*candidate.Candidate, error)
}

// reviewNotifier builds the notifications a change of a catalog review
// causes: to its submitters when their certification is received, when
// staff ask for information and when it is decided; to staff when a
// submitter answers.
type reviewNotifier struct {
	candidates CandidateFinder
	staff      []string
}

// NotifyReviews makes the service record, in the same transaction as each
// change of a review, the notifications the change causes; staff are the
// addresses told when a submitter answers a request for information.
// Without it no review notification is recorded.
func (s *Reviews) NotifyReviews(candidates CandidateFinder, staff []string) {
	s.notifier = &reviewNotifier{candidates: candidates, staff: staff}
}

// rejectionWords are the reasons for a rejection as a submitter reads them.
var rejectionWords = map[RejectionReason]string{
	RejectedLocal:                     "local or company-specific certificates do not qualify for recertification points",
	RejectedAttendanceOnly:            "certificates earned by simple attendance do not qualify for recertification points",
	RejectedNotRelated:                "the certification is not in manufacturing or logistics",
	RejectedInsufficientDocumentation: "the documentation sent was not enough to judge the certification",
	RejectedOther:                     "see the message below",
}

// received returns the builder of the confirmation to a submitter that
// their certification was received for a review: the open one they join,
// or a new one, which the store numbers before it calls the builder in the
// same transaction, so that the confirmation names the review either way.
// The submitter's candidate record is read here, before the store's
// transaction; the builder reads nothing. Its key names the certification
// and the instant, the same for a new review and a joined one.
func (s *Reviews) received(ctx context.Context, who ReviewSubmitter) (func(r *CatalogReview) []catalog.Notification, error) {
	none := func(*CatalogReview) []catalog.Notification { return nil }
	if s.notifier == nil {
		return none, nil
	}
	found, err := s.notifier.candidates.CandidatesByNumber(ctx, []string{who.CandidateNumber})
	if err != nil {
		return nil, err
	}
	c := found[who.CandidateNumber]
	if c == nil {
		return none, nil
	}
	sum := sha256.Sum256([]byte(reviewKey(who.CertificationName, who.Organization.Name)))
	key := fmt.Sprintf("candidate:%d|%s|%s|%s", c.ID, catalog.NotifyReviewReceived, hex.EncodeToString(sum[:8]), who.AddedAt.UTC().Format(time.RFC3339Nano))
	return func(r *CatalogReview) []catalog.Notification {
		facts := map[string]string{"review": strconv.FormatInt(r.ID, 10), "certificationName": who.CertificationName, "organization": who.Organization.Name,
			"submittedOn": catalog.DateOf(who.AddedAt).String(), "dueOn": r.DueOn.String()}
		return []catalog.Notification{{CandidateID: c.ID, Kind: catalog.NotifyReviewReceived, Facts: facts, CreatedAt: who.AddedAt, Key: key}}
	}, nil
}

// reviewNotifications are the notifications a staff or submitter action
// on review r causes, once r holds its new state and version.
func (s *Reviews) reviewNotifications(ctx context.Context, action string, p *catalog.Principal, r *CatalogReview, at time.Time) ([]catalog.Notification, error) {
	if s.notifier == nil {
		return nil, nil
	}
	base := map[string]string{"review": strconv.FormatInt(r.ID, 10), "dueOn": r.DueOn.String()}
	switch action {
	case "review.provide_information":
		facts := withFacts(base, map[string]string{"certificationName": r.CertificationName, "organization": r.Organization.Name,
			"candidateNumber": p.CandidateNumber, "answer": r.InformationResponse, "question": r.InformationRequest, "answeredOn": catalog.DateOf(at).String()})
		out := make([]catalog.Notification, 0, len(s.notifier.staff))
		for _, addr := range s.notifier.staff {
			out = append(out, catalog.Notification{Recipient: addr, Kind: catalog.NotifyReviewAnswered, Facts: facts, CreatedAt: at,
				Key: fmt.Sprintf("review:%d|%s|v%d|staff:%s", r.ID, catalog.NotifyReviewAnswered, r.Version, strings.ToLower(addr))})
		}
		return out, nil
	case "review.request_information":
		return s.toSubmitters(ctx, r, catalog.NotifyReviewInformationRequested, at, withFacts(base, map[string]string{
			"question": r.InformationRequest, "askedOn": catalog.DateOf(at).String()}))
	case "review.approve":
		return s.toSubmitters(ctx, r, catalog.NotifyReviewApproved, at, withFacts(base, map[string]string{
			"decidedOn": catalog.DateOf(at).String(), "message": r.Decision.Message}))
	case "review.reject":
		return s.toSubmitters(ctx, r, catalog.NotifyReviewRejected, at, withFacts(base, map[string]string{
			"decidedOn": catalog.DateOf(at).String(), "message": r.Decision.Message, "reason": rejectionWords[r.Decision.Reason]}))
	}
	return nil, nil
}

// toSubmitters is one notification of the kind to each submitter of the
// review who has a candidate record, naming the certification as that
// submitter sent it.
func (s *Reviews) toSubmitters(ctx context.Context, r *CatalogReview, kind catalog.NotificationKind, at time.Time, facts map[string]string) ([]catalog.Notification, error) {
	numbers := make([]string, 0, len(r.Submitters))
	for _, sub := range r.Submitters {
		numbers = append(numbers, sub.CandidateNumber)
	}
	found, err := s.notifier.candidates.CandidatesByNumber(ctx, numbers)
	if err != nil {
		return nil, err
	}
	var out []catalog.Notification
	for _, sub := range r.Submitters {
		c := found[sub.CandidateNumber]
		if c == nil {
			continue
		}
		own := withFacts(facts, map[string]string{"certificationName": sub.CertificationName, "organization": sub.Organization.Name})
		out = append(out, catalog.Notification{CandidateID: c.ID, Kind: kind, Facts: own, CreatedAt: at,
			Key: fmt.Sprintf("review:%d|%s|v%d|candidate:%d", r.ID, kind, r.Version, c.ID)})
	}
	return out, nil
}

// withFacts returns a new map of the base facts and the added ones; an
// added fact with an empty value is left out.
func withFacts(base, added map[string]string) map[string]string {
	out := make(map[string]string, len(base)+len(added))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range added {
		if v != "" {
			out[k] = v
		}
	}
	return out
}
