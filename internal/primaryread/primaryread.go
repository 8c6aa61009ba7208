// Package primaryread carries, in a context, the mark that a request's
// database reads must go to the primary rather than a read replica. It
// is the one thing the store and the HTTP layer's read routing
// (internal/readroute) share, kept apart so that the store does not link
// the GraphQL server or the Redis client to read it.
package primaryread

import "context"

type primaryKey struct{}

// With marks ctx's reads for the primary.
func With(ctx context.Context) context.Context {
	return context.WithValue(ctx, primaryKey{}, true)
}

// Wanted reports whether ctx's reads must go to the primary.
func Wanted(ctx context.Context) bool {
	v, _ := ctx.Value(primaryKey{}).(bool)
	return v
}
