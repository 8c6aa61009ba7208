package gormstore

import (
	"slices"

	"gorm.io/gorm"

	"github.com/mssc/recert/catalog"
)

// fetchPage runs a keyset-paged query whose cursor conditions are already
// applied: it orders by ascending (or, for `last`, by descending and then
// reverses), fetches one row more than the page to know whether more
// follow, and reports whether pages follow and precede.
func fetchPage[R any](q *gorm.DB, req catalog.PageRequest, ascending, descending string) (rows []R, hasNext, hasPrevious bool, err error) {
	n, backwards := catalog.DefaultPageSize, req.Last != nil
	order := ascending
	switch {
	case backwards:
		n, order = *req.Last, descending
	case req.First != nil:
		n = *req.First
	}
	if err := q.Order(order).Limit(n + 1).Find(&rows).Error; err != nil {
		return nil, false, false, err
	}
	more := len(rows) > n
	if more {
		rows = rows[:n]
	}
	if backwards {
		slices.Reverse(rows)
		return rows, req.Before != nil, more, nil
	}
	return rows, more, req.After != nil, nil
}
