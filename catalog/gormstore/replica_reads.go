package gormstore

import (
	"context"

	"github.com/mssc/recert/internal/primaryread"
)

// ReplicaReads returns how many reads went to a replica and how many fell
// back to the primary because no replica was healthy; both are zero
// without replicas.
func (s *Store) ReplicaReads() (replica, primary int64) {
	if s.replicas == nil {
		return 0, 0
	}
	return s.replicas.ServedByReplica.Load(), s.replicas.ServedByPrimary.Load()
}

// ReplicasHealthy returns how many replicas are healthy, of how many.
func (s *Store) ReplicasHealthy() (healthy, total int) {
	if s.replicas == nil {
		return 0, 0
	}
	for i := range s.replicas.Healthy {
		if s.replicas.Healthy[i].Load() {
			healthy++
		}
	}
	return healthy, len(s.replicas.Healthy)
}

// readsFromReplica reports whether ctx's reads may go to a replica.
func (s *Store) readsFromReplica(ctx context.Context) bool {
	return s.replicas != nil && !primaryread.Wanted(ctx)
}
