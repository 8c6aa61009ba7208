package gormstore

import (
	"context"
	"encoding/json"
	"reflect"
	"time"

	"gorm.io/gorm"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore/tables"
)

var _ catalog.SeedStore = (*Store)(nil)

// ApplySeed writes the seed in one transaction: each entry is inserted, or
// updated by its stable key when its stored values differ. A catalog
// entry's status and approval and retirement dates belong to staff once it
// exists, so the seed sets them only on insert. The richer fields (a
// certification's description, issuer's page, CTID and renewal period, an
// organization's CTID, a field's O*NET-SOC codes) belong to staff always;
// only a renewal period the seed states replaces the stored one.
func (s *Store) ApplySeed(ctx context.Context, data *catalog.Data) (catalog.SeedReport, error) {
	var rep catalog.SeedReport
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		orgs := make([]tables.OrganizationRow, len(data.Organizations))
		for i, o := range data.Organizations {
			orgs[i] = tables.FromOrganization(o)
		}
		if err := upsertByKey(tx, orgs, func(r *tables.OrganizationRow) string { return r.Key },
			func(want, have *tables.OrganizationRow) {
				want.ID, want.CreatedAt, want.UpdatedAt = have.ID, have.CreatedAt, have.UpdatedAt
				want.CTID = have.CTID
			}, &rep); err != nil {
			return err
		}
		if err := upsertCertifications(tx, data.Certifications, &rep); err != nil {
			return err
		}
		if err := upsertReference(tx, data, &rep); err != nil {
			return err
		}
		if err := seedSynonyms(tx, data.Synonyms, &rep); err != nil {
			return err
		}
		if rep.Inserted+rep.Updated > 0 {
			v, err := s.nextVersion(tx)
			if err != nil {
				return err
			}
			rep.Version = v
			summary, _ := json.Marshal(map[string]int{"inserted": rep.Inserted, "updated": rep.Updated, "unchanged": rep.Unchanged})
			return tx.Create(&tables.ChangeRow{
				OccurredAt: time.Now().UTC(), Actor: "seed", Action: "seed.apply", EntityType: "Catalog",
				After: string(summary), Reason: "seed data transcribed from the MSSC Recertification guide", CatalogVersion: v,
			}).Error
		}
		var st tables.CatalogStateRow
		if err := tx.Take(&st, 1).Error; err != nil {
			return err
		}
		rep.Version = st.Version
		return nil
	})
	if err == nil && rep.Inserted+rep.Updated > 0 {
		s.announce(rep.Version)
	}
	return rep, mapError(err)
}

func upsertReference(tx *gorm.DB, data *catalog.Data, rep *catalog.SeedReport) error {
	activities := convertAll(data.KeyActivities, tables.FromKeyActivity)
	if err := upsertByKey(tx, activities, func(r *tables.KeyActivityRow) string { return r.Key },
		func(w, h *tables.KeyActivityRow) { w.ID = h.ID }, rep); err != nil {
		return err
	}
	fields := make([]tables.FieldRow, len(data.Fields))
	for i, f := range data.Fields {
		fields[i] = tables.FromField(f, i)
	}
	if err := upsertByKey(tx, fields, func(r *tables.FieldRow) string { return r.Key },
		func(w, h *tables.FieldRow) { w.ID, w.OnetSocCodes = h.ID, h.OnetSocCodes }, rep); err != nil {
		return err
	}
	types := make([]tables.ActivityTypeRow, len(data.ActivityTypes))
	for i, a := range data.ActivityTypes {
		types[i] = tables.FromActivityType(a, i)
	}
	if err := upsertByKey(tx, types, func(r *tables.ActivityTypeRow) string { return r.Key },
		func(w, h *tables.ActivityTypeRow) { w.ID = h.ID }, rep); err != nil {
		return err
	}
	bands := make([]tables.EmploymentBandRow, len(data.EmploymentBands))
	for i, b := range data.EmploymentBands {
		bands[i] = tables.FromEmploymentBand(b, i)
	}
	if err := upsertByKey(tx, bands, func(r *tables.EmploymentBandRow) string { return r.Key },
		func(w, h *tables.EmploymentBandRow) { w.ID = h.ID }, rep); err != nil {
		return err
	}
	fees := make([]tables.FeeRow, len(data.Fees))
	for i, f := range data.Fees {
		fees[i] = tables.FromFee(f, i)
	}
	if err := upsertByKey(tx, fees, func(r *tables.FeeRow) string { return r.Key },
		func(w, h *tables.FeeRow) { w.ID = h.ID }, rep); err != nil {
		return err
	}
	rules := convertAll(data.Rules, tables.FromRule)
	return upsertByKey(tx, rules, func(r *tables.RuleRow) string { return r.Key },
		func(w, h *tables.RuleRow) { w.ID = h.ID }, rep)
}

// upsertByKey inserts each wanted row whose key is not stored and saves each
// one whose stored values differ. adopt copies the identity and the
// store-managed columns of the stored row into the wanted one, so that the
// comparison sees only what the seed controls.
func upsertByKey[R any](tx *gorm.DB, want []R, key func(*R) string, adopt func(want, have *R), rep *catalog.SeedReport) error {
	var have []R
	if err := tx.Find(&have).Error; err != nil {
		return err
	}
	byKey := make(map[string]*R, len(have))
	for i := range have {
		byKey[key(&have[i])] = &have[i]
	}
	for i := range want {
		w := &want[i]
		h, ok := byKey[key(w)]
		if !ok {
			if err := tx.Create(w).Error; err != nil {
				return err
			}
			rep.Inserted++
			continue
		}
		adopt(w, h)
		if reflect.DeepEqual(w, h) {
			rep.Unchanged++
			continue
		}
		if err := tx.Save(w).Error; err != nil {
			return err
		}
		rep.Updated++
	}
	return nil
}

func upsertCertifications(tx *gorm.DB, certs []catalog.Certification, rep *catalog.SeedReport) error {
	var (
		orgs     []tables.OrganizationRow
		have     []tables.CertificationRow
		bases    []tables.BasisRow
		programs []tables.ProgramRow
		aliases  []tables.AliasRow
	)
	for _, q := range []struct {
		dest  any
		order string
	}{
		{&orgs, "id"}, {&have, "id"}, {&bases, "certification_id, basis"},
		{&programs, "certification_id, program"}, {&aliases, "certification_id, position"},
	} {
		if err := tx.Order(q.order).Find(q.dest).Error; err != nil {
			return err
		}
	}
	orgIDs := make(map[string]int64, len(orgs))
	for _, o := range orgs {
		orgIDs[o.Key] = o.ID
	}
	byKey := make(map[string]*tables.CertificationRow, len(have))
	for i := range have {
		byKey[have[i].Key] = &have[i]
	}
	children := groupChildren(bases, programs, aliases)
	for _, c := range certs {
		orgID, ok := orgIDs[c.OrganizationKey]
		if !ok {
			return catalog.Invalid("organization", "certification %q names unknown organization %q", c.Key, c.OrganizationKey)
		}
		row, want := tables.FromCertification(c, orgID)
		h := byKey[c.Key]
		if h == nil {
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			if err := writeChildren(tx, row.ID, want); err != nil {
				return err
			}
			rep.Inserted++
			continue
		}
		row.ID, row.CreatedAt, row.UpdatedAt = h.ID, h.CreatedAt, h.UpdatedAt
		row.Status, row.ApprovedOn, row.RetiredOn = h.Status, h.ApprovedOn, h.RetiredOn
		row.Description, row.URL, row.CTID = h.Description, h.URL, h.CTID
		if row.RenewalPeriodMonths == 0 {
			row.RenewalPeriodMonths = h.RenewalPeriodMonths
		}
		want = withCertificationID(want, h.ID)
		sameRow := reflect.DeepEqual(&row, h)
		sameChildren := reflect.DeepEqual(nonNil(want), nonNil(children[h.ID]))
		if sameRow && sameChildren {
			rep.Unchanged++
			continue
		}
		if !sameRow {
			if err := tx.Save(&row).Error; err != nil {
				return err
			}
		}
		if !sameChildren {
			if err := replaceChildren(tx, h.ID, want); err != nil {
				return err
			}
		}
		rep.Updated++
	}
	return nil
}

func withCertificationID(ch tables.CertificationChildren, id int64) tables.CertificationChildren {
	for i := range ch.Bases {
		ch.Bases[i].CertificationID = id
	}
	for i := range ch.Programs {
		ch.Programs[i].CertificationID = id
	}
	for i := range ch.Aliases {
		ch.Aliases[i].CertificationID = id
	}
	return ch
}

// nonNil makes empty child lists comparable whether they were read or built.
func nonNil(ch tables.CertificationChildren) tables.CertificationChildren {
	if ch.Bases == nil {
		ch.Bases = []tables.BasisRow{}
	}
	if ch.Programs == nil {
		ch.Programs = []tables.ProgramRow{}
	}
	if ch.Aliases == nil {
		ch.Aliases = []tables.AliasRow{}
	}
	return ch
}

func writeChildren(tx *gorm.DB, certID int64, ch tables.CertificationChildren) error {
	ch = withCertificationID(ch, certID)
	if len(ch.Bases) > 0 {
		if err := tx.Create(&ch.Bases).Error; err != nil {
			return err
		}
	}
	if len(ch.Programs) > 0 {
		if err := tx.Create(&ch.Programs).Error; err != nil {
			return err
		}
	}
	if len(ch.Aliases) > 0 {
		if err := tx.Create(&ch.Aliases).Error; err != nil {
			return err
		}
	}
	return nil
}

func replaceChildren(tx *gorm.DB, certID int64, ch tables.CertificationChildren) error {
	for _, model := range []any{&tables.BasisRow{}, &tables.ProgramRow{}, &tables.AliasRow{}} {
		if err := tx.Where("certification_id = ?", certID).Delete(model).Error; err != nil {
			return err
		}
	}
	return writeChildren(tx, certID, ch)
}
