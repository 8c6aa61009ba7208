package catalog

import (
	"slices"
	"sort"
	"strings"
)

// Page sizes a connection accepts.
const (
	// MaxPageSize is the most items one page may ask for.
	MaxPageSize = 100
	// DefaultPageSize is the page size when neither first nor last is given.
	DefaultPageSize = 20
)

// Cursor marks a position in an ordered list: the sort key and ID of an item,
// and the scope (list and ordering) it was issued for.
type Cursor struct {
	// Scope names the list and ordering the cursor belongs to.
	Scope string
	// Key is the item's sort key in that ordering.
	Key string
	// ID is the item's ID, which breaks ties.
	ID int64
}

// PageRequest asks for one page of a list, Relay style.
type PageRequest struct {
	// First asks for the first n items after After.
	First *int
	// After starts the page after this cursor.
	After *Cursor
	// Last asks for the last n items before Before.
	Last *int
	// Before ends the page before this cursor.
	Before *Cursor
}

// Edge is an item of a page with its cursor.
type Edge[T any] struct {
	// Node is the item.
	Node T
	// Cursor marks the item's position.
	Cursor Cursor
}

// Page is one page of an ordered list.
type Page[T any] struct {
	// Edges are the items of the page.
	Edges []Edge[T]
	// HasNextPage says whether items follow the page.
	HasNextPage bool
	// HasPreviousPage says whether items precede the page.
	HasPreviousPage bool
	// TotalCount is the size of the whole list.
	TotalCount int
}

// Validate checks the page request against the limits of the API.
func (r PageRequest) Validate() error {
	if r.First != nil && r.Last != nil {
		return Invalid("first", "pass either first or last, not both")
	}
	if r.First != nil && (*r.First < 1 || *r.First > MaxPageSize) {
		return Invalid("first", "first must be between 1 and %d, got %d", MaxPageSize, *r.First)
	}
	if r.Last != nil && (*r.Last < 1 || *r.Last > MaxPageSize) {
		return Invalid("last", "last must be between 1 and %d, got %d", MaxPageSize, *r.Last)
	}
	return nil
}

// CheckScope refuses cursors issued for another list or ordering than
// scope; stores that page in SQL use it too.
func (r PageRequest) CheckScope(scope string) error {
	for _, c := range []struct {
		field  string
		cursor *Cursor
	}{{"after", r.After}, {"before", r.Before}} {
		if c.cursor != nil && c.cursor.Scope != scope {
			return Invalid(c.field, "the cursor was issued for another list or ordering; use a cursor from this connection")
		}
	}
	return nil
}

// Ordering is the sort of a list: each item's cursor, and whether the
// (Key, ID) order is descending.
type Ordering[T any] struct {
	Scope      string
	Descending bool
	Key        func(T) string
	ID         func(T) int64
}

func (o Ordering[T]) cursor(item T) Cursor {
	return Cursor{Scope: o.Scope, Key: o.Key(item), ID: o.ID(item)}
}

func (o Ordering[T]) compare(a, b Cursor) int {
	c := compareKeyed(a.Key, a.ID, b.Key, b.ID)
	if o.Descending {
		return -c
	}
	return c
}

// Sort orders items by o, computing each item's key once rather than at
// every comparison. Keys tie only on the same id, so the order is total and
// an unstable sort gives the one order a stable sort would.
func (o Ordering[T]) Sort(items []T) {
	type keyed struct {
		key  string
		id   int64
		item T
	}
	list := make([]keyed, len(items))
	for i, item := range items {
		list[i] = keyed{key: o.Key(item), id: o.ID(item), item: item}
	}
	slices.SortFunc(list, func(a, b keyed) int {
		c := compareKeyed(a.key, a.id, b.key, b.id)
		if o.Descending {
			return -c
		}
		return c
	})
	for i := range list {
		items[i] = list[i].item
	}
}

func compareKeyed(ak string, aid int64, bk string, bid int64) int {
	if c := strings.Compare(ak, bk); c != 0 {
		return c
	}
	switch {
	case aid < bid:
		return -1
	case aid > bid:
		return 1
	}
	return 0
}

// Paginate cuts one page out of items, which must already be sorted by o.
func Paginate[T any](items []T, o Ordering[T], req PageRequest) (Page[T], error) {
	if err := req.Validate(); err != nil {
		return Page[T]{}, err
	}
	if err := req.CheckScope(o.Scope); err != nil {
		return Page[T]{}, err
	}
	start, end := 0, len(items)
	if req.After != nil {
		start = sort.Search(len(items), func(i int) bool { return o.compare(o.cursor(items[i]), *req.After) > 0 })
	}
	if req.Before != nil {
		end = sort.Search(len(items), func(i int) bool { return o.compare(o.cursor(items[i]), *req.Before) >= 0 })
	}
	if end < start {
		end = start
	}
	switch {
	case req.Last != nil:
		if end-start > *req.Last {
			start = end - *req.Last
		}
	default:
		n := DefaultPageSize
		if req.First != nil {
			n = *req.First
		}
		if end-start > n {
			end = start + n
		}
	}
	page := Page[T]{
		Edges:           make([]Edge[T], 0, end-start),
		HasPreviousPage: start > 0,
		HasNextPage:     end < len(items),
		TotalCount:      len(items),
	}
	for _, item := range items[start:end] {
		page.Edges = append(page.Edges, Edge[T]{Node: item, Cursor: o.cursor(item)})
	}
	return page, nil
}
