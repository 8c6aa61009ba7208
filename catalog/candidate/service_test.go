package candidate_test

import (
	"context"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
)

// noStore is a candidate store that fails the test when read: Get must
// read through the context's batch reader when there is one.
type noStore struct {
	candidate.CandidateStore
	t *testing.T
}

// CandidateByID fails the test.
func (s noStore) CandidateByID(context.Context, int64) (*candidate.Candidate, error) {
	s.t.Error("Get read the store, not the batch reader")
	return nil, nil
}

// batch is a batch reader that holds every candidate, as a dataloader
// does that read the candidates of a page.
type batch map[int64]*candidate.Candidate

// CandidatesByID returns those of the IDs it holds.
func (b batch) CandidatesByID(_ context.Context, ids []int64) (map[int64]*candidate.Candidate, error) {
	out := map[int64]*candidate.Candidate{}
	for _, id := range ids {
		if c := b[id]; c != nil {
			out[id] = c
		}
	}
	return out, nil
}

// TestGetAnswersABatchedCandidateOnlyToWhoMaySeeIt reads two candidates
// through a batch reader that holds both, as each principal: staff see
// both, a candidate only themself, anyone else neither, whatever the
// reader read.
func TestGetAnswersABatchedCandidateOnlyToWhoMaySeeIt(t *testing.T) {
	alice, bob := &candidate.Candidate{ID: 1, Number: "A-0001"}, &candidate.Candidate{ID: 2, Number: "B-0002"}
	svc := candidate.NewCandidates(noStore{t: t}, time.Now)
	for _, tc := range []struct {
		name    string
		p       *catalog.Principal
		sees    []int64
		notSees []int64
	}{
		{name: "staff", p: &catalog.Principal{Subject: "s", Roles: []catalog.Role{catalog.RoleStaff}}, sees: []int64{1, 2}},
		{name: "the candidate", p: &catalog.Principal{Subject: "B-0002", Roles: []catalog.Role{catalog.RoleCandidate}, CandidateNumber: "B-0002"}, sees: []int64{2}, notSees: []int64{1}},
		{name: "a candidate without a number", p: &catalog.Principal{Subject: "x", Roles: []catalog.Role{catalog.RoleCandidate}}, notSees: []int64{1, 2}},
		{name: "anonymous", notSees: []int64{1, 2}},
		{name: "missing", p: &catalog.Principal{Subject: "s", Roles: []catalog.Role{catalog.RoleStaff}}, notSees: []int64{3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := candidate.WithBatchReader(catalog.WithPrincipal(context.Background(), tc.p), batch{1: alice, 2: bob})
			for _, id := range tc.sees {
				if c, err := svc.Get(ctx, id); err != nil || c == nil || c.ID != id {
					t.Errorf("Get(%d) = %+v, %v; want the candidate", id, c, err)
				}
			}
			for _, id := range tc.notSees {
				if c, err := svc.Get(ctx, id); err != nil || c != nil {
					t.Errorf("Get(%d) = %+v, %v; want none", id, c, err)
				}
			}
		})
	}
}
