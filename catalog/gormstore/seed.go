package gormstore

import (
	"context"
	"encoding/json"
	"reflect"
	"time"

	"gorm.io/gorm"

	"github.com/mssc/recert/catalog"
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
		orgs := make([]organizationRow, len(data.Organizations))
		for i, o := range data.Organizations {
			orgs[i] = fromOrganization(o)
		}
		if err := upsertByKey(tx, orgs, func(r *organizationRow) string { return r.Key },
			func(want, have *organizationRow) {
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
			return tx.Create(&changeRow{
				OccurredAt: time.Now().UTC(), Actor: "seed", Action: "seed.apply", EntityType: "Catalog",
				After: string(summary), Reason: "seed data transcribed from the MSSC Recertification guide", CatalogVersion: v,
			}).Error
		}
		var st catalogStateRow
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
	activities := convertAll(data.KeyActivities, fromKeyActivity)
	if err := upsertByKey(tx, activities, func(r *keyActivityRow) string { return r.Key },
		func(w, h *keyActivityRow) { w.ID = h.ID }, rep); err != nil {
		return err
	}
	fields := make([]fieldRow, len(data.Fields))
	for i, f := range data.Fields {
		fields[i] = fromField(f, i)
	}
	if err := upsertByKey(tx, fields, func(r *fieldRow) string { return r.Key },
		func(w, h *fieldRow) { w.ID, w.OnetSocCodes = h.ID, h.OnetSocCodes }, rep); err != nil {
		return err
	}
	types := make([]activityTypeRow, len(data.ActivityTypes))
	for i, a := range data.ActivityTypes {
		types[i] = fromActivityType(a, i)
	}
	if err := upsertByKey(tx, types, func(r *activityTypeRow) string { return r.Key },
		func(w, h *activityTypeRow) { w.ID = h.ID }, rep); err != nil {
		return err
	}
	bands := make([]employmentBandRow, len(data.EmploymentBands))
	for i, b := range data.EmploymentBands {
		bands[i] = fromEmploymentBand(b, i)
	}
	if err := upsertByKey(tx, bands, func(r *employmentBandRow) string { return r.Key },
		func(w, h *employmentBandRow) { w.ID = h.ID }, rep); err != nil {
		return err
	}
	fees := make([]feeRow, len(data.Fees))
	for i, f := range data.Fees {
		fees[i] = fromFee(f, i)
	}
	if err := upsertByKey(tx, fees, func(r *feeRow) string { return r.Key },
		func(w, h *feeRow) { w.ID = h.ID }, rep); err != nil {
		return err
	}
	rules := convertAll(data.Rules, fromRule)
	return upsertByKey(tx, rules, func(r *ruleRow) string { return r.Key },
		func(w, h *ruleRow) { w.ID = h.ID }, rep)
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
		orgs     []organizationRow
		have     []certificationRow
		bases    []basisRow
		programs []programRow
		aliases  []aliasRow
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
	byKey := make(map[string]*certificationRow, len(have))
	for i := range have {
		byKey[have[i].Key] = &have[i]
	}
	children := groupChildren(bases, programs, aliases)
	for _, c := range certs {
		orgID, ok := orgIDs[c.OrganizationKey]
		if !ok {
			return catalog.Invalid("organization", "certification %q names unknown organization %q", c.Key, c.OrganizationKey)
		}
		row, want := fromCertification(c, orgID)
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

func withCertificationID(ch certificationChildren, id int64) certificationChildren {
	for i := range ch.bases {
		ch.bases[i].CertificationID = id
	}
	for i := range ch.programs {
		ch.programs[i].CertificationID = id
	}
	for i := range ch.aliases {
		ch.aliases[i].CertificationID = id
	}
	return ch
}

// nonNil makes empty child lists comparable whether they were read or built.
func nonNil(ch certificationChildren) certificationChildren {
	if ch.bases == nil {
		ch.bases = []basisRow{}
	}
	if ch.programs == nil {
		ch.programs = []programRow{}
	}
	if ch.aliases == nil {
		ch.aliases = []aliasRow{}
	}
	return ch
}

func writeChildren(tx *gorm.DB, certID int64, ch certificationChildren) error {
	ch = withCertificationID(ch, certID)
	if len(ch.bases) > 0 {
		if err := tx.Create(&ch.bases).Error; err != nil {
			return err
		}
	}
	if len(ch.programs) > 0 {
		if err := tx.Create(&ch.programs).Error; err != nil {
			return err
		}
	}
	if len(ch.aliases) > 0 {
		if err := tx.Create(&ch.aliases).Error; err != nil {
			return err
		}
	}
	return nil
}

func replaceChildren(tx *gorm.DB, certID int64, ch certificationChildren) error {
	for _, model := range []any{&basisRow{}, &programRow{}, &aliasRow{}} {
		if err := tx.Where("certification_id = ?", certID).Delete(model).Error; err != nil {
			return err
		}
	}
	return writeChildren(tx, certID, ch)
}
