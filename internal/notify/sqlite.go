//go:build !nosqlite

package notify

import (
	"database/sql"

	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riversqlite"
)

// sqliteDriver is River's driver for the embedded SQLite database, which
// the production binary (the nosqlite build tag) leaves out.
func sqliteDriver(db *sql.DB) (riverdriver.Driver[*sql.Tx], error) {
	return riversqlite.New(db), nil
}
