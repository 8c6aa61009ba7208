package main

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
)

func TestStartRefusesAnUnreachableDatabaseInOneLine(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://recert:s3cretpw@127.0.0.1:1/recert?connect_timeout=2")
	err := run(context.Background(), []string{"migrate"}, os.Getenv, io.Discard)
	if err == nil {
		t.Fatal("start succeeded without a database")
	}
	msg := err.Error()
	if !strings.Contains(msg, "127.0.0.1:1") {
		t.Errorf("error %q does not name the database host", msg)
	}
	if strings.Contains(msg, "s3cretpw") || strings.Contains(msg, "\n") {
		t.Errorf("error %q leaks the password or is not one line", msg)
	}
}

func TestStartRefusesUnknownConfiguration(t *testing.T) {
	for _, tc := range []struct{ name, value, mention string }{
		{"APP_ENV", "staging", "development or production"},
		{"SEED_ON_START", "maybe", "true or false"},
		{"LOG_LEVEL", "loud", "debug, info, warn or error"},
		{"SHUTDOWN_GRACE", "soon", "positive duration"},
		{"AUTH_JWKS_URL", "ftp://keys", "JSON Web Key Set"},
		{"APP_CLOCK", "tomorrow", "YYYY-MM-DD"},
		{"APP_CLOCK", "+400", "+400d"},
		{"SMTP_URL", "http://mail.example.org", "smtp://"},
		{"MAIL_FROM", "nobody", "email address"},
		{"STAFF_EMAILS", "a@example.org, not-an-address", "email address"},
		{"APP_URL", "ftp://app", "web address"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(tc.name, tc.value)
			err := run(context.Background(), []string{"migrate"}, os.Getenv, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.name) || !strings.Contains(err.Error(), tc.mention) {
				t.Errorf("%s=%s: error %v should name the variable and say %q", tc.name, tc.value, err, tc.mention)
			}
		})
	}
}

func TestUnknownCommandIsRefused(t *testing.T) {
	if err := run(context.Background(), []string{"serv"}, os.Getenv, io.Discard); err == nil || !strings.Contains(err.Error(), "serve, migrate, seed or token") {
		t.Errorf("unknown command: %v", err)
	}
}

func TestProductionRefusesTheDevelopmentSecret(t *testing.T) {
	t.Setenv("APP_ENV", "production")
	t.Setenv("AUTH_DEV_SECRET", "anything")
	err := run(context.Background(), []string{"migrate"}, os.Getenv, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "AUTH_DEV_SECRET") {
		t.Fatalf("production start with a development secret: %v", err)
	}
	t.Setenv("AUTH_DEV_SECRET", "")
	if err := run(context.Background(), []string{"token", "-role", "STAFF", "-subject", "x"}, os.Getenv, io.Discard); err == nil || !strings.Contains(err.Error(), "not available in production") {
		t.Errorf("a development token was printed in production: %v", err)
	}
}
