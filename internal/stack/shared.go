package stack

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/mssc/recert/internal/config"
	"github.com/mssc/recert/internal/ratelimit"
	"github.com/mssc/recert/internal/readroute"
	"github.com/mssc/recert/internal/redisconn"
	"github.com/mssc/recert/internal/streamlimit"
)

// redisPrefix is the prefix of every key the service keeps in Redis.
const redisPrefix = "recert:"

// streamLease is how long a killed process's stream and subscription
// counts keep counting in Redis.
const streamLease = 15 * time.Second

// sharedState is what several instances share: the cost budgets, the
// stream and subscription counts and the stickiness of recent writers,
// in Redis when REDIS_URL is set and in this process otherwise.
type sharedState struct {
	budgets ratelimit.Store
	streams streamlimit.Counter
	sticky  readroute.Sticky
	redis   *redisconn.Conn
	stop    context.CancelFunc
	// name is this instance's name (INSTANCE_NAME).
	name string
}

// redisUp reports "off" without Redis, "up" while it answers and "down"
// (per-process budgets) while it does not.
func (s *sharedState) redisUp() string {
	switch {
	case s.redis == nil:
		return "off"
	case s.redis.Up():
		return "up"
	default:
		return "down"
	}
}

func (s *sharedState) close() {
	s.stop()
	if s.redis != nil {
		_ = s.redis.Close()
	}
}

// openShared builds the shared state from the configuration.
func openShared(ctx context.Context, cfg config.Config, logger *slog.Logger) (*sharedState, error) {
	local := ratelimit.New(cfg.RateLimitBudget, cfg.RateLimitRestore, time.Now)
	ctx, stop := context.WithCancel(ctx)
	name := cfg.Scale.InstanceName
	if name == "" {
		host, _ := os.Hostname()
		name = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	s := &sharedState{budgets: local, streams: streamlimit.NewMemory(), sticky: readroute.NewMemory(cfg.Scale.ReplicaStickiness), stop: stop, name: name}
	if cfg.Scale.RedisURL == "" {
		return s, nil
	}
	conn, err := redisconn.Open(cfg.Scale.RedisURL, cfg.Scale.RedisTimeout)
	if err != nil {
		stop()
		return nil, err
	}
	if !conn.Up() {
		logger.Warn("Redis does not answer; each process keeps its own budgets until it does")
	}
	counter := streamlimit.NewRedis(conn.Client, redisPrefix+"streams:", name, streamLease)
	_ = counter.Renew(ctx)
	go counter.Run(ctx)
	go conn.Run(ctx, time.Second)
	s.redis = conn
	s.budgets = ratelimit.NewFallback(ratelimit.NewRedis(conn.Client, redisPrefix+"budget:", cfg.RateLimitBudget, cfg.RateLimitRestore), local, conn)
	s.streams = streamlimit.NewFallback(counter, conn)
	s.sticky = readroute.NewRedis(conn.Client, redisPrefix+"wrote:", cfg.Scale.ReplicaStickiness, conn)
	return s, nil
}
