package primaryread

import (
	"context"
	"testing"
)

func TestTheMarkIsCarriedByTheContext(t *testing.T) {
	ctx := context.Background()
	if Wanted(ctx) {
		t.Error("a plain context wants the primary")
	}
	if !Wanted(With(ctx)) {
		t.Error("a marked context does not want the primary")
	}
	if child, cancel := context.WithCancel(With(ctx)); !Wanted(child) {
		cancel()
		t.Error("a context derived from a marked one lost the mark")
	} else {
		cancel()
	}
}
