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

// childrenOf reads in one statement the rows of C whose parent column
// holds the ID of one of the parents, in the given order, and returns
// them converted, by parent ID.
func childrenOf[P, C, T any](ctx context.Context, s *Store, parents []P, id func(P) int64, column, order string, parent func(C) int64, convert func(C) T) (map[int64][]T, error) {
	byParent := map[int64][]T{}
	if len(parents) == 0 {
		return byParent, nil
	}
	ids := make([]int64, len(parents))
	for i, p := range parents {
		ids[i] = id(p)
	}
	var rows []C
	if err := s.db.WithContext(ctx).Where(column+" IN ?", ids).Order(order).Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	for _, r := range rows {
		byParent[parent(r)] = append(byParent[parent(r)], convert(r))
	}
	return byParent, nil
}
