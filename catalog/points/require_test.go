package points_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/catalogtest"
	"github.com/mssc/recert/catalog/points"
)

// staticStore serves one catalog at one version.
type staticStore struct{ data *catalog.Data }

func (s staticStore) CatalogVersion(context.Context) (int64, error) { return s.data.Version, nil }

func (s staticStore) LoadCatalog(context.Context) (*catalog.Data, error) { return s.data, nil }

// TestCatalogWithAFigureMissingFailsToLoad checks that a seed without one
// of the figures the windows and fees read does not load, and that the
// error names the figure: nothing answers 0 for it.
func TestCatalogWithAFigureMissingFailsToLoad(t *testing.T) {
	for _, key := range []string{"application_window_days", "decision_days", "cycle_years", "staff_due_soon_days"} {
		t.Run(key, func(t *testing.T) {
			data := catalogtest.SeededData(t)
			kept := data.Rules[:0]
			for _, r := range data.Rules {
				if r.Key != key {
					kept = append(kept, r)
				}
			}
			if len(kept) == len(data.Rules) {
				t.Fatalf("the seed has no %q figure to leave out", key)
			}
			data.Rules = kept
			_, err := catalog.New(staticStore{data}, points.Require).Snapshot(context.Background())
			if err == nil || !strings.Contains(err.Error(), `"`+key+`"`) {
				t.Fatalf("loading without %q: error %v, want one naming it", key, err)
			}
		})
	}
	t.Run("whole seed", func(t *testing.T) {
		if _, err := catalog.New(staticStore{catalogtest.SeededData(t)}, points.Require).Snapshot(context.Background()); err != nil {
			t.Fatalf("the seed does not load: %v", err)
		}
	})
}

// TestMalformedFigureFailsToLoad checks that a figure that is not a whole
// number of days stops the load, naming it.
func TestMalformedFigureFailsToLoad(t *testing.T) {
	data := catalogtest.SeededData(t)
	for i := range data.Rules {
		if data.Rules[i].Key == "extension_days" {
			data.Rules[i].Value = 12.5
		}
	}
	_, err := catalog.New(staticStore{data}, points.Require).Snapshot(context.Background())
	if err == nil || !strings.Contains(err.Error(), `"extension_days"`) {
		t.Fatalf("error %v, want one naming extension_days", err)
	}
}
