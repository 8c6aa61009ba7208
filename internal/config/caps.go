package config

import (
	"fmt"
	"strconv"
	"time"
)

// Caps are the caps of multipart requests, streams and subscriptions, and
// the sweep of uploads left on disk.
type Caps struct {
	// MaxUploadFiles bounds the files one multipart request maps
	// (MAX_UPLOAD_FILES).
	MaxUploadFiles int
	// MaxUploadPaths bounds the variable paths one uploaded file is
	// mapped to (MAX_UPLOAD_PATHS).
	MaxUploadPaths int
	// MaxStreamsPerClient bounds the websockets and event streams one
	// client holds open (MAX_STREAMS_PER_CLIENT).
	MaxStreamsPerClient int
	// MaxSubscriptionsPerConnection bounds the subscriptions on one
	// websocket (MAX_SUBSCRIPTIONS_PER_CONNECTION).
	MaxSubscriptionsPerConnection int
	// MaxSubscriptionsPerClient bounds the subscriptions of one client
	// over all its streams (MAX_SUBSCRIPTIONS_PER_CLIENT).
	MaxSubscriptionsPerClient int
	// UploadSpoolDir is where uploads larger than 1 MiB are kept while
	// their request runs (UPLOAD_SPOOL_DIR); empty means recert-uploads
	// in the system's temporary folder.
	UploadSpoolDir string
	// UploadSweepEvery is how often files left in the spool are swept
	// (UPLOAD_SWEEP_EVERY); they are also swept at start.
	UploadSweepEvery time.Duration
	// UploadSweepAge is how old a file of the spool must be to be swept
	// (UPLOAD_SWEEP_AGE); longer than WRITE_TIMEOUT, which no request
	// outlives.
	UploadSweepAge time.Duration
}

// readCaps reads the caps, each with its default.
func readCaps(getenv func(string) string, cfg *Config) error {
	c := Caps{
		MaxUploadFiles: 10, MaxUploadPaths: 10,
		MaxStreamsPerClient: 16, MaxSubscriptionsPerConnection: 32, MaxSubscriptionsPerClient: 64,
		UploadSpoolDir: getenv("UPLOAD_SPOOL_DIR"), UploadSweepEvery: 10 * time.Minute, UploadSweepAge: time.Hour,
	}
	for _, n := range []struct {
		name     string
		min, max int
		into     *int
	}{
		{"MAX_UPLOAD_FILES", 1, 1000, &c.MaxUploadFiles},
		{"MAX_UPLOAD_PATHS", 1, 1000, &c.MaxUploadPaths},
		{"MAX_STREAMS_PER_CLIENT", 1, 100_000, &c.MaxStreamsPerClient},
		{"MAX_SUBSCRIPTIONS_PER_CONNECTION", 1, 100_000, &c.MaxSubscriptionsPerConnection},
		{"MAX_SUBSCRIPTIONS_PER_CLIENT", 1, 1_000_000, &c.MaxSubscriptionsPerClient},
	} {
		v := getenv(n.name)
		if v == "" {
			continue
		}
		i, err := strconv.Atoi(v)
		if err != nil || i < n.min || i > n.max {
			return fmt.Errorf("%s=%q is not understood; use a whole number from %d to %d", n.name, v, n.min, n.max)
		}
		*n.into = i
	}
	for _, d := range []struct {
		name string
		into *time.Duration
	}{
		{"UPLOAD_SWEEP_EVERY", &c.UploadSweepEvery}, {"UPLOAD_SWEEP_AGE", &c.UploadSweepAge},
	} {
		v := getenv(d.name)
		if v == "" {
			continue
		}
		parsed, err := time.ParseDuration(v)
		if err != nil || parsed < time.Second {
			return fmt.Errorf("%s=%q is not understood; use a duration of a second or more, such as 10m", d.name, v)
		}
		*d.into = parsed
	}
	if c.UploadSweepAge <= cfg.WriteTimeout {
		return fmt.Errorf("UPLOAD_SWEEP_AGE=%s must be longer than WRITE_TIMEOUT=%s, or a sweep could remove the upload of a request still running", c.UploadSweepAge, cfg.WriteTimeout)
	}
	cfg.Caps = c
	return nil
}
