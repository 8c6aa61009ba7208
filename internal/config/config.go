// Package config reads the service's configuration from the environment
// and refuses values it does not understand.
package config

import (
	"fmt"
	"log/slog"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/internal/auth"
	"github.com/mssc/recert/internal/blobstore"
)

// Config is the service's configuration.
type Config struct {
	// ListenAddr is the HTTP address to listen on (LISTEN_ADDR).
	ListenAddr string
	// DatabaseURL is the PostgreSQL connection string (DATABASE_URL); empty
	// means the embedded SQLite file.
	DatabaseURL string
	// SQLitePath is the embedded database file (SQLITE_PATH).
	SQLitePath string
	// Production turns off GraphiQL and introspection (APP_ENV=production).
	Production bool
	// SeedOnStart loads the seed catalog at start (SEED_ON_START).
	SeedOnStart bool
	// LogLevel is the least level logged (LOG_LEVEL).
	LogLevel slog.Level
	// ShutdownGrace bounds how long in-flight requests may finish (SHUTDOWN_GRACE).
	ShutdownGrace time.Duration
	// ShutdownDrain is how long, on SIGTERM, the server keeps serving while
	// /readyz answers 503, so that a load balancer's health checks take it
	// out before it stops accepting connections (SHUTDOWN_DRAIN); zero
	// stops accepting at once.
	ShutdownDrain time.Duration
	// DBTimeout bounds connecting to the database, so that a write fails
	// fast with UNAVAILABLE when it is down (DB_TIMEOUT).
	DBTimeout time.Duration
	// Auth says how bearer tokens are verified (AUTH_*).
	Auth auth.Config
	// UploadsURL is where uploaded files are kept (UPLOADS_URL): a file://
	// folder, or an s3:// bucket of any S3-compatible store.
	UploadsURL string
	// MaxUploadBytes is the largest file accepted (MAX_UPLOAD_BYTES).
	MaxUploadBytes int64
	// MaxActivitiesPerApplication bounds the activities one application
	// may claim (MAX_ACTIVITIES_PER_APPLICATION).
	MaxActivitiesPerApplication int
	// MaxBodyBytes bounds a request body other than an upload
	// (MAX_BODY_BYTES).
	MaxBodyBytes int64
	// MaxDepth bounds how deeply an operation's fields nest (MAX_DEPTH).
	MaxDepth int
	// MaxCost bounds an operation's cost (MAX_COST).
	MaxCost int
	// MaxAliases bounds an operation's aliased fields (MAX_ALIASES).
	MaxAliases int
	// MaxRootFields bounds an operation's root fields (MAX_ROOT_FIELDS).
	MaxRootFields int
	// MaxTokens bounds the tokens of a GraphQL document (MAX_TOKENS).
	MaxTokens int
	// MaxOpenReviewsPerCandidate caps the catalog reviews one candidate
	// may have waiting for a decision (MAX_OPEN_REVIEWS_PER_CANDIDATE).
	MaxOpenReviewsPerCandidate int
	// ReadTimeout bounds reading a whole request (READ_TIMEOUT).
	ReadTimeout time.Duration
	// WriteTimeout bounds serving a request, from the end of its headers
	// (WRITE_TIMEOUT); streams are exempt.
	WriteTimeout time.Duration
	// ResolverTimeout bounds how long one query or mutation may run
	// (RESOLVER_TIMEOUT).
	ResolverTimeout time.Duration
	// RateLimitBudget is each client's budget of cost points
	// (RATE_LIMIT_BUDGET).
	RateLimitBudget int
	// RateLimitRestore is the points a second restored to each budget
	// (RATE_LIMIT_RESTORE).
	RateLimitRestore float64
	// TrustedProxies are the networks of the reverse proxies whose
	// X-Forwarded-For names the client (TRUSTED_PROXIES).
	TrustedProxies []netip.Prefix
	// AllowedOrigins are the origins whose pages may call the API
	// (CORS_ALLOWED_ORIGINS, comma-separated; empty by default).
	AllowedOrigins []string
	// WebClientID is the web app's client ID at the OpenID Connect issuer
	// (AUTH_WEB_CLIENT_ID); the app signs in there when it is set.
	WebClientID string
	// Clock is the development clock (APP_CLOCK): the day every rule takes
	// as today; never allowed in production.
	Clock catalog.ClockSetting
	// Caps bound multipart requests, streams and subscriptions, and say
	// how leftover uploads are swept (see caps.go).
	Caps Caps
	// Scale configures several instances: shared budgets and read
	// replicas (see scale.go).
	Scale Scale
	// Mail is where and how notifications are sent.
	Mail MailConfig
}

// DevelopmentSecret signs development tokens when AUTH_DEV_SECRET is not
// set; it is never accepted in production.
const DevelopmentSecret = "recert-development-secret-never-use-in-production"

// FromEnv reads the configuration through getenv, naming the variable and
// what it accepts when a value is not understood.
func FromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{
		ListenAddr:    or(getenv("LISTEN_ADDR"), ":8080"),
		DatabaseURL:   getenv("DATABASE_URL"),
		SQLitePath:    or(getenv("SQLITE_PATH"), "data/recert.db"),
		SeedOnStart:   true,
		ShutdownGrace: 20 * time.Second,
	}
	switch env := or(getenv("APP_ENV"), "development"); env {
	case "development":
	case "production":
		cfg.Production = true
	default:
		return cfg, fmt.Errorf("APP_ENV=%q is not understood; use development or production", env)
	}
	if err := readClock(getenv, &cfg); err != nil {
		return cfg, err
	}
	if err := readMail(getenv, &cfg); err != nil {
		return cfg, err
	}
	if v := getenv("SEED_ON_START"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return cfg, fmt.Errorf("SEED_ON_START=%q is not understood; use true or false", v)
		}
		cfg.SeedOnStart = b
	}
	if v := getenv("LOG_LEVEL"); v != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(strings.ToUpper(v))); err != nil {
			return cfg, fmt.Errorf("LOG_LEVEL=%q is not understood; use debug, info, warn or error", v)
		}
	}
	if err := readAuth(getenv, &cfg); err != nil {
		return cfg, err
	}
	cfg.UploadsURL = getenv("UPLOADS_URL")
	if cfg.UploadsURL != "" {
		if err := blobstore.CheckURL(cfg.UploadsURL); err != nil {
			return cfg, fmt.Errorf("UPLOADS_URL=%q is not understood (%v); use file:///absolute/folder or s3://bucket?region=...", cfg.UploadsURL, err)
		}
	}
	cfg.MaxUploadBytes = 10 << 20
	if v := getenv("MAX_UPLOAD_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1024 || n > 1<<30 {
			return cfg, fmt.Errorf("MAX_UPLOAD_BYTES=%q is not understood; use a number of bytes from 1024 to 1073741824", v)
		}
		cfg.MaxUploadBytes = n
	}
	cfg.MaxActivitiesPerApplication = application.DefaultMaxActivities
	if v := getenv("MAX_ACTIVITIES_PER_APPLICATION"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 10_000 {
			return cfg, fmt.Errorf("MAX_ACTIVITIES_PER_APPLICATION=%q is not understood; use a whole number from 1 to 10000", v)
		}
		cfg.MaxActivitiesPerApplication = n
	}
	if err := readLimits(getenv, &cfg); err != nil {
		return cfg, err
	}
	if err := readScale(getenv, &cfg.Scale); err != nil {
		return cfg, err
	}
	if err := readCaps(getenv, &cfg); err != nil {
		return cfg, err
	}
	origins, err := readOrigins(getenv("CORS_ALLOWED_ORIGINS"))
	if err != nil {
		return cfg, err
	}
	cfg.AllowedOrigins = origins
	cfg.WebClientID = getenv("AUTH_WEB_CLIENT_ID")
	cfg.DBTimeout = 3 * time.Second
	if v := getenv("DB_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 || d > time.Minute {
			return cfg, fmt.Errorf("DB_TIMEOUT=%q is not understood; use a duration from 1ms to 1m, such as 3s", v)
		}
		cfg.DBTimeout = d
	}
	if v := getenv("SHUTDOWN_GRACE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return cfg, fmt.Errorf("SHUTDOWN_GRACE=%q is not understood; use a positive duration such as 20s", v)
		}
		cfg.ShutdownGrace = d
	}
	if v := getenv("SHUTDOWN_DRAIN"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 || d > time.Minute {
			return cfg, fmt.Errorf("SHUTDOWN_DRAIN=%q is not understood; use a duration from 0s to 1m, such as 5s", v)
		}
		cfg.ShutdownDrain = d
	}
	return cfg, nil
}

// readLimits reads the limits of requests and operations, the timeouts
// and the rate limit, each with a safe default.
func readLimits(getenv func(string) string, cfg *Config) error {
	cfg.MaxBodyBytes = 1 << 20
	cfg.MaxDepth, cfg.MaxCost, cfg.MaxAliases, cfg.MaxRootFields, cfg.MaxTokens = 12, 25000, 30, 20, 10000
	cfg.ReadTimeout, cfg.WriteTimeout, cfg.ResolverTimeout = 30*time.Second, 60*time.Second, 10*time.Second
	cfg.RateLimitBudget, cfg.RateLimitRestore = 50000, 1000
	cfg.MaxOpenReviewsPerCandidate = 20
	if v := getenv("MAX_BODY_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1024 || n > 1<<30 {
			return fmt.Errorf("MAX_BODY_BYTES=%q is not understood; use a number of bytes from 1024 to 1073741824", v)
		}
		cfg.MaxBodyBytes = n
	}
	for _, c := range []struct {
		name     string
		min, max int
		into     *int
	}{
		{"MAX_DEPTH", 2, 100, &cfg.MaxDepth},
		{"MAX_COST", 10, 10_000_000, &cfg.MaxCost},
		{"MAX_ALIASES", 1, 10_000, &cfg.MaxAliases},
		{"MAX_ROOT_FIELDS", 1, 10_000, &cfg.MaxRootFields},
		{"MAX_TOKENS", 100, 1_000_000, &cfg.MaxTokens},
		{"RATE_LIMIT_BUDGET", 1, 1_000_000_000, &cfg.RateLimitBudget},
		{"MAX_OPEN_REVIEWS_PER_CANDIDATE", 1, 10_000, &cfg.MaxOpenReviewsPerCandidate},
	} {
		v := getenv(c.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < c.min || n > c.max {
			return fmt.Errorf("%s=%q is not understood; use a whole number from %d to %d", c.name, v, c.min, c.max)
		}
		*c.into = n
	}
	for _, c := range []struct {
		name string
		into *time.Duration
	}{
		{"READ_TIMEOUT", &cfg.ReadTimeout}, {"WRITE_TIMEOUT", &cfg.WriteTimeout}, {"RESOLVER_TIMEOUT", &cfg.ResolverTimeout},
	} {
		v := getenv(c.name)
		if v == "" {
			continue
		}
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return fmt.Errorf("%s=%q is not understood; use a positive duration such as 30s", c.name, v)
		}
		*c.into = d
	}
	if v := getenv("RATE_LIMIT_RESTORE"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 || f > 1e9 {
			return fmt.Errorf("RATE_LIMIT_RESTORE=%q is not understood; use the points restored a second, a positive number such as 1000", v)
		}
		cfg.RateLimitRestore = f
	}
	for _, v := range strings.Split(getenv("TRUSTED_PROXIES"), ",") {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		p, err := netip.ParsePrefix(v)
		if err != nil {
			a, aerr := netip.ParseAddr(v)
			if aerr != nil {
				return fmt.Errorf("TRUSTED_PROXIES has %q, which is not understood; use addresses or networks such as 10.0.0.0/8, separated by commas", v)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		cfg.TrustedProxies = append(cfg.TrustedProxies, p.Masked())
	}
	if cfg.WriteTimeout <= cfg.ResolverTimeout {
		return fmt.Errorf("WRITE_TIMEOUT=%s must be longer than RESOLVER_TIMEOUT=%s, or answers would be cut off", cfg.WriteTimeout, cfg.ResolverTimeout)
	}
	if cfg.RateLimitBudget < cfg.MaxCost {
		return fmt.Errorf("RATE_LIMIT_BUDGET=%d is below MAX_COST=%d; the costliest allowed operation could never run", cfg.RateLimitBudget, cfg.MaxCost)
	}
	return nil
}

// readAuth reads the AUTH_* variables. Production never takes a development
// secret and needs an issuer and an audience with its key set.
func readAuth(getenv func(string) string, cfg *Config) error {
	a := auth.Config{
		DevSecret:        getenv("AUTH_DEV_SECRET"),
		JWKSURL:          getenv("AUTH_JWKS_URL"),
		Issuer:           getenv("AUTH_ISSUER"),
		Audience:         getenv("AUTH_AUDIENCE"),
		RolesClaim:       or(getenv("AUTH_ROLES_CLAIM"), "roles"),
		CandidateIDClaim: or(getenv("AUTH_CANDIDATE_ID_CLAIM"), "mssc_candidate_id"),
		Leeway:           30 * time.Second,
	}
	if a.JWKSURL != "" {
		u, err := url.Parse(a.JWKSURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("AUTH_JWKS_URL=%q is not understood; use the https URL of the issuer's JSON Web Key Set", a.JWKSURL)
		}
	}
	if cfg.Production {
		if a.DevSecret != "" {
			return fmt.Errorf("AUTH_DEV_SECRET is set but APP_ENV=production: development tokens are never accepted in production; unset it and use AUTH_JWKS_URL")
		}
		if a.JWKSURL != "" && (a.Issuer == "" || a.Audience == "") {
			return fmt.Errorf("AUTH_JWKS_URL is set without AUTH_ISSUER and AUTH_AUDIENCE; production tokens must be checked for both")
		}
	} else {
		if a.DevSecret == "" {
			a.DevSecret = DevelopmentSecret
		}
		if a.JWKSURL == "" {
			a.Issuer = or(a.Issuer, "recert-dev")
			a.Audience = or(a.Audience, "recert-api")
		}
	}
	cfg.Auth = a
	return nil
}

// readClock reads APP_CLOCK, the development clock, which production
// refuses: a service that took another day for today there would accept
// and refuse real applications wrongly.
func readClock(getenv func(string) string, cfg *Config) error {
	v := getenv("APP_CLOCK")
	if v == "" {
		return nil
	}
	if cfg.Production {
		return fmt.Errorf("APP_CLOCK=%q is set but APP_ENV=production: the development clock is never allowed in production; unset APP_CLOCK", v)
	}
	clock, err := catalog.ParseClockSetting(v)
	if err != nil {
		return fmt.Errorf("APP_CLOCK is not understood: %w", err)
	}
	cfg.Clock = clock
	return nil
}

func or(v, fallback string) string {
	if v == "" {
		return fallback
	}
	return v
}

// readOrigins reads CORS_ALLOWED_ORIGINS: origins as a browser sends them
// (scheme://host[:port], no path), comma-separated. A wildcard is refused:
// every origin must be named.
func readOrigins(v string) ([]string, error) {
	var origins []string
	for _, o := range strings.Split(v, ",") {
		o = strings.TrimSpace(o)
		if o == "" {
			continue
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.Contains(u.Host, "*") ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return nil, fmt.Errorf("CORS_ALLOWED_ORIGINS entry %q is not understood; list origins such as https://app.example.com,http://localhost:5173 (no wildcard, no path)", o)
		}
		origins = append(origins, u.Scheme+"://"+strings.ToLower(u.Host))
	}
	return origins, nil
}
