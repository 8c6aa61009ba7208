package stack

import (
	"context"
	"slices"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/graph/model"
	"github.com/vikstrous/dataloadgen"
)

// batchWait is how long the first read of a batch (of histories or of
// candidates) waits for others before the batch is read. A read for an
// application listed with others asks for what the whole list needs at
// once (see listed), so a page is one batch whatever the wait; the wait
// gathers the reads for applications that are not listed together.
const batchWait = time.Millisecond

// batchKeys is the most histories or candidates one batch reads, which
// keeps a query's list of IDs far below what a database takes as
// parameters; a page asks for at most catalog.MaxPageSize histories for
// each value of `last`, and as many candidates.
const batchKeys = 300

// historyBatches is the gqlgen extension that gives each root field its
// own dataloader of application histories (application.WithHistoryReader):
// the histories of a page of applications, and those its fields read at
// about the same time, are read in one store query, not one each. The
// service still decides, application by application, whose history the
// caller may read, before it asks. A loader keeps what it read for its
// root field only: a mutation's answer, read after its write, is read
// afresh, also when an earlier mutation of the operation read the same
// history.
func historyBatches(store application.HistoryReader) perRootField {
	return perRootField{name: "HistoryBatches", with: func(ctx context.Context) context.Context {
		return application.WithHistoryReader(ctx, newHistoryLoader(store))
	}}
}

// perRootField is a gqlgen extension that gives each root field a context
// of its own, made by with: a dataloader that keeps what it read for that
// root field only.
type perRootField struct {
	name string
	with func(context.Context) context.Context
}

var _ graphql.RootFieldInterceptor = perRootField{}

// ExtensionName names the extension.
func (p perRootField) ExtensionName() string { return p.name }

// Validate accepts every schema.
func (perRootField) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptRootField gives the root field its context.
func (p perRootField) InterceptRootField(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	return next(p.with(ctx))
}

// historyKey names one read: an application and how many of its newest
// events.
type historyKey struct {
	id   int64
	last int
}

// historyLoader reads histories through a dataloader, which keeps every
// history it read, so that each is read once for its root field.
type historyLoader struct {
	loader *dataloadgen.Loader[historyKey, []*application.ApplicationEvent]
}

func newHistoryLoader(store application.HistoryReader) historyLoader {
	return historyLoader{loader: dataloadgen.NewLoader(fetchHistories(store),
		dataloadgen.WithWait(batchWait), dataloadgen.WithBatchCapacity(batchKeys))}
}

// ApplicationHistories reads the histories with those of the applications
// listed beside them, which are then kept for their own reads: one batch
// for the page, whichever of its applications is read first. Only the
// histories asked for are answered.
func (l historyLoader) ApplicationHistories(ctx context.Context, ids []int64, last int) (map[int64][]*application.ApplicationEvent, error) {
	keys := make([]historyKey, 0, len(ids))
	for _, id := range append(slices.Clone(ids), siblings(ctx)...) {
		keys = append(keys, historyKey{id: id, last: last})
	}
	found, err := l.loader.LoadAll(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]*application.ApplicationEvent, len(ids))
	for i, id := range ids {
		out[id] = found[i]
	}
	return out, nil
}

// siblings returns the IDs of the applications of the list that the
// application whose field ctx resolves is an item of, or none when it is
// not listed (see listed).
func siblings(ctx context.Context) []int64 {
	apps := listed(ctx)
	ids := make([]int64, len(apps))
	for i, a := range apps {
		ids[i] = a.ID
	}
	return ids
}

// listed returns the applications of the list that the application whose
// field ctx resolves is an item of (a page's nodes or edges, a
// candidate's applications, a bundle's, a payload's), or none when it is
// not listed. Each list is of applications its caller may read; what is
// read for them is answered only when the service asks, and the service
// decides whom it answers.
func listed(ctx context.Context) []*application.Application {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		switch list := fc.Result.(type) {
		case []*application.Application:
			return list
		case []*model.ApplicationEdge:
			apps := make([]*application.Application, len(list))
			for i, e := range list {
				apps[i] = e.Node
			}
			return apps
		}
	}
	return nil
}

// fetchHistories reads a batch of histories from the store: one query for
// each number of events asked for, which is one query for a page.
func fetchHistories(store application.HistoryReader) func(context.Context, []historyKey) ([][]*application.ApplicationEvent, []error) {
	return func(ctx context.Context, keys []historyKey) ([][]*application.ApplicationEvent, []error) {
		byLast, asked := map[int][]int64{}, map[historyKey]bool{}
		for _, k := range keys {
			if !asked[k] {
				asked[k] = true
				byLast[k.last] = append(byLast[k.last], k.id)
			}
		}
		found := make(map[historyKey][]*application.ApplicationEvent, len(asked))
		for last, ids := range byLast {
			histories, err := store.ApplicationHistories(ctx, ids, last)
			if err != nil {
				return nil, []error{err}
			}
			for id, events := range histories {
				found[historyKey{id: id, last: last}] = events
			}
		}
		out := make([][]*application.ApplicationEvent, len(keys))
		for i, k := range keys {
			out[i] = found[k]
		}
		return out, nil
	}
}
