package main

import (
	osexec "os/exec"
	"strings"
	"testing"
)

// TestTheProductionBuildLeavesTheEmbeddedDatabaseOut checks what make
// build links (the nosqlite tag): no SQLite engine, gorm dialect or River
// driver for it, while the development build (no tag) keeps them, so that
// make run and the SQLite tests still have their database.
func TestTheProductionBuildLeavesTheEmbeddedDatabaseOut(t *testing.T) {
	sqliteParts := []string{"modernc.org/sqlite/lib", "github.com/glebarez/sqlite", "github.com/riverqueue/river/riverdriver/riversqlite"}
	for _, build := range []struct {
		name  string
		args  []string
		wants bool
	}{
		{"production (make build)", []string{"list", "-tags", "nosqlite", "-deps", "-f", "{{.ImportPath}}", "."}, false},
		{"development (make run)", []string{"list", "-deps", "-f", "{{.ImportPath}}", "."}, true},
	} {
		out, err := osexec.Command("go", build.args...).CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v: %s", strings.Join(build.args, " "), err, out)
		}
		deps := map[string]bool{}
		for _, dep := range strings.Fields(string(out)) {
			deps[dep] = true
		}
		if len(deps) < 100 {
			t.Fatalf("go list named only %d packages for the %s build", len(deps), build.name)
		}
		for _, part := range sqliteParts {
			if deps[part] != build.wants {
				t.Errorf("the %s build links %s: %v, want %v", build.name, part, deps[part], build.wants)
			}
		}
	}
}
