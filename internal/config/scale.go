package config

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Scale are the settings of a deployment of several instances.
type Scale struct {
	// RedisURL is the Redis that keeps the cost budgets and the stream
	// and subscription counts shared by every instance (REDIS_URL, such
	// as redis://127.0.0.1:6379/0); empty means each process keeps its
	// own.
	RedisURL string
	// RedisTimeout bounds one Redis command, after which the process
	// falls back to its own budgets until Redis answers again
	// (REDIS_TIMEOUT).
	RedisTimeout time.Duration
	// ReplicaURLs are PostgreSQL read replicas of DATABASE_URL
	// (DATABASE_REPLICA_URLS, separated by commas).
	ReplicaURLs []string
	// ReplicaStickiness is how long after a principal's write its reads
	// go to the primary, so that it reads its own writes however far a
	// replica lags behind within that time (REPLICA_STICKINESS).
	ReplicaStickiness time.Duration
	// InstanceName names this process in shared counts and in the
	// X-Served-By response header (INSTANCE_NAME); empty means the host
	// name and process id.
	InstanceName string
}

// readScale reads the settings of several instances.
func readScale(getenv func(string) string, s *Scale) error {
	s.RedisURL = getenv("REDIS_URL")
	s.RedisTimeout = 200 * time.Millisecond
	s.ReplicaStickiness = 5 * time.Second
	s.InstanceName = getenv("INSTANCE_NAME")
	if s.RedisURL != "" {
		u, err := url.Parse(s.RedisURL)
		if err != nil || (u.Scheme != "redis" && u.Scheme != "rediss") || u.Host == "" {
			return fmt.Errorf("REDIS_URL=%q is not understood; use redis://host:port/database", s.RedisURL)
		}
	}
	for _, c := range []struct {
		name string
		into *time.Duration
		max  time.Duration
	}{
		{"REDIS_TIMEOUT", &s.RedisTimeout, 10 * time.Second},
		{"REPLICA_STICKINESS", &s.ReplicaStickiness, time.Hour},
	} {
		if v := getenv(c.name); v != "" {
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 || d > c.max {
				return fmt.Errorf("%s=%q is not understood; use a positive duration up to %s, such as 1s", c.name, v, c.max)
			}
			*c.into = d
		}
	}
	for _, v := range strings.Split(getenv("DATABASE_REPLICA_URLS"), ",") {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			return fmt.Errorf("DATABASE_REPLICA_URLS has %q, which is not understood; use postgres:// URLs separated by commas", v)
		}
		s.ReplicaURLs = append(s.ReplicaURLs, v)
	}
	if len(s.ReplicaURLs) > 0 && !strings.HasPrefix(getenv("DATABASE_URL"), "postgres") {
		return fmt.Errorf("DATABASE_REPLICA_URLS needs DATABASE_URL to name the PostgreSQL primary")
	}
	return nil
}
