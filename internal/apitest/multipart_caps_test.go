package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/httpapi"
	"github.com/mssc/recert/internal/testdb"
)

// spooledEnv runs fn against an API on each database whose uploads go to
// a spool folder of the test's own from their first KiB on, so that every
// test file is kept on disk while its request runs.
func spooledEnv(t *testing.T, fn func(t *testing.T, e *env, spool *httpapi.UploadSpool)) {
	for _, d := range testdb.Dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			spool, err := httpapi.NewUploadSpool(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			e := newEnvWith(t, d, func(c *httpapi.Config) {
				c.UploadSpool = spool
				c.UploadMemoryBytes = 1 << 10
				c.MaxUploadFiles, c.MaxUploadPaths = 3, 4
				// Room for a map of 45,000 paths, as an attacker sent.
				c.MaxUploadBytes = 4 << 20
			})
			fn(t, e, spool)
		})
	}
}

// multipartBody is a GraphQL multipart request whose map is mapping and
// which carries one file part, content named name, for each of parts.
func multipartBody(t testing.TB, operations any, mapping map[string][]string, parts []string, name string, content []byte) (*bytes.Buffer, string) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	ops, _ := json.Marshal(operations)
	_ = w.WriteField("operations", string(ops))
	m, _ := json.Marshal(mapping)
	_ = w.WriteField("map", string(m))
	for _, key := range parts {
		part, _ := w.CreateFormFile(key, name)
		_, _ = part.Write(content)
	}
	_ = w.Close()
	return &body, w.FormDataContentType()
}

// openFilesUnder lists the files under dir this process holds open.
func openFilesUnder(t *testing.T, dir string) []string {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatalf("listing the open files: %v", err)
	}
	var open []string
	for _, fd := range fds {
		if target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && strings.HasPrefix(target, dir+string(filepath.Separator)) {
			open = append(open, target)
		}
	}
	return open
}

// spoolIsClean fails when the spool holds a file or one is still open.
func spoolIsClean(t *testing.T, spool *httpapi.UploadSpool) {
	t.Helper()
	entries, _ := os.ReadDir(spool.Dir())
	if len(entries) > 0 {
		t.Errorf("%d files were left in the upload spool", len(entries))
	}
	if open := openFilesUnder(t, spool.Dir()); len(open) > 0 {
		t.Errorf("files of the spool are still open: %v", open)
	}
}

func TestMultipartRequestsAreCappedInFilesAndPaths(t *testing.T) {
	spooledEnv(t, func(t *testing.T, e *env, spool *httpapi.UploadSpool) {
		candidate := e.token(t, catalog.RoleCandidate, "C-1001")
		ops := map[string]any{"query": submitMutation, "variables": map[string]any{"in": submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")}}
		// A PDF of 4 KiB: past the memory limit, so it is spooled.
		content := append(append([]byte{}, pdf...), bytes.Repeat([]byte(" "), 4<<10)...)
		before := e.rowCounts(t)
		paths := func(n int) []string {
			out := make([]string, n)
			for i := range out {
				out[i] = "variables.in.copy"
			}
			return out
		}
		for _, tc := range []struct {
			name          string
			mapping       map[string][]string
			parts         []string
			code          string
			limit, actual int
		}{
			{"four files where three are allowed", map[string][]string{"0": paths(1), "1": paths(1), "2": paths(1), "3": paths(1)},
				[]string{"0", "1", "2", "3"}, "TOO_MANY_FILES", 3, 4},
			{"two thousand files", func() map[string][]string {
				m := map[string][]string{}
				for i := range 2000 {
					m[fmt.Sprint(i)] = paths(1)
				}
				return m
			}(), []string{"0", "1", "2", "3", "4"}, "TOO_MANY_FILES", 3, 2000},
			{"one file on five paths where four are allowed", map[string][]string{"0": paths(5)}, []string{"0"}, "TOO_MANY_FILE_PATHS", 4, 5},
			{"one file on 45,000 paths", map[string][]string{"0": paths(45000)}, []string{"0"}, "TOO_MANY_FILE_PATHS", 4, 45000},
		} {
			t.Run(tc.name, func(t *testing.T) {
				body, ct := multipartBody(t, ops, tc.mapping, tc.parts, "copy.pdf", content)
				r := e.send(t, nil, http.MethodPost, "/graphql", body, "Content-Type", ct, "Authorization", "Bearer "+candidate)
				got := r.expect(t, http.StatusRequestEntityTooLarge, tc.code)
				ext := got.Errors[0].Extensions
				if num(ext["limit"]) != tc.limit || num(ext["actual"]) != tc.actual || !strings.Contains(got.Errors[0].Message, fmt.Sprint(tc.limit)) {
					t.Errorf("the refusal should give the cap and the count: %s", r.Body)
				}
				spoolIsClean(t, spool)
			})
		}
		e.nothingWritten(t, before)

		t.Run("within the caps", func(t *testing.T) {
			body, ct := multipartBody(t, ops, map[string][]string{"0": paths(4)}, []string{"0"}, "copy.pdf", content)
			r := e.send(t, nil, http.MethodPost, "/graphql", body, "Content-Type", ct, "Authorization", "Bearer "+candidate).json(t)
			if r.Status != http.StatusOK || len(r.Errors) > 0 || num(get(r.Data, "submitCertificationForReview", "review", "copy", "size")) != len(content) {
				t.Fatalf("a file mapped to four paths: %s", r.Raw)
			}
			spoolIsClean(t, spool)
		})
	})
}
