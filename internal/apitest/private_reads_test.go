package apitest

import (
	"strings"
	"testing"
)

// privateRead is one way a signed-in candidate may try to read another
// candidate's data, and what must come of it.
type privateRead struct {
	name, query string
	// own is where the answer holds the asker's own data, if it does.
	own []any
	// code is the only error's code, if any.
	code string
}

// checkPrivateReads sends each read with the token and vars, and fails
// when an answer names theirs (the other candidate's number), has another
// error than the read's, or does not hold mine (the asker's number) where
// the read's own says.
func checkPrivateReads(t *testing.T, e *env, token string, vars map[string]any, theirs, mine string, reads []privateRead) {
	t.Helper()
	for _, read := range reads {
		r := e.queryAs(t, token, read.query, vars)
		if strings.Contains(r.Raw, theirs) {
			t.Errorf("%s: the answer names the other candidate: %s", read.name, r.Raw)
		}
		if read.code != "" && r.code(t) != read.code || read.code == "" && len(r.Errors) > 0 {
			t.Errorf("%s: want the error %q, got %s", read.name, read.code, r.Raw)
		}
		if read.own != nil && get(r.Data, read.own...) != mine {
			t.Errorf("%s: the asker's own data is not answered: %s", read.name, r.Raw)
		}
	}
}
