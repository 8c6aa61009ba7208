// Package pgcluster starts a throwaway PostgreSQL cluster from the
// installed server binaries, for tests that must stop and start the
// database (never the machine's shared server).
package pgcluster

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
)

// Cluster is a PostgreSQL cluster in a temporary folder.
type Cluster struct {
	bin  string
	dir  string
	port int
	asPG bool
}

// Start initialises and starts a cluster on a free loopback port. As root
// it runs the server as the postgres user, which PostgreSQL requires.
func Start() (*Cluster, error) {
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		if p, err := exec.LookPath("initdb"); err == nil {
			bins = []string{p}
		}
	}
	if len(bins) == 0 {
		return nil, fmt.Errorf("no PostgreSQL server binaries: install them (Debian: apt-get install postgresql)")
	}
	c, err := newCluster(filepath.Dir(bins[len(bins)-1]), "recert-fault-pg-", os.Geteuid() == 0)
	if err != nil {
		return nil, err
	}
	if out, err := c.pg("initdb", "-D", c.data(), "-A", "trust", "-U", "postgres").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	return c, c.StartServer()
}

// newCluster makes the folder of a cluster of the server binaries in
// bin, named from pattern as os.MkdirTemp names it and given to the
// postgres user when the server runs as that user, and picks a loopback
// port nothing listens on. It removes the folder when it fails.
func newCluster(bin, pattern string, asPG bool) (c *Cluster, err error) {
	dir, err := os.MkdirTemp("", pattern)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			_ = os.RemoveAll(dir)
		}
	}()
	if asPG {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root needs the postgres user: %v", err)
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
	defer l.Close()
	return &Cluster{bin: bin, dir: dir, port: l.Addr().(*net.TCPAddr).Port, asPG: asPG}, nil
}

func (c *Cluster) data() string { return filepath.Join(c.dir, "data") }

func (c *Cluster) pg(tool string, args ...string) *exec.Cmd {
	path := filepath.Join(c.bin, tool)
	if c.asPG {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	}
	return exec.Command(path, args...)
}

// URL is the connection string of the cluster's postgres database.
func (c *Cluster) URL() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable&connect_timeout=2", c.port)
}

// StartServer starts the server and waits until it accepts connections.
func (c *Cluster) StartServer() error {
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1", c.port, c.dir)
	if out, err := c.pg("pg_ctl", "-D", c.data(), "-o", opts, "-l", filepath.Join(c.dir, "server.log"), "-w", "start").CombinedOutput(); err != nil {
		return fmt.Errorf("pg_ctl start: %v: %s", err, out)
	}
	return nil
}

// StopServer stops the server at once, dropping its connections.
func (c *Cluster) StopServer() error {
	if out, err := c.pg("pg_ctl", "-D", c.data(), "-m", "fast", "-w", "stop").CombinedOutput(); err != nil {
		return fmt.Errorf("pg_ctl stop: %v: %s", err, out)
	}
	return nil
}

// Remove stops the server and deletes the cluster.
func (c *Cluster) Remove() {
	_ = c.pg("pg_ctl", "-D", c.data(), "-m", "immediate", "stop").Run()
	_ = os.RemoveAll(c.dir)
}
