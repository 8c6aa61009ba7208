package gormstore

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/gormstore/tables"
)

// bundleRow is a bundle of applications paid together.
type bundleRow struct {
	ID             string `gorm:"primaryKey"`
	CandidateID    int64
	ApplicationIDs []int64 `gorm:"serializer:json"`
	FeeKind        string
	FeeCents       int64
	FeeCurrency    string
	Payments       []tables.PaymentJSON `gorm:"serializer:json"`
	Version        int
	CreatedAt      time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt      time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy      string
}

func (bundleRow) TableName() string { return "application_bundles" }

func fromBundle(b *application.ApplicationBundle, change catalog.Change) bundleRow {
	return bundleRow{
		ID: b.ID, CandidateID: b.CandidateID, ApplicationIDs: tables.NonNilSlice(b.ApplicationIDs), FeeKind: string(b.FeeKind),
		FeeCents: b.FeeDue.Cents, FeeCurrency: b.FeeDue.Currency, Payments: tables.FromPayments(b.Payments), Version: b.Version,
		CreatedAt: b.CreatedAt, UpdatedAt: change.At, UpdatedBy: change.Actor,
	}
}

// toBundle reads a bundle; of the payments a migrated bundle copied from
// its first application it keeps those of the bundled fee.
func toBundle(r bundleRow) *application.ApplicationBundle {
	b := &application.ApplicationBundle{
		ID: r.ID, CandidateID: r.CandidateID, ApplicationIDs: tables.NonNilSlice(r.ApplicationIDs), FeeKind: catalog.FeeKind(r.FeeKind),
		FeeDue: catalog.Money{Cents: r.FeeCents, Currency: r.FeeCurrency}, Payments: tables.ToPayments(r.Payments),
		CreatedAt: r.CreatedAt.UTC(), Version: r.Version,
	}
	b.Payments = b.FeePayments()
	return b
}

// BundleByID returns the bundle of applications paid together, or nil.
func (s *Store) BundleByID(ctx context.Context, id string) (*application.ApplicationBundle, error) {
	var row bundleRow
	err := s.db.WithContext(ctx).Where("id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, mapError(err)
	}
	return toBundle(row), nil
}

// saveBundles stores the bundles the applications carry, each once, inside
// the applications' transaction: a bundle at version 1 is added, a later
// one updated when stored at the version before.
func saveBundles(tx *gorm.DB, apps []*application.Application, change catalog.Change) error {
	saved := map[string]bool{}
	for _, a := range apps {
		b := a.BundleChange
		if b == nil || saved[b.ID] {
			continue
		}
		saved[b.ID] = true
		row := fromBundle(b, change)
		if b.Version == 1 {
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
		} else {
			res := tx.Model(&bundleRow{}).Where("id = ? AND version = ?", b.ID, b.Version-1).
				Select("*").Omit("id", "candidate_id", "created_at").Updates(&row)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return &catalog.Error{Code: catalog.CodeConflict, Message: "the bundle was changed by someone else"}
			}
		}
		if err := audit(tx, change, "ApplicationBundle", b.ApplicationIDs[0], map[string]any{"bundle": b.ID, "version": b.Version, "paid": b.Paid().Cents}); err != nil {
			return err
		}
	}
	return nil
}
