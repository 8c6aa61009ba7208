package gormstore_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/gormstore"
)

// sameHistory fails the test unless got is want, event by event.
func sameHistory(t *testing.T, what string, got []*application.ApplicationEvent, want []application.ApplicationEvent) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d events, want %d: %+v", what, len(got), len(want), got)
	}
	for i, e := range got {
		w := want[i]
		if !e.At.Equal(w.At) || e.At.Location() != time.UTC || e.Actor != w.Actor || e.Action != w.Action || e.From != w.From || e.To != w.To || e.Reason != w.Reason {
			t.Errorf("%s: event %d is %+v, want %+v", what, i, *e, w)
		}
	}
}

// history reads an application's history from the store: its newest
// application.MaxHistoryEvents events, which are all of a test's.
func history(t *testing.T, store *gormstore.Store, id int64) []*application.ApplicationEvent {
	t.Helper()
	found, err := store.ApplicationHistories(context.Background(), []int64{id}, application.MaxHistoryEvents)
	if err != nil {
		t.Fatalf("the history of application %d: %v", id, err)
	}
	return found[id]
}

// TestApplicationHistoryIsAppendOnly checks that each save adds the
// application's new events to its history in the saving transaction (none
// when the save is refused as stale), that an application read from the
// store carries no history, and that the history reads back oldest first.
func TestApplicationHistoryIsAppendOnly(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		ctx := context.Background()
		store, c, at := registeredStore(t, dialect)
		event := func(n int, action application.ApplicationAction, from, to application.ApplicationStatus) application.ApplicationEvent {
			return application.ApplicationEvent{At: at.Add(time.Duration(n) * time.Minute), Actor: c.Number, Action: action, From: from, To: to, Reason: fmt.Sprintf("change %d", n)}
		}
		want := []application.ApplicationEvent{event(0, application.ActionCreate, "", application.AppDraft)}
		a := draftOf(c)
		a.NewEvents = want[:1:1]
		if err := store.CreateApplication(ctx, a, nil, catalog.Change{Action: "CREATE", Actor: c.Number, At: at}); err != nil {
			t.Fatal(err)
		}
		if len(a.NewEvents) != 0 {
			t.Fatalf("the saved events are still on the application: %+v", a.NewEvents)
		}
		for n := 1; n <= 3; n++ {
			e := event(n, application.ActionEdit, application.AppDraft, application.AppDraft)
			a.NewEvents, a.Version = []application.ApplicationEvent{e}, n+1
			if err := store.UpdateApplications(ctx, []*application.Application{a}, []int{n}, nil, nil, catalog.Change{Action: "EDIT", Actor: c.Number, At: e.At}); err != nil {
				t.Fatal(err)
			}
			want = append(want, e)
		}
		stale := event(9, application.ActionEdit, application.AppDraft, application.AppDraft)
		a.NewEvents, a.Version = []application.ApplicationEvent{stale}, 9
		if err := store.UpdateApplications(ctx, []*application.Application{a}, []int{1}, nil, nil, catalog.Change{Action: "EDIT", Actor: c.Number, At: stale.At}); catalog.ErrorCode(err) != catalog.CodeConflict {
			t.Fatalf("a save at a stale version: %v, want CONFLICT", err)
		}
		back, err := store.ApplicationByID(ctx, a.ID)
		if err != nil || back == nil {
			t.Fatalf("application %d: %v %v", a.ID, back, err)
		}
		if back.Version != 4 || len(back.NewEvents) != 0 {
			t.Errorf("the application reads back at version %d with events %+v; want version 4 and none", back.Version, back.NewEvents)
		}
		sameHistory(t, "the history", history(t, store, a.ID), want)
		if other := history(t, store, a.ID+1); len(other) != 0 {
			t.Errorf("an application that does not exist has the history %+v", other)
		}
	})
}

// TestMigrationMovesApplicationHistoryToItsTable stores applications as
// before migration 00015, with their history in a JSON column, and checks
// that the migration moves each history to the events table oldest first,
// that a later change appends after it, and that rolling the migration
// back puts the whole history, the later change included, back in the
// column.
func TestMigrationMovesApplicationHistoryToItsTable(t *testing.T) {
	t.Parallel()
	forEachDialectMigratedTo(t, 14, func(t *testing.T, store *gormstore.Store) {
		ctx := context.Background()
		at := time.Date(2030, 3, 1, 9, 0, 0, 123456000, time.UTC)
		c := registered(t, store, at)
		want := []application.ApplicationEvent{
			{At: at, Actor: c.Number, Action: application.ActionCreate, To: application.AppDraft},
			{At: at.Add(time.Hour), Actor: c.Number, Action: application.ActionEdit, From: application.AppDraft, To: application.AppDraft, Reason: `added activity "Rigging \"basics\""`},
			{At: at.Add(2 * time.Hour), Actor: c.Number, Action: application.ActionSubmit, From: application.AppDraft, To: application.AppSubmitted, Reason: "application fee of USD 100.00 due"},
		}
		raw, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		insert := `INSERT INTO applications (id, candidate_id, candidate_number, program, cycle_certified_on, cycle_expires_on, status, history, version, created_at, updated_at, updated_by)
			VALUES (?, ?, ?, ?, '2025-05-01', ?, ?, ?, ?, ?, ?, ?)`
		exec(t, store, insert, 21, c.ID, c.Number, "CPT", "2030-05-01", "SUBMITTED", string(raw), 3, at, at, c.Number)
		exec(t, store, insert, 22, c.ID, c.Number, "CPT", "2030-06-01", "DRAFT", "[]", 1, at, at, c.Number)
		if err := store.Migrate(ctx); err != nil {
			t.Fatalf("migrating: %v", err)
		}
		sameHistory(t, "the migrated history", history(t, store, 21), want)
		if got := history(t, store, 22); len(got) != 0 {
			t.Errorf("an application with an empty history has %+v after the migration", got)
		}

		a, err := store.ApplicationByID(ctx, 21)
		if err != nil || a == nil {
			t.Fatalf("application 21: %v %v", a, err)
		}
		later := application.ApplicationEvent{At: at.Add(3 * time.Hour), Actor: "staff-1", Action: application.ActionAssign, From: application.AppSubmitted, To: application.AppSubmitted}
		a.NewEvents, a.Reviewer, a.Version = []application.ApplicationEvent{later}, "staff-1", 4
		if err := store.UpdateApplications(ctx, []*application.Application{a}, []int{3}, nil, nil, catalog.Change{Action: "ASSIGN", Actor: "staff-1", At: later.At}); err != nil {
			t.Fatalf("a change after the migration: %v", err)
		}
		want = append(want, later)
		sameHistory(t, "the history after a later change", history(t, store, 21), want)

		if err := store.MigrateDownTo(ctx, 14); err != nil {
			t.Fatalf("rolling back to 14: %v", err)
		}
		db, err := store.SQLDB()
		if err != nil {
			t.Fatal(err)
		}
		var column string
		if err := db.QueryRowContext(ctx, `SELECT history FROM applications WHERE id = 21`).Scan(&column); err != nil {
			t.Fatal(err)
		}
		var rolledBack []*application.ApplicationEvent
		if err := json.Unmarshal([]byte(column), &rolledBack); err != nil {
			t.Fatalf("the rolled-back history column %s: %v", column, err)
		}
		sameHistory(t, "the rolled-back history", rolledBack, want)
		if err := store.Migrate(ctx); err != nil {
			t.Fatalf("migrating again: %v", err)
		}
		sameHistory(t, "the history migrated again", history(t, store, 21), want)
	})
}

// TestApplicationHistoriesReadTheNewestEventsOfEach reads the histories of
// two applications, one of five events and one of two, and one that does
// not exist, in one call: each keeps its newest events up to last, oldest
// first, and the one that does not exist has none.
func TestApplicationHistoriesReadTheNewestEventsOfEach(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		ctx := context.Background()
		store, c, at := registeredStore(t, dialect)
		events := func(program catalog.Program, n int) []application.ApplicationEvent {
			out := make([]application.ApplicationEvent, n)
			for i := range out {
				out[i] = application.ApplicationEvent{At: at.Add(time.Duration(i) * time.Minute), Actor: c.Number, Action: application.ActionEdit,
					From: application.AppDraft, To: application.AppDraft, Reason: fmt.Sprintf("%s change %d", program, i)}
			}
			return out
		}
		long, short := draftOf(c), draftOf(c)
		short.Program = catalog.ProgramCLT
		longEvents, shortEvents := events(catalog.ProgramCPT, 5), events(catalog.ProgramCLT, 2)
		for _, x := range []struct {
			a      *application.Application
			events []application.ApplicationEvent
		}{{long, longEvents}, {short, shortEvents}} {
			x.a.NewEvents = x.events
			if err := store.CreateApplication(ctx, x.a, nil, catalog.Change{Action: "CREATE", Actor: c.Number, At: at}); err != nil {
				t.Fatal(err)
			}
		}
		missing := short.ID + 100
		for _, last := range []int{1, 3, 5, 500} {
			got, err := store.ApplicationHistories(ctx, []int64{long.ID, short.ID, missing}, last)
			if err != nil {
				t.Fatal(err)
			}
			sameHistory(t, fmt.Sprintf("the newest %d of five", last), got[long.ID], longEvents[max(0, 5-last):])
			sameHistory(t, fmt.Sprintf("the newest %d of two", last), got[short.ID], shortEvents[max(0, 2-last):])
			if len(got[missing]) != 0 {
				t.Errorf("an application that does not exist has the history %+v", got[missing])
			}
		}
	})
}
