package gormstore_test

import (
	osexec "os/exec"
	"strings"
	"testing"
)

// TestTheStoreDoesNotLinkTheHTTPStack keeps the store free of the GraphQL
// server and the Redis client: it needs only the mark that routes a
// read to the primary (internal/primaryread), not the HTTP layer's read
// routing that sets it.
func TestTheStoreDoesNotLinkTheHTTPStack(t *testing.T) {
	out, err := osexec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v: %s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list named only %d packages: %s", len(deps), out)
	}
	for _, dep := range deps {
		for _, banned := range []string{"github.com/99designs/gqlgen", "github.com/gomodule/redigo", "github.com/mssc/recert/internal/readroute"} {
			if dep == banned || strings.HasPrefix(dep, banned+"/") {
				t.Errorf("the store links %s", dep)
			}
		}
	}
}
