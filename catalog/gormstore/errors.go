package gormstore

import (
	"context"
	"errors"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"github.com/mssc/recert/catalog"
)

// mapError turns a driver or gorm error into a catalog.Error whose message
// is safe to show; the original is kept as the cause.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	var ce *catalog.Error
	switch {
	case errors.As(err, &ce):
		return err
	case errors.Is(err, gorm.ErrRecordNotFound):
		return &catalog.Error{Code: catalog.CodeNotFound, Message: "not found", Err: err}
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return &catalog.Error{Code: catalog.CodeConflict, Message: "an entry with the same key already exists", Err: err}
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled), isConnectionError(err):
		return catalog.Unavailable("the database is unavailable; try again shortly", err)
	}
	return catalog.Internal(err)
}

func isConnectionError(err error) bool {
	var netErr net.Error
	if errors.As(err, &netErr) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		// Class 08 is connection exception; 57P0x is operator intervention
		// (shutdown); 53 is insufficient resources.
		return strings.HasPrefix(pgErr.Code, "08") || strings.HasPrefix(pgErr.Code, "57P") || strings.HasPrefix(pgErr.Code, "53")
	}
	var connectErr *pgconn.ConnectError
	return errors.As(err, &connectErr) ||
		strings.Contains(err.Error(), "connection refused") || strings.Contains(err.Error(), "bad connection")
}

// redact removes the connection string, which may hold a password, from
// an error's text.
func redact(err error, dsn string) string {
	msg := err.Error()
	if dsn != "" {
		msg = strings.ReplaceAll(msg, dsn, "[DATABASE_URL]")
	}
	return msg
}

// reason returns the last, most specific part of a connection error, such
// as "connection refused", on one line and without the connection string.
func reason(err error, dsn string) string {
	msg := strings.Join(strings.Fields(redact(err, dsn)), " ")
	if i := strings.LastIndex(msg, ": "); i >= 0 && i+2 < len(msg) {
		msg = msg[i+2:]
	}
	return msg
}
