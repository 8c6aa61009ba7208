package pgcluster

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// StartReplica makes a streaming replica of c with pg_basebackup -R in a
// temporary folder and starts it on a free loopback port. The primary
// must be running; its default configuration allows replication from
// loopback with trust authentication.
func (c *Cluster) StartReplica() (*Cluster, error) {
	r, err := newCluster(c.bin, "recert-replica-pg-", c.asPG)
	if err != nil {
		return nil, err
	}
	if out, err := r.pg("pg_basebackup", "-h", "127.0.0.1", "-p", strconv.Itoa(c.port), "-U", "postgres",
		"-D", r.data(), "-R", "-X", "stream").CombinedOutput(); err != nil {
		_ = os.RemoveAll(r.dir)
		return nil, fmt.Errorf("pg_basebackup: %v: %s", err, out)
	}
	return r, r.StartServer()
}

// Port is the port the cluster listens on.
func (c *Cluster) Port() int { return c.port }

// Dir is the cluster's folder.
func (c *Cluster) Dir() string { return filepath.Clean(c.dir) }
