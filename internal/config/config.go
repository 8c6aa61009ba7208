// Package config reads the service's configuration from the environment
// and refuses values it does not understand.
package config

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
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
}

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
	if v := getenv("SHUTDOWN_GRACE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return cfg, fmt.Errorf("SHUTDOWN_GRACE=%q is not understood; use a positive duration such as 20s", v)
		}
		cfg.ShutdownGrace = d
	}
	return cfg, nil
}

func or(v, fallback string) string {
	if v == "" {
		return fallback
	}
	return v
}
