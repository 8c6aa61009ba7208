//go:build !nosqlite

package gormstore

import (
	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
)

// openSQLite opens the embedded, pure-Go SQLite database at dsn. The
// production binary (make build, the nosqlite build tag) leaves it out:
// production runs on PostgreSQL, and SQLite is a fifth of the binary.
func openSQLite(dsn string, config *gorm.Config) (*gorm.DB, error) {
	return gorm.Open(sqlite.Open(dsn), config)
}
