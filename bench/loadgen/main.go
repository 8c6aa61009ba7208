// Command loadgen is the load generator of `make bench` (scripts/bench.sh
// drives it): it loads this service and PostGraphile with the same
// workloads in alternating rounds through vegeta
// (github.com/tsenart/vegeta/v12, used as a library), checks every answer,
// and prints medians, ratios, a growth table and the targets.
//
//	loadgen ready -url URL [-query Q] -since UNIX_NS [-pid PID]
//	    waits for the first successful answer and prints the milliseconds
//	    since the given start
//	loadgen db create|drop -admin URL -name NAME
//	    creates (printing its URL) or drops a benchmark database
//	loadgen run -recert URL [-postgraphile URL] ...
//	    runs the workloads and prints the report; exits 1 when any request
//	    failed or a write was lost or duplicated, never for a missed target
//
// See bench/README.md for what each workload sends and why.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: loadgen ready|db|run [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "ready":
		err = cmdReady(os.Args[2:])
	case "db":
		err = cmdDB(os.Args[2:])
	case "run":
		err = cmdRun(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q; use ready, db or run", os.Args[1])
	}
	if errors.Is(err, errFailed) {
		os.Exit(1)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

// errFailed reports that requests failed; the report has said which.
var errFailed = errors.New("requests failed")

// cmdReady polls a GraphQL endpoint until it answers a query with data and
// no errors, then prints the milliseconds since -since.
func cmdReady(args []string) error {
	fs := flag.NewFlagSet("ready", flag.ContinueOnError)
	endpoint := fs.String("url", "", "the GraphQL endpoint")
	query := fs.String("query", "{ __typename }", "the query whose first successful answer counts")
	since := fs.Int64("since", 0, "when the server process was started, in Unix nanoseconds")
	pid := fs.Int("pid", 0, "the server's process ID: give up when it exits")
	timeout := fs.Duration("timeout", 120*time.Second, "how long to wait")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *endpoint == "" || *since == 0 {
		return errors.New("ready needs -url and -since")
	}
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	start := time.Unix(0, *since)
	deadline := time.Now().Add(*timeout)
	body := graphqlBody(*query, nil)
	var last string
	for time.Now().Before(deadline) {
		if *pid != 0 {
			if _, err := os.Stat(fmt.Sprintf("/proc/%d", *pid)); err != nil {
				return fmt.Errorf("the server (pid %d) exited before answering", *pid)
			}
		}
		status, raw, err := post(client, *endpoint, nil, "application/json", body)
		if err == nil && status == http.StatusOK && answerOK(raw) {
			fmt.Printf("%.1f\n", float64(time.Since(start).Microseconds())/1000)
			return nil
		}
		if err != nil {
			last = err.Error()
		} else {
			last = fmt.Sprintf("HTTP %d: %s", status, truncate(string(raw), 300))
		}
		time.Sleep(5 * time.Millisecond)
	}
	return fmt.Errorf("%s did not answer within %s (last: %s)", *endpoint, *timeout, last)
}

// cmdDB creates or drops a benchmark database on the server of -admin.
func cmdDB(args []string) error {
	if len(args) == 0 || (args[0] != "create" && args[0] != "drop") {
		return errors.New("usage: loadgen db create|drop -admin URL -name NAME")
	}
	fs := flag.NewFlagSet("db", flag.ContinueOnError)
	admin := fs.String("admin", "", "a PostgreSQL URL of a database on the server (such as .../postgres)")
	name := fs.String("name", "", "the benchmark database's name")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *admin == "" || *name == "" || strings.ContainsAny(*name, "\"\\ ") {
		return errors.New("db needs -admin and a plain -name")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, *admin)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	ident := pgx.Identifier{*name}.Sanitize()
	if args[0] == "drop" {
		_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)")
		return err
	}
	if _, err = conn.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
		return err
	}
	u, err := url.Parse(*admin)
	if err != nil {
		return err
	}
	u.Path = "/" + *name
	fmt.Println(u.String())
	return nil
}
