package ratelimit

import (
	"context"
	"math"
	"time"

	"github.com/gomodule/redigo/redis"

	"github.com/mssc/recert/internal/redisconn"
)

// bucketScript brings a budget up to date and changes it by one step,
// atomically: KEYS[1] is the bucket (a hash of tokens and the time in
// microseconds it was last seen), ARGV is budget, restore (points a
// second), take (points to take; negative gives back), and mode: 1
// takes only when the points are all there (a reservation), 0 takes
// regardless, into debt if need be (a settlement). Time is Redis's own,
// so that every instance reads one clock. It returns whether it took,
// the points left in thousandths, and the thousandths missing for a
// refused reservation. The bucket expires once it would be full again.
var bucketScript = redis.NewScript(1, `
local budget = tonumber(ARGV[1])
local restore = tonumber(ARGV[2])
local take = tonumber(ARGV[3])
local mode = tonumber(ARGV[4])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local h = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(h[1])
local at = tonumber(h[2])
if tokens == nil then
  tokens = budget
  at = now
end
if now > at then
  tokens = math.min(budget, tokens + (now - at) / 1000000 * restore)
  at = now
end
local took = 1
local missing = 0
if mode == 1 and tokens < take then
  took = 0
  missing = take - tokens
else
  tokens = math.min(budget, tokens - take)
end
local ttl = math.ceil((budget - tokens) / restore * 1000) + 1000
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], ttl)
return {took, math.floor(tokens * 1000), math.ceil(missing * 1000)}
`)

// RedisStore keeps the budgets in Redis, so that every instance behind a
// load balancer spends from one budget per client. Each Reserve and
// Settle is one Lua script run, atomic on its key.
type RedisStore struct {
	client  redisconn.Runner
	prefix  string
	budget  int
	restore float64
}

var _ Store = (*RedisStore)(nil)

// NewRedis returns a store of budget points per client restored at
// restorePerSecond, its keys under prefix.
func NewRedis(client redisconn.Runner, prefix string, budget int, restorePerSecond float64) *RedisStore {
	return &RedisStore{client: client, prefix: prefix, budget: max(budget, 1), restore: math.Max(restorePerSecond, 1e-9)}
}

func (r *RedisStore) run(ctx context.Context, key string, take int, reserve bool) (Status, bool, error) {
	mode := 0
	if reserve {
		mode = 1
	}
	res, err := redis.Int64s(r.client.Eval(ctx, bucketScript, r.prefix+key, r.budget, r.restore, take, mode))
	if err != nil {
		return Status{}, false, err
	}
	tokens := float64(res[1]) / 1000
	st := Status{
		Limit:       r.budget,
		Remaining:   int(math.Floor(tokens)),
		RestoreRate: r.restore,
		Reset:       time.Now().Add(r.duration(float64(r.budget) - tokens)),
	}
	if res[0] == 0 {
		st.RetryAfter = r.duration(float64(res[2]) / 1000)
	}
	return st, res[0] == 1, nil
}

func (r *RedisStore) duration(points float64) time.Duration {
	if points <= 0 {
		return 0
	}
	return time.Duration(math.Ceil(points / r.restore * float64(time.Second)))
}

func (r *RedisStore) capped(cost int) int { return min(max(cost, 0), r.budget) }

// Reserve takes cost points from key's budget when they are available.
func (r *RedisStore) Reserve(ctx context.Context, key string, cost int) (Status, bool, error) {
	return r.run(ctx, key, r.capped(cost), true)
}

// Settle replaces a reservation of reserved points by the actual cost.
func (r *RedisStore) Settle(ctx context.Context, key string, reserved, actual int) (Status, error) {
	st, _, err := r.run(ctx, key, r.capped(actual)-r.capped(reserved), false)
	return st, err
}

// Peek returns key's status; a budget that cannot be read is reported
// full.
func (r *RedisStore) Peek(ctx context.Context, key string) Status {
	st, _, err := r.run(ctx, key, 0, false)
	if err != nil {
		return Status{Limit: r.budget, Remaining: r.budget, RestoreRate: r.restore, Reset: time.Now()}
	}
	return st
}
