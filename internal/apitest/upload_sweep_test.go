package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/httpapi"
	"github.com/mssc/recert/internal/testdb"
)

// leave writes a file into dir as a killed request would have left it,
// last modified age ago.
func leave(t *testing.T, dir, name string, age time.Duration) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	then := time.Now().Add(-age)
	if err := os.Chtimes(path, then, then); err != nil {
		t.Fatal(err)
	}
	return path
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func TestUploadsLeftOnDiskAreSweptAtStartAndOnATimer(t *testing.T) {
	for _, d := range testdb.Dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			old := leave(t, dir, "recert-upload-killed-1", 2*time.Hour)
			recent := leave(t, dir, "recert-upload-recent", time.Minute)
			foreign := leave(t, dir, "someone-elses-file", 2*time.Hour)
			spool, err := httpapi.NewUploadSpool(dir)
			if err != nil {
				t.Fatal(err)
			}
			ctx, stop := context.WithCancel(context.Background())
			defer stop()
			go spool.Run(ctx, 20*time.Millisecond, time.Hour, slog.New(slog.NewTextHandler(testLog{t}, nil)))
			eventually(t, "the sweep at start", func() bool { return !exists(old) })
			if !exists(recent) || !exists(foreign) {
				t.Fatalf("the sweep removed a recent file (%v) or a file not of the spool (%v)", !exists(recent), !exists(foreign))
			}

			e := newEnvWith(t, d, func(c *httpapi.Config) {
				c.UploadSpool = spool
				c.UploadMemoryBytes = 1 << 10
			})
			candidate := e.token(t, catalog.RoleCandidate, "C-1001")
			// An upload whose file stops half way: its spooled copy is in
			// flight while the request waits for the rest.
			content := append(append([]byte{}, pdf...), bytes.Repeat([]byte(" "), 8<<10)...)
			pr, pw := io.Pipe()
			w := multipart.NewWriter(pw)
			answer := make(chan rawResponse, 1)
			go func() {
				answer <- e.send(t, nil, http.MethodPost, "/graphql", pr, "Content-Type", w.FormDataContentType(), "Authorization", "Bearer "+candidate)
			}()
			ops, _ := json.Marshal(map[string]any{"query": submitMutation, "variables": map[string]any{"in": submission(t, e, "Certified Widget Rigger", "Widget Rigging Board")}})
			_ = w.WriteField("operations", string(ops))
			_ = w.WriteField("map", `{"0":["variables.in.copy"]}`)
			part, _ := w.CreateFormFile("0", "rigger.pdf")
			_, _ = part.Write(content[:4<<10])
			var inFlight string
			eventually(t, "the upload to be spooled", func() bool {
				entries, _ := os.ReadDir(dir)
				for _, entry := range entries {
					if p := filepath.Join(dir, entry.Name()); p != recent && p != foreign {
						inFlight = p
						return true
					}
				}
				return false
			})
			// However old it looks, a file in flight is never swept.
			then := time.Now().Add(-3 * time.Hour)
			if err := os.Chtimes(inFlight, then, then); err != nil {
				t.Fatal(err)
			}
			killed := leave(t, dir, "recert-upload-killed-2", 2*time.Hour)
			eventually(t, "the sweep on the timer", func() bool { return !exists(killed) })
			if !exists(inFlight) {
				t.Fatal("the sweep removed the file of a request in flight")
			}
			_, _ = part.Write(content[4<<10:])
			_ = w.Close()
			_ = pw.Close()
			r := (<-answer).json(t)
			if r.Status != http.StatusOK || len(r.Errors) > 0 || num(get(r.Data, "submitCertificationForReview", "review", "copy", "size")) != len(content) {
				t.Fatalf("the upload that was in flight during the sweep: %s", r.Raw)
			}
			if exists(inFlight) {
				t.Error("the request left its spooled file behind")
			}
		})
	}
}
