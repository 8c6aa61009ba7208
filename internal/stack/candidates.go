package stack

import (
	"context"
	"slices"

	"github.com/mssc/recert/catalog/candidate"
	"github.com/vikstrous/dataloadgen"
)

// candidateBatches is the gqlgen extension that gives each root field its
// own dataloader of candidates (candidate.WithBatchReader): the
// candidates of a page of applications (`Application.candidate`), and
// those other fields read at about the same time, are read in one batch
// of two store queries, not two each. The candidate service still
// decides, candidate by candidate, whom it answers: a loaded candidate
// the caller may not see is answered as none. A loader keeps what it read
// for its root field only, as the history loader does: a mutation's
// answer, read after its write, is read afresh.
func candidateBatches(store candidate.BatchReader) perRootField {
	return perRootField{name: "CandidateBatches", with: func(ctx context.Context) context.Context {
		return candidate.WithBatchReader(ctx, newCandidateLoader(store))
	}}
}

// candidateLoader reads candidates through a dataloader, which keeps
// every candidate it read, so that each is read once for its root field.
type candidateLoader struct {
	loader *dataloadgen.Loader[int64, *candidate.Candidate]
}

func newCandidateLoader(store candidate.BatchReader) candidateLoader {
	return candidateLoader{loader: dataloadgen.NewLoader(fetchCandidates(store),
		dataloadgen.WithWait(batchWait), dataloadgen.WithBatchCapacity(batchKeys))}
}

// CandidatesByID reads the candidates with those of the applications
// listed beside the application whose field asks, which are then kept
// for their own reads: one batch for a page, whichever of its
// applications asks first. Only the candidates asked for are answered.
func (l candidateLoader) CandidatesByID(ctx context.Context, ids []int64) (map[int64]*candidate.Candidate, error) {
	keys := slices.Clone(ids)
	for _, a := range listed(ctx) {
		keys = append(keys, a.CandidateID)
	}
	found, err := l.loader.LoadAll(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*candidate.Candidate, len(ids))
	for i, id := range ids {
		if found[i] != nil {
			out[id] = found[i]
		}
	}
	return out, nil
}

// fetchCandidates reads a batch of candidates from the store in one call;
// an ID without a candidate is answered nil.
func fetchCandidates(store candidate.BatchReader) func(context.Context, []int64) ([]*candidate.Candidate, []error) {
	return func(ctx context.Context, ids []int64) ([]*candidate.Candidate, []error) {
		found, err := store.CandidatesByID(ctx, ids)
		if err != nil {
			return nil, []error{err}
		}
		out := make([]*candidate.Candidate, len(ids))
		for i, id := range ids {
			out[i] = found[id]
		}
		return out, nil
	}
}
