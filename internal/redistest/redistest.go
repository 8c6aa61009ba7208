// Package redistest connects tests to the machine's Redis, each test under a
// key prefix of its own that is deleted when it ends.
package redistest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/gomodule/redigo/redis"

	"github.com/mssc/recert/internal/redisconn"
)

// TestURL is the Redis the tests use: REDIS_TEST_URL, or database 11 of
// the machine's Redis on 127.0.0.1:6379.
func TestURL() string {
	if u := os.Getenv("REDIS_TEST_URL"); u != "" {
		return u
	}
	return "redis://127.0.0.1:6379/11"
}

// Open connects to the test Redis and returns a key prefix of the
// test's own; the test fails when Redis does not answer, and every key
// under the prefix is deleted when it ends.
func Open(t testing.TB) (*redisconn.Conn, string) {
	t.Helper()
	c, err := redisconn.Open(TestURL(), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Up() {
		t.Fatalf("Redis at %s does not answer; start it (redis-server) or set REDIS_TEST_URL", TestURL())
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	prefix := "test:" + hex.EncodeToString(b[:]) + ":"
	t.Cleanup(func() {
		ctx := context.Background()
		keys, _ := redis.Strings(c.Client.Do(ctx, "KEYS", prefix+"*"))
		if len(keys) > 0 {
			_, _ = c.Client.Do(ctx, "DEL", redis.Args{}.AddFlat(keys)...)
		}
		_ = c.Close()
	})
	return c, prefix
}

// Unreachable connects to an address where no Redis listens, for the
// tests of what a service does when Redis cannot be reached; the
// connection is closed when the test ends. It is not marked down: a test
// of an outage that is already known calls MarkDown.
func Unreachable(t testing.TB) *redisconn.Conn {
	t.Helper()
	c, err := redisconn.Open("redis://127.0.0.1:1/0", 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}
