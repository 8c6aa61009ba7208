// Package readroute decides, per request, whether the database reads may
// go to a read replica: a request that writes, and every request of a
// principal in the short while after it wrote (the stickiness), reads
// from the primary, so that a client always reads its own writes however
// far a replica lags behind. It marks such a request's context with
// internal/primaryread, which the store reads. The stickiness is kept in Redis when
// several instances share one, so that the next request reads from the
// primary whichever instance serves it.
package readroute

import (
	"context"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/gomodule/redigo/redis"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/primaryread"
	"github.com/mssc/recert/internal/redisconn"
)

// Sticky remembers which principals wrote recently.
type Sticky interface {
	// Wrote records that subject just wrote.
	Wrote(ctx context.Context, subject string)
	// Recent reports whether subject wrote within the stickiness.
	Recent(ctx context.Context, subject string) bool
}

// Memory is the in-process Sticky.
type Memory struct {
	ttl time.Duration
	mu  sync.Mutex
	at  map[string]time.Time
}

// NewMemory returns an in-process Sticky of ttl.
func NewMemory(ttl time.Duration) *Memory { return &Memory{ttl: ttl, at: map[string]time.Time{}} }

// Wrote records subject's write now, forgetting writes older than the
// stickiness so that the map stays small.
func (m *Memory) Wrote(_ context.Context, subject string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	for k, t := range m.at {
		if now.Sub(t) > m.ttl {
			delete(m.at, k)
		}
	}
	m.at[subject] = now
}

// Recent reports whether subject wrote within the stickiness.
func (m *Memory) Recent(_ context.Context, subject string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.at[subject]
	return ok && time.Since(t) <= m.ttl
}

// Health says whether Redis answers; redisconn.Conn is one.
type Health interface {
	// Up reports whether Redis answered last.
	Up() bool
	// MarkDown records that a call to Redis failed.
	MarkDown()
}

// Redis is the Sticky shared by every instance, one expiring key per
// principal; it also records locally, and answers from there while Redis
// is down.
type Redis struct {
	client redisconn.Runner
	prefix string
	ttl    time.Duration
	local  *Memory
	health Health
}

// NewRedis returns a shared Sticky of ttl with keys under prefix.
func NewRedis(client redisconn.Runner, prefix string, ttl time.Duration, health Health) *Redis {
	return &Redis{client: client, prefix: prefix, ttl: ttl, local: NewMemory(ttl), health: health}
}

// Wrote records subject's write in Redis and locally.
func (r *Redis) Wrote(ctx context.Context, subject string) {
	r.local.Wrote(ctx, subject)
	if r.health.Up() {
		if _, err := r.client.Do(ctx, "SET", r.prefix+subject, 1, "PX", r.ttl.Milliseconds()); err != nil {
			redisconn.Failed(ctx, r.health)
		}
	}
}

// Recent reports whether subject wrote within the stickiness on any
// instance; while Redis is down, every read goes to the primary, since
// a write through another instance cannot be known.
func (r *Redis) Recent(ctx context.Context, subject string) bool {
	if r.local.Recent(ctx, subject) {
		return true
	}
	if !r.health.Up() {
		return true
	}
	n, err := redis.Int(r.client.Do(ctx, "EXISTS", r.prefix+subject))
	if err != nil {
		redisconn.Failed(ctx, r.health)
		return true
	}
	return n > 0
}

// Extension is the gqlgen extension that routes an operation's reads: a
// mutation's to the primary (and it makes its principal sticky), and a
// query's or subscription's to the primary when its principal wrote
// within the stickiness. Anonymous clients never write.
type Extension struct {
	// Sticky remembers recent writers.
	Sticky Sticky
}

var _ graphql.OperationInterceptor = Extension{}

// ExtensionName names the extension.
func (Extension) ExtensionName() string { return "ReadRouting" }

// Validate accepts every schema.
func (Extension) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation marks the operation's context for the primary when
// its reads must see the principal's writes.
func (e Extension) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	op := graphql.GetOperationContext(ctx)
	p := catalog.PrincipalFrom(ctx)
	if op == nil || op.Operation == nil || p == nil || p.Subject == "" {
		return next(ctx)
	}
	if op.Operation.Operation == ast.Mutation {
		// Sticky from before the write commits until the stickiness
		// after it answered.
		e.Sticky.Wrote(ctx, p.Subject)
		respond := next(primaryread.With(ctx))
		return func(ctx context.Context) *graphql.Response {
			r := respond(ctx)
			e.Sticky.Wrote(context.WithoutCancel(ctx), p.Subject)
			return r
		}
	}
	if e.Sticky.Recent(ctx, p.Subject) {
		return next(primaryread.With(ctx))
	}
	return next(ctx)
}
