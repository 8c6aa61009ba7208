package readroute_test

import (
	"context"
	"testing"
	"time"

	"github.com/mssc/recert/internal/readroute"
	"github.com/mssc/recert/internal/redistest"
)

// A write through one instance sends the principal's reads to the
// primary on every instance, for the stickiness and no longer.
func TestStickinessIsSharedAcrossInstances(t *testing.T) {
	conn, prefix := redistest.Open(t)
	ctx := context.Background()
	a := readroute.NewRedis(conn.Client, prefix, 300*time.Millisecond, conn)
	b := readroute.NewRedis(conn.Client, prefix, 300*time.Millisecond, conn)
	if b.Recent(ctx, "alice") {
		t.Fatal("alice reads from the primary before writing")
	}
	a.Wrote(ctx, "alice")
	if !b.Recent(ctx, "alice") {
		t.Fatal("after alice wrote through one instance, another sends her reads to a replica")
	}
	if b.Recent(ctx, "bob") {
		t.Fatal("bob's reads follow alice's write")
	}
	time.Sleep(400 * time.Millisecond)
	if b.Recent(ctx, "alice") {
		t.Fatal("alice still reads from the primary after the stickiness")
	}
}

// With Redis down a write through another instance cannot be known, so
// every signed-in read goes to the primary.
func TestWithRedisDownReadsGoToThePrimary(t *testing.T) {
	conn := redistest.Unreachable(t)
	conn.MarkDown()
	s := readroute.NewRedis(conn.Client, "x:", time.Second, conn)
	if !s.Recent(context.Background(), "carol") {
		t.Fatal("with Redis down, a read was sent to a replica")
	}
}
