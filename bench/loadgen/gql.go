package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
)

// graphqlBody is the JSON body of a GraphQL request.
func graphqlBody(query string, vars map[string]any) []byte {
	req := map[string]any{"query": query}
	if vars != nil {
		req["variables"] = vars
	}
	b, err := json.Marshal(req)
	if err != nil {
		panic(err)
	}
	return b
}

// post sends one request and returns the status and the whole body.
func post(client *http.Client, endpoint string, header http.Header, contentType string, body []byte) (int, []byte, error) {
	req, err := http.NewRequest(http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Accept", "application/json")
	res, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	return res.StatusCode, raw, err
}

// answerOK is the cheap check of every answer under load: a data object
// and no errors. Names of the catalog never contain the quoted key.
func answerOK(body []byte) bool {
	return bytes.Contains(body, []byte(`"data":{`)) && !bytes.Contains(body, []byte(`"errors"`))
}

// gqlResponse is a decoded GraphQL answer.
type gqlResponse struct {
	Data   map[string]any    `json:"data"`
	Errors []json.RawMessage `json:"errors"`
}

// decode checks an answer fully: HTTP 200, JSON, data and no errors.
func decode(status int, raw []byte, err error) (map[string]any, error) {
	if err != nil {
		return nil, err
	}
	var r gqlResponse
	if jerr := json.Unmarshal(raw, &r); jerr != nil || status != http.StatusOK || len(r.Errors) > 0 || r.Data == nil {
		return nil, fmt.Errorf("HTTP %d: %s", status, truncate(string(raw), 400))
	}
	return r.Data, nil
}

// call sends a GraphQL request and decodes the answer fully.
func call(client *http.Client, endpoint string, header http.Header, query string, vars map[string]any) (map[string]any, error) {
	status, raw, err := post(client, endpoint, header, "application/json", graphqlBody(query, vars))
	return decode(status, raw, err)
}

// multipartBody is a GraphQL multipart request
// (github.com/jaydenseric/graphql-multipart-request-spec) with one file
// at the variable path.
func multipartBody(query string, vars map[string]any, path, name string, content []byte) ([]byte, string) {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	_ = w.WriteField("operations", string(ops))
	m, _ := json.Marshal(map[string][]string{"0": {path}})
	_ = w.WriteField("map", string(m))
	part, _ := w.CreateFormFile("0", name)
	_, _ = part.Write(content)
	_ = w.Close()
	return body.Bytes(), w.FormDataContentType()
}

// get walks a decoded answer by keys and indexes; nil when absent.
func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			l, ok := v.([]any)
			if !ok || k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
