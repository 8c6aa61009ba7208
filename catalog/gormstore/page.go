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

// keyset is the order of a paged list: by a key column, then by ID, both
// ascending, or both descending for a list that runs newest first. A
// cursor carries the key (as text) and the ID of the item it marks.
type keyset struct {
	// scope is the cursors' scope; a cursor of another list is refused.
	scope string
	// column is the key column, or "" to order by ID alone.
	column string
	// newestFirst runs the list from the highest ID down.
	newestFirst bool
	// key reads a cursor's key as the column's value; nil takes it as it is.
	key func(*catalog.Cursor) (any, error)
}

// orders returns the list's order and its reverse, as SQL.
func (k keyset) orders() (forward, backward string) {
	forward, backward = "id", "id DESC"
	if k.column != "" {
		forward, backward = k.column+", id", k.column+" DESC, id DESC"
	}
	if k.newestFirst {
		return backward, forward
	}
	return forward, backward
}

// past keeps the rows after the cursor in the list's order, or before it
// when backwards; no cursor keeps them all.
func (k keyset) past(q *gorm.DB, c *catalog.Cursor, backwards bool) (*gorm.DB, error) {
	if c == nil {
		return q, nil
	}
	op := ">"
	if backwards != k.newestFirst {
		op = "<"
	}
	if k.column == "" {
		return q.Where("id "+op+" ?", c.ID), nil
	}
	var key any = c.Key
	if k.key != nil {
		v, err := k.key(c)
		if err != nil {
			return nil, err
		}
		key = v
	}
	return q.Where(k.column+" "+op+" ? OR ("+k.column+" = ? AND id "+op+" ?)", key, key, c.ID), nil
}

// pageOf pages the rows base selects in the keyset's order: it counts
// them, keeps those between the request's cursors, fetches the page,
// converts its rows with load and gives each item the cursor of its key
// and ID.
func pageOf[R, T any](base func() *gorm.DB, req catalog.PageRequest, k keyset, load func([]R) ([]T, error), cursor func(T) (string, int64)) (catalog.Page[T], error) {
	var page catalog.Page[T]
	if err := req.CheckScope(k.scope); err != nil {
		return page, err
	}
	var total int64
	if err := base().Count(&total).Error; err != nil {
		return page, mapError(err)
	}
	q, err := k.past(base(), req.After, false)
	if err == nil {
		q, err = k.past(q, req.Before, true)
	}
	if err != nil {
		return page, err
	}
	forward, backward := k.orders()
	rows, next, previous, err := fetchPage[R](q, req, forward, backward)
	if err != nil {
		return page, mapError(err)
	}
	items, err := load(rows)
	if err != nil {
		return page, err
	}
	page.HasNextPage, page.HasPreviousPage, page.TotalCount = next, previous, int(total)
	for _, item := range items {
		key, id := cursor(item)
		page.Edges = append(page.Edges, catalog.Edge[T]{Node: item, Cursor: catalog.Cursor{Scope: k.scope, Key: key, ID: id}})
	}
	return page, nil
}
