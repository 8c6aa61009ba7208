// Package redisconn connects to the Redis that several instances share
// (REDIS_URL) and keeps track of whether it answers, so that the stores
// built on it can fall back to per-process state while it does not and
// /readyz and the metrics can say so.
//
// The client is redigo (github.com/gomodule/redigo): small, maintained,
// and it sends commands as strings, so the binary links nothing for the
// commands it does not use (go-redis, the client before it, has a method
// per command, and gorm's reflection kept every one of them linked).
package redisconn

import (
	"context"
	"sync/atomic"
	"time"
)

// Conn is a Redis client with a health flag.
type Conn struct {
	// Client runs the commands, on a pool of connections.
	Client *Client
	up     atomic.Bool
	falls  atomic.Int64
}

// Open parses url (redis://[user:password@]host:port/db, or rediss:// for
// TLS) and returns a connection whose commands give up after timeout, so
// that an unreachable Redis delays an operation by at most that much
// before the fallback takes over. It does not wait for Redis to answer:
// a Redis that is down at start is the same as one that goes down later.
func Open(url string, timeout time.Duration) (*Conn, error) {
	if timeout <= 0 {
		timeout = 200 * time.Millisecond
	}
	addr, opts, err := parseURL(url)
	if err != nil {
		return nil, err
	}
	c := &Conn{Client: newClient(addr, opts, timeout)}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	_, err = c.Client.Do(ctx, "PING")
	c.up.Store(err == nil)
	return c, nil
}

// Up reports whether Redis answered the last command or probe.
func (c *Conn) Up() bool { return c.up.Load() }

// MarkDown records that a command failed; the stores then use their
// per-process fallback until a probe succeeds. The pooled connections
// are dropped, since a failure makes each of them suspect: the probe and
// the commands after it dial afresh.
func (c *Conn) MarkDown() {
	if c.up.Swap(false) {
		c.falls.Add(1)
		c.Client.reset()
	}
}

// Fallbacks returns how many times Redis was found unreachable.
func (c *Conn) Fallbacks() int64 { return c.falls.Load() }

// Run probes Redis every interval until ctx ends, marking it up again
// when it answers.
func (c *Conn) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			pctx, cancel := context.WithTimeout(ctx, interval)
			_, err := c.Client.Do(pctx, "PING")
			cancel()
			if err != nil {
				c.MarkDown()
			} else {
				c.up.Store(true)
			}
		}
	}
}

// Close closes the client.
func (c *Conn) Close() error { return c.Client.Close() }

// Failed records on health that a command failed, unless the caller's
// context had ended first: a client that hangs up says nothing about
// Redis, and marking Redis down then would let any client switch an
// instance to its per-process budgets and counts.
func Failed(ctx context.Context, health interface{ MarkDown() }) {
	if ctx.Err() == nil {
		health.MarkDown()
	}
}
