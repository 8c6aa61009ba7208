// Package stack builds the recertification API's HTTP tier over one store:
// the domain services, the GraphQL schema with the response cache,
// automatic persisted queries, the metrics and read-routing extensions,
// the batched reads of application histories, the answer memo, the
// handler, and the routes beside it (/healthz, /readyz, /metrics, the
// catalog downloads). server.go and the API tests both build their server
// with New, so that the tests run the stack production runs, caches and
// limits included.
package stack

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/candidate"
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
	"github.com/mssc/recert/resolvers"
	"github.com/mssc/recert/web"
	"github.com/ravilushqa/otelgqlgen"
)

// Config is what the stack needs besides the store. Production leaves
// Clock and HTTP nil; the API tests set Clock to move it, HTTP to change
// one setting, and no Mailer.
type Config struct {
	// Service is the service's configuration, as config.FromEnv reads it.
	Service config.Config
	// Logger receives the request log and the handler's errors.
	Logger *slog.Logger
	// Tracing puts the OpenTelemetry extension first and turns the answer
	// memo off, so that every operation runs the executor and has spans.
	Tracing bool
	// Clock, when set, tells the services the time in place of
	// Service.Clock; the API tests move it.
	Clock func() time.Time
	// Mailer, when set, sends the notifications from a queue on the
	// store's database; nil runs no queue (the API tests that send mail
	// run their own).
	Mailer notify.Mailer
	// HTTP, when set, changes the handler's configuration once the stack
	// has assembled it from Service, before the handler is built.
	HTTP func(*httpapi.Config)
}

// Stack is the assembled service: its handler and what serving it needs.
type Stack struct {
	// Handler serves every route.
	Handler http.Handler
	// Services are the domain services behind the API.
	Services *services.Services
	// Cache is the response cache of public catalog reads.
	Cache *respcache.Cache
	// Blobs keeps the uploaded files.
	Blobs *blobstore.Store

	logger     *slog.Logger
	grace      time.Duration
	shared     *sharedState
	queue      *notify.Queue
	draining   atomic.Bool
	streamsEnd chan struct{}
	endStreams sync.Once
}

// New builds the stack over store. Its background work (the catalog and
// open-review watchers, the upload sweep, the memory release, the shared
// counts' renewal) runs until ctx ends; Close releases the rest.
func New(ctx context.Context, store *gormstore.Store, cfg Config) (*Stack, error) {
	s := &Stack{logger: cfg.Logger, grace: cfg.Service.ShutdownGrace, streamsEnd: make(chan struct{})}
	if err := s.build(ctx, store, cfg); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// build opens and assembles the stack's parts in s, in the order they
// depend on one another.
func (s *Stack) build(ctx context.Context, store *gormstore.Store, cfg Config) error {
	svcCfg, logger := cfg.Service, cfg.Logger
	uploadsURL := svcCfg.UploadsURL
	if uploadsURL == "" {
		uploadsURL = blobstore.DefaultURL(filepath.Dir(svcCfg.SQLitePath))
	}
	blobs, err := blobstore.Open(ctx, uploadsURL)
	if err != nil {
		return fmt.Errorf("opening the upload storage: %w", err)
	}
	s.Blobs = blobs
	limits := blobstore.DefaultLimits()
	limits.MaxBytes = svcCfg.MaxUploadBytes
	clock := s.clock(cfg)
	svc := services.New(store, services.Config{Files: blobs.Files(limits), Clock: clock,
		MaxOpenReviewsPerCandidate: svcCfg.MaxOpenReviewsPerCandidate, MaxActivitiesPerApplication: svcCfg.MaxActivitiesPerApplication, StaffEmails: svcCfg.Mail.StaffEmails})
	s.Services = svc
	svc.Watch(ctx)
	verifier, err := auth.NewVerifier(ctx, svcCfg.Auth)
	if err != nil {
		logger.Warn("bearer tokens are refused", "reason", err.Error())
		verifier = nil
	}
	s.Cache = respcache.New(svc.Catalog, svc.OpenReviews, responseCacheEntries)
	sqlDB, err := store.SQLDB()
	if err != nil {
		return err
	}
	metrics := observe.NewMetrics(sqlDB, s.Cache.Stats)
	if s.shared, err = openShared(ctx, svcCfg, logger); err != nil {
		return err
	}
	metrics.Shared(s.shared.redisUp, store.ReplicaReads)
	spool, err := httpapi.NewUploadSpool(svcCfg.Caps.UploadSpoolDir)
	if err != nil {
		return fmt.Errorf("making the upload spool folder: %w", err)
	}
	go spool.Run(ctx, svcCfg.Caps.UploadSweepEvery, svcCfg.Caps.UploadSweepAge, logger)
	apiCfg := s.apiConfig(cfg, svc, store, store, tokenVerifier(verifier), metrics, spool)
	if cfg.HTTP != nil {
		cfg.HTTP(&apiCfg)
	}
	api := httpapi.New(apiCfg)
	if cfg.Mailer != nil {
		if s.queue, err = startNotifications(context.WithoutCancel(ctx), svcCfg, cfg.Mailer, store, svc.Catalog, clock, logger); err != nil {
			return err
		}
		svc.Inbox.SetDeliveries(s.queue)
	}
	idle := idlemem.New()
	go idle.Run(ctx, idleAfter)
	s.Handler = routes(api, s.Cache, metrics, idle, store, svc.Catalog, s.shared, s.draining.Load, svcCfg.Clock, clock, logger)
	return nil
}

// clock is the services' clock: the one cfg sets, or else the configured
// one, which is logged when it is not the real clock.
func (s *Stack) clock(cfg Config) func() time.Time {
	if cfg.Clock != nil {
		return cfg.Clock
	}
	setting := cfg.Service.Clock
	clock := setting.Clock(time.Now)
	if !setting.IsReal() {
		s.logger.Warn("the development clock is set: every rule takes its day for today, not the real day",
			"app_clock", setting.String(), "today", catalog.DateOf(clock()).String(), "real_today", catalog.DateOf(time.Now().UTC()).String())
	}
	return clock
}

// apiConfig assembles the GraphQL handler's configuration from the
// service's: its schema, extensions, limits, caps and collaborators;
// histories and candidates read the application histories and the
// candidates each root field batches.
func (s *Stack) apiConfig(cfg Config, svc *services.Services, histories application.HistoryReader, candidates candidate.BatchReader, tokens httpapi.TokenVerifier, metrics *observe.Metrics, spool *httpapi.UploadSpool) httpapi.Config {
	c := cfg.Service
	extensions := []graphql.HandlerExtension{
		metrics.Extension(),
		readroute.Extension{Sticky: s.shared.sticky},
		extension.AutomaticPersistedQuery{Cache: lru.New[string](persistedQueryEntries)},
		s.Cache,
		historyBatches(histories),
		candidateBatches(candidates),
	}
	if cfg.Tracing {
		extensions = append([]graphql.HandlerExtension{otelgqlgen.Middleware()}, extensions...)
	}
	return httpapi.Config{
		Schema: resolvers.NewSchema(svc.Resolver()), Logger: cfg.Logger,
		GraphiQL: !c.Production, Introspection: !c.Production, Production: c.Production,
		Tokens: tokens, Files: svc.Files, Letters: formletter.New(svc.Applications), MaxUploadBytes: c.MaxUploadBytes + 1<<20,
		MaxBodyBytes: c.MaxBodyBytes, ResolverTimeout: c.ResolverTimeout,
		MaxUploadFiles: c.Caps.MaxUploadFiles, MaxUploadPaths: c.Caps.MaxUploadPaths, UploadSpool: spool,
		Streams: httpapi.StreamLimits{MaxStreamsPerClient: c.Caps.MaxStreamsPerClient,
			MaxSubscriptionsPerConnection: c.Caps.MaxSubscriptionsPerConnection, MaxSubscriptionsPerClient: c.Caps.MaxSubscriptionsPerClient},
		Limits: oplimits.Limits{MaxDepth: c.MaxDepth, MaxCost: c.MaxCost, MaxAliases: c.MaxAliases,
			MaxRootFields: c.MaxRootFields, MaxTokens: c.MaxTokens},
		RateLimiter:    s.shared.budgets,
		StreamCounter:  s.shared.streams,
		StreamsEnd:     s.streamsEnd,
		TrustedProxies: c.TrustedProxies,
		Extensions:     extensions,
		PublicReads:    s.Cache,
		AnswerEntries:  answerEntries(cfg.Tracing),
		AllowedOrigins: c.AllowedOrigins,
		DevTokens:      devTokenSigner(c),
		WebApp:         webSettings(c),
	}
}

// Drain makes /readyz answer 503 while every request is still served, so
// that a load balancer takes the instance out before it stops.
func (s *Stack) Drain() { s.draining.Store(true) }

// EndStreams ends every open websocket and event stream, so that their
// clients reconnect to an instance that stays; the server calls it when
// its shutdown begins, after the drain.
func (s *Stack) EndStreams() { s.endStreams.Do(func() { close(s.streamsEnd) }) }

// Close lets the notification sends under way finish, within the
// shutdown grace period, and closes the shared state and the upload
// storage.
func (s *Stack) Close() {
	if s.queue != nil {
		stopNotifications(s.queue, s.grace, s.logger)
	}
	if s.shared != nil {
		s.shared.close()
	}
	if s.Blobs != nil {
		_ = s.Blobs.Close()
	}
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

// devTokenSigner signs the web app's development tokens, for twelve hours;
// it is nil in production and without a development secret.
func devTokenSigner(cfg config.Config) httpapi.DevTokenSigner {
	if cfg.Production || cfg.Auth.DevSecret == "" {
		return nil
	}
	return func(role catalog.Role, subject, candidateNumber string) (string, error) {
		return auth.SignDevToken(cfg.Auth, auth.DevToken{
			Subject: subject, Role: role, CandidateNumber: candidateNumber, TTL: 12 * time.Hour,
		}, time.Now())
	}
}
