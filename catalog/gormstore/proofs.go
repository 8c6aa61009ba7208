package gormstore

import (
	"context"
	"strings"

	"github.com/mssc/recert/catalog"
)

var _ catalog.ProofStore = (*Store)(nil)

// ApplicationsWithProof returns the applications whose activities hold a
// proof stored under key: the activities' stored text is searched for the
// key, and the caller matches the proofs exactly.
func (s *Store) ApplicationsWithProof(ctx context.Context, key string) ([]*catalog.Application, error) {
	if key == "" || strings.ContainsAny(key, `%_\`) {
		return nil, nil
	}
	var rows []applicationRow
	if err := s.db.WithContext(ctx).Where("activities LIKE ?", "%"+key+"%").Order("id").Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	out := make([]*catalog.Application, len(rows))
	for i, r := range rows {
		out[i] = toApplication(r)
	}
	return out, nil
}
