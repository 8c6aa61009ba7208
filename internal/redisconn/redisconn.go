// Package redisconn connects to the Redis that several instances share
// (REDIS_URL) and keeps track of whether it answers, so that the stores
// built on it can fall back to per-process state while it does not and
// /readyz and the metrics can say so.
package redisconn

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// Conn is a Redis client with a health flag.
type Conn struct {
	// Client is the go-redis client.
	Client *redis.Client
	up     atomic.Bool
	falls  atomic.Int64
}

// Open parses url (redis://host:port/db) and returns a connection whose
// commands give up after timeout, so that an unreachable Redis delays an
// operation by at most that much before the fallback takes over. It does
// not wait for Redis to answer: a Redis that is down at start is the
// same as one that goes down later.
func Open(url string, timeout time.Duration) (*Conn, error) {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("REDIS_URL is not understood: %w", err)
	}
	if timeout <= 0 {
		timeout = 200 * time.Millisecond
	}
	opts.DialTimeout, opts.ReadTimeout, opts.WriteTimeout = timeout, timeout, timeout
	opts.MaxRetries = 0
	c := &Conn{Client: redis.NewClient(opts)}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	c.up.Store(c.Client.Ping(ctx).Err() == nil)
	return c, nil
}

// Up reports whether Redis answered the last command or probe.
func (c *Conn) Up() bool { return c.up.Load() }

// MarkDown records that a command failed; the stores then use their
// per-process fallback until a probe succeeds.
func (c *Conn) MarkDown() {
	if c.up.Swap(false) {
		c.falls.Add(1)
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
			err := c.Client.Ping(pctx).Err()
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
