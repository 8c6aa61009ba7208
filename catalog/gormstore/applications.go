package gormstore

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/gormstore/tables"
	"github.com/mssc/recert/catalog/points"
)

var _ application.ApplicationStore = (*Store)(nil)

const applicationScope = "applications:DUE_ON:ASC"

type applicationRow struct {
	ID               int64 `gorm:"primaryKey"`
	CandidateID      int64
	CandidateNumber  string
	Program          string
	CycleCertifiedOn time.Time
	CycleExpiresOn   time.Time
	Status           string
	SubmittedAt      *time.Time
	BundleID         string
	Reviewer         string
	DecisionDueOn    *time.Time
	DeniedOn         *time.Time
	NewExpiresOn     *time.Time
	FeeKind          string
	FeeCents         *int64
	FeeCurrency      string
	Activities       []tables.ActivityJSON `gorm:"serializer:json"`
	Payments         []tables.PaymentJSON  `gorm:"serializer:json"`
	DecidedBy        tables.DecidedByJSON  `gorm:"serializer:json"`
	DenialReasons    []string              `gorm:"serializer:json"`
	Extension        *tables.ExtensionJSON `gorm:"serializer:json"`
	Version          int
	CreatedAt        time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt        time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy        string
}

func (applicationRow) TableName() string { return "applications" }

// applicationEventRow is one event of an application's history, which is
// append-only and kept apart from the application so that a change adds
// its events without reading or rewriting the history.
type applicationEventRow struct {
	ID            int64 `gorm:"primaryKey"`
	ApplicationID int64
	At            time.Time
	Actor         string
	Action        string
	FromStatus    string
	ToStatus      string
	Reason        string
}

func (applicationEventRow) TableName() string { return "application_events" }

// eventsSaved ends a save of the applications: once the transaction
// committed (err is nil), their NewEvents are in their histories and are
// cleared, so that saving an application again does not add them twice.
// It returns err as the store reports errors.
func eventsSaved(err error, apps ...*application.Application) error {
	if err != nil {
		return mapError(err)
	}
	for _, a := range apps {
		a.NewEvents = nil
	}
	return nil
}

// appendEvents adds the events of the change being saved (each
// application's NewEvents) to the applications' histories.
func appendEvents(tx *gorm.DB, apps ...*application.Application) error {
	var rows []applicationEventRow
	for _, a := range apps {
		for _, e := range a.NewEvents {
			rows = append(rows, applicationEventRow{ApplicationID: a.ID, At: e.At, Actor: e.Actor, Action: string(e.Action),
				FromStatus: string(e.From), ToStatus: string(e.To), Reason: e.Reason})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return tx.Create(&rows).Error
}

type idempotencyRow struct {
	Subject     string `gorm:"primaryKey"`
	Key         string `gorm:"primaryKey"`
	Operation   string
	RequestHash string
	ResultID    int64
	CreatedAt   time.Time `gorm:"autoCreateTime:false"`
}

func (idempotencyRow) TableName() string { return "idempotency_keys" }

func timeOf(d *catalog.Date) *time.Time {
	if d == nil {
		return nil
	}
	t := d.Time()
	return &t
}

func fromApplication(a *application.Application, change catalog.Change) applicationRow {
	row := applicationRow{
		ID: a.ID, CandidateID: a.CandidateID, CandidateNumber: a.CandidateNumber, Program: string(a.Program),
		CycleCertifiedOn: a.Cycle.CertifiedOn.Time(), CycleExpiresOn: a.Cycle.ExpiresOn.Time(), Status: string(a.Status),
		SubmittedAt: a.SubmittedAt, BundleID: a.BundleID, Reviewer: a.Reviewer, DecisionDueOn: timeOf(a.DecisionDueOn),
		DeniedOn: timeOf(a.DeniedOn), NewExpiresOn: timeOf(a.NewExpiresOn), FeeKind: string(a.FeeKind),
		Activities: tables.FromActivities(a.Activities), Payments: tables.FromPayments(a.Payments),
		DecidedBy: tables.FromDecidedBy(a.DecidedBy), DenialReasons: tables.NonNilSlice(a.DenialReasons), Extension: tables.FromExtension(a.Extension),
		Version: a.Version, UpdatedAt: change.At, UpdatedBy: change.Actor,
	}
	if a.FeeDue != nil {
		cents := a.FeeDue.Cents
		row.FeeCents, row.FeeCurrency = &cents, a.FeeDue.Currency
	}
	return row
}

func toApplication(r applicationRow) *application.Application {
	a := &application.Application{
		ID: r.ID, CandidateID: r.CandidateID, CandidateNumber: r.CandidateNumber, Program: catalog.Program(r.Program),
		Cycle:  points.PointsCycle{CertifiedOn: catalog.DateOf(r.CycleCertifiedOn.UTC()), ExpiresOn: catalog.DateOf(r.CycleExpiresOn.UTC())},
		Status: application.ApplicationStatus(r.Status), BundleID: r.BundleID, Reviewer: r.Reviewer, FeeKind: catalog.FeeKind(r.FeeKind),
		Activities: tables.ToActivities(r.Activities), Payments: tables.ToPayments(r.Payments), DecidedBy: tables.ToDecidedBy(r.DecidedBy), DenialReasons: r.DenialReasons,
		Extension: tables.ToExtension(r.Extension), Version: r.Version,
		DecisionDueOn: tables.ToDate(r.DecisionDueOn), DeniedOn: tables.ToDate(r.DeniedOn), NewExpiresOn: tables.ToDate(r.NewExpiresOn),
	}
	if r.SubmittedAt != nil {
		t := r.SubmittedAt.UTC()
		a.SubmittedAt = &t
	}
	if r.FeeCents != nil {
		a.FeeDue = &catalog.Money{Cents: *r.FeeCents, Currency: r.FeeCurrency}
	}
	return a
}

// CreateApplication stores a new application, with its idempotency key.
func (s *Store) CreateApplication(ctx context.Context, a *application.Application, idem *application.IdempotencyKey, change catalog.Change) error {
	return eventsSaved(s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row := fromApplication(a, change)
		row.CreatedAt = change.At
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		a.ID = row.ID
		if err := appendEvents(tx, a); err != nil {
			return err
		}
		if idem != nil {
			idem.ResultID = a.ID
			if err := saveIdempotency(tx, idem, change); err != nil {
				return err
			}
		}
		return audit(tx, change, "Application", a.ID, map[string]any{"program": a.Program, "status": a.Status})
	}), a)
}

func saveIdempotency(tx *gorm.DB, idem *application.IdempotencyKey, change catalog.Change) error {
	return tx.Create(&idempotencyRow{Subject: idem.Subject, Key: idem.Key, Operation: idem.Operation,
		RequestHash: idem.RequestHash, ResultID: idem.ResultID, CreatedAt: change.At}).Error
}

// ApplicationByID returns the application, or nil.
func (s *Store) ApplicationByID(ctx context.Context, id int64) (*application.Application, error) {
	var row applicationRow
	err := s.db.WithContext(ctx).Take(&row, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, mapError(err)
	}
	return toApplication(row), nil
}

// ApplicationHistories returns the newest last events of each of the
// applications, oldest first, by application ID, in one statement. Each
// application's history is read from its newest kept event on, which the
// (application_id, id) index finds by counting last back from the newest,
// so that a long history costs what is returned, not its whole length.
func (s *Store) ApplicationHistories(ctx context.Context, ids []int64, last int) (map[int64][]*application.ApplicationEvent, error) {
	out := make(map[int64][]*application.ApplicationEvent, len(ids))
	if len(ids) == 0 || last < 1 {
		return out, nil
	}
	var rows []applicationEventRow
	err := s.db.WithContext(ctx).Raw(`SELECT e.* FROM application_events e
		JOIN (SELECT a.id, (SELECT x.id FROM application_events x WHERE x.application_id = a.id ORDER BY x.id DESC LIMIT 1 OFFSET ?) AS oldest_kept
		      FROM applications a WHERE a.id IN ?) k ON e.application_id = k.id
		WHERE e.id >= COALESCE(k.oldest_kept, 0)
		ORDER BY e.application_id, e.id`, last-1, ids).Scan(&rows).Error
	if err != nil {
		return nil, mapError(err)
	}
	for _, r := range rows {
		out[r.ApplicationID] = append(out[r.ApplicationID], toApplicationEvent(r))
	}
	return out, nil
}

// toApplicationEvent converts a stored event.
func toApplicationEvent(r applicationEventRow) *application.ApplicationEvent {
	return &application.ApplicationEvent{At: r.At.UTC(), Actor: r.Actor, Action: application.ApplicationAction(r.Action),
		From: application.ApplicationStatus(r.FromStatus), To: application.ApplicationStatus(r.ToStatus), Reason: r.Reason}
}

// ApplicationsOfCandidate returns a candidate's applications, newest first.
func (s *Store) ApplicationsOfCandidate(ctx context.Context, candidateID int64) ([]*application.Application, error) {
	var rows []applicationRow
	if err := s.db.WithContext(ctx).Where("candidate_id = ?", candidateID).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	return convertAll(rows, toApplication), nil
}

// PageApplications pages the applications by decision due date, then ID.
func (s *Store) PageApplications(ctx context.Context, f application.ApplicationFilter, req catalog.PageRequest) (catalog.Page[*application.Application], error) {
	base := func() *gorm.DB {
		q := s.db.WithContext(ctx).Model(&applicationRow{})
		if len(f.Statuses) > 0 {
			q = q.Where("status IN ?", tables.StringsOf(f.Statuses))
		}
		if f.DueBefore != nil {
			q = q.Where("decision_due_on <= ?", f.DueBefore.Time())
		}
		if f.Reviewer != "" {
			q = q.Where("reviewer = ?", f.Reviewer)
		}
		return q
	}
	load := func(rows []applicationRow) ([]*application.Application, error) {
		return convertAll(rows, toApplication), nil
	}
	return pageOf(base, req, keyset{scope: applicationScope}, load,
		func(a *application.Application) (string, int64) { return "", a.ID })
}

// UpdateApplications saves the applications under optimistic locking, with
// the held certifications and the idempotency key, in one transaction.
func (s *Store) UpdateApplications(ctx context.Context, apps []*application.Application, expected []int, held []candidate.HeldCertification, idem *application.IdempotencyKey, change catalog.Change) error {
	// Rows are locked in the order of their IDs, whatever the order given,
	// so that two transactions on the same pair (a bundle paid through
	// either application) wait for each other instead of deadlocking.
	order := make([]int, len(apps))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Compare(apps[x].ID, apps[y].ID) })
	return eventsSaved(s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, i := range order {
			a := apps[i]
			row := fromApplication(a, change)
			res := tx.Model(&applicationRow{}).Where("id = ? AND version = ?", a.ID, expected[i]).
				Select("*").Omit("id", "candidate_id", "created_at").Updates(&row)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return &catalog.Error{Code: catalog.CodeConflict, Message: "the application was changed by someone else"}
			}
			if err := appendEvents(tx, a); err != nil {
				return err
			}
			if err := audit(tx, change, "Application", a.ID, map[string]any{"status": a.Status, "version": a.Version}); err != nil {
				return err
			}
		}
		if err := saveBundles(tx, apps, change); err != nil {
			return err
		}
		for _, h := range held {
			if err := tx.Model(&tables.HeldRow{}).Where("id = ?", h.ID).Updates(map[string]any{
				"certified_on": h.CertifiedOn.Time(), "expires_on": h.ExpiresOn.Time(), "extended_from": timeOf(h.ExtendedFrom),
				"updated_at": change.At, "updated_by": change.Actor,
			}).Error; err != nil {
				return err
			}
		}
		if _, err := saveNotifications(tx, change.Notify); err != nil {
			return err
		}
		if idem != nil {
			return saveIdempotency(tx, idem, change)
		}
		return nil
	}), apps...)
}

// IdempotentResult returns the stored use of a key, or nil.
func (s *Store) IdempotentResult(ctx context.Context, subject, key string) (*application.IdempotencyKey, error) {
	var row idempotencyRow
	err := s.db.WithContext(ctx).Where("subject = ? AND key = ?", subject, key).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, mapError(err)
	}
	return &application.IdempotencyKey{Subject: row.Subject, Key: row.Key, Operation: row.Operation, RequestHash: row.RequestHash, ResultID: row.ResultID}, nil
}

// ExpiringCertifications returns the held certifications expiring between
// the two days, soonest first.
func (s *Store) ExpiringCertifications(ctx context.Context, from, to catalog.Date) ([]application.ExpiringCertification, error) {
	var held []tables.HeldRow
	if err := s.db.WithContext(ctx).Where("expires_on >= ? AND expires_on <= ?", from.Time(), to.Time()).Order("expires_on, id").Find(&held).Error; err != nil {
		return nil, mapError(err)
	}
	ids := make([]int64, len(held))
	for i, h := range held {
		ids[i] = h.CandidateID
	}
	var rows []tables.CandidateRow
	if err := s.db.WithContext(ctx).Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	cands, err := s.withHeld(ctx, rows)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*candidate.Candidate{}
	for _, c := range cands {
		byID[c.ID] = c
	}
	out := []application.ExpiringCertification{}
	for _, h := range held {
		out = append(out, application.ExpiringCertification{Candidate: byID[h.CandidateID], Held: tables.ToHeld(h)})
	}
	return out, nil
}
