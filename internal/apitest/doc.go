// Package apitest tests the API end to end: real HTTP through the real
// handler, on a seeded SQLite file and on a seeded PostgreSQL database.
// It has no code of its own beyond this comment.
package apitest
