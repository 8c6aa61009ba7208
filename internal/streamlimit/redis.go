package streamlimit

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// acquireScript counts, for KEYS[1], what every live process holds: the
// key is a hash of process id to count, and a process is live while its
// lease key (ARGV[3] followed by its id) exists. Counts of processes
// whose lease expired are dropped first; then, below the limit ARGV[2],
// ARGV[1]'s count goes up by one. It returns 1 when it did.
var acquireScript = redis.NewScript(`
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
var releaseScript = redis.NewScript(`
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
	client  redis.Cmdable
	prefix  string
	process string
	lease   time.Duration
}

var _ Counter = (*Redis)(nil)

// NewRedis returns a counter whose keys are under prefix, counting for
// the process named process with a lease of lease.
func NewRedis(client redis.Cmdable, prefix, process string, lease time.Duration) *Redis {
	return &Redis{client: client, prefix: prefix, process: process, lease: lease}
}

func (r *Redis) leaseKey() string { return r.prefix + "lease:" + r.process }

// Renew extends this process's lease.
func (r *Redis) Renew(ctx context.Context) error {
	return r.client.Set(ctx, r.leaseKey(), 1, r.lease).Err()
}

// Run renews the lease every third of it until ctx ends, then gives the
// lease up so that what this process held stops counting at once.
func (r *Redis) Run(ctx context.Context) {
	t := time.NewTicker(r.lease / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			_ = r.client.Del(context.WithoutCancel(ctx), r.leaseKey()).Err()
			return
		case <-t.C:
			_ = r.Renew(ctx)
		}
	}
}

// Acquire adds one to key's count across processes when it is below
// limit.
func (r *Redis) Acquire(ctx context.Context, key string, limit int) (bool, error) {
	n, err := acquireScript.Run(ctx, r.client, []string{r.prefix + key}, r.process, limit, r.prefix+"lease:").Int()
	if err != nil {
		return false, err
	}
	return n == 1, nil
}

// Release takes back one that Acquire gave for key.
func (r *Redis) Release(ctx context.Context, key string) error {
	return releaseScript.Run(ctx, r.client, []string{r.prefix + key}, r.process).Err()
}
