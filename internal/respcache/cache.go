// Package respcache caches the responses of GraphQL operations that read
// only public catalog data, keyed by the normalized operation, its
// variables, the catalog version and the version of the open catalog
// reviews (which the credential check reads), so that neither a catalog
// change nor a review opened or decided is ever answered from the cache. Responses that depend on who asks are never
// cached: only anonymous queries made of public catalog fields are.
package respcache

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"

	"github.com/mssc/recert/catalog"
)

// PublicFields are the root query fields whose answers are the same for
// every anonymous caller at one catalog version.
var PublicFields = []string{
	"certifications", "certification", "organizations", "organization", "relatedFields", "keyActivities",
	"activityTypes", "employmentCreditBands", "fees", "recertificationRules", "catalogVersion",
	"checkCredential", "checkCredentials", "applicationTransitions", "__typename",
}

// Cache is a gqlgen extension that serves repeated public catalog queries
// from memory.
type Cache struct {
	catalog *catalog.Catalog
	reviews *catalog.OpenReviews
	entries *lru.Cache[string, *graphql.Response]
	public  map[string]bool
	hits    atomic.Int64
	misses  atomic.Int64
}

var (
	_ graphql.HandlerExtension    = (*Cache)(nil)
	_ graphql.ResponseInterceptor = (*Cache)(nil)
)

// New returns a cache of at most size responses over the catalog and the
// open reviews.
func New(cat *catalog.Catalog, reviews *catalog.OpenReviews, size int) *Cache {
	entries, _ := lru.New[string, *graphql.Response](size)
	public := map[string]bool{}
	for _, f := range PublicFields {
		public[f] = true
	}
	return &Cache{catalog: cat, reviews: reviews, entries: entries, public: public}
}

// ExtensionName names the extension.
func (c *Cache) ExtensionName() string { return "ResponseCache" }

// Validate accepts any schema.
func (c *Cache) Validate(graphql.ExecutableSchema) error { return nil }

// Stats returns the hits and misses so far.
func (c *Cache) Stats() (hits, misses int64) { return c.hits.Load(), c.misses.Load() }

// flags is what the cache learns of one request: whether its operation
// is a public catalog read, and whether its answer came from memory.
type flags struct {
	hit, public atomic.Bool
}

type flagsKey struct{}

// WithFlags returns a context in which the cache can tell the request's
// handlers whether its answer was a hit and whether it is public.
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

// Hit reports whether the response of the request ctx belongs to was
// served from the cache, so that it can be charged almost nothing.
func Hit(ctx context.Context) bool {
	f := flagsOf(ctx)
	return f != nil && f.hit.Load()
}

// IsPublicRead reports whether the cache took the operation of the request
// ctx belongs to as a public catalog read: the same answer for every
// anonymous caller at one catalog version.
func (c *Cache) IsPublicRead(ctx context.Context) bool {
	f := flagsOf(ctx)
	return f != nil && f.public.Load()
}

// ServedWhole records that the request of ctx was answered with a whole
// answer kept from an earlier, identical public read: a hit, and public.
func (c *Cache) ServedWhole(ctx context.Context) {
	c.hits.Add(1)
	if f := flagsOf(ctx); f != nil {
		f.hit.Store(true)
		f.public.Store(true)
	}
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

// Key returns the cache key of the operation, or "" when its response
// must not be cached: not an anonymous query of public fields, or the
// client asked to bypass caches.
func (c *Cache) Key(ctx context.Context) string {
	rc := graphql.GetOperationContext(ctx)
	if rc == nil || rc.Operation == nil || rc.Operation.Operation != ast.Query || catalog.PrincipalFrom(ctx) != nil {
		return ""
	}
	if v := rc.Headers.Get("Cache-Control"); v == "no-cache" || v == "no-store" {
		return ""
	}
	for _, sel := range rc.Operation.SelectionSet {
		f, ok := sel.(*ast.Field)
		if !ok || !c.public[f.Name] {
			return ""
		}
	}
	version, ok := c.DataVersion(ctx)
	if !ok {
		return ""
	}
	var op bytes.Buffer
	formatter.NewFormatter(&op).FormatQueryDocument(rc.Doc)
	vars, _ := json.Marshal(rc.Variables)
	sum := sha256.New()
	for _, part := range [][]byte{op.Bytes(), []byte(rc.OperationName), vars, []byte(version)} {
		sum.Write(part)
		sum.Write([]byte{0})
	}
	return hex.EncodeToString(sum.Sum(nil))
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
// successful public answers.
func (c *Cache) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	key := c.Key(ctx)
	if key == "" {
		return next(ctx)
	}
	markCacheable(ctx)
	if resp, ok := c.entries.Get(key); ok {
		c.hits.Add(1)
		if f := flagsOf(ctx); f != nil {
			f.hit.Store(true)
		}
		return copyResponse(resp)
	}
	c.misses.Add(1)
	resp := next(ctx)
	if resp != nil && len(resp.Errors) == 0 {
		c.entries.Add(key, copyResponse(resp))
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
