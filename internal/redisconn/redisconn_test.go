package redisconn_test

import (
	"cmp"
	"context"
	"errors"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gomodule/redigo/redis"

	"github.com/mssc/recert/internal/redisconn"
	"github.com/mssc/recert/internal/redistest"
)

// The database of the URL is the one the commands run on.
func TestOpenSelectsTheDatabase(t *testing.T) {
	u, err := url.Parse(redistest.TestURL())
	if err != nil {
		t.Fatal(err)
	}
	db := cmp.Or(strings.Trim(u.Path, "/"), "0")
	c, _ := redistest.Open(t)
	info, err := redis.String(c.Client.Do(context.Background(), "CLIENT", "INFO"))
	if err != nil || !strings.Contains(info, " db="+db+" ") {
		t.Fatalf("CLIENT INFO says %q (err %v); want database %s", info, err, db)
	}
}

// A Redis that dropped every connection (it restarted) costs one failed
// command, not one per pooled connection: marking it down drops the
// pool, and the next command dials afresh.
func TestMarkDownDropsThePooledConnections(t *testing.T) {
	c, _ := redistest.Open(t)
	ctx := context.Background()
	pool := c.Client.Pool()
	var conns []redis.Conn
	var ids []int64
	for range 3 {
		rc := pool.Get()
		id, err := redis.Int64(rc.Do("CLIENT", "ID"))
		if err != nil {
			t.Fatal(err)
		}
		conns, ids = append(conns, rc), append(ids, id)
	}
	for _, rc := range conns {
		_ = rc.Close()
	}
	if n := pool.IdleCount(); n != 3 {
		t.Fatalf("%d idle connections; want the 3 given back", n)
	}
	killer, err := redis.DialURL(redistest.TestURL())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = killer.Close() }()
	for _, id := range ids {
		if _, err := killer.Do("CLIENT", "KILL", "ID", id); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Client.Do(ctx, "PING"); err == nil {
		t.Fatal("a command on a connection Redis closed succeeded")
	}
	c.MarkDown()
	if _, err := c.Client.Do(ctx, "PING"); err != nil {
		t.Fatalf("after the failure was recorded, a command still failed: %v", err)
	}
}

// silentRedis listens where Redis would and accepts connections but
// never answers, as a Redis that hangs does; it returns its URL.
func silentRedis(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var held []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			nc, err := l.Accept()
			if err != nil {
				return
			}
			held = append(held, nc)
		}
	}()
	t.Cleanup(func() {
		_ = l.Close()
		<-done
		for _, nc := range held {
			_ = nc.Close()
		}
	})
	return "redis://" + l.Addr().String() + "/0"
}

// A command to a Redis that does not answer gives up at its context's
// deadline, or at the timeout when that comes first, and at once when
// its context has already ended; the connection then reports Redis down.
func TestCommandsGiveUpWhenRedisDoesNotAnswer(t *testing.T) {
	const timeout = 300 * time.Millisecond
	c, err := redisconn.Open(silentRedis(t), timeout)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	if c.Up() {
		t.Fatal("a Redis that never answered is reported up")
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	short, cancelShort := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancelShort()
	for _, tc := range []struct {
		name     string
		ctx      context.Context
		min, max time.Duration
		// want is the error when only one can come; the deadline
		// reaches the socket as a read deadline too.
		want error
	}{
		{"context already cancelled", cancelled, 0, 20 * time.Millisecond, context.Canceled},
		{"context deadline before the timeout", short, 40 * time.Millisecond, timeout, nil},
		{"no deadline: the timeout", context.Background(), timeout, 2 * timeout, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := c.Client.Do(tc.ctx, "PING")
			took := time.Since(start)
			if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Fatalf("err %v; want %v", err, tc.want)
			}
			if took < tc.min || took > tc.max {
				t.Fatalf("gave up after %v; want between %v and %v", took, tc.min, tc.max)
			}
		})
	}
}
