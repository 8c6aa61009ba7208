//go:build nosqlite

package notify

import (
	"database/sql"
	"errors"

	"github.com/riverqueue/river/riverdriver"
)

// sqliteDriver refuses: the production binary (the nosqlite build tag)
// has no embedded database, so no queue can live in one.
func sqliteDriver(*sql.DB) (riverdriver.Driver[*sql.Tx], error) {
	return nil, errors.New("this binary is built without the embedded SQLite database (the nosqlite build tag)")
}
