package apitest

import (
	"net/http"
	"testing"
)

// pdf is a small file whose content is a PDF.
var pdf = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

// upload posts a GraphQL multipart request (the GraphQL multipart request
// specification) with one file bound to the variable path.
func (e *env) upload(t *testing.T, token, query string, vars map[string]any, path, name string, content []byte) response {
	t.Helper()
	body, contentType := multipartBody(t, map[string]any{"query": query, "variables": vars}, map[string][]string{"0": {path}}, []string{"0"}, name, content)
	return e.send(t, nil, http.MethodPost, "/graphql", body, append([]string{"Content-Type", contentType}, bearer(token)...)...).json(t)
}

// download GETs a stored file with the token, returning status and body.
func (e *env) download(t *testing.T, token, path string) (int, []byte) {
	t.Helper()
	r := e.send(t, nil, http.MethodGet, path, nil, bearer(token)...)
	return r.Status, []byte(r.Body)
}
