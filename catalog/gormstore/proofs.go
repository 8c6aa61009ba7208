package gormstore

import (
	"context"
	"strings"

	"github.com/mssc/recert/catalog/application"
)

var _ application.ProofStore = (*Store)(nil)

// ApplicationsWithProof returns the applications whose activities hold a
// proof stored under key, of the candidate only when candidateNumber is
// not empty: the activities' stored JSON is searched for the key as a
// whole string, and the caller matches the proofs exactly.
func (s *Store) ApplicationsWithProof(ctx context.Context, key, candidateNumber string) ([]*application.Application, error) {
	if key == "" || strings.ContainsAny(key, `%_\"`) {
		return nil, nil
	}
	q := s.db.WithContext(ctx).Where("activities LIKE ?", `%"`+key+`"%`)
	if candidateNumber != "" {
		q = q.Where("candidate_number = ?", candidateNumber)
	}
	var rows []applicationRow
	if err := q.Order("id").Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	out := make([]*application.Application, len(rows))
	for i, r := range rows {
		out[i] = toApplication(r)
	}
	return out, nil
}
