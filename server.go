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
	"path/filepath"
	"runtime/debug"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/auth"
	"github.com/mssc/recert/internal/blobstore"
	"github.com/mssc/recert/internal/config"
	"github.com/mssc/recert/internal/formletter"
	"github.com/mssc/recert/internal/httpapi"
	"github.com/mssc/recert/internal/idlemem"
	oplimits "github.com/mssc/recert/internal/limits"
	"github.com/mssc/recert/internal/notify"
	"github.com/mssc/recert/internal/observe"
	"github.com/mssc/recert/internal/readroute"
	"github.com/mssc/recert/internal/respcache"
	"github.com/mssc/recert/internal/services"
	"github.com/mssc/recert/internal/tracing"
	"github.com/mssc/recert/resolvers"
	"github.com/mssc/recert/seed"
	"github.com/mssc/recert/web"
	"github.com/ravilushqa/otelgqlgen"
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

func serve(ctx context.Context, cfg config.Config, store *gormstore.Store, logger *slog.Logger, tracingOn bool) error {
	uploadsURL := cfg.UploadsURL
	if uploadsURL == "" {
		uploadsURL = blobstore.DefaultURL(filepath.Dir(cfg.SQLitePath))
	}
	blobs, err := blobstore.Open(ctx, uploadsURL)
	if err != nil {
		return fmt.Errorf("opening the upload storage: %w", err)
	}
	defer blobs.Close()
	limits := blobstore.DefaultLimits()
	limits.MaxBytes = cfg.MaxUploadBytes
	clock := cfg.Clock.Clock(time.Now)
	if !cfg.Clock.IsReal() {
		logger.Warn("the development clock is set: every rule takes its day for today, not the real day",
			"app_clock", cfg.Clock.String(), "today", catalog.DateOf(clock()).String(), "real_today", catalog.DateOf(time.Now().UTC()).String())
	}
	svc := services.New(store, services.Config{Files: blobs.Files(limits), Clock: clock,
		MaxOpenReviewsPerCandidate: cfg.MaxOpenReviewsPerCandidate, MaxActivitiesPerApplication: cfg.MaxActivitiesPerApplication, StaffEmails: cfg.Mail.StaffEmails})
	cat, openReviews, applications, inbox := svc.Catalog, svc.OpenReviews, svc.Applications, svc.Inbox
	if _, err := cat.Snapshot(ctx); err != nil {
		return fmt.Errorf("loading the catalog: %w", err)
	}
	svc.Watch(ctx)
	verifier, err := auth.NewVerifier(ctx, cfg.Auth)
	if err != nil {
		logger.Warn("bearer tokens are refused", "reason", err.Error())
		verifier = nil
	}
	schema := resolvers.NewSchema(svc.Resolver())
	cache := respcache.New(cat, openReviews, responseCacheEntries)
	sqlDB, err := store.SQLDB()
	if err != nil {
		return err
	}
	metrics := observe.NewMetrics(sqlDB, cache.Stats)
	shared, err := openShared(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer shared.close()
	metrics.Shared(shared.redisUp, store.ReplicaReads)
	extensions := []graphql.HandlerExtension{
		metrics.Extension(),
		readroute.Extension{Sticky: shared.sticky},
		extension.AutomaticPersistedQuery{Cache: lru.New[string](persistedQueryEntries)},
		cache,
	}
	if tracingOn {
		extensions = append([]graphql.HandlerExtension{otelgqlgen.Middleware()}, extensions...)
	}
	spool, err := httpapi.NewUploadSpool(cfg.Caps.UploadSpoolDir)
	if err != nil {
		return fmt.Errorf("making the upload spool folder: %w", err)
	}
	go spool.Run(ctx, cfg.Caps.UploadSweepEvery, cfg.Caps.UploadSweepAge, logger)
	// Open streams end when the shutdown begins, after the drain, so that
	// their clients reconnect to an instance that stays.
	streamsEnd := make(chan struct{})
	api := httpapi.New(httpapi.Config{
		Schema: schema, Logger: logger,
		GraphiQL: !cfg.Production, Introspection: !cfg.Production, Production: cfg.Production,
		Tokens: tokenVerifier(verifier), Files: svc.Files, Letters: formletter.New(applications), MaxUploadBytes: cfg.MaxUploadBytes + 1<<20,
		MaxBodyBytes: cfg.MaxBodyBytes, ResolverTimeout: cfg.ResolverTimeout,
		MaxUploadFiles: cfg.Caps.MaxUploadFiles, MaxUploadPaths: cfg.Caps.MaxUploadPaths, UploadSpool: spool,
		Streams: httpapi.StreamLimits{MaxStreamsPerClient: cfg.Caps.MaxStreamsPerClient,
			MaxSubscriptionsPerConnection: cfg.Caps.MaxSubscriptionsPerConnection, MaxSubscriptionsPerClient: cfg.Caps.MaxSubscriptionsPerClient},
		Limits: oplimits.Limits{MaxDepth: cfg.MaxDepth, MaxCost: cfg.MaxCost, MaxAliases: cfg.MaxAliases,
			MaxRootFields: cfg.MaxRootFields, MaxTokens: cfg.MaxTokens},
		RateLimiter:    shared.budgets,
		StreamCounter:  shared.streams,
		StreamsEnd:     streamsEnd,
		TrustedProxies: cfg.TrustedProxies,
		Extensions:     extensions,
		PublicReads:    cache,
		AnswerEntries:  answerEntries(tracingOn),
		AllowedOrigins: cfg.AllowedOrigins,
		DevTokens:      devTokenSigner(cfg),
		WebApp:         webSettings(cfg),
	})
	queue, err := startNotifications(context.WithoutCancel(ctx), cfg, store, cat, clock, logger)
	if err != nil {
		return err
	}
	defer stopNotifications(queue, cfg.ShutdownGrace, logger)
	inbox.SetDeliveries(queue)
	idle := idlemem.New()
	go idle.Run(ctx, idleAfter)
	var draining atomic.Bool
	srv := &http.Server{
		Addr:              cfg.ListenAddr,
		Handler:           routes(api, cache, metrics, idle, store, cat, shared, draining.Load, cfg.Clock, clock, logger),
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
		draining.Store(true)
		logger.Info("draining before the shutdown", "for", cfg.ShutdownDrain.String())
		time.Sleep(cfg.ShutdownDrain)
	}
	srv.RegisterOnShutdown(func() { close(streamsEnd) })
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// webSettings tells the web app to sign in at the issuer the API trusts
// when the app has a client ID there.
func webSettings(cfg config.Config) web.Settings {
	if cfg.WebClientID == "" || cfg.Auth.Issuer == "" {
		return web.Settings{}
	}
	return web.Settings{OIDCIssuer: cfg.Auth.Issuer, OIDCClientID: cfg.WebClientID, OIDCScope: "openid profile email"}
}

// tokenVerifier keeps a nil verifier a nil interface, so that the handler
// refuses every token rather than calling a nil pointer.
func tokenVerifier(v *auth.Verifier) httpapi.TokenVerifier {
	if v == nil {
		return nil
	}
	return v
}
