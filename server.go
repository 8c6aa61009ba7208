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
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/auth"
	"github.com/mssc/recert/internal/blobstore"
	"github.com/mssc/recert/internal/config"
	"github.com/mssc/recert/internal/httpapi"
	"github.com/mssc/recert/resolvers"
	"github.com/mssc/recert/seed"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "recert:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	command := "serve"
	if len(args) > 0 {
		command = args[0]
	}
	if command != "serve" && command != "migrate" && command != "seed" && command != "token" {
		return fmt.Errorf("unknown command %q; use serve, migrate, seed or token", command)
	}
	cfg, err := config.FromEnv(os.Getenv)
	if err != nil {
		return err
	}
	if command == "token" {
		return printDevToken(cfg, args[1:], os.Stdout)
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	store, err := gormstore.Open(ctx, gormstore.Config{DatabaseURL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath})
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Migrate(ctx); err != nil {
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
	return serve(ctx, cfg, store, logger)
}

func serve(ctx context.Context, cfg config.Config, store *gormstore.Store, logger *slog.Logger) error {
	cat := catalog.New(store)
	if _, err := cat.Snapshot(ctx); err != nil {
		return fmt.Errorf("loading the catalog: %w", err)
	}
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
	reviews := catalog.NewReviews(cat, store, blobs.Files(limits), time.Now)
	go cat.Watch(ctx, store.ListenCatalogChanges)
	verifier, err := auth.NewVerifier(ctx, cfg.Auth)
	if err != nil {
		logger.Warn("bearer tokens are refused", "reason", err.Error())
		verifier = nil
	}
	schema := resolvers.NewSchema(&resolvers.Resolver{
		Catalog:            cat,
		CandidateService:   catalog.NewCandidates(store, time.Now),
		CredentialChecker:  catalog.NewCredentialChecker(cat, reviews, time.Now),
		ReviewService:      reviews,
		CurationService:    catalog.NewCuration(cat, store, time.Now),
		ApplicationService: catalog.NewApplications(cat, store, store, reviews, blobs.Files(limits), time.Now),
	})
	srv := &http.Server{
		Addr: cfg.ListenAddr,
		Handler: httpapi.New(httpapi.Config{
			Schema: schema, Logger: logger,
			GraphiQL: !cfg.Production, Introspection: !cfg.Production,
			Tokens: tokenVerifier(verifier), Files: reviews, MaxUploadBytes: cfg.MaxUploadBytes + 1<<20,
		}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
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
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// tokenVerifier keeps a nil verifier a nil interface, so that the handler
// refuses every token rather than calling a nil pointer.
func tokenVerifier(v *auth.Verifier) httpapi.TokenVerifier {
	if v == nil {
		return nil
	}
	return v
}
