package application

import (
	"context"
	"slices"
	"testing"

	"github.com/mssc/recert/catalog"
)

// askedReader is a HistoryReader that records what it is asked for.
type askedReader struct {
	ids   []int64
	lasts []int
}

func (r *askedReader) ApplicationHistories(_ context.Context, ids []int64, last int) (map[int64][]*ApplicationEvent, error) {
	r.ids, r.lasts = append(r.ids, ids...), append(r.lasts, last)
	out := map[int64][]*ApplicationEvent{}
	for _, id := range ids {
		out[id] = []*ApplicationEvent{{Action: ActionCreate}}
	}
	return out, nil
}

// TestHistoryAsksTheRequestsReaderOnlyForWhatTheCallerMayRead reads
// histories through a request's reader, as the batched path does: the
// reader is asked for the caller's own application and, for staff, any
// application, with MaxHistoryEvents when last is omitted; another
// candidate's application reads as empty and never reaches the reader;
// last out of range is BAD_USER_INPUT before anything is read.
func TestHistoryAsksTheRequestsReaderOnlyForWhatTheCallerMayRead(t *testing.T) {
	s := &Applications{}
	mine := &Application{ID: 1, CandidateNumber: "C-1"}
	theirs := &Application{ID: 2, CandidateNumber: "C-2"}
	candidate := &catalog.Principal{Subject: "C-1", Roles: []catalog.Role{catalog.RoleCandidate}, CandidateNumber: "C-1"}
	staff := &catalog.Principal{Subject: "staff-1", Roles: []catalog.Role{catalog.RoleStaff}}
	two, zero, tooMany := 2, 0, MaxHistoryEvents+1
	for _, c := range []struct {
		name      string
		principal *catalog.Principal
		app       *Application
		last      *int
		events    int
		asked     []int64
		lasts     []int
		code      catalog.Code
	}{
		{"the candidate's own", candidate, mine, nil, 1, []int64{1}, []int{MaxHistoryEvents}, ""},
		{"the candidate's own, the newest two", candidate, mine, &two, 1, []int64{1}, []int{2}, ""},
		{"another candidate's", candidate, theirs, nil, 0, nil, nil, ""},
		{"another candidate's, the newest two", candidate, theirs, &two, 0, nil, nil, ""},
		{"anonymous", nil, mine, nil, 0, nil, nil, ""},
		{"staff", staff, theirs, nil, 1, []int64{2}, []int{MaxHistoryEvents}, ""},
		{"last 0", staff, theirs, &zero, 0, nil, nil, catalog.CodeBadUserInput},
		{"last past the cap", staff, theirs, &tooMany, 0, nil, nil, catalog.CodeBadUserInput},
	} {
		t.Run(c.name, func(t *testing.T) {
			reader := &askedReader{}
			ctx := WithHistoryReader(catalog.WithPrincipal(context.Background(), c.principal), reader)
			events, err := s.History(ctx, c.app, c.last)
			if (err == nil) != (c.code == "") || err != nil && catalog.ErrorCode(err) != c.code {
				t.Fatalf("error %v, want code %q", err, c.code)
			}
			if len(events) != c.events || !slices.Equal(reader.ids, c.asked) || !slices.Equal(reader.lasts, c.lasts) {
				t.Errorf("%d events; the reader was asked for %v with last %v; want %d events, asked for %v with last %v",
					len(events), reader.ids, reader.lasts, c.events, c.asked, c.lasts)
			}
		})
	}
}
