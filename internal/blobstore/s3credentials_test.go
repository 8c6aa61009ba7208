package blobstore

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestS3Credentials checks which credentials of the chain sign the
// requests: the fake server takes any, and the test reads the
// Authorization header it was sent.
func TestS3Credentials(t *testing.T) {
	credentialsFile := "[default]\naws_access_key_id = file-default\naws_secret_access_key = s\n" +
		"[uploads]\naws_access_key_id = file-uploads\naws_secret_access_key = s\naws_session_token = file-token\n"
	cases := []struct {
		name      string
		env       map[string]string
		params    url.Values
		wantKey   string
		wantToken string
	}{
		{"environment", map[string]string{"AWS_ACCESS_KEY_ID": "env-key", "AWS_SECRET_ACCESS_KEY": "s"}, nil, "env-key", ""},
		{"environment with a session token", map[string]string{"AWS_ACCESS_KEY_ID": "env-key", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "env-token"}, nil, "env-key", "env-token"},
		{"MinIO's variables", map[string]string{"MINIO_ACCESS_KEY": "minio-key", "MINIO_SECRET_KEY": "s"}, nil, "minio-key", ""},
		{"credentials file", nil, nil, "file-default", ""},
		{"credentials file, AWS_PROFILE", map[string]string{"AWS_PROFILE": "uploads"}, nil, "file-uploads", "file-token"},
		{"credentials file, profile parameter", nil, url.Values{"profile": {"uploads"}}, "file-uploads", "file-token"},
		{"anonymous", map[string]string{"AWS_ACCESS_KEY_ID": "env-key", "AWS_SECRET_ACCESS_KEY": "s"}, url.Values{"anonymous": {"true"}}, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rawURL, lastHeader := startFakeS3(t)
			file := filepath.Join(t.TempDir(), "credentials")
			if err := os.WriteFile(file, []byte(credentialsFile), 0o600); err != nil {
				t.Fatal(err)
			}
			t.Setenv("AWS_SHARED_CREDENTIALS_FILE", file)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			for k, v := range tc.params {
				rawURL += "&" + url.Values{k: v}.Encode()
			}
			s := openBackend(t, rawURL, "").store
			if _, err := s.Put(context.Background(), bytes.NewReader(pngBytes), "p.png", DefaultLimits()); err != nil {
				t.Fatalf("Put: %v", err)
			}
			h := lastHeader()
			auth := h.Get("Authorization")
			if tc.wantKey == "" {
				if auth != "" {
					t.Errorf("anonymous request signed: %s", auth)
				}
			} else if !strings.Contains(auth, "Credential="+tc.wantKey+"/") {
				t.Errorf("Authorization = %q, want access key %s", auth, tc.wantKey)
			}
			if got := h.Get("X-Amz-Security-Token"); got != tc.wantToken {
				t.Errorf("session token = %q, want %q", got, tc.wantToken)
			}
		})
	}
}

// TestS3SignsSessionToken checks that a session token is sent and signed,
// with the payload's SHA-256 and the content type.
func TestS3SignsSessionToken(t *testing.T) {
	srv := newFakeS3Server(t, nil)
	isolateAWSConfig(t)
	t.Setenv("AWS_ACCESS_KEY_ID", "key")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_SESSION_TOKEN", "token-1")
	s := openBackend(t, srv.bucketURL(pathStyle()), "").store
	if _, err := s.Put(context.Background(), bytes.NewReader(pngBytes), "p.png", DefaultLimits()); err != nil {
		t.Fatalf("Put: %v", err)
	}
	for _, r := range srv.requests() {
		if got := r.Header.Get("X-Amz-Security-Token"); got != "token-1" {
			t.Errorf("%s: session token = %q, want token-1", r.Method, got)
		}
		auth := r.Header.Get("Authorization")
		_, signed, _ := strings.Cut(auth, "SignedHeaders=")
		signed, _, _ = strings.Cut(signed, ",")
		want := []string{"host", "x-amz-content-sha256", "x-amz-date", "x-amz-security-token"}
		wantHash := emptySHA256
		if r.Method == http.MethodPut {
			want = append([]string{"content-type"}, want...)
			wantHash = sum(pngBytes)
		}
		if !strings.HasPrefix(auth, "AWS4-HMAC-SHA256 Credential=key/") || signed != strings.Join(want, ";") {
			t.Errorf("%s: Authorization = %q, want key's signature over %v", r.Method, auth, want)
		}
		if got := r.Header.Get("X-Amz-Content-Sha256"); got != wantHash {
			t.Errorf("%s: payload hash = %q, want %q", r.Method, got, wantHash)
		}
	}
}
