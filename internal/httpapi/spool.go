package httpapi

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// spoolPrefix starts the name of every file an UploadSpool keeps, so that
// a sweep never touches another file of its folder.
const spoolPrefix = "recert-upload-"

// UploadSpool is the folder where uploads larger than the memory limit
// are kept while their request runs. Each request removes its files when
// it ends; a file left by a request that failed past that point, or by a
// process that was killed, is removed by Sweep, which Run calls at start
// and on a timer.
//
// A sweep never removes a file this process's requests are writing or
// reading (they are registered while they live), nor one younger than the
// age it is given, which protects the files of other processes sharing
// the folder: no request lives longer than the server's write timeout.
type UploadSpool struct {
	dir string

	mu sync.Mutex
	// live are the files of requests in flight.
	live map[string]struct{}
}

// NewUploadSpool keeps uploads in dir, created (readable by the owner
// only) when missing; an empty dir means recert-uploads in the system's
// temporary folder.
func NewUploadSpool(dir string) (*UploadSpool, error) {
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "recert-uploads")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &UploadSpool{dir: dir, live: map[string]struct{}{}}, nil
}

// Dir is the spool's folder.
func (s *UploadSpool) Dir() string { return s.dir }

// create makes a new file for an upload, registered as live until remove.
func (s *UploadSpool) create() (*os.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := os.CreateTemp(s.dir, spoolPrefix+"*")
	if err != nil {
		return nil, err
	}
	s.live[f.Name()] = struct{}{}
	return f, nil
}

// remove deletes a file of the spool and forgets it.
func (s *UploadSpool) remove(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_ = os.Remove(name)
	delete(s.live, name)
}

// Sweep removes the spool's files last modified more than olderThan ago
// that no request of this process holds, and returns how many it removed.
func (s *UploadSpool) Sweep(olderThan time.Duration) (int, error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return 0, err
	}
	cutoff := time.Now().Add(-olderThan)
	removed := 0
	var errs []error
	for _, entry := range entries {
		if !entry.Type().IsRegular() || !strings.HasPrefix(entry.Name(), spoolPrefix) {
			continue
		}
		info, err := entry.Info()
		if err != nil || !info.ModTime().Before(cutoff) {
			continue
		}
		name := filepath.Join(s.dir, entry.Name())
		s.mu.Lock()
		if _, live := s.live[name]; !live {
			if err := os.Remove(name); err == nil {
				removed++
			} else if !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		s.mu.Unlock()
	}
	return removed, errors.Join(errs...)
}

// Run sweeps at once and then every interval until ctx ends, logging what
// it removed.
func (s *UploadSpool) Run(ctx context.Context, every, olderThan time.Duration, logger *slog.Logger) {
	sweep := func() {
		n, err := s.Sweep(olderThan)
		if err != nil {
			logger.Warn("sweeping the upload spool failed", "dir", s.dir, "err", err.Error())
		}
		if n > 0 {
			logger.Info("removed uploads left behind", "dir", s.dir, "files", n)
		}
	}
	sweep()
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			sweep()
		}
	}
}
