package notification

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mssc/recert/catalog/points"
	"github.com/mssc/recert/catalog/review"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/candidate"
)

// ApplicationReader is what the reminders read of the applications' store.
type ApplicationReader interface {
	// ApplicationsOfCandidate returns a candidate's applications, newest first.
	ApplicationsOfCandidate(ctx context.Context, candidateID int64) ([]*application.Application, error)
	// ExpiringCertifications returns the held certifications that expire
	// in the given days, with their candidates.
	ExpiringCertifications(ctx context.Context, from, to catalog.Date) ([]application.ExpiringCertification, error)
	// PageApplications pages the applications the filter keeps.
	PageApplications(ctx context.Context, f application.ApplicationFilter, req catalog.PageRequest) (catalog.Page[*application.Application], error)
}

// Reminders finds who is due a date-driven reminder on the service's today
// and records those notifications, each once.
type Reminders struct {
	catalog *catalog.Catalog
	apps    ApplicationReader
	reviews ReviewQueue
	store   NotificationStore
	now     func() time.Time
	staff   []string
}

// ReviewQueue pages the catalog reviews, as the staff queue does.
type ReviewQueue interface {
	// PageReviews pages the reviews by due date, then ID.
	PageReviews(ctx context.Context, f review.ReviewFilter, req catalog.PageRequest) (catalog.Page[*review.CatalogReview], error)
}

// NewReminders returns the reminder finder; staff are the addresses that
// receive the daily digest of applications and catalog reviews due soon
// or overdue.
func NewReminders(cat *catalog.Catalog, apps ApplicationReader, reviews ReviewQueue, store NotificationStore, staff []string, now func() time.Time) *Reminders {
	return &Reminders{catalog: cat, apps: apps, reviews: reviews, store: store, now: now, staff: staff}
}

// digestStatuses are the statuses in which staff owe an answer.
var digestStatuses = []application.ApplicationStatus{application.AppInReview, application.AppDetailedReview, application.AppAppealed}

// maxDigestItems bounds one digest; the staff queue has the rest.
const maxDigestItems = 100

// Record records the reminders due today and returns how many were new.
func (r *Reminders) Record(ctx context.Context) (int, error) {
	snap, err := r.catalog.Snapshot(ctx)
	if err != nil {
		return 0, err
	}
	at := r.now().UTC()
	today := catalog.DateOf(at)
	due, err := r.candidateReminders(ctx, snap, today, at)
	if err != nil {
		return 0, err
	}
	digest, err := r.staffDigest(ctx, snap, today, at)
	if err != nil {
		return 0, err
	}
	return r.store.AddNotifications(ctx, append(due, digest...))
}

// candidateReminders are the window, contact and expiration reminders:
// the window opens the configured days before the expiration; within the
// contact period before it, and in as many days after it, a candidate
// without a submitted application is reminded once each.
func (r *Reminders) candidateReminders(ctx context.Context, snap *catalog.Snapshot, today catalog.Date, at time.Time) ([]catalog.Notification, error) {
	window := points.FiguresOf(snap).ApplicationWindowDays()
	contact := points.FiguresOf(snap).ContactBeforeExpirationDays()
	held, err := r.apps.ExpiringCertifications(ctx, today.AddDays(-contact), today.AddDays(window))
	if err != nil {
		return nil, err
	}
	var out []catalog.Notification
	for _, e := range held {
		if e.Candidate == nil {
			continue
		}
		h := e.Held
		facts := map[string]string{"program": string(h.Program), "expiresOn": h.ExpiresOn.String(),
			"windowOpensOn": application.WindowOpensOn(snap, h.CycleExpiresOn()).String(), "contactBy": h.ExpiresOn.AddDays(-contact).String()}
		if fee, ferr := application.Fee(snap, catalog.FeeApplication); ferr == nil {
			facts["fee"] = fee.String()
		}
		add := func(kind catalog.NotificationKind) {
			out = append(out, catalog.Notification{CandidateID: e.Candidate.ID, Kind: kind, Facts: facts, CreatedAt: at,
				Key: candidateKey(e.Candidate.ID, kind, h.Program, h.ExpiresOn)})
		}
		if !today.After(h.ExpiresOn) {
			add(catalog.NotifyWindowOpens)
		}
		submitted, err := r.submitted(ctx, e.Candidate.ID, h)
		if err != nil {
			return nil, err
		}
		switch {
		case submitted:
		case today.After(h.ExpiresOn):
			add(catalog.NotifyExpired)
		case !today.Before(h.ExpiresOn.AddDays(-contact)):
			add(catalog.NotifyExpiresSoon)
		}
	}
	return out, nil
}

// submitted reports whether the candidate submitted an application for the
// held certification's cycle.
func (r *Reminders) submitted(ctx context.Context, candidateID int64, h candidate.HeldCertification) (bool, error) {
	apps, err := r.apps.ApplicationsOfCandidate(ctx, candidateID)
	if err != nil {
		return false, err
	}
	for _, a := range apps {
		if a.Program == h.Program && a.SubmittedAt != nil && a.Cycle.ExpiresOn.DaysUntil(h.CycleExpiresOn()) == 0 {
			return true, nil
		}
	}
	return false, nil
}

// staffDigest is one digest a day for each staff address, listing the
// applications and the catalog reviews whose answer is due within the
// configured days or overdue; a review waiting for its submitter's answer
// is not staff's to answer and is left out.
func (r *Reminders) staffDigest(ctx context.Context, snap *catalog.Snapshot, today catalog.Date, at time.Time) ([]catalog.Notification, error) {
	if len(r.staff) == 0 {
		return nil, nil
	}
	soon := points.FiguresOf(snap).StaffDueSoonDays()
	until := today.AddDays(soon)
	first := maxDigestItems
	apps, err := r.apps.PageApplications(ctx, application.ApplicationFilter{Statuses: digestStatuses, DueBefore: &until}, catalog.PageRequest{First: &first})
	if err != nil {
		return nil, err
	}
	reviews, err := r.reviews.PageReviews(ctx, review.ReviewFilter{Statuses: []review.ReviewStatus{review.ReviewPending}, DueBefore: &until}, catalog.PageRequest{First: &first})
	if err != nil {
		return nil, err
	}
	if len(apps.Edges)+len(reviews.Edges) == 0 {
		return nil, nil
	}
	var lines []string
	overdue := 0
	state := func(due *catalog.Date) string {
		if due != nil && due.Before(today) {
			overdue++
			return "OVERDUE"
		}
		return "due"
	}
	for _, e := range apps.Edges {
		a := e.Node
		due := ""
		if a.DecisionDueOn != nil {
			due = a.DecisionDueOn.String()
		}
		lines = append(lines, fmt.Sprintf("%s: %s application %d of candidate %s (%s), answer due %s", state(a.DecisionDueOn), a.Program, a.ID, a.CandidateNumber, a.Status, due))
	}
	for _, e := range reviews.Edges {
		rv := e.Node
		lines = append(lines, fmt.Sprintf("%s: catalog review %d of %q (%s), decision due %s", state(&rv.DueOn), rv.ID, rv.CertificationName, rv.Organization.Name, rv.DueOn))
	}
	facts := map[string]string{"day": today.String(), "count": strconv.Itoa(len(lines)), "overdue": strconv.Itoa(overdue),
		"applications": strconv.Itoa(len(apps.Edges)), "reviews": strconv.Itoa(len(reviews.Edges)),
		"dueSoonDays": strconv.Itoa(soon), "items": strings.Join(lines, "\n")}
	out := make([]catalog.Notification, 0, len(r.staff))
	for _, addr := range r.staff {
		out = append(out, catalog.Notification{Recipient: addr, Kind: catalog.NotifyStaffDigest, Facts: facts, CreatedAt: at,
			Key: fmt.Sprintf("staff:%s|%s|%s", strings.ToLower(addr), catalog.NotifyStaffDigest, today)})
	}
	return out, nil
}

// NotificationStore is what notifications need from persistence.
type NotificationStore interface {
	// AddNotifications records notifications, skipping those whose Key is
	// already recorded, and returns how many were new.
	AddNotifications(ctx context.Context, ns []catalog.Notification) (int, error)
	// RemindersOff reports whether the candidate turned reminders off.
	RemindersOff(ctx context.Context, candidateID int64) (bool, error)
}

// candidateKey is the unique key of a candidate's notification about a day.
func candidateKey(candidateID int64, kind catalog.NotificationKind, program catalog.Program, day catalog.Date) string {
	return fmt.Sprintf("candidate:%d|%s|%s|%s", candidateID, kind, program, day)
}
