package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/auth"
	"github.com/mssc/recert/internal/config"
)

// printDevToken prints a development token signed with the development
// secret: `recert token -role STAFF -subject alice`.
func printDevToken(cfg config.Config, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("token", flag.ContinueOnError)
	role := fs.String("role", "CANDIDATE", "CANDIDATE or STAFF")
	subject := fs.String("subject", "", "the principal's subject (required)")
	candidate := fs.String("candidate-id", "", "the MSSC candidate ID of a candidate")
	ttl := fs.Duration("ttl", 12*time.Hour, "how long the token is valid")
	if err := fs.Parse(args); err != nil {
		return err
	}
	token, err := auth.SignDevToken(cfg.Auth, auth.DevToken{
		Subject: *subject, Role: catalog.Role(strings.ToUpper(*role)), CandidateNumber: *candidate, TTL: *ttl,
	}, time.Now())
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(out, token)
	return err
}
