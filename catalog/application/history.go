package application

import (
	"context"

	"github.com/mssc/recert/catalog"
)

// MaxHistoryEvents is the most events one read of an application's history
// returns: its newest ones. A candidate can grow a draft's history without
// bound by editing it again and again; a read stays bounded. Information
// reads the same newest events: the candidate edits only a draft, before
// staff can ask anything, so what follows staff's latest question is the
// answer and staff's review, far fewer events.
const MaxHistoryEvents = 500

// HistoryReader reads the histories of several applications at once.
type HistoryReader interface {
	// ApplicationHistories returns the newest last events of each of the
	// applications, oldest first, by application ID; an application
	// without events may be missing from the map.
	ApplicationHistories(ctx context.Context, ids []int64, last int) (map[int64][]*ApplicationEvent, error)
}

type historyReaderKey struct{}

// WithHistoryReader returns a context in which the histories are read
// through r, such as a reader that gathers the reads of one request into
// one query; without one they are read from the store, one at a time.
// Authorization stays with the service: r is asked only for the histories
// the caller may read.
func WithHistoryReader(ctx context.Context, r HistoryReader) context.Context {
	return context.WithValue(ctx, historyReaderKey{}, r)
}

// History returns the newest last events of the application's history
// (every state change), oldest first, to its candidate and to staff; to
// anyone else it is empty. Without last it returns them all, up to
// MaxHistoryEvents; last out of 1 to MaxHistoryEvents is a BAD_USER_INPUT
// error. It is read apart from the application, only when asked for.
func (s *Applications) History(ctx context.Context, a *Application, last *int) ([]*ApplicationEvent, error) {
	n := MaxHistoryEvents
	if last != nil {
		if *last < 1 || *last > MaxHistoryEvents {
			return nil, catalog.Invalid("last", "last must be between 1 and %d, got %d", MaxHistoryEvents, *last)
		}
		n = *last
	}
	if !mayRead(ctx, a) {
		return []*ApplicationEvent{}, nil
	}
	var r HistoryReader = s.store
	if batched, ok := ctx.Value(historyReaderKey{}).(HistoryReader); ok {
		r = batched
	}
	found, err := r.ApplicationHistories(ctx, []int64{a.ID}, n)
	if err != nil {
		return nil, err
	}
	if events := found[a.ID]; events != nil {
		return events, nil
	}
	return []*ApplicationEvent{}, nil
}

// newestHistory reads the newest MaxHistoryEvents events of an
// application from the store, for a change that reads staff's latest
// question: the same events History and Information read.
func (s *Applications) newestHistory(ctx context.Context, id int64) ([]*ApplicationEvent, error) {
	found, err := s.store.ApplicationHistories(ctx, []int64{id}, MaxHistoryEvents)
	if err != nil {
		return nil, err
	}
	return found[id], nil
}
