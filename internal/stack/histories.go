package stack

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/mssc/recert/catalog/application"
	"github.com/vikstrous/dataloadgen"
)

// historyBatchWait is how long the first history read of an operation
// waits for the others before the batch is read: gqlgen resolves the
// applications of a page concurrently, so their reads arrive within it
// and one store query serves them; a full batch is read at once. It is
// dataloadgen's default; on a busy machine a much shorter wait split a
// page of 50 into several queries.
const historyBatchWait = 16 * time.Millisecond

// historyBatchKeys is the most histories one store query reads: the
// largest page of applications, three times over (`history`,
// `informationRequest` and `informationResponse` each read it), so that a
// full page is one query, which starts as soon as it is full.
const historyBatchKeys = 300

// historyBatches is the gqlgen extension that gives each operation its own
// dataloader of application histories (application.WithHistoryReader):
// the histories its fields read at about the same time are read in one
// store query, so that a page of applications costs one query for their
// histories rather than one each. The service still decides, application
// by application, whose history the caller may read, before it asks.
type historyBatches struct {
	store application.HistoryReader
}

var _ graphql.OperationInterceptor = historyBatches{}

// ExtensionName names the extension.
func (historyBatches) ExtensionName() string { return "HistoryBatches" }

// Validate accepts every schema.
func (historyBatches) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation gives the operation its dataloader.
func (h historyBatches) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	return next(application.WithHistoryReader(ctx, newHistoryLoader(h.store)))
}

// historyKey names one read: an application and how many of its newest
// events.
type historyKey struct {
	id   int64
	last int
}

// historyLoader reads histories through a dataloader. It keeps nothing
// between batches: a mutation's answer, read after the write, must show
// it, also when an earlier field of the operation read the same history.
type historyLoader struct {
	loader *dataloadgen.Loader[historyKey, []*application.ApplicationEvent]
}

func newHistoryLoader(store application.HistoryReader) historyLoader {
	return historyLoader{loader: dataloadgen.NewLoader(fetchHistories(store),
		dataloadgen.WithWait(historyBatchWait), dataloadgen.WithBatchCapacity(historyBatchKeys), dataloadgen.WithoutCache())}
}

// ApplicationHistories reads the histories in the loader's current batch.
func (l historyLoader) ApplicationHistories(ctx context.Context, ids []int64, last int) (map[int64][]*application.ApplicationEvent, error) {
	keys := make([]historyKey, len(ids))
	for i, id := range ids {
		keys[i] = historyKey{id: id, last: last}
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
