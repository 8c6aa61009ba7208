package redisconn

import "github.com/gomodule/redigo/redis"

// Pool returns the client's current pool, for the tests.
func (c *Client) Pool() *redis.Pool { return c.pool.Load() }
