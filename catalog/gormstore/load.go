package gormstore

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
	"gorm.io/plugin/dbresolver"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore/tables"
	"github.com/mssc/recert/internal/primaryread"
)

var _ catalog.Store = (*Store)(nil)

// CatalogVersion returns the current catalog version.
func (s *Store) CatalogVersion(ctx context.Context) (int64, error) {
	// The version is read from the primary: it decides whether the
	// snapshot is current, which a lagging replica cannot tell.
	var st tables.CatalogStateRow
	if err := s.db.WithContext(primaryread.With(ctx)).Take(&st, 1).Error; err != nil {
		return 0, mapError(err)
	}
	return st.Version, nil
}

// readTx runs fn in a read-only transaction that sees one consistent state
// of the database.
func (s *Store) readTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.dialect == DialectPostgres {
		opts.Isolation = sql.LevelRepeatableRead
	} else {
		opts = nil
	}
	db := s.db.WithContext(ctx)
	if s.readsFromReplica(ctx) {
		db = db.Clauses(dbresolver.Read)
	}
	return mapError(db.Transaction(fn, opts))
}

// LoadCatalog reads the whole catalog at one version, in a fixed number of
// statements whatever its size. With read replicas it reads from one, and
// again from the primary when the replica's catalog is older than the
// primary's, so that a lagging replica never brings back an old catalog.
func (s *Store) LoadCatalog(ctx context.Context) (*catalog.Data, error) {
	data, err := s.loadCatalog(ctx)
	if err != nil || !s.readsFromReplica(ctx) {
		return data, err
	}
	current, err := s.CatalogVersion(ctx)
	if err != nil {
		return nil, err
	}
	if data.Version < current {
		return s.loadCatalog(primaryread.With(ctx))
	}
	return data, nil
}

// loadCatalog reads the whole catalog in one read-only transaction.
func (s *Store) loadCatalog(ctx context.Context) (*catalog.Data, error) {
	data := &catalog.Data{}
	err := s.readTx(ctx, func(tx *gorm.DB) error {
		var (
			st         tables.CatalogStateRow
			orgs       []tables.OrganizationRow
			certs      []tables.CertificationRow
			bases      []tables.BasisRow
			programs   []tables.ProgramRow
			aliases    []tables.AliasRow
			activities []tables.KeyActivityRow
			fields     []tables.FieldRow
			types      []tables.ActivityTypeRow
			bands      []tables.EmploymentBandRow
			fees       []tables.FeeRow
			rules      []tables.RuleRow
		)
		for _, q := range []struct {
			dest  any
			order string
		}{
			{&orgs, "id"}, {&certs, "id"}, {&bases, "certification_id, basis"},
			{&programs, "certification_id, program"}, {&aliases, "certification_id, position"},
			{&activities, "id"}, {&fields, "position"}, {&types, "position"},
			{&bands, "position"}, {&fees, "position"}, {&rules, "key"},
		} {
			if err := tx.Order(q.order).Find(q.dest).Error; err != nil {
				return err
			}
		}
		if err := loadSynonyms(tx, data); err != nil {
			return err
		}
		if err := tx.Take(&st, 1).Error; err != nil {
			return err
		}
		data.Version = st.Version
		orgKeys := make(map[int64]string, len(orgs))
		for _, o := range orgs {
			orgKeys[o.ID] = o.Key
			data.Organizations = append(data.Organizations, tables.ToOrganization(o))
		}
		children := groupChildren(bases, programs, aliases)
		for _, c := range certs {
			data.Certifications = append(data.Certifications, tables.ToCertification(c, orgKeys[c.OrganizationID], children[c.ID]))
		}
		data.KeyActivities = convertAll(activities, tables.ToKeyActivity)
		data.Fields = convertAll(fields, tables.ToField)
		data.ActivityTypes = convertAll(types, tables.ToActivityType)
		data.EmploymentBands = convertAll(bands, tables.ToEmploymentBand)
		data.Fees = convertAll(fees, tables.ToFee)
		data.Rules = convertAll(rules, tables.ToRule)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return data, nil
}

func groupChildren(bases []tables.BasisRow, programs []tables.ProgramRow, aliases []tables.AliasRow) map[int64]tables.CertificationChildren {
	out := map[int64]tables.CertificationChildren{}
	for _, b := range bases {
		ch := out[b.CertificationID]
		ch.Bases = append(ch.Bases, b)
		out[b.CertificationID] = ch
	}
	for _, p := range programs {
		ch := out[p.CertificationID]
		ch.Programs = append(ch.Programs, p)
		out[p.CertificationID] = ch
	}
	for _, a := range aliases {
		ch := out[a.CertificationID]
		ch.Aliases = append(ch.Aliases, a)
		out[a.CertificationID] = ch
	}
	return out
}

func convertAll[R, T any](rows []R, convert func(R) T) []T {
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = convert(r)
	}
	return out
}
