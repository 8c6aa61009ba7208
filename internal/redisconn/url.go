package redisconn

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/gomodule/redigo/redis"
)

// parseURL reads a REDIS_URL as go-redis's ParseURL did:
// redis://[[user]:password@]host[:port][/db], or rediss:// for TLS, the
// host defaulting to localhost, the port to 6379 and the database to 0.
// A password alone authenticates with AUTH password, a user and a
// password with AUTH user password (an ACL user); a user without a
// password does not authenticate. It returns the address to dial and
// the options that select the database and authenticate. Query
// options (go-redis's pool_size and the like) are refused: the pool and
// the timeouts are this package's to set.
func parseURL(raw string) (string, []redis.DialOption, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", nil, fmt.Errorf("REDIS_URL is not understood: %w", err)
	}
	if u.Scheme != "redis" && u.Scheme != "rediss" {
		return "", nil, fmt.Errorf("REDIS_URL is not understood: scheme %q; use redis:// or rediss://", u.Scheme)
	}
	if u.RawQuery != "" {
		return "", nil, errors.New("REDIS_URL is not understood: it takes no options after '?'")
	}
	host, port, err := net.SplitHostPort(u.Host)
	if err != nil {
		host, port = u.Host, "6379"
	}
	if host == "" {
		host = "localhost"
	}
	opts := []redis.DialOption{redis.DialUseTLS(u.Scheme == "rediss")}
	if db := strings.Trim(u.Path, "/"); db != "" {
		n, err := strconv.Atoi(db)
		if err != nil || n < 0 {
			return "", nil, fmt.Errorf("REDIS_URL is not understood: database %q is not a number", db)
		}
		opts = append(opts, redis.DialDatabase(n))
	}
	if password, ok := u.User.Password(); ok && password != "" {
		opts = append(opts, redis.DialPassword(password))
		if user := u.User.Username(); user != "" {
			opts = append(opts, redis.DialUsername(user))
		}
	}
	return net.JoinHostPort(host, port), opts, nil
}
