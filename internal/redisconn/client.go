package redisconn

import (
	"context"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/gomodule/redigo/redis"
)

// Runner runs commands and Lua scripts on Redis; *Client is one.
type Runner interface {
	// Do runs one command and returns its reply.
	Do(ctx context.Context, cmd string, args ...any) (any, error)
	// Eval runs script with keysAndArgs and returns its reply.
	Eval(ctx context.Context, script *redis.Script, keysAndArgs ...any) (any, error)
}

// Client runs commands on a pool of Redis connections, each command
// bounded by one timeout and never retried.
type Client struct {
	dial    func(context.Context) (redis.Conn, error)
	timeout time.Duration
	pool    atomic.Pointer[redis.Pool]
}

var _ Runner = (*Client)(nil)

// idleTimeout closes a connection left idle this long, so that a burst's
// extra connections go away within minutes, and before the idle cut-off
// of the NATs and load balancers commonly found between an instance and
// Redis (350 s and more).
const idleTimeout = 4 * time.Minute

// newClient returns a client that dials addr with opts, connecting,
// writing and reading each within timeout.
func newClient(addr string, opts []redis.DialOption, timeout time.Duration) *Client {
	opts = append(opts, redis.DialConnectTimeout(timeout), redis.DialReadTimeout(timeout), redis.DialWriteTimeout(timeout))
	c := &Client{timeout: timeout, dial: func(ctx context.Context) (redis.Conn, error) {
		return redis.DialContext(ctx, "tcp", addr, opts...)
	}}
	c.pool.Store(c.newPool())
	return c
}

// newPool returns an empty pool. Each command holds a connection for one
// round trip only (well under a millisecond on a local network), so a
// few connections a CPU serve far more commands than the process can
// make; ten a CPU is what go-redis, the client before this one, pooled,
// so an instance behaves under load as it did. Idle connections are all
// kept (MaxIdle = MaxActive) so that a steady load never redials, and a
// command that finds every connection busy waits for one (Wait) rather
// than failing, which would mark Redis down; the wait is bounded by the
// timeout like the rest of the command. Connections are not tested on
// borrow: the health probe (Conn.Run) does the checking, and a failure
// replaces the whole pool (Conn.MarkDown), so a Redis that restarted
// costs one failed command rather than one per idle connection.
func (c *Client) newPool() *redis.Pool {
	size := 10 * runtime.GOMAXPROCS(0)
	return &redis.Pool{DialContext: c.dial, MaxIdle: size, MaxActive: size, IdleTimeout: idleTimeout, Wait: true}
}

// Do runs one command on a pooled connection. It gives up when ctx ends
// or after the timeout, for each of waiting for a connection (and
// dialling it), writing and reading; it is never retried.
func (c *Client) Do(ctx context.Context, cmd string, args ...any) (any, error) {
	return c.with(ctx, func(rc redis.Conn) (any, error) { return redis.DoContext(rc, ctx, cmd, args...) })
}

// Eval runs script with keysAndArgs (its keys, then its arguments) on a
// pooled connection: EVALSHA, then EVAL when Redis does not hold the
// script yet. It gives up as Do does.
func (c *Client) Eval(ctx context.Context, script *redis.Script, keysAndArgs ...any) (any, error) {
	return c.with(ctx, func(rc redis.Conn) (any, error) { return script.DoContext(ctx, rc, keysAndArgs...) })
}

// with runs f on a connection from the pool and gives it back.
func (c *Client) with(ctx context.Context, f func(redis.Conn) (any, error)) (any, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	gctx, cancel := context.WithTimeout(ctx, c.timeout)
	rc, err := c.pool.Load().GetContext(gctx)
	cancel()
	if err != nil {
		return nil, err
	}
	defer func() { _ = rc.Close() }()
	return f(rc)
}

// reset drops every pooled connection: the commands after it dial
// afresh, and those under way close their connection when done.
func (c *Client) reset() { _ = c.pool.Swap(c.newPool()).Close() }

// Close closes the pooled connections.
func (c *Client) Close() error { return c.pool.Load().Close() }
