package config

import (
	"strings"
	"testing"
	"time"
)

func TestCapsHaveDocumentedDefaults(t *testing.T) {
	cfg, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	want := Caps{MaxUploadFiles: 10, MaxUploadPaths: 10, MaxStreamsPerClient: 16, MaxSubscriptionsPerConnection: 32,
		MaxSubscriptionsPerClient: 64, UploadSweepEvery: 10 * time.Minute, UploadSweepAge: time.Hour}
	if cfg.Caps != want {
		t.Errorf("caps = %+v, want %+v", cfg.Caps, want)
	}
}

func TestCapsAreRead(t *testing.T) {
	cfg, err := FromEnv(env(map[string]string{
		"MAX_UPLOAD_FILES": "2", "MAX_UPLOAD_PATHS": "3", "MAX_STREAMS_PER_CLIENT": "4", "MAX_SUBSCRIPTIONS_PER_CONNECTION": "5",
		"MAX_SUBSCRIPTIONS_PER_CLIENT": "6", "UPLOAD_SPOOL_DIR": "/var/spool/recert", "UPLOAD_SWEEP_EVERY": "1m", "UPLOAD_SWEEP_AGE": "2h",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := Caps{MaxUploadFiles: 2, MaxUploadPaths: 3, MaxStreamsPerClient: 4, MaxSubscriptionsPerConnection: 5,
		MaxSubscriptionsPerClient: 6, UploadSpoolDir: "/var/spool/recert", UploadSweepEvery: time.Minute, UploadSweepAge: 2 * time.Hour}
	if cfg.Caps != want {
		t.Errorf("caps = %+v, want %+v", cfg.Caps, want)
	}
}

func TestBadCapsAreRefusedByName(t *testing.T) {
	for _, tc := range []struct{ name, value, mention string }{
		{"MAX_UPLOAD_FILES", "0", "from 1 to 1000"},
		{"MAX_UPLOAD_PATHS", "many", "MAX_UPLOAD_PATHS"},
		{"MAX_STREAMS_PER_CLIENT", "-1", "MAX_STREAMS_PER_CLIENT"},
		{"MAX_SUBSCRIPTIONS_PER_CONNECTION", "1e9", "MAX_SUBSCRIPTIONS_PER_CONNECTION"},
		{"MAX_SUBSCRIPTIONS_PER_CLIENT", "0", "MAX_SUBSCRIPTIONS_PER_CLIENT"},
		{"UPLOAD_SWEEP_EVERY", "5ms", "a second or more"},
		{"UPLOAD_SWEEP_AGE", "30s", "longer than WRITE_TIMEOUT"},
	} {
		_, err := FromEnv(env(map[string]string{tc.name: tc.value}))
		if err == nil || !strings.Contains(err.Error(), tc.mention) {
			t.Errorf("%s=%s: %v, want an error saying %q", tc.name, tc.value, err, tc.mention)
		}
	}
}
