// Package web serves the reference web app and the GraphiQL page, both
// built by Vite from this folder into dist/ and embedded in the binary, so
// that serving them needs nothing but the binary. The build stores the
// assets gzip-compressed (dist/assets/<name>.gz), and they are sent so to
// every browser.
package web

import (
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// Settings are what the web app is told at /app/config.json about
// signing in.
type Settings struct {
	// DevSignIn offers the "sign in as" picker, which asks POST /dev/token
	// for development tokens; never true in production.
	DevSignIn bool `json:"devSignIn"`
	// OIDCIssuer is the OpenID Connect issuer the API trusts; the app
	// signs in there with the Authorization Code flow and PKCE.
	OIDCIssuer string `json:"oidcIssuer,omitempty"`
	// OIDCClientID is the app's client ID at that issuer.
	OIDCClientID string `json:"oidcClientId,omitempty"`
	// OIDCScope is the scope the app asks for.
	OIDCScope string `json:"oidcScope,omitempty"`
}

// built is the dist folder, which holds the app's index.html, graphiql.html
// and assets/.
func built() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err)
	}
	return sub
}

// App serves the web app under /app/: its assets (kept for a year, their
// names carry their content's hash; most are embedded gzip-compressed and
// sent so, see asset.serve), config.json, and index.html for every other
// path, so that the app's own addresses survive a reload.
func App(settings Settings) http.Handler {
	files := built()
	config, _ := json.Marshal(settings)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/app")
		name = strings.TrimPrefix(name, "/")
		switch {
		case name == "config.json":
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Cache-Control", "no-store")
			_, _ = w.Write(config)
		case strings.HasPrefix(name, "assets/"):
			a, ok := assets()[name]
			if !ok {
				http.NotFound(w, r)
				return
			}
			a.serve(w, r)
		default:
			page(files, "index.html").ServeHTTP(w, r)
		}
	})
}

// GraphiQL serves the GraphiQL page, whose assets the app's handler serves
// from /app/assets/.
func GraphiQL() http.Handler {
	return page(built(), "graphiql.html")
}

// page serves one HTML file of dist, revalidated on every visit so that a
// new build is picked up at once.
func page(files fs.FS, name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := fs.ReadFile(files, name)
		if err != nil {
			http.Error(w, "the web app is not built: run make web", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write(body)
	})
}
