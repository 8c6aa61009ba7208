package gormstore

import (
	"context"
	"sync/atomic"
	"time"

	"gorm.io/gorm/logger"
)

// StatementCounter is a gorm logger that counts the SQL statements a store
// executes and logs nothing.
type StatementCounter struct {
	n atomic.Int64
}

// Count returns the number of statements executed so far.
func (c *StatementCounter) Count() int64 { return c.n.Load() }

// LogMode returns the counter itself; it has no levels.
func (c *StatementCounter) LogMode(logger.LogLevel) logger.Interface { return c }

// Info discards the message.
func (c *StatementCounter) Info(context.Context, string, ...any) {}

// Warn discards the message.
func (c *StatementCounter) Warn(context.Context, string, ...any) {}

// Error discards the message.
func (c *StatementCounter) Error(context.Context, string, ...any) {}

// Trace counts one executed statement.
func (c *StatementCounter) Trace(context.Context, time.Time, func() (string, int64), error) {
	c.n.Add(1)
}
