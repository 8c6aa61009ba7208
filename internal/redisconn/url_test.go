package redisconn

import "testing"

// REDIS_URL is read as go-redis read it: the address defaults, the
// database and the credentials become dial options.
func TestParseURLAccepts(t *testing.T) {
	for _, tc := range []struct {
		name, url, addr string
		opts            int
	}{
		{"host, port and database", "redis://10.0.0.5:6380/3", "10.0.0.5:6380", 2},
		{"no port", "redis://cache/0", "cache:6379", 2},
		{"no database", "redis://127.0.0.1:6379", "127.0.0.1:6379", 1},
		{"no host", "redis://:6379/1", "localhost:6379", 2},
		{"password alone", "redis://:secret@cache:6379/2", "cache:6379", 3},
		{"ACL user and password", "redis://app:secret@cache:6379/2", "cache:6379", 4},
		{"user without a password does not authenticate", "redis://app@cache:6379/2", "cache:6379", 2},
		{"TLS", "rediss://cache:6380/0", "cache:6380", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			addr, opts, err := parseURL(tc.url)
			if err != nil || addr != tc.addr || len(opts) != tc.opts {
				t.Fatalf("%s: address %q, %d options, err %v; want %q and %d options", tc.url, addr, len(opts), err, tc.addr, tc.opts)
			}
		})
	}
}

// What go-redis refused, and the query options it read, are refused.
func TestParseURLRefuses(t *testing.T) {
	for name, url := range map[string]string{
		"another scheme":                  "http://cache:6379/0",
		"a database that is not a number": "redis://cache:6379/x",
		"a path of two parts":             "redis://cache:6379/1/2",
		"query options":                   "redis://cache:6379/0?pool_size=5",
		"not a URL":                       "redis://cache:6379/%zz",
	} {
		t.Run(name, func(t *testing.T) {
			if addr, _, err := parseURL(url); err == nil {
				t.Fatalf("%s was accepted (address %s)", url, addr)
			}
		})
	}
}
