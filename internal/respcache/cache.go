// Package respcache caches the responses of GraphQL operations that read
// only public catalog data, keyed by the normalized operation, its
// variables and the catalog version, so that a catalog change is never
// answered from the cache. Responses that depend on who asks are never
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
	entries *lru.Cache[string, *graphql.Response]
	public  map[string]bool
	hits    atomic.Int64
	misses  atomic.Int64
}

var (
	_ graphql.HandlerExtension    = (*Cache)(nil)
	_ graphql.ResponseInterceptor = (*Cache)(nil)
)

// New returns a cache of at most size responses.
func New(cat *catalog.Catalog, size int) *Cache {
	entries, _ := lru.New[string, *graphql.Response](size)
	public := map[string]bool{}
	for _, f := range PublicFields {
		public[f] = true
	}
	return &Cache{catalog: cat, entries: entries, public: public}
}

// ExtensionName names the extension.
func (c *Cache) ExtensionName() string { return "ResponseCache" }

// Validate accepts any schema.
func (c *Cache) Validate(graphql.ExecutableSchema) error { return nil }

// Stats returns the hits and misses so far.
func (c *Cache) Stats() (hits, misses int64) { return c.hits.Load(), c.misses.Load() }

type hitKey struct{}

// Hit reports whether the response of the request ctx belongs to was
// served from the cache, so that it can be charged almost nothing.
func Hit(ctx context.Context) bool {
	h, _ := ctx.Value(hitKey{}).(*atomic.Bool)
	return h != nil && h.Load()
}

// WithHitFlag returns a context in which the cache can tell a hit.
func WithHitFlag(ctx context.Context) context.Context {
	return context.WithValue(ctx, hitKey{}, &atomic.Bool{})
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
	snap, err := c.catalog.Snapshot(ctx)
	if err != nil {
		return ""
	}
	var op bytes.Buffer
	formatter.NewFormatter(&op).FormatQueryDocument(rc.Doc)
	vars, _ := json.Marshal(rc.Variables)
	sum := sha256.New()
	for _, part := range [][]byte{op.Bytes(), []byte(rc.OperationName), vars, []byte(strconv.FormatInt(snap.Version(), 10))} {
		sum.Write(part)
		sum.Write([]byte{0})
	}
	return hex.EncodeToString(sum.Sum(nil))
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
		if h, _ := ctx.Value(hitKey{}).(*atomic.Bool); h != nil {
			h.Store(true)
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
