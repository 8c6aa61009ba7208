package gormstore

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strings"

	"gorm.io/gorm"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/gormstore/tables"
)

var _ candidate.CandidateStore = (*Store)(nil)

const candidateScope = "candidates:NUMBER:ASC"

// CandidateByID returns the candidate with its held certifications, or nil.
func (s *Store) CandidateByID(ctx context.Context, id int64) (*candidate.Candidate, error) {
	return takeByID(ctx, s, id, s.withHeld)
}

// CandidatesByNumber returns the candidates with these candidate IDs, by ID.
func (s *Store) CandidatesByNumber(ctx context.Context, numbers []string) (map[string]*candidate.Candidate, error) {
	return candidatesWhere(ctx, s, "number", numbers, func(c *candidate.Candidate) string { return c.Number })
}

// CandidatesByID returns the candidates with these IDs, with their held
// certifications, by ID: two statements for up to 1,000 of them (the
// candidates, then their held certifications), whoever may see them.
func (s *Store) CandidatesByID(ctx context.Context, ids []int64) (map[int64]*candidate.Candidate, error) {
	return candidatesWhere(ctx, s, "id", ids, func(c *candidate.Candidate) int64 { return c.ID })
}

// candidatesWhere returns the candidates whose column holds one of keys,
// with their held certifications, by key: two statements for each 1,000
// keys. The caller's keys are left as they are.
func candidatesWhere[K cmp.Ordered](ctx context.Context, s *Store, column string, keys []K, key func(*candidate.Candidate) K) (map[K]*candidate.Candidate, error) {
	out := make(map[K]*candidate.Candidate, len(keys))
	for chunk := range slices.Chunk(slices.Compact(slices.Sorted(slices.Values(keys))), 1000) {
		var rows []tables.CandidateRow
		if err := s.db.WithContext(ctx).Where(column+" IN ?", chunk).Find(&rows).Error; err != nil {
			return nil, mapError(err)
		}
		cands, err := s.withHeld(ctx, rows)
		if err != nil {
			return nil, err
		}
		for _, c := range cands {
			out[key(c)] = c
		}
	}
	return out, nil
}

// withHeld converts candidate rows, loading all their held certifications
// in one statement.
func (s *Store) withHeld(ctx context.Context, rows []tables.CandidateRow) ([]*candidate.Candidate, error) {
	held, err := childrenOf(ctx, s, rows, func(r tables.CandidateRow) int64 { return r.ID },
		"candidate_id", "candidate_id, program", func(h tables.HeldRow) int64 { return h.CandidateID }, tables.ToHeld)
	if err != nil {
		return nil, err
	}
	out := make([]*candidate.Candidate, len(rows))
	for i, r := range rows {
		out[i] = tables.ToCandidate(r, held[r.ID])
	}
	return out, nil
}

// PageCandidates pages the candidates by candidate ID with keyset paging.
func (s *Store) PageCandidates(ctx context.Context, search string, req catalog.PageRequest) (catalog.Page[*candidate.Candidate], error) {
	base := func() *gorm.DB {
		q := s.db.WithContext(ctx).Model(&tables.CandidateRow{})
		if search = strings.TrimSpace(search); search != "" {
			like := "%" + escapeLike(strings.ToLower(search)) + "%"
			q = q.Where("LOWER(number) LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(email) LIKE ? ESCAPE '\\'", like, like, like)
		}
		return q
	}
	load := func(rows []tables.CandidateRow) ([]*candidate.Candidate, error) { return s.withHeld(ctx, rows) }
	return pageOf(base, req, keyset{scope: candidateScope, column: "number"}, load,
		func(c *candidate.Candidate) (string, int64) { return c.Number, c.ID })
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// SaveCandidates creates new candidates and adds new held certifications,
// with the actor and time in every row and an audit event per candidate.
func (s *Store) SaveCandidates(ctx context.Context, cands []*candidate.Candidate, change catalog.Change) error {
	return mapError(s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, c := range cands {
			var added []string
			if c.ID == 0 {
				row := tables.CandidateRow{Number: c.Number, Name: c.Name, Email: c.Email, AuditColumns: tables.CreatedBy(change)}
				if err := tx.Create(&row).Error; err != nil {
					return err
				}
				c.ID = row.ID
				c.Audit = candidate.Audit{CreatedAt: change.At, CreatedBy: change.Actor, UpdatedAt: change.At, UpdatedBy: change.Actor}
			} else {
				if err := tx.Model(&tables.CandidateRow{}).Where("id = ?", c.ID).
					Updates(map[string]any{"updated_at": change.At, "updated_by": change.Actor}).Error; err != nil {
					return err
				}
				c.Audit.UpdatedAt, c.Audit.UpdatedBy = change.At, change.Actor
			}
			for i := range c.Held {
				h := &c.Held[i]
				if h.ID != 0 {
					continue
				}
				row := tables.FromHeld(c.ID, *h, change)
				if err := tx.Create(&row).Error; err != nil {
					return err
				}
				h.ID = row.ID
				h.Audit = candidate.Audit{CreatedAt: change.At, CreatedBy: change.Actor, UpdatedAt: change.At, UpdatedBy: change.Actor}
				added = append(added, string(h.Program))
			}
			if err := audit(tx, change, "Candidate", c.ID, map[string]any{"number": c.Number, "heldAdded": added}); err != nil {
				return err
			}
		}
		return nil
	}))
}

// UpdateContact changes a candidate's name and email and records the change.
func (s *Store) UpdateContact(ctx context.Context, id int64, d candidate.ContactDetails, change catalog.Change) (*candidate.Candidate, error) {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var before tables.CandidateRow
		if err := tx.Take(&before, id).Error; err != nil {
			return err
		}
		if err := tx.Model(&tables.CandidateRow{}).Where("id = ?", id).Updates(map[string]any{
			"name": d.Name, "email": d.Email, "updated_at": change.At, "updated_by": change.Actor,
		}).Error; err != nil {
			return err
		}
		return audit(tx, change, "Candidate", id, map[string]any{
			"before": map[string]string{"name": before.Name, "email": before.Email},
			"after":  map[string]string{"name": d.Name, "email": d.Email},
		})
	})
	if err != nil {
		return nil, mapError(err)
	}
	return s.CandidateByID(ctx, id)
}

// audit records one write in the audit trail, inside the write's transaction.
func audit(tx *gorm.DB, change catalog.Change, entityType string, entityID int64, details any) error {
	raw, err := json.Marshal(details)
	if err != nil {
		return err
	}
	return tx.Create(&tables.AuditRow{
		OccurredAt: change.At, Actor: change.Actor, Action: change.Action,
		EntityType: entityType, EntityID: entityID, Reason: change.Reason, Details: string(raw),
	}).Error
}
