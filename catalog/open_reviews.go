package catalog

import (
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// OpenReview is what the credential check needs of a catalog review still
// waiting for a decision.
type OpenReview struct {
	// ID is the review's storage identity.
	ID int64
	// Name is the certification's name as submitted.
	Name string
	// DueOn is the day the decision is due.
	DueOn Date
	// Submitters are the subjects of the candidates who submitted it.
	Submitters []string
}

// OpenReviewStore is what the in-memory open reviews need from persistence.
type OpenReviewStore interface {
	// OpenReviewsVersion returns the version of the open reviews, which
	// moves on with every change of a review or of its submitters.
	OpenReviewsVersion(ctx context.Context) (int64, error)
	// LoadOpenReviews reads every open review and the version read before
	// them, so that a change made while they are read moves the version
	// on again.
	LoadOpenReviews(ctx context.Context) (int64, []OpenReview, error)
}

// OpenReviews keeps what the credential check needs of the open catalog
// reviews in memory, as Catalog keeps the catalog: while a change listener
// is connected every change is announced, so a check runs no SQL; without
// one, each read checks the stored version and reloads when it moved.
type OpenReviews struct {
	store    OpenReviewStore
	current  atomic.Pointer[openReviewSet]
	reload   sync.Mutex
	watching atomic.Bool
}

// openReviewSet is the open reviews at one version, with their names
// normalized for matching.
type openReviewSet struct {
	version int64
	reviews []OpenReview
	names   []string
}

// NewOpenReviews returns the open reviews of store, loaded on first use.
func NewOpenReviews(store OpenReviewStore) *OpenReviews {
	return &OpenReviews{store: store}
}

// Watch keeps the open reviews current from the store's announcements,
// until ctx ends; listen reports the current version when it (re)connects
// and LostChanges when it loses its connection. Versions only grow, so an
// announcement that arrives after a newer one was loaded changes nothing.
func (o *OpenReviews) Watch(ctx context.Context, listen ChangeListener) {
	defer o.watching.Store(false)
	listen(ctx, func(version int64) {
		if version == LostChanges {
			o.watching.Store(false)
			return
		}
		if cur := o.current.Load(); cur != nil && cur.version < version {
			if _, err := o.check(ctx); err != nil {
				return
			}
		}
		o.watching.Store(true)
	})
}

// Watching reports whether a change listener is connected, so that
// reads run no SQL.
func (o *OpenReviews) Watching() bool { return o.watching.Load() }

// Changed tells the open reviews that this process changed one: every
// later read sees the change without waiting for its announcement.
func (o *OpenReviews) Changed(ctx context.Context) { _, _ = o.check(ctx) }

// Version returns the version of the open reviews a read now sees, or
// false when they cannot be read; an answer that depends on open reviews
// is kept no longer than this version.
func (o *OpenReviews) Version(ctx context.Context) (int64, bool) {
	set, err := o.fresh(ctx)
	if err != nil {
		return 0, false
	}
	return set.version, true
}

// FindPendingReview returns the open review a credential names, if any, so
// that the credential check can answer UNDER_REVIEW.
func (o *OpenReviews) FindPendingReview(ctx context.Context, text, _ string) (*PendingReview, error) {
	set, err := o.fresh(ctx)
	if err != nil {
		return nil, err
	}
	want := NormalizeText(StripParenthesised(text))
	for i, name := range set.names {
		if name == want || (len(name) > 8 && strings.Contains(" "+want+" ", " "+name+" ")) {
			r := set.reviews[i]
			return &PendingReview{ID: r.ID, Name: r.Name, DueOn: r.DueOn, Submitters: r.Submitters}, nil
		}
	}
	return nil, nil
}

// fresh returns the current open reviews: while a listener announces
// every change they are served as they are; otherwise the stored version
// is checked.
func (o *OpenReviews) fresh(ctx context.Context) (*openReviewSet, error) {
	if cur := o.current.Load(); cur != nil && o.watching.Load() {
		return cur, nil
	}
	return o.check(ctx)
}

// check reads the stored version and reloads the open reviews when it
// moved. When the store cannot be reached, the last ones are served.
func (o *OpenReviews) check(ctx context.Context) (*openReviewSet, error) {
	cur := o.current.Load()
	version, err := o.store.OpenReviewsVersion(ctx)
	if err != nil {
		if cur != nil {
			return cur, nil
		}
		return nil, err
	}
	if cur != nil && cur.version == version {
		return cur, nil
	}
	o.reload.Lock()
	defer o.reload.Unlock()
	if cur = o.current.Load(); cur != nil && cur.version >= version {
		return cur, nil
	}
	version, reviews, err := o.store.LoadOpenReviews(ctx)
	if err != nil {
		if cur != nil {
			return cur, nil
		}
		return nil, err
	}
	set := &openReviewSet{version: version, reviews: slices.Clone(reviews), names: make([]string, len(reviews))}
	for i, r := range reviews {
		set.names[i] = NormalizeText(StripParenthesised(r.Name))
	}
	o.current.Store(set)
	return set, nil
}

// PendingReview is an open catalog review of a certification not yet listed.
type PendingReview struct {
	// ID is the review's storage identity.
	ID int64
	// Name is the certification's name as submitted.
	Name string
	// DueOn is the day the decision is due.
	DueOn Date
	// Submitters are the subjects of the candidates who submitted it.
	Submitters []string
}

// PendingReviews finds the open catalog review a credential names, if any.
type PendingReviews interface {
	// FindPendingReview returns the open review of the credential, or nil.
	FindPendingReview(ctx context.Context, text, issuer string) (*PendingReview, error)
}
