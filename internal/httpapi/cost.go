package httpapi

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/cachecontrol"
	"github.com/mssc/recert/internal/limits"
	"github.com/mssc/recert/internal/ratelimit"
)

// CatalogReadMaxAge is the maxAge, in seconds, from which an anonymous
// query is charged Config.CatalogReadCost: one whose every field the
// schema's @cacheControl hints let any cache keep this long changes only
// with the catalog, which staff curation alone changes, is served from the
// in-memory snapshot and is nearly always answered from a cache. A
// shorter-lived public answer, such as a credential check, which any
// opened catalog review can change, pays what it asks for.
const CatalogReadMaxAge = 60

// receipt is what one operation asks for and is charged.
type receipt struct {
	requested int
	// charge is what the operation is charged when it runs.
	charge int
	// refused operations cost nothing.
	refused bool

	// reserved is what was taken from the client's budget before the
	// operation ran, and key the budget it was taken from.
	reserved int
	key      string

	mu sync.Mutex
	// cached is set by ServedFromCache.
	cached bool
	// settled is set once the reservation was settled with the actual cost.
	settled bool
	actual  int
	// subscription is the place a running subscription holds, if any.
	subscription *subscriptionSlot
}

const receiptKey = "recertCost"

func receiptFrom(ctx context.Context) *receipt {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	r, _ := graphql.GetOperationContext(ctx).Stats.GetExtension(receiptKey).(*receipt)
	return r
}

// ServedFromCache marks the operation of ctx as answered from a response
// cache: it is then charged nothing. The response cache
// (internal/respcache) calls it when it serves a hit.
func ServedFromCache(ctx context.Context) {
	if r := receiptFrom(ctx); r != nil {
		r.mu.Lock()
		r.cached = true
		r.mu.Unlock()
	}
}

// costControl measures every operation before it runs, refuses those over
// a limit, and reserves its cost in the client's budget: the reservation
// is atomic, so parallel operations of one client never run on more
// points than the budget holds; costReporter settles it with the actual
// cost after.
type costControl struct {
	schema *ast.Schema
	limits limits.Limits
	store  ratelimit.Store
	// cache are the schema's cache hints, which tell a catalog read.
	cache *cachecontrol.Rules
	// catalogReadCost is what an anonymous catalog read is charged.
	catalogReadCost int
	// streams caps the subscriptions of a connection and of a client.
	streams *streamCaps
}

var _ graphql.OperationContextMutator = costControl{}

// ExtensionName names the extension.
func (costControl) ExtensionName() string { return "CostControl" }

// Validate accepts any schema.
func (costControl) Validate(graphql.ExecutableSchema) error { return nil }

func limitError(code, format string, args ...any) *gqlerror.Error {
	return &gqlerror.Error{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": code}}
}

// MutateOperationContext runs after validation, before execution.
func (c costControl) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Operation
	if op == nil {
		return nil
	}
	state := stateFrom(ctx)
	if state != nil && state.plain && state.method == "GET" && op.Operation != ast.Query {
		return limitError(CodeMethodNotAllowed, "a %s must be sent by POST; GET serves queries only", op.Operation)
	}
	if state != nil && state.plain && op.Operation == ast.Subscription {
		return limitError(CodeBadRequest, "a subscription needs a stream: a websocket (graphql-transport-ws) or POST with Accept: text/event-stream")
	}
	a := limits.Analyze(c.schema, op, opCtx.Variables, c.limits)
	r := &receipt{requested: a.Cost, charge: c.price(ctx, op, a), refused: true}
	opCtx.Stats.SetExtension(receiptKey, r)
	if v := c.violation(a); v != nil {
		return violationError(v)
	}
	if op.Operation == ast.Subscription && c.streams != nil {
		slot, err := c.streams.acquire(ctx, state)
		if err != nil {
			return err
		}
		r.subscription = slot
	}
	if c.store != nil {
		key := clientKey(ctx)
		status, ok, err := c.store.Reserve(ctx, key, r.charge)
		if err != nil {
			if r.subscription != nil {
				r.subscription.release()
			}
			return limitError(string(catalog.CodeUnavailable), "the rate limit cannot be checked right now; retry later")
		}
		state.setBudget(status)
		if !ok {
			if r.subscription != nil {
				r.subscription.release()
			}
			e := limitError(CodeRateLimited,
				"rate limit exceeded: this operation costs %d points and %d remain of %d; retry in %d seconds",
				r.charge, max(status.Remaining, 0), status.Limit, retrySeconds(status))
			e.Extensions["retryAfter"] = retrySeconds(status)
			return e
		}
		r.reserved, r.key = r.charge, key
		if op.Operation == ast.Subscription {
			// A subscription is charged once, when it starts: what it
			// reserved is what it costs.
			r.settled, r.actual = true, r.charge
		}
	}
	r.refused = false
	return nil
}

// violation returns the first limit the analysed operation goes over.
func (c costControl) violation(a limits.Analysis) *limits.Violation {
	l := c.limits
	switch {
	case a.Depth > l.MaxDepth:
		return &limits.Violation{Limit: "depth", Max: l.MaxDepth, Actual: a.Depth}
	case a.Aliases > l.MaxAliases:
		return &limits.Violation{Limit: "aliases", Max: l.MaxAliases, Actual: a.Aliases}
	case a.RootFields > l.MaxRootFields:
		return &limits.Violation{Limit: "rootFields", Max: l.MaxRootFields, Actual: a.RootFields}
	case a.Cost > l.MaxCost:
		return &limits.Violation{Limit: "cost", Max: l.MaxCost, Actual: a.Cost}
	}
	return nil
}

// violationError words a limit violation, with a stable code and the
// limit and actual figures in extensions.
func violationError(v *limits.Violation) *gqlerror.Error {
	var e *gqlerror.Error
	switch v.Limit {
	case "depth":
		e = limitError(CodeMaxDepthExceeded, "the operation nests %d levels deep; at most %d are allowed", v.Actual, v.Max)
	case "aliases":
		e = limitError(CodeMaxAliasesExceeded, "the operation has %d aliases; at most %d are allowed", v.Actual, v.Max)
	case "rootFields":
		e = limitError(CodeMaxRootFieldsExceeded, "the operation has %d root fields; at most %d are allowed", v.Actual, v.Max)
	case "selections":
		e = limitError(CodeMaxSelectionsExceeded, "a selection set has more than %d fields once its fragments are expanded; at most %d are allowed", v.Max, v.Max)
	case "repeats":
		e = limitError(CodeMaxSelectionsExceeded, "a selection set asks for one field %d times; at most %d are allowed", v.Actual, v.Max)
	default:
		e = limitError(CodeMaxCostExceeded,
			"the operation costs %d points; at most %d are allowed (connections cost their page size: ask for smaller pages)", v.Actual, v.Max)
	}
	e.Extensions["limit"] = v.Max
	e.Extensions["actual"] = v.Actual
	return e
}

// precheck refuses, before validation, a document whose validation alone
// would be expensive: too many aliases, root fields or selections in one
// selection set (see limits.Precheck). A document that does not parse is
// left to the executor, which reports the syntax error.
type precheck struct {
	limits limits.Limits
}

var _ graphql.OperationParameterMutator = precheck{}

// ExtensionName names the extension.
func (precheck) ExtensionName() string { return "LimitsPrecheck" }

// Validate accepts any schema.
func (precheck) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters parses the document and checks it.
func (p precheck) MutateOperationParameters(_ context.Context, raw *graphql.RawParams) *gqlerror.Error {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: raw.Query}, p.limits.MaxTokens)
	if err != nil {
		return nil
	}
	if v := limits.Precheck(doc, p.limits); v != nil {
		return violationError(v)
	}
	return nil
}

// price is what an operation is charged before it runs. An anonymous
// catalog read, a query whose every field the schema declares public for
// at least CatalogReadMaxAge, is charged catalogReadCost: it is served
// from memory, and a response cache serves its repeats for nothing.
func (c costControl) price(ctx context.Context, op *ast.OperationDefinition, a limits.Analysis) int {
	if op.Operation == ast.Query && catalog.PrincipalFrom(ctx) == nil {
		if p := c.cache.Of(ctx); p.Shared() && p.MaxAge >= CatalogReadMaxAge {
			return min(c.catalogReadCost, a.Cost)
		}
	}
	return a.Cost
}

// costReporter settles an operation's reservation with its actual cost
// once it ran and reports the cost in extensions.cost. It must be the
// outermost response interceptor (the first extension used), so that it
// sees every response, including one a response cache answers without
// running the operation.
type costReporter struct {
	store ratelimit.Store
}

var _ graphql.ResponseInterceptor = costReporter{}

// ExtensionName names the extension.
func (costReporter) ExtensionName() string { return "CostReporter" }

// Validate accepts any schema.
func (costReporter) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse settles the reservation once the operation ran and
// reports the actual cost in extensions.cost. An operation that ends
// without a response (cancelled or timed out) is settled too, at the cost
// it reserved.
func (c costReporter) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if r := receiptFrom(ctx); r != nil && r.subscription != nil {
		// The context of a subscription's responses ends with it.
		r.subscription.watch(ctx)
	}
	resp := next(ctx)
	if resp == nil {
		if r := receiptFrom(ctx); r != nil {
			c.settle(ctx, r, false)
		}
		return nil
	}
	r := receiptFrom(ctx)
	if r == nil {
		// Refused before it was measured (a syntax error, a failed
		// validation): it asked for nothing and costs nothing.
		r = &receipt{refused: true}
	}
	c.settle(ctx, r, r.refused || r.cached)
	r.mu.Lock()
	cost := map[string]any{"requested": r.requested, "actual": r.actual}
	r.mu.Unlock()
	if c.store != nil {
		b := stateFrom(ctx).lastBudget()
		if b == nil {
			s := c.store.Peek(ctx, clientKey(ctx))
			b = &s
		}
		cost["limit"] = b.Limit
		cost["remaining"] = b.Remaining
		cost["restoreRate"] = b.RestoreRate
	}
	if resp.Extensions == nil {
		resp.Extensions = map[string]any{}
	}
	resp.Extensions["cost"] = cost
	return resp
}

// settle settles r once: free operations (refused, or answered from a
// cache) give their whole reservation back, the others are charged what
// they were priced at.
func (c costReporter) settle(ctx context.Context, r *receipt, free bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.settled {
		return
	}
	r.settled = true
	r.actual = r.charge
	if free {
		r.actual = 0
	}
	if c.store == nil || r.key == "" || r.actual == r.reserved {
		return
	}
	if status, err := c.store.Settle(context.WithoutCancel(ctx), r.key, r.reserved, r.actual); err == nil {
		stateFrom(ctx).setBudget(status)
	}
}

// timeoutGuard refuses to start a root field once the operation ran out
// of time, so that a timed-out operation writes nothing more.
func timeoutGuard(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	if ctx.Err() != nil {
		graphql.AddError(ctx, timeoutError(graphql.GetRootFieldContext(ctx)))
		return graphql.Null
	}
	return next(ctx)
}

func timeoutError(rc *graphql.RootFieldContext) *gqlerror.Error {
	e := &gqlerror.Error{
		Message:    timeoutMessage,
		Extensions: map[string]any{"code": CodeTimeout},
	}
	if rc != nil && rc.Field.Field != nil {
		e.Path = ast.Path{ast.PathName(rc.Field.Alias)}
	}
	return e
}

const timeoutMessage = "the operation took longer than the server allows; ask for less or retry later"

// stripSuggestions cuts gqlparser's "Did you mean ...?" ending off a
// message, so that production errors do not reveal the schema.
func stripSuggestions(message string) string {
	if i := strings.Index(message, " Did you mean "); i >= 0 {
		return message[:i]
	}
	return message
}
