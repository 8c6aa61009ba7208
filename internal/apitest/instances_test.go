package apitest

import (
	"context"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/testdb"
	"github.com/mssc/recert/seed"
)

// eventually waits up to 10 seconds for a condition of the background
// machinery (a listener connecting, a subscription registering).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 10 s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestTwoInstancesOnOnePostgreSQL runs two servers over one database, as
// behind a load balancer: a change made through one is announced at once
// by the other, over SSE and over a websocket, and served by it.
func TestTwoInstancesOnOnePostgreSQL(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cfg := testdb.Config(t, gormstore.DialectPostgres)
	open := func() *gormstore.Store {
		s, err := gormstore.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Close() })
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return s
	}
	first := open()
	if _, err := seed.Apply(ctx, first); err != nil {
		t.Fatal(err)
	}
	a := newEnvOn(t, first, &gormstore.StatementCounter{}, nil)
	b := newEnvOn(t, open(), &gormstore.StatementCounter{}, nil)
	before := get(b.ok(t, `{ catalogVersion }`, nil), "catalogVersion")

	sse, ws := sseEvents(t, ctx, b), wsEvents(t, ctx, b)
	eventually(t, "the subscriptions register", func() bool { return b.catalog.SubscriberCount() >= 2 })
	staff := a.token(t, catalog.RoleStaff, "staff-1")
	created := a.okAs(t, staff, `{ organizations(first: 1) { nodes { id } } }`, nil)
	a.okAs(t, staff, `mutation($o: ID!) { createCertification(input: {organizationId: $o, name: "Certified Widget Rigger", recognitionBases: [NCCA]}, reason: "r") { certification { id } } }`,
		map[string]any{"o": get(created, "organizations", "nodes", 0, "id")})
	after := get(a.ok(t, `{ catalogVersion }`, nil), "catalogVersion")
	if after == before {
		t.Fatal("the catalog version did not change")
	}
	if v := await(t, sse, "SSE on the other instance"); v != after {
		t.Errorf("SSE announced version %s, want %s", v, after)
	}
	if v := await(t, ws, "websocket on the other instance"); v != after {
		t.Errorf("websocket announced version %s, want %s", v, after)
	}
	found := b.ok(t, `{ catalogVersion certifications(filter: {search: "Widget Rigger"}) { totalCount } }`, nil)
	if get(found, "catalogVersion") != after || num(get(found, "certifications", "totalCount")) != 1 {
		t.Errorf("the other instance serves %v", found)
	}
}
