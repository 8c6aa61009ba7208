package gormstore

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore/tables"
	"github.com/mssc/recert/catalog/review"
)

var _ review.ReviewStore = (*Store)(nil)

const reviewScope = "catalog-reviews:DUE_ON:ASC"

// reviewKey identifies the same certification of the same body; the
// store keeps at most one open review per key.
func reviewKey(r *review.CatalogReview) string {
	return strings.ToLower(strings.Join(strings.Fields(r.CertificationName), " ")) + "|" +
		strings.ToLower(strings.Join(strings.Fields(r.Organization.Name), " "))
}

func fromReview(r *review.CatalogReview, change catalog.Change) tables.ReviewRow {
	row := tables.ReviewRow{
		ID: r.ID, ReviewKey: reviewKey(r), SubmissionColumns: tables.FromSubmission(r.SubmittedCertification, r.Copy), Flags: tables.FromFlags(r.Flags),
		Status: string(r.Status), SubmittedAt: r.SubmittedAt, DueOn: r.DueOn.Time(), Assignee: r.Assignee,
		PausedAt: r.PausedAt, PausedDays: r.PausedDays, InformationRequest: r.InformationRequest, InformationResponse: r.InformationResponse,
		Version: r.Version, UpdatedAt: change.At, UpdatedBy: change.Actor,
	}
	if d := r.Decision; d != nil {
		row.DecisionReason, row.DecisionMessage, row.DecidedBy = string(d.Reason), d.Message, d.DecidedBy
		at := d.DecidedAt
		row.DecidedAt = &at
		if d.CertificationID != 0 {
			id := d.CertificationID
			row.CertificationID = &id
		}
	}
	return row
}

func toReview(row tables.ReviewRow, submitters []review.ReviewSubmitter) *review.CatalogReview {
	r := &review.CatalogReview{
		ID: row.ID, Status: review.ReviewStatus(row.Status), SubmittedAt: row.SubmittedAt.UTC(), DueOn: catalog.DateOf(row.DueOn.UTC()),
		Assignee: row.Assignee, PausedDays: row.PausedDays, Flags: tables.ToFlags(row.Flags), Submitters: submitters,
		InformationRequest: row.InformationRequest, InformationResponse: row.InformationResponse, Version: row.Version,
	}
	r.SubmittedCertification, r.Copy = tables.ToSubmission(row.SubmissionColumns)
	if row.PausedAt != nil {
		t := row.PausedAt.UTC()
		r.PausedAt = &t
	}
	if row.DecidedAt != nil {
		r.Decision = &review.ReviewDecision{
			Outcome: r.Status, Reason: review.RejectionReason(row.DecisionReason), Message: row.DecisionMessage,
			DecidedBy: row.DecidedBy, DecidedAt: row.DecidedAt.UTC(),
		}
		if row.CertificationID != nil {
			r.Decision.CertificationID = *row.CertificationID
		}
	}
	return r
}

func fromSubmitter(reviewID int64, s review.ReviewSubmitter) tables.SubmitterRow {
	return tables.SubmitterRow{
		ReviewID: reviewID, Subject: s.Subject, CandidateNumber: s.CandidateNumber, AddedAt: s.AddedAt,
		SubmissionColumns:   tables.FromSubmission(s.SubmittedCertification, s.Copy),
		InformationResponse: s.InformationResponse, RespondedAt: s.RespondedAt,
	}
}

func toSubmitter(row tables.SubmitterRow) review.ReviewSubmitter {
	s := review.ReviewSubmitter{
		Subject: row.Subject, CandidateNumber: row.CandidateNumber, AddedAt: row.AddedAt.UTC(), InformationResponse: row.InformationResponse,
	}
	s.SubmittedCertification, s.Copy = tables.ToSubmission(row.SubmissionColumns)
	if row.RespondedAt != nil {
		t := row.RespondedAt.UTC()
		s.RespondedAt = &t
	}
	return s
}

// withSubmitters converts review rows, loading their submitters in one statement.
func (s *Store) withSubmitters(ctx context.Context, rows []tables.ReviewRow) ([]*review.CatalogReview, error) {
	submitters, err := childrenOf(ctx, s, rows, func(r tables.ReviewRow) int64 { return r.ID },
		"review_id", "review_id, added_at, subject", func(sub tables.SubmitterRow) int64 { return sub.ReviewID }, toSubmitter)
	if err != nil {
		return nil, err
	}
	out := make([]*review.CatalogReview, 0, len(rows))
	for _, r := range rows {
		out = append(out, toReview(r, submitters[r.ID]))
	}
	return out, nil
}

// CreateReview stores a new review with its first submitter, and the
// notifications notify builds once the review has its ID.
func (s *Store) CreateReview(ctx context.Context, r *review.CatalogReview, change catalog.Change, notify func(*review.CatalogReview) []catalog.Notification, maxOpenPerSubmitter int) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if len(r.Submitters) > 0 {
			if err := withinOpenReviewLimit(tx, s.dialect, r.Submitters[0].Subject, maxOpenPerSubmitter); err != nil {
				return err
			}
		}
		row := fromReview(r, change)
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		r.ID = row.ID
		if err := saveSubmitters(tx, r); err != nil {
			return err
		}
		if _, err := saveNotifications(tx, append(change.Notify, notify(r)...)); err != nil {
			return err
		}
		return audit(tx, change, "CatalogReview", r.ID, map[string]any{"certificationName": r.CertificationName, "status": r.Status})
	})
	if err != nil {
		return mapError(err)
	}
	s.announceOpenReviews(ctx)
	return nil
}

// saveSubmitters writes every submission of the review: a new one is
// added, an existing one keeps when it was added and takes its answer.
func saveSubmitters(tx *gorm.DB, r *review.CatalogReview) error {
	for _, sub := range r.Submitters {
		row := fromSubmitter(r.ID, sub)
		err := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "review_id"}, {Name: "subject"}},
			DoUpdates: clause.AssignmentColumns([]string{"information_response", "responded_at"}),
		}).Create(&row).Error
		if err != nil {
			return err
		}
	}
	return nil
}

// JoinReview adds a submission to an open review. The version update
// takes the review's row lock first, so concurrent joins queue up instead
// of failing, and a decision taken meanwhile is seen.
func (s *Store) JoinReview(ctx context.Context, reviewID int64, sub review.ReviewSubmitter, change catalog.Change) (bool, error) {
	joined := false
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := lockOpenReviews(tx, s.dialect); err != nil {
			return err
		}
		res := tx.Model(&tables.ReviewRow{}).Where("id = ? AND status IN ?", reviewID, []string{"PENDING", "INFORMATION_REQUESTED"}).
			Updates(map[string]any{"version": gorm.Expr("version + 1"), "updated_at": change.At, "updated_by": change.Actor})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		row := fromSubmitter(reviewID, sub)
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
			return err
		}
		joined = true
		if _, err := saveNotifications(tx, change.Notify); err != nil {
			return err
		}
		return audit(tx, change, "CatalogReview", reviewID, map[string]any{"submitter": sub.Subject})
	})
	if err != nil {
		return false, mapError(err)
	}
	if joined {
		s.announceOpenReviews(ctx)
	}
	return joined, nil
}

// ReviewByID returns the review, or nil.
func (s *Store) ReviewByID(ctx context.Context, id int64) (*review.CatalogReview, error) {
	return takeByID(ctx, s, id, s.withSubmitters)
}

// OpenReviews returns every review still waiting for a decision.
func (s *Store) OpenReviews(ctx context.Context) ([]*review.CatalogReview, error) {
	var rows []tables.ReviewRow
	if err := s.db.WithContext(ctx).Where("status IN ?", []string{"PENDING", "INFORMATION_REQUESTED"}).Order("id").Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	return s.withSubmitters(ctx, rows)
}

// ReviewsWithFile returns the reviews the uploaded file belongs to, as the
// review's copy or a submitter's.
func (s *Store) ReviewsWithFile(ctx context.Context, key string) ([]*review.CatalogReview, error) {
	var rows []tables.ReviewRow
	bySubmitter := s.db.Model(&tables.SubmitterRow{}).Select("review_id").Where("file_key = ?", key)
	if err := s.db.WithContext(ctx).Where("file_key = ? OR id IN (?)", key, bySubmitter).Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	return s.withSubmitters(ctx, rows)
}

// ReviewsSubmittedBy returns the reviews the subject submitted, newest first.
func (s *Store) ReviewsSubmittedBy(ctx context.Context, subject string) ([]*review.CatalogReview, error) {
	var rows []tables.ReviewRow
	err := s.db.WithContext(ctx).Where("id IN (?)", s.db.Model(&tables.SubmitterRow{}).Select("review_id").Where("subject = ?", subject)).
		Order("submitted_at DESC, id DESC").Find(&rows).Error
	if err != nil {
		return nil, mapError(err)
	}
	return s.withSubmitters(ctx, rows)
}

// PageReviews pages the reviews by due date, then ID.
func (s *Store) PageReviews(ctx context.Context, f review.ReviewFilter, req catalog.PageRequest) (catalog.Page[*review.CatalogReview], error) {
	statuses := tables.StringsOf(f.Statuses)
	if len(statuses) == 0 {
		statuses = []string{"PENDING", "INFORMATION_REQUESTED"}
	}
	base := func() *gorm.DB {
		q := s.db.WithContext(ctx).Model(&tables.ReviewRow{}).Where("status IN ?", statuses)
		if f.DueBefore != nil {
			q = q.Where("due_on <= ?", f.DueBefore.Time())
		}
		switch f.Assignee {
		case "":
		case "-":
			q = q.Where("assignee = ''")
		default:
			q = q.Where("assignee = ?", f.Assignee)
		}
		return q
	}
	dueOn := func(c *catalog.Cursor) (any, error) {
		d, err := catalog.ParseDate(c.Key)
		if err != nil {
			return nil, catalog.Invalid("after", "not a valid cursor")
		}
		return d.Time(), nil
	}
	load := func(rows []tables.ReviewRow) ([]*review.CatalogReview, error) { return s.withSubmitters(ctx, rows) }
	return pageOf(base, req, keyset{scope: reviewScope, column: "due_on", key: dueOn}, load,
		func(r *review.CatalogReview) (string, int64) { return r.DueOn.String(), r.ID })
}

// UpdateReview saves the review if its stored version is expected; the
// row's lock makes concurrent decisions wait, and the loser finds another
// version and gets CONFLICT. The catalog edit, if any, is written in the
// same transaction.
func (s *Store) UpdateReview(ctx context.Context, r *review.CatalogReview, expected int, change catalog.Change, edit *review.CatalogEdit) error {
	var version int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := lockOpenReviews(tx, s.dialect); err != nil {
			return err
		}
		row := fromReview(r, change)
		res := tx.Model(&tables.ReviewRow{}).Where("id = ? AND version = ?", r.ID, expected).Select("*").Omit("id", "submitted_at").Updates(&row)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return &catalog.Error{Code: catalog.CodeConflict, Message: "the review was changed by someone else"}
		}
		if err := saveSubmitters(tx, r); err != nil {
			return err
		}
		if edit != nil {
			v, err := s.editCatalog(tx, edit)
			if err != nil {
				return err
			}
			version = v
			if edit.Certification != nil && r.Decision != nil {
				r.Decision.CertificationID = edit.Certification.ID
				if err := tx.Model(&tables.ReviewRow{}).Where("id = ?", r.ID).Update("certification_id", edit.Certification.ID).Error; err != nil {
					return err
				}
			}
		}
		if _, err := saveNotifications(tx, change.Notify); err != nil {
			return err
		}
		return audit(tx, change, "CatalogReview", r.ID, map[string]any{"status": r.Status, "version": r.Version, "assignee": r.Assignee})
	})
	if err != nil {
		return mapError(err)
	}
	if version != 0 {
		s.announce(version)
	}
	s.announceOpenReviews(ctx)
	return nil
}

// EditCatalog writes one catalog change, its history and a new version.
func (s *Store) EditCatalog(ctx context.Context, edit *review.CatalogEdit) error {
	var version int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := s.editCatalog(tx, edit)
		version = v
		return err
	})
	if err != nil {
		return mapError(err)
	}
	s.announce(version)
	return nil
}

// EditCatalogBatch writes the changes in one transaction at one new
// catalog version; the version is claimed first, only if it is still the
// expected one, which also makes concurrent writers wait for the row.
func (s *Store) EditCatalogBatch(ctx context.Context, expected int64, edits []*review.CatalogEdit) (int64, error) {
	var version int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&tables.CatalogStateRow{}).Where("id = ? AND version = ?", 1, expected).
			Updates(map[string]any{"version": gorm.Expr("version + 1"), "updated_at": time.Now().UTC()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return &catalog.Error{Code: catalog.CodeConflict, Message: "the catalog changed since the preview"}
		}
		version = expected + 1
		for _, edit := range edits {
			if err := writeEdit(tx, edit, version); err != nil {
				return err
			}
		}
		return s.notify(tx, version)
	})
	if err != nil {
		return 0, mapError(err)
	}
	s.announce(version)
	return version, nil
}

// editCatalog writes the edit at a new catalog version announced on commit.
func (s *Store) editCatalog(tx *gorm.DB, edit *review.CatalogEdit) (int64, error) {
	version, err := s.nextVersion(tx)
	if err != nil {
		return 0, err
	}
	return version, writeEdit(tx, edit, version)
}

// writeEdit writes the organization and certification of the edit and
// its history row at the given catalog version. A new certification of a
// new organization written by an earlier edit finds it by its key.
func writeEdit(tx *gorm.DB, edit *review.CatalogEdit, version int64) error {
	entityID := int64(0)
	if o := edit.Organization; o != nil {
		row := tables.FromOrganization(*o)
		if o.ID == 0 {
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			o.ID = row.ID
		} else if err := tx.Model(&tables.OrganizationRow{}).Where("id = ?", o.ID).
			Updates(map[string]any{"name": o.Name, "acronym": o.Acronym, "url": o.URL, "description": o.Description, "ce_ctid": o.CTID, "updated_at": edit.Change.At}).Error; err != nil {
			return err
		}
		entityID = o.ID
	}
	if c := edit.Certification; c != nil {
		if c.OrganizationID == 0 && edit.Organization != nil {
			c.OrganizationID = edit.Organization.ID
		}
		if c.OrganizationID == 0 {
			var org tables.OrganizationRow
			if err := tx.Where("key = ?", c.OrganizationKey).Take(&org).Error; err != nil {
				return err
			}
			c.OrganizationID = org.ID
		}
		row, children := tables.FromCertification(*c, c.OrganizationID)
		if c.ID == 0 {
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			c.ID = row.ID
			c.Provenance.AddedAt = row.CreatedAt.UTC()
			if err := writeChildren(tx, c.ID, children); err != nil {
				return err
			}
		} else {
			if err := tx.Model(&tables.CertificationRow{}).Where("id = ?", c.ID).Select("*").Omit("id", "key", "created_at", "provenance_source", "provenance_reference").Updates(&row).Error; err != nil {
				return err
			}
			if err := replaceChildren(tx, c.ID, children); err != nil {
				return err
			}
		}
		entityID = c.ID
	}
	if f := edit.Field; f != nil {
		codes, err := json.Marshal(tables.NonNilSlice(f.OnetSocCodes))
		if err != nil {
			return err
		}
		if err := tx.Model(&tables.FieldRow{}).Where("id = ?", f.ID).Update("onet_soc_codes", string(codes)).Error; err != nil {
			return err
		}
		entityID = f.ID
	}
	if sy := edit.Synonym; sy != nil {
		id, err := writeSynonym(tx, sy, edit.Change.At)
		if err != nil {
			return err
		}
		entityID = id
	}
	change := tables.ChangeRow{
		OccurredAt: edit.Change.At, Actor: edit.Change.Actor, Action: edit.Change.Action, EntityType: edit.EntityType,
		EntityID: entityID, Before: edit.Before, After: edit.After, Reason: edit.Change.Reason, CatalogVersion: version,
	}
	if edit.ReviewID != 0 {
		id := edit.ReviewID
		change.ReviewID = &id
	}
	return tx.Create(&change).Error
}

// CatalogHistory pages the recorded catalog changes, newest first.
func (s *Store) CatalogHistory(ctx context.Context, f review.HistoryFilter, req catalog.PageRequest) (catalog.Page[*review.CatalogChange], error) {
	base := func() *gorm.DB {
		q := s.db.WithContext(ctx).Model(&tables.ChangeRow{})
		if f.EntityID != 0 {
			q = q.Where("entity_type = ? AND entity_id = ?", f.EntityType, f.EntityID)
		}
		if f.From != nil {
			q = q.Where("occurred_at >= ?", *f.From)
		}
		if f.To != nil {
			q = q.Where("occurred_at < ?", *f.To)
		}
		return q
	}
	load := func(rows []tables.ChangeRow) ([]*review.CatalogChange, error) { return convertAll(rows, toChange), nil }
	return pageOf(base, req, keyset{scope: "catalog-history:ID:DESC", newestFirst: true}, load,
		func(c *review.CatalogChange) (string, int64) { return strconv.FormatInt(c.ID, 10), c.ID })
}

func toChange(r tables.ChangeRow) *review.CatalogChange {
	c := &review.CatalogChange{
		ID: r.ID, At: r.OccurredAt.UTC(), Actor: r.Actor, Action: r.Action, EntityType: r.EntityType, EntityID: r.EntityID,
		Before: r.Before, After: r.After, Reason: r.Reason, Version: r.CatalogVersion,
	}
	if r.ReviewID != nil {
		c.ReviewID = *r.ReviewID
	}
	return c
}
