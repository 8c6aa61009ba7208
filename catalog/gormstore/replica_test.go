package gormstore_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/pgcluster"
	"github.com/mssc/recert/internal/primaryread"
)

// Reads go to a streaming replica while it is up, to the primary when a
// request asks for it, and to the primary when the replica is down, so
// that a replica outage costs no request.
func TestReadsGoToTheReplicaAndFallBackToThePrimary(t *testing.T) {
	primary, err := pgcluster.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(primary.Remove)
	replica, err := primary.StartReplica()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(replica.Remove)
	ctx := context.Background()
	store, err := gormstore.Open(ctx, gormstore.Config{DatabaseURL: primary.URL(), ReplicaURLs: []string{replica.URL()}, ReplicaMaxLag: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	if err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the replica to replay the migrations", func() bool {
		db, err := sql.Open("pgx", replica.URL())
		if err != nil {
			return false
		}
		defer db.Close()
		var n int
		return db.QueryRow("SELECT count(*) FROM catalog_state").Scan(&n) == nil && n == 1
	})
	waitFor(t, "the replica to be found healthy", func() bool { h, _ := store.ReplicasHealthy(); return h == 1 })

	before, _ := store.ReplicaReads()
	if _, err := store.LoadCatalog(ctx); err != nil {
		t.Fatal(err)
	}
	if after, _ := store.ReplicaReads(); after <= before {
		t.Fatalf("the catalog load did not read from the replica (%d reads before, %d after)", before, after)
	}

	before, _ = store.ReplicaReads()
	if _, err := store.LoadCatalog(primaryread.With(ctx)); err != nil {
		t.Fatal(err)
	}
	if after, _ := store.ReplicaReads(); after != before {
		t.Fatalf("a read that must see the client's own write went to the replica (%d reads before, %d after)", before, after)
	}

	if err := replica.StopServer(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the stopped replica to be found unhealthy", func() bool { h, _ := store.ReplicasHealthy(); return h == 0 })
	_, fellBack := store.ReplicaReads()
	if _, err := store.LoadCatalog(ctx); err != nil {
		t.Fatalf("with the replica down, the catalog load failed: %v", err)
	}
	if _, after := store.ReplicaReads(); after <= fellBack {
		t.Fatal("with the replica down, the read was not sent to the primary")
	}

	if err := replica.StartServer(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the restarted replica to be found healthy", func() bool { h, _ := store.ReplicasHealthy(); return h == 1 })
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
