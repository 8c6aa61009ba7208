// Package httpapi serves the GraphQL API over HTTP: the endpoint at
// /graphql, GraphiQL at /, and the middleware around them.
package httpapi

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"

	"github.com/mssc/recert/catalog"
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
	// MaxUploadBytes bounds a multipart request; zero means 12 MiB.
	MaxUploadBytes int64
}

// New returns the HTTP handler of the API.
func New(cfg Config) http.Handler {
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	maxUpload := cfg.MaxUploadBytes
	if maxUpload == 0 {
		maxUpload = 12 << 20
	}
	srv := handler.New(cfg.Schema)
	// The first transport that accepts a request serves it: server-sent
	// events must come before POST, which would take subscriptions too.
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.SSE{KeepAlivePingInterval: 15 * time.Second})
	srv.AddTransport(transport.POST{})
	srv.AddTransport(transport.MultipartForm{MaxUploadSize: maxUpload, MaxMemory: 1 << 20})
	srv.AddTransport(transport.Websocket{
		KeepAlivePingInterval: 15 * time.Second,
		InitFunc:              websocketAuth(cfg.Tokens),
	})
	if cfg.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(strictEnums{schema: cfg.Schema.Schema()})
	srv.SetErrorPresenter(errorPresenter(cfg.Schema.Schema(), logger))
	srv.SetRecoverFunc(recoverFunc(logger))

	mux := http.NewServeMux()
	mux.Handle("/graphql", withPrincipal(cfg.Tokens, srv))
	if cfg.Files != nil {
		mux.Handle("GET /files/", withPrincipal(cfg.Tokens, serveFiles(cfg.Files, logger)))
	}
	if cfg.GraphiQL {
		mux.Handle("GET /{$}", playground.Handler("MSSC Recertification API", "/graphql"))
	}
	return withRequestID(withCatalogScope(mux))
}

// withCatalogScope makes every catalog read of one request see one snapshot.
func withCatalogScope(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(catalog.WithRequestScope(r.Context())))
	})
}
