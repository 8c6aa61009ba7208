// Package respcache caches the responses of anonymous GraphQL queries
// that the schema declares public (internal/cachecontrol reads its
// @cacheControl hints), keyed by the normalized operation, its variables,
// the catalog version and the version of the open catalog reviews (which
// the credential check reads), so that neither a catalog change nor a
// review opened or decided is ever answered from the cache; an answer is
// also kept no longer than its maxAge. Responses that depend on who asks
// are never cached: only anonymous queries are, and only those whose
// every field the schema declares public.
package respcache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/cachecontrol"
	"github.com/mssc/recert/internal/httpapi"
)

// Cache is a gqlgen extension that serves repeated public catalog queries
// from memory.
type Cache struct {
	catalog *catalog.Catalog
	reviews *catalog.OpenReviews
	entries *lru.Cache[string, *kept]
	// rules are the schema's cache hints, read when the cache is used.
	rules  *cachecontrol.Rules
	hits   atomic.Int64
	misses atomic.Int64
}

// kept is a successful answer and the time it may be kept until.
type kept struct {
	resp    *graphql.Response
	expires time.Time
}

var (
	_ graphql.HandlerExtension    = (*Cache)(nil)
	_ graphql.ResponseInterceptor = (*Cache)(nil)
)

// New returns a cache of at most size responses over the catalog and the
// open reviews.
func New(cat *catalog.Catalog, reviews *catalog.OpenReviews, size int) *Cache {
	entries, _ := lru.New[string, *kept](size)
	return &Cache{catalog: cat, reviews: reviews, entries: entries}
}

// ExtensionName names the extension.
func (c *Cache) ExtensionName() string { return "ResponseCache" }

// Validate reads the schema's @cacheControl hints; it fails, and the
// server does not start, on a hint it cannot read.
func (c *Cache) Validate(schema graphql.ExecutableSchema) error {
	rules, err := cachecontrol.New(schema.Schema())
	if err != nil {
		return err
	}
	c.rules = rules
	return nil
}

// Stats returns the hits and misses so far.
func (c *Cache) Stats() (hits, misses int64) { return c.hits.Load(), c.misses.Load() }

// flags is what the cache learns of one request: how long its answer may
// be kept by any cache, in seconds (0 when it is not a public read).
type flags struct {
	maxAge atomic.Int64
}

type flagsKey struct{}

// WithFlags returns a context in which the cache can tell the request's
// handlers whether its answer is public, and for how long.
func WithFlags(ctx context.Context) context.Context {
	if _, ok := ctx.Value(flagsKey{}).(*flags); ok {
		return ctx
	}
	return context.WithValue(ctx, flagsKey{}, &flags{})
}

func flagsOf(ctx context.Context) *flags {
	f, _ := ctx.Value(flagsKey{}).(*flags)
	return f
}

// PublicMaxAge returns how long the answer of the request ctx belongs to
// may be kept by any cache: its maxAge when the cache took its operation
// as a public read, the same for every anonymous caller at one version of
// the data, and 0 otherwise.
func (c *Cache) PublicMaxAge(ctx context.Context) time.Duration {
	f := flagsOf(ctx)
	if f == nil {
		return 0
	}
	return time.Duration(f.maxAge.Load()) * time.Second
}

// ServedWhole records that the request of ctx was answered with a whole
// answer kept from an earlier, identical public read, which may be kept
// for maxAge.
func (c *Cache) ServedWhole(ctx context.Context, maxAge time.Duration) {
	c.hits.Add(1)
	markPublic(ctx, maxAge)
}

// DataVersion returns the versions of the catalog and of the open reviews
// the request of ctx reads, as one string, or false when either cannot be
// read.
func (c *Cache) DataVersion(ctx context.Context) (string, bool) {
	snap, err := c.catalog.Snapshot(ctx)
	if err != nil {
		return "", false
	}
	reviews, ok := c.reviews.Version(ctx)
	if !ok {
		return "", false
	}
	return strconv.FormatInt(snap.Version(), 10) + "." + strconv.FormatInt(reviews, 10), true
}

// Key returns the cache key of the operation and how long its answer may
// be kept, or "" when it must not be cached: not an anonymous query whose
// every field the schema declares public, or the client asked to bypass
// caches.
func (c *Cache) Key(ctx context.Context) (string, time.Duration) {
	rc := graphql.GetOperationContext(ctx)
	if rc == nil || rc.Operation == nil || rc.Operation.Operation != ast.Query || catalog.PrincipalFrom(ctx) != nil {
		return "", 0
	}
	if v := rc.Headers.Get("Cache-Control"); v == "no-cache" || v == "no-store" {
		return "", 0
	}
	policy := c.rules.Of(ctx)
	if !policy.Shared() {
		return "", 0
	}
	version, ok := c.DataVersion(ctx)
	if !ok {
		return "", 0
	}
	var op bytes.Buffer
	formatter.NewFormatter(&op).FormatQueryDocument(rc.Doc)
	vars, _ := json.Marshal(rc.Variables)
	sum := sha256.New()
	for _, part := range [][]byte{op.Bytes(), []byte(rc.OperationName), vars, []byte(version)} {
		sum.Write(part)
		sum.Write([]byte{0})
	}
	return hex.EncodeToString(sum.Sum(nil)), time.Duration(policy.MaxAge) * time.Second
}

// InterceptOperation lets a query or a mutation answer once. Over
// server-sent events the transport asks for responses until there is
// none, and InterceptResponse would otherwise give a cached answer again
// at every asking, streaming it forever.
func (c *Cache) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	responses := next(ctx)
	if op := graphql.GetOperationContext(ctx).Operation; op != nil && op.Operation == ast.Subscription {
		return responses
	}
	var answered atomic.Bool
	return func(ctx context.Context) *graphql.Response {
		if answered.Swap(true) {
			return nil
		}
		return responses(ctx)
	}
}

// InterceptResponse answers from the cache when it can, and keeps
// successful public answers for their maxAge. A hit is charged nothing
// (httpapi.ServedFromCache).
func (c *Cache) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	key, maxAge := c.Key(ctx)
	if key == "" {
		return next(ctx)
	}
	markPublic(ctx, maxAge)
	if k, ok := c.entries.Get(key); ok {
		if time.Now().Before(k.expires) {
			c.hits.Add(1)
			httpapi.ServedFromCache(ctx)
			return copyResponse(k.resp)
		}
		c.entries.Remove(key)
	}
	c.misses.Add(1)
	resp := next(ctx)
	if resp != nil && len(resp.Errors) == 0 {
		c.entries.Add(key, &kept{resp: copyResponse(resp), expires: time.Now().Add(maxAge)})
	}
	return resp
}

func copyResponse(r *graphql.Response) *graphql.Response {
	out := *r
	out.Extensions = map[string]any{}
	for k, v := range r.Extensions {
		out.Extensions[k] = v
	}
	return &out
}
