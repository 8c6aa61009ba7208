package gormstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/catalog/points"
	"github.com/mssc/recert/internal/testdb"
)

// registered registers a candidate holding CPT and returns it.
func registered(t *testing.T, store *gormstore.Store, at time.Time) *candidate.Candidate {
	t.Helper()
	staff := catalog.WithPrincipal(context.Background(), &catalog.Principal{Subject: "registrar", Roles: []catalog.Role{catalog.RoleStaff}})
	expires := catalog.DateOf(at).AddDays(30)
	c, errs, err := candidate.NewCandidates(store, func() time.Time { return at }).Register(staff, "C-4242", candidate.ContactDetails{Name: "Pat Holder", Email: "pat@example.com"},
		[]candidate.HeldCertification{{Program: catalog.ProgramCPT, CertifiedOn: expires.AddYears(-5), ExpiresOn: expires}})
	if err != nil || len(errs) > 0 {
		t.Fatalf("register: %v %v", err, errs)
	}
	return c
}

// registeredStore opens a fresh store of the dialect with a candidate
// holding CPT, registered at the time it also returns.
func registeredStore(t *testing.T, dialect gormstore.Dialect) (*gormstore.Store, *candidate.Candidate, time.Time) {
	t.Helper()
	store := testdb.Open(t, dialect, nil)
	at := time.Date(2030, 3, 1, 9, 0, 0, 0, time.UTC)
	return store, registered(t, store, at), at
}

// draftOf returns a new draft application for the candidate's CPT cycle.
func draftOf(c *candidate.Candidate) *application.Application {
	held := c.Holds(catalog.ProgramCPT)
	return &application.Application{CandidateID: c.ID, CandidateNumber: c.Number, Program: catalog.ProgramCPT, Status: application.AppDraft, Version: 1,
		Cycle: points.PointsCycle{CertifiedOn: held.CertifiedOn, ExpiresOn: held.ExpiresOn}}
}

func TestOneOpenApplicationPerCycleIsEnforcedByTheDatabase(t *testing.T) {
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		ctx := context.Background()
		store, c, at := registeredStore(t, dialect)
		change := catalog.Change{Action: "CREATE", Actor: c.Number, At: at}
		first := draftOf(c)
		if err := store.CreateApplication(ctx, first, nil, change); err != nil {
			t.Fatal(err)
		}
		if err := store.CreateApplication(ctx, draftOf(c), nil, change); catalog.ErrorCode(err) != catalog.CodeConflict {
			t.Fatalf("a second open application for the cycle was stored: %v", err)
		}
		first.Status, first.Version = application.AppClosedDenied, 2
		if err := store.UpdateApplications(ctx, []*application.Application{first}, []int{1}, nil, nil, change); err != nil {
			t.Fatal(err)
		}
		if err := store.CreateApplication(ctx, draftOf(c), nil, change); err != nil {
			t.Errorf("after a closed denial the cycle takes a new application: %v", err)
		}
	})
}

func TestHeldCertificationKeepsTheCycleExpirationWhileExtended(t *testing.T) {
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		ctx := context.Background()
		store, c, at := registeredStore(t, dialect)
		a := draftOf(c)
		change := catalog.Change{Action: "GRANT_EXTENSION", Actor: "staff", At: at}
		if err := store.CreateApplication(ctx, a, nil, change); err != nil {
			t.Fatal(err)
		}
		moved := c.Held[0]
		original := moved.ExpiresOn
		moved.ExpiresOn, moved.ExtendedFrom = original.AddDays(90), &original
		a.Version = 2
		if err := store.UpdateApplications(ctx, []*application.Application{a}, []int{1}, []candidate.HeldCertification{moved}, nil, change); err != nil {
			t.Fatal(err)
		}
		back, err := store.CandidateByID(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		h := back.Holds(catalog.ProgramCPT)
		if !h.ExpiresOn.Equal(original.AddDays(90)) || h.ExtendedFrom == nil || !h.ExtendedFrom.Equal(original) || !h.CycleExpiresOn().Equal(original) {
			t.Errorf("the extended held certification reads back as %+v", h)
		}
	})
}
