package gormstore

import (
	"context"
	"errors"

	"gorm.io/gorm"
)

// takeByID reads the row with the given primary key and completes it with
// load, which reads what the row's entity holds in other tables; a missing
// row is nil, not an error.
func takeByID[R, T any](ctx context.Context, s *Store, id int64, load func(context.Context, []R) ([]*T, error)) (*T, error) {
	var row R
	err := s.db.WithContext(ctx).Take(&row, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, mapError(err)
	}
	out, err := load(ctx, []R{row})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}
