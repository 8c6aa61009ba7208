package streamlimit

import (
	"context"
	"time"

	"github.com/gomodule/redigo/redis"

	"github.com/mssc/recert/internal/redisconn"
)

// acquireScript counts, for KEYS[1], what every live process holds: the
// key is a hash of process id to count, and a process is live while its
// lease key (ARGV[3] followed by its id) exists. Counts of processes
// whose lease expired are dropped first; then, below the limit ARGV[2],
// ARGV[1]'s count goes up by one. It returns 1 when it did.
var acquireScript = redis.NewScript(1, `
local counts = redis.call('HGETALL', KEYS[1])
local total = 0
for i = 1, #counts, 2 do
  local proc = counts[i]
  if proc ~= ARGV[1] and redis.call('EXISTS', ARGV[3] .. proc) == 0 then
    redis.call('HDEL', KEYS[1], proc)
  else
    total = total + tonumber(counts[i + 1])
  end
end
if total >= tonumber(ARGV[2]) then
  return 0
end
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
return 1
`)

// releaseScript takes one from ARGV[1]'s count in KEYS[1], dropping the
// field at zero and the key when empty.
var releaseScript = redis.NewScript(1, `
local n = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
if n <= 0 then
  redis.call('HDEL', KEYS[1], ARGV[1])
end
return n
`)

// Redis is a Counter shared by every process on one Redis. Each process
// holds a lease that it renews (Run); once a killed process's lease
// expires, the next Acquire on a key no longer counts what it held.
type Redis struct {
	client  redisconn.Runner
	prefix  string
	process string
	lease   time.Duration
}

var _ Counter = (*Redis)(nil)

// NewRedis returns a counter whose keys are under prefix, counting for
// the process named process with a lease of lease.
func NewRedis(client redisconn.Runner, prefix, process string, lease time.Duration) *Redis {
	return &Redis{client: client, prefix: prefix, process: process, lease: lease}
}

func (r *Redis) leaseKey() string { return r.prefix + "lease:" + r.process }

// Renew extends this process's lease.
func (r *Redis) Renew(ctx context.Context) error {
	_, err := r.client.Do(ctx, "SET", r.leaseKey(), 1, "PX", r.lease.Milliseconds())
	return err
}

// Run renews the lease every third of it until ctx ends, then gives the
// lease up so that what this process held stops counting at once.
func (r *Redis) Run(ctx context.Context) {
	t := time.NewTicker(r.lease / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			_, _ = r.client.Do(context.WithoutCancel(ctx), "DEL", r.leaseKey())
			return
		case <-t.C:
			_ = r.Renew(ctx)
		}
	}
}

// Acquire adds one to key's count across processes when it is below
// limit.
func (r *Redis) Acquire(ctx context.Context, key string, limit int) (bool, error) {
	n, err := redis.Int(r.client.Eval(ctx, acquireScript, r.prefix+key, r.process, limit, r.prefix+"lease:"))
	if err != nil {
		return false, err
	}
	return n == 1, nil
}

// Release takes back one that Acquire gave for key.
func (r *Redis) Release(ctx context.Context, key string) error {
	_, err := r.client.Eval(ctx, releaseScript, r.prefix+key, r.process)
	return err
}
