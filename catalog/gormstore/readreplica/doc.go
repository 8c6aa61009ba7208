// Package readreplica routes the store's reads to PostgreSQL streaming
// replicas whose lag is within bounds, falling back to the primary.
package readreplica
