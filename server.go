// Command recert serves the MSSC recertification GraphQL API.
//
// Usage:
//
//	recert            migrate, seed and serve (the default)
//	recert migrate    apply the database migrations and exit
//	recert seed       apply migrations and load the seed catalog, then exit
//	recert token -role STAFF -subject alice [-candidate-id C-1] [-ttl 12h]
//	                  print a development token (never valid in production)
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/config"
	"github.com/mssc/recert/internal/notify"
	"github.com/mssc/recert/internal/stack"
	"github.com/mssc/recert/internal/tracing"
	"github.com/mssc/recert/seed"
)

// defaultGCPercent is the garbage collector's GOGC unless the environment
// sets one. The live heap is small (the catalog snapshot and the caches,
// about 5 MiB), so letting the heap reach three times it rather than
// twice costs a few MiB under load and halves the collections, whose
// pauses the tail latency follows; internal/idlemem gives the memory back
// when the load stops.
const defaultGCPercent = 200

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "recert:", err)
		os.Exit(1)
	}
}

// run carries out a command with the configuration getenv reads, logging
// to logs; serving stops gracefully when ctx ends (SIGTERM or SIGINT in main).
func run(ctx context.Context, args []string, getenv func(string) string, logs io.Writer) error {
	command := "serve"
	if len(args) > 0 {
		command = args[0]
	}
	if command != "serve" && command != "migrate" && command != "seed" && command != "token" {
		return fmt.Errorf("unknown command %q; use serve, migrate, seed or token", command)
	}
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		return err
	}
	if command == "token" {
		return printDevToken(cfg, args[1:], os.Stdout)
	}
	logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: cfg.LogLevel}))
	tracingOn := tracing.Enabled(getenv)
	stopTracing, err := tracing.Setup(ctx, getenv)
	if err != nil {
		return err
	}
	defer func() { _ = stopTracing(context.Background()) }()

	store, err := gormstore.Open(ctx, gormstore.Config{DatabaseURL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath, ConnectTimeout: cfg.DBTimeout, Tracing: tracingOn,
		ReplicaURLs: cfg.Scale.ReplicaURLs, ReplicaMaxLag: cfg.Scale.ReplicaStickiness})
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Migrate(ctx); err != nil {
		return err
	}
	if err := notify.Migrate(ctx, store); err != nil {
		return err
	}
	if command == "migrate" {
		logger.Info("migrations applied", "dialect", store.Dialect())
		return nil
	}
	if command == "seed" || cfg.SeedOnStart {
		report, err := seed.Apply(ctx, store)
		if err != nil {
			return fmt.Errorf("loading the seed catalog: %w", err)
		}
		logger.Info("seed applied", "inserted", report.Inserted, "updated", report.Updated,
			"unchanged", report.Unchanged, "catalog_version", report.Version)
	}
	if command == "seed" {
		return nil
	}
	return serve(ctx, cfg, store, logger, tracingOn)
}

// serve builds the stack over store and serves it on cfg.ListenAddr until
// ctx ends, then drains and shuts down within the grace period.
func serve(ctx context.Context, cfg config.Config, store *gormstore.Store, logger *slog.Logger, tracingOn bool) error {
	mailer, err := stack.Mailer(cfg.Mail, logger)
	if err != nil {
		return err
	}
	st, err := stack.New(ctx, store, stack.Config{Service: cfg, Logger: logger, Tracing: tracingOn, Mailer: mailer})
	if err != nil {
		return err
	}
	defer st.Close()
	// The catalog is loaded before the first request, so that an instance
	// that cannot read it never starts serving.
	if _, err := st.Services.Catalog.Snapshot(ctx); err != nil {
		return fmt.Errorf("loading the catalog: %w", err)
	}
	srv := &http.Server{
		Addr:              cfg.ListenAddr,
		Handler:           st.Handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       120 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	logger.Info("serving", "addr", cfg.ListenAddr, "dialect", store.Dialect(), "production", cfg.Production)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	if cfg.ShutdownDrain > 0 {
		// Leave the load balancer before closing the door: /readyz answers
		// 503 while every request is still served, until the balancer's
		// health checks have taken this instance out.
		st.Drain()
		logger.Info("draining before the shutdown", "for", cfg.ShutdownDrain.String())
		time.Sleep(cfg.ShutdownDrain)
	}
	// Open streams end when the shutdown begins, after the drain, so that
	// their clients reconnect to an instance that stays.
	srv.RegisterOnShutdown(st.EndStreams)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
