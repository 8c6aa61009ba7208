package config

import (
	"net/netip"
	"strings"
	"testing"
	"time"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestLimitsHaveSafeDefaults(t *testing.T) {
	cfg, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.MaxBodyBytes != 1<<20 || cfg.MaxDepth != 12 || cfg.MaxCost != 25000 || cfg.MaxAliases != 30 ||
		cfg.MaxRootFields != 20 || cfg.MaxTokens != 10000 || cfg.ReadTimeout != 30*time.Second ||
		cfg.WriteTimeout != time.Minute || cfg.ResolverTimeout != 10*time.Second ||
		cfg.RateLimitBudget != 50000 || cfg.RateLimitRestore != 1000 || cfg.TrustedProxies != nil {
		t.Errorf("defaults = %+v", cfg)
	}
}

func TestLimitsAreRead(t *testing.T) {
	cfg, err := FromEnv(env(map[string]string{
		"MAX_BODY_BYTES": "4096", "MAX_DEPTH": "8", "MAX_COST": "500", "MAX_ALIASES": "5", "MAX_ROOT_FIELDS": "4",
		"MAX_TOKENS": "2000", "READ_TIMEOUT": "5s", "WRITE_TIMEOUT": "20s", "RESOLVER_TIMEOUT": "3s",
		"RATE_LIMIT_BUDGET": "900", "RATE_LIMIT_RESTORE": "2.5", "TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.7,2001:db8::/32",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.7/32"), netip.MustParsePrefix("2001:db8::/32")}
	if cfg.MaxBodyBytes != 4096 || cfg.MaxDepth != 8 || cfg.MaxCost != 500 || cfg.MaxAliases != 5 || cfg.MaxRootFields != 4 ||
		cfg.MaxTokens != 2000 || cfg.ReadTimeout != 5*time.Second || cfg.WriteTimeout != 20*time.Second ||
		cfg.ResolverTimeout != 3*time.Second || cfg.RateLimitBudget != 900 || cfg.RateLimitRestore != 2.5 ||
		len(cfg.TrustedProxies) != 3 || cfg.TrustedProxies[0] != want[0] || cfg.TrustedProxies[1] != want[1] || cfg.TrustedProxies[2] != want[2] {
		t.Errorf("read = %+v", cfg)
	}
}

func TestLimitsRefuseWhatTheyDoNotUnderstand(t *testing.T) {
	for _, tc := range []struct {
		vars    map[string]string
		mention string
	}{
		{map[string]string{"MAX_BODY_BYTES": "12"}, "MAX_BODY_BYTES"},
		{map[string]string{"MAX_DEPTH": "deep"}, "MAX_DEPTH"},
		{map[string]string{"MAX_DEPTH": "1"}, "from 2 to 100"},
		{map[string]string{"MAX_COST": "-5"}, "MAX_COST"},
		{map[string]string{"MAX_ALIASES": "0"}, "MAX_ALIASES"},
		{map[string]string{"MAX_ROOT_FIELDS": "x"}, "MAX_ROOT_FIELDS"},
		{map[string]string{"MAX_TOKENS": "10"}, "MAX_TOKENS"},
		{map[string]string{"READ_TIMEOUT": "soon"}, "READ_TIMEOUT"},
		{map[string]string{"RESOLVER_TIMEOUT": "-1s"}, "RESOLVER_TIMEOUT"},
		{map[string]string{"WRITE_TIMEOUT": "5s"}, "must be longer than RESOLVER_TIMEOUT"},
		{map[string]string{"RATE_LIMIT_RESTORE": "0"}, "RATE_LIMIT_RESTORE"},
		{map[string]string{"RATE_LIMIT_BUDGET": "100"}, "below MAX_COST"},
		{map[string]string{"TRUSTED_PROXIES": "10.0.0.0/33"}, "TRUSTED_PROXIES"},
	} {
		_, err := FromEnv(env(tc.vars))
		if err == nil || !strings.Contains(err.Error(), tc.mention) {
			t.Errorf("%v: error %v should say %q", tc.vars, err, tc.mention)
		}
	}
}

// TestOpenReviewCapIsRead checks the cap of open catalog reviews per
// candidate: 20 by default, read when set, refused outside 1 to 10 000.
func TestOpenReviewCapIsRead(t *testing.T) {
	if cfg, err := FromEnv(env(nil)); err != nil || cfg.MaxOpenReviewsPerCandidate != 20 {
		t.Errorf("default = %d, %v", cfg.MaxOpenReviewsPerCandidate, err)
	}
	if cfg, err := FromEnv(env(map[string]string{"MAX_OPEN_REVIEWS_PER_CANDIDATE": "3"})); err != nil || cfg.MaxOpenReviewsPerCandidate != 3 {
		t.Errorf("read = %d, %v", cfg.MaxOpenReviewsPerCandidate, err)
	}
	for _, v := range []string{"0", "10001", "many"} {
		if _, err := FromEnv(env(map[string]string{"MAX_OPEN_REVIEWS_PER_CANDIDATE": v})); err == nil || !strings.Contains(err.Error(), "MAX_OPEN_REVIEWS_PER_CANDIDATE") {
			t.Errorf("%q: %v", v, err)
		}
	}
}
