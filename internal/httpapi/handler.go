// Package httpapi serves the GraphQL API over HTTP: the endpoint at
// /graphql, GraphiQL at /, the reference web app at /app/, and the
// middleware around them.
package httpapi

import (
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	coderws "github.com/coder/websocket"

	"github.com/mssc/recert/internal/cachecontrol"
	"github.com/mssc/recert/internal/limits"
	"github.com/mssc/recert/internal/ratelimit"
	"github.com/mssc/recert/internal/streamlimit"
	"github.com/mssc/recert/web"
)

// Config is what the HTTP API needs.
type Config struct {
	// Schema is the executable GraphQL schema.
	Schema graphql.ExecutableSchema
	// Logger receives internal errors and panics, with the request id.
	Logger *slog.Logger
	// GraphiQL serves the GraphiQL page at / when true.
	GraphiQL bool
	// Introspection allows schema introspection when true.
	Introspection bool
	// Tokens verifies bearer tokens; nil refuses every token.
	Tokens TokenVerifier
	// Files serves uploaded files to those allowed to read them.
	Files FileOpener
	// Letters prints the pre-filled form letters of claimed activities for
	// those allowed to read them.
	Letters LetterOpener
	// MaxUploadBytes bounds a multipart request; zero means 12 MiB.
	MaxUploadBytes int64
	// MaxBodyBytes bounds any other request body (and a GET query
	// string); zero means 1 MiB.
	MaxBodyBytes int64
	// MaxUploadFiles bounds the files one multipart request maps; zero
	// means DefaultMaxUploadFiles.
	MaxUploadFiles int
	// MaxUploadPaths bounds the variable paths one uploaded file is
	// mapped to; zero means DefaultMaxUploadPaths.
	MaxUploadPaths int
	// UploadMemoryBytes is how much of one uploaded file is held in
	// memory; a larger file goes to UploadSpool. Zero means 1 MiB.
	UploadMemoryBytes int64
	// Streams cap the websockets, event streams and subscriptions a
	// client holds open; a zero field takes its default.
	Streams StreamLimits
	// StreamCounter counts them; nil means an in-process counter.
	StreamCounter streamlimit.Counter
	// StreamsEnd, when it closes, ends every open websocket (a normal
	// closure) and event stream (its complete event): the server is
	// shutting down, and their clients reconnect, behind a load balancer
	// to another instance. Nil keeps them open until their clients leave.
	StreamsEnd <-chan struct{}
	// WebsocketInitTimeout bounds how long an opened websocket may wait
	// before its connection_init; zero means 10 seconds.
	WebsocketInitTimeout time.Duration
	// UploadSpool keeps uploads larger than UploadMemoryBytes while their
	// request runs; nil means one in the system's temporary folder, never
	// swept (the server sweeps its own, see UploadSpool.Run).
	UploadSpool *UploadSpool
	// Production turns off GraphiQL, introspection and field suggestions
	// whatever the fields above say.
	Production bool
	// Limits bound every operation (depth, cost, aliases, root fields,
	// tokens); a zero field takes its default (limits.Defaults).
	Limits limits.Limits
	// ResolverTimeout bounds how long one query or mutation may run; zero
	// means 10 seconds.
	ResolverTimeout time.Duration
	// RateLimiter, when set, keeps each client's budget of cost points;
	// nil lets every operation through (the cost is still reported).
	RateLimiter ratelimit.Store
	// CatalogReadCost is what an anonymous catalog read (a query whose
	// every field the schema's @cacheControl hints declare public for at
	// least CatalogReadMaxAge) is charged; zero means 1.
	CatalogReadCost int
	// Extensions are more gqlgen extensions (a response cache, tracing),
	// used after the request checks and before the limits. Their responses
	// are still reported in extensions.cost; a response cache's hit costs
	// nothing when the cache calls ServedFromCache.
	Extensions []graphql.HandlerExtension
	// PublicReads, with AnswerEntries above zero, turns on the answer
	// memo: the whole answers of up to AnswerEntries anonymous public
	// reads, kept by the exact request and the data versions, for their
	// maxAge, and served before the request is parsed. The response cache
	// decides which reads are public, from the schema's hints.
	PublicReads PublicReads
	// AnswerEntries bounds the answer memo; zero turns it off.
	AnswerEntries int
	// TrustedProxies are the networks of the reverse proxies in front of
	// the service: for a request from one of them, the client's address
	// (an anonymous client's budget) is taken from X-Forwarded-For.
	TrustedProxies []netip.Prefix
	// AllowedOrigins are the origins (scheme://host[:port]) whose pages
	// may call the API and open subscriptions (CORS); empty allows only
	// the API's own origin.
	AllowedOrigins []string
	// DevTokens, when set and not in production, serves POST /dev/token,
	// which the web app's "sign in as" picker uses.
	DevTokens DevTokenSigner
	// WebApp is what the web app at /app/ is told about signing in.
	WebApp web.Settings
}

// New returns the HTTP handler of the API.
func New(cfg Config) http.Handler {
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	maxUpload := orDefault(cfg.MaxUploadBytes, 12<<20)
	maxBody := orDefault(cfg.MaxBodyBytes, 1<<20)
	timeout := orDefault(cfg.ResolverTimeout, 10*time.Second)
	lim := cfg.Limits.WithDefaults()
	cacheRules, err := cachecontrol.New(cfg.Schema.Schema())
	if err != nil {
		// The schema is compiled in: a hint it cannot read is a fault of
		// this build, which its tests catch.
		panic("httpapi: " + err.Error())
	}
	srv := handler.New(cfg.Schema)
	// Parsed and validated documents are kept, so a repeated operation is
	// neither parsed nor validated again.
	srv.SetQueryCache(lru.New[*ast.QueryDocument](queryCacheEntries))
	// The first transport that accepts a request serves it: OPTIONS and
	// HEAD, then the streams (websocket, server-sent events), then every
	// other request, which httpTransport answers as the GraphQL-over-HTTP
	// specification asks.
	srv.AddTransport(transport.Options{})
	streams := &streamCaps{limits: cfg.Streams.WithDefaults(), counter: cfg.StreamCounter}
	if streams.counter == nil {
		streams.counter = streamlimit.NewMemory()
	}
	srv.AddTransport(countedStream{caps: streams, end: cfg.StreamsEnd, Transport: transport.Websocket{
		Implementation: transport.CoderWebsocketImplementation{AcceptOptions: coderws.AcceptOptions{
			OriginPatterns: websocketOriginPatterns(cfg.AllowedOrigins),
		}},
		KeepAlivePingInterval: 15 * time.Second,
		InitFunc:              websocketAuth(cfg.Tokens),
		// A websocket has no deadlines once accepted: one that never
		// initialises is closed rather than held open.
		InitTimeout: orDefault(cfg.WebsocketInitTimeout, 10*time.Second),
	}})
	srv.AddTransport(countedStream{caps: streams, end: cfg.StreamsEnd, Transport: transport.SSE{KeepAlivePingInterval: 15 * time.Second}})
	spool := cfg.UploadSpool
	if spool == nil {
		var err error
		if spool, err = NewUploadSpool(""); err != nil {
			logger.Warn("the upload spool folder cannot be made; uploads go to the temporary folder", "err", err.Error())
			spool = &UploadSpool{dir: os.TempDir(), live: map[string]struct{}{}}
		}
	}
	srv.AddTransport(httpTransport{maxBody: maxBody, maxMemory: orDefault(cfg.UploadMemoryBytes, 1<<20),
		maxFiles: orDefault(cfg.MaxUploadFiles, DefaultMaxUploadFiles), maxPaths: orDefault(cfg.MaxUploadPaths, DefaultMaxUploadPaths),
		spool: spool, limiter: cfg.RateLimiter, timeout: timeout,
		answers: newAnswerMemo(cfg.AnswerEntries, cfg.PublicReads, cfg.RateLimiter)})
	if cfg.Introspection && !cfg.Production {
		srv.Use(extension.Introspection{})
	}
	srv.SetParserTokenLimit(lim.MaxTokens)
	srv.SetDisableSuggestion(cfg.Production)
	// The first extension used is the outermost response interceptor: the
	// cost reporter sees every response, whoever produced it. Operation
	// mutators run in the order used: the limits are checked and the
	// budget consulted last, for operations that passed everything else.
	srv.Use(costReporter{store: cfg.RateLimiter})
	srv.Use(precheck{limits: lim})
	srv.Use(strictEnums{schema: cfg.Schema.Schema()})
	srv.Use(textArguments{schema: cfg.Schema.Schema()})
	srv.Use(introspectionGate{logger: logger})
	for _, ext := range cfg.Extensions {
		srv.Use(ext)
	}
	srv.Use(costControl{schema: cfg.Schema.Schema(), limits: lim, store: cfg.RateLimiter,
		cache: cacheRules, catalogReadCost: orDefault(cfg.CatalogReadCost, 1), streams: streams})
	srv.AroundRootFields(timeoutGuard)
	srv.SetErrorPresenter(errorPresenter(cfg.Schema.Schema(), logger, cfg.Production))
	srv.SetRecoverFunc(recoverFunc(logger))

	mux := http.NewServeMux()
	mux.Handle("/graphql", guard(maxBody, maxUpload, cfg.TrustedProxies, withPrincipal(cfg.Tokens, srv)))
	if cfg.Files != nil {
		mux.Handle("GET /files/", withPrincipal(cfg.Tokens, serveFiles(cfg.Files, logger)))
	}
	if cfg.Letters != nil {
		mux.Handle("GET /letters/", withPrincipal(cfg.Tokens, serveLetters(cfg.Letters, logger)))
	}
	if cfg.GraphiQL && !cfg.Production {
		mux.Handle("GET /{$}", web.GraphiQL())
	}
	settings := cfg.WebApp
	settings.DevSignIn = cfg.DevTokens != nil && !cfg.Production
	mux.Handle("GET /app/", web.App(settings))
	mux.Handle("GET /app", http.RedirectHandler("/app/", http.StatusMovedPermanently))
	if settings.DevSignIn {
		mux.Handle("POST /dev/token", devTokens(cfg.DevTokens))
	}
	return withRequestScope(withCORS(cfg.AllowedOrigins, mux))
}

func orDefault[T int | int64 | time.Duration](v, d T) T {
	if v <= 0 {
		return d
	}
	return v
}

// The defaults of the multipart caps: every mutation takes one file, so
// these leave room for a client that batches a few.
const (
	// DefaultMaxUploadFiles is how many files one request may map.
	DefaultMaxUploadFiles = 10
	// DefaultMaxUploadPaths is how many variable paths one file may be
	// mapped to.
	DefaultMaxUploadPaths = 10
)

// queryCacheEntries bounds the parsed documents kept.
const queryCacheEntries = 1000
