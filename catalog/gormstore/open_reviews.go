package gormstore

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore/tables"
	"github.com/mssc/recert/catalog/review"
)

var _ catalog.OpenReviewStore = (*Store)(nil)

// openReviewsChannel is the PostgreSQL channel on which the triggers of
// migration 00009 announce every new version of the open reviews.
const openReviewsChannel = "recert_open_review_changes"

// openReviewStatuses are the statuses of a review waiting for a decision.
var openReviewStatuses = []string{string(review.ReviewPending), string(review.ReviewInformationRequested)}

type openReviewsStateRow struct {
	ID        int `gorm:"primaryKey"`
	Version   int64
	UpdatedAt time.Time
}

func (openReviewsStateRow) TableName() string { return "open_reviews_state" }

// OpenReviewsVersion returns the version of the open reviews, which the
// database's triggers move on with every change of a review or of its
// submitters.
func (s *Store) OpenReviewsVersion(ctx context.Context) (int64, error) {
	return openReviewsVersion(s.db.WithContext(ctx))
}

func openReviewsVersion(db *gorm.DB) (int64, error) {
	var st openReviewsStateRow
	if err := db.Take(&st, 1).Error; err != nil {
		return 0, mapError(err)
	}
	return st.Version, nil
}

// LoadOpenReviews reads the version of the open reviews, then every open
// review with its submitters: a change made in between moves the version
// on again, so the reviews are never older than the version says.
func (s *Store) LoadOpenReviews(ctx context.Context) (int64, []catalog.OpenReview, error) {
	db := s.db.WithContext(ctx)
	version, err := openReviewsVersion(db)
	if err != nil {
		return 0, nil, err
	}
	var rows []struct {
		ID                int64
		CertificationName string
		DueOn             time.Time
	}
	if err := db.Model(&tables.ReviewRow{}).Select("id, certification_name, due_on").Where("status IN ?", openReviewStatuses).Order("id").Find(&rows).Error; err != nil {
		return 0, nil, mapError(err)
	}
	var subs []tables.SubmitterRow
	err = db.Where("review_id IN (?)", db.Model(&tables.ReviewRow{}).Select("id").Where("status IN ?", openReviewStatuses)).
		Order("review_id, added_at, subject").Find(&subs).Error
	if err != nil {
		return 0, nil, mapError(err)
	}
	bySubmitted := map[int64][]string{}
	for _, sub := range subs {
		bySubmitted[sub.ReviewID] = append(bySubmitted[sub.ReviewID], sub.Subject)
	}
	out := make([]catalog.OpenReview, len(rows))
	for i, r := range rows {
		out[i] = catalog.OpenReview{ID: r.ID, Name: r.CertificationName, DueOn: catalog.DateOf(r.DueOn.UTC()), Submitters: bySubmitted[r.ID]}
	}
	return version, out, nil
}

// ListenOpenReviewChanges calls fn with every version of the open reviews
// any server process commits, until ctx ends, as ListenCatalogChanges
// does for the catalog: on PostgreSQL through its own listening
// connection, on SQLite within this process.
func (s *Store) ListenOpenReviewChanges(ctx context.Context, fn func(version int64)) {
	if s.dialect != DialectPostgres {
		remove := s.localReviews.add(fn)
		if v, err := s.OpenReviewsVersion(ctx); err == nil {
			fn(v)
		}
		<-ctx.Done()
		remove()
		return
	}
	s.listenChannel(ctx, openReviewsChannel, "SELECT version FROM open_reviews_state WHERE id = 1", fn)
}

// announceOpenReviews tells this process's listeners of the open reviews'
// new version on SQLite, which has no NOTIFY and serves one process.
func (s *Store) announceOpenReviews(ctx context.Context) {
	if s.dialect != DialectSQLite {
		return
	}
	if v, err := s.OpenReviewsVersion(context.WithoutCancel(ctx)); err == nil {
		s.localReviews.publish(v)
	}
}

// withinOpenReviewLimit refuses, inside tx, a new review whose submitter
// already has max open reviews. On PostgreSQL it first locks the open
// reviews' version row, so that concurrent submissions count one after
// the other; SQLite runs one transaction at a time.
func withinOpenReviewLimit(tx *gorm.DB, dialect Dialect, subject string, max int) error {
	if max <= 0 {
		return nil
	}
	if err := lockOpenReviews(tx, dialect); err != nil {
		return err
	}
	var open int64
	err := tx.Model(&tables.SubmitterRow{}).
		Joins("JOIN catalog_reviews ON catalog_reviews.id = catalog_review_submitters.review_id").
		Where("catalog_review_submitters.subject = ? AND catalog_reviews.status IN ?", subject, openReviewStatuses).
		Count(&open).Error
	if err != nil {
		return err
	}
	if open >= int64(max) {
		return review.OpenReviewLimitReached(max)
	}
	return nil
}

// lockOpenReviews takes the open reviews' version row first, on
// PostgreSQL, so that every transaction that writes reviews or their
// submissions takes its locks in one order (the version row, then the
// review) and none can deadlock on the version row its triggers bump.
func lockOpenReviews(tx *gorm.DB, dialect Dialect) error {
	if dialect != DialectPostgres {
		return nil
	}
	return tx.Exec("SELECT version FROM open_reviews_state WHERE id = 1 FOR UPDATE").Error
}
