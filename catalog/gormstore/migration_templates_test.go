package gormstore_test

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mssc/recert/catalog/gormstore"
)

// dialectMisfits are words that must never reach a dialect's rendering: the
// other dialect's types and functions, a sign that a template wrote a word
// by hand or took the wrong branch of {{if .Postgres}}.
var dialectMisfits = map[gormstore.Dialect]*regexp.Regexp{
	gormstore.DialectPostgres: regexp.MustCompile(`(?i)\b(AUTOINCREMENT|DATETIME|CURRENT_TIMESTAMP|REAL|json_extract|json_each|json_group_array)\b`),
	gormstore.DialectSQLite:   regexp.MustCompile(`(?i)\b(JSONB|TIMESTAMPTZ|IDENTITY|NUMERIC|DOUBLE PRECISION|plpgsql|now\(\)|pg_\w+)|::`),
}

// templateLeftovers are what a template leaves behind when it renders
// wrongly: an action not executed, or a value text/template did not find.
var templateLeftovers = regexp.MustCompile(`\{\{|\}\}|<no value>`)

// TestMigrationTemplatesRender renders every migration template for both
// dialects and checks each rendering: the same files as the templates, no
// template text left, no word of the other dialect, and one Up and one
// Down section with their statement blocks closed.
func TestMigrationTemplatesRender(t *testing.T) {
	t.Parallel()
	entries, err := os.ReadDir("migrations")
	if err != nil {
		t.Fatal(err)
	}
	var templates []string
	for _, e := range entries {
		templates = append(templates, e.Name())
	}
	for dialect, misfits := range dialectMisfits {
		t.Run(string(dialect), func(t *testing.T) {
			t.Parallel()
			fsys, err := gormstore.Migrations(dialect)
			if err != nil {
				t.Fatalf("Migrations: %v", err)
			}
			rendered, err := fs.Glob(fsys, "*")
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(rendered, templates) {
				t.Fatalf("rendered files %v, want the templates %v", rendered, templates)
			}
			for _, name := range rendered {
				data, err := fs.ReadFile(fsys, name)
				if err != nil {
					t.Fatal(err)
				}
				checkRendering(t, name, string(data), misfits)
			}
		})
	}
}

// checkRendering reports what is wrong with one rendered migration.
func checkRendering(t *testing.T, name, sql string, misfits *regexp.Regexp) {
	t.Helper()
	if left := templateLeftovers.FindString(sql); left != "" {
		t.Errorf("%s: template text %q left in the rendering", name, left)
	}
	if word := misfits.FindString(sql); word != "" {
		t.Errorf("%s: %q belongs to the other dialect", name, word)
	}
	up, down := strings.Index(sql, "-- +goose Up\n"), strings.Index(sql, "-- +goose Down\n")
	if up < 0 || down < up || strings.Count(sql, "-- +goose Up") != 1 || strings.Count(sql, "-- +goose Down") != 1 {
		t.Errorf("%s: want one -- +goose Up followed by one -- +goose Down", name)
	}
	if begin, end := strings.Count(sql, "-- +goose StatementBegin"), strings.Count(sql, "-- +goose StatementEnd"); begin != end {
		t.Errorf("%s: %d StatementBegin, %d StatementEnd", name, begin, end)
	}
	if strings.TrimSpace(sql[up+len("-- +goose Up"):down]) == "" {
		t.Errorf("%s: nothing to apply in the Up section", name)
	}
}

// TestMigrationTemplateErrorNamesTheFile: a template that does not parse,
// or asks for a word no dialect has, stops the rendering with the file
// named.
func TestMigrationTemplateErrorNamesTheFile(t *testing.T) {
	t.Parallel()
	for name, text := range map[string]string{
		"00099_unclosed.sql":     "-- +goose Up\n{{if .Postgres}}SELECT 1;\n",
		"00099_unknown_word.sql": "-- +goose Up\nCREATE TABLE t (at {{.Instant}});\n",
	} {
		src := fstest.MapFS{"migrations/" + name: {Data: []byte(text)}}
		for dialect := range dialectMisfits {
			_, err := gormstore.RenderMigrations(src, dialect)
			if err == nil || !strings.Contains(err.Error(), name) {
				t.Errorf("%s for %s: error %v, want one naming the file", name, dialect, err)
			}
		}
	}
}
