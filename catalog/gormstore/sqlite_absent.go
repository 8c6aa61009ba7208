//go:build nosqlite

package gormstore

import (
	"errors"

	"gorm.io/gorm"
)

// openSQLite refuses: this binary was built with the nosqlite tag (make
// build, the production binary), which leaves the embedded database out.
func openSQLite(string, *gorm.Config) (*gorm.DB, error) {
	return nil, errors.New("this binary is built without the embedded SQLite database (make build, the nosqlite build tag): set DATABASE_URL to a PostgreSQL database, or use make run, whose development binary has it")
}
