package pgcluster

import (
	"fmt"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
)

// StartReplica makes a streaming replica of c with pg_basebackup -R in a
// temporary folder and starts it on a free loopback port. The primary
// must be running; its default configuration allows replication from
// loopback with trust authentication.
func (c *Cluster) StartReplica() (*Cluster, error) {
	dir, err := os.MkdirTemp("", "recert-replica-pg-")
	if err != nil {
		return nil, err
	}
	r := &Cluster{bin: c.bin, dir: dir, asPG: c.asPG}
	if r.asPG {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, err
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r.port = l.Addr().(*net.TCPAddr).Port
	_ = l.Close()
	if out, err := r.pg("pg_basebackup", "-h", "127.0.0.1", "-p", strconv.Itoa(c.port), "-U", "postgres",
		"-D", r.data(), "-R", "-X", "stream").CombinedOutput(); err != nil {
		_ = os.RemoveAll(dir)
		return nil, fmt.Errorf("pg_basebackup: %v: %s", err, out)
	}
	return r, r.StartServer()
}

// Port is the port the cluster listens on.
func (c *Cluster) Port() int { return c.port }

// Dir is the cluster's folder.
func (c *Cluster) Dir() string { return filepath.Clean(c.dir) }
