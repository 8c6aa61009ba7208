package gormstore_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/testdb"
)

// TestCandidatesByIDReadsABatchInTwoStatements stores three candidates,
// two of them holding certifications, and reads two of them, one asked
// twice, and an ID no candidate has, in one call: the two come back by
// ID with what they hold, the missing ID is missing, the caller's IDs
// keep their order, and the read is two statements (the candidates, then
// their held certifications); no IDs read nothing.
func TestCandidatesByIDReadsABatchInTwoStatements(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		ctx := context.Background()
		counter := &gormstore.StatementCounter{}
		store := testdb.Open(t, dialect, counter)
		at := time.Date(2030, 3, 1, 9, 0, 0, 0, time.UTC)
		expires := catalog.DateOf(at).AddDays(30)
		var cands []*candidate.Candidate
		for i, held := range [][]catalog.Program{{catalog.ProgramCPT, catalog.ProgramCLT}, nil, {catalog.ProgramCLT}} {
			c := &candidate.Candidate{Number: fmt.Sprintf("B-%04d", i), Name: fmt.Sprintf("Batch %d", i), Email: fmt.Sprintf("b%d@example.com", i)}
			for _, p := range held {
				c.Held = append(c.Held, candidate.HeldCertification{Program: p, CertifiedOn: expires.AddYears(-5), ExpiresOn: expires})
			}
			cands = append(cands, c)
		}
		if err := store.SaveCandidates(ctx, cands, catalog.Change{Action: "candidate.register", Actor: "registrar", At: at}); err != nil {
			t.Fatal(err)
		}
		missing := cands[2].ID + 100
		ids := []int64{cands[2].ID, missing, cands[0].ID, cands[2].ID}
		asked := slices.Clone(ids)
		before := counter.Count()
		got, err := store.CandidatesByID(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		if n := counter.Count() - before; n != 2 {
			t.Errorf("reading three IDs ran %d statements, want 2", n)
		}
		if !slices.Equal(ids, asked) {
			t.Errorf("the caller's IDs changed from %v to %v", asked, ids)
		}
		if len(got) != 2 || got[missing] != nil {
			t.Fatalf("got %d candidates, want the 2 that exist: %v", len(got), got)
		}
		for _, want := range []*candidate.Candidate{cands[0], cands[2]} {
			c := got[want.ID]
			if c == nil || c.Number != want.Number || c.Name != want.Name || c.Email != want.Email || len(c.Held) != len(want.Held) {
				t.Fatalf("candidate %d is %+v, want %+v", want.ID, c, want)
			}
			for _, h := range want.Held {
				if held := c.Holds(h.Program); held == nil || held.ExpiresOn != h.ExpiresOn {
					t.Errorf("candidate %s holds %+v, want %s expiring on %s", c.Number, c.Held, h.Program, h.ExpiresOn)
				}
			}
		}
		before = counter.Count()
		if none, err := store.CandidatesByID(ctx, nil); err != nil || len(none) != 0 || counter.Count() != before {
			t.Errorf("no IDs read %v (error %v) in %d statements, want none in none", none, err, counter.Count()-before)
		}
	})
}
