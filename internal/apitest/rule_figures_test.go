package apitest

import (
	"context"
	"testing"

	"github.com/mssc/recert/seed"
)

// TestAChangedRuleFigureIsUsedInThePointsAtOnce changes two figures of
// the rule tables in the store, as a staff change or a deploy of the seed
// does (points_required in the rule table, the points of an industry
// certification in the activity type table), between two reads of the
// staff queue and of one application: the points of every application
// follow the new catalog version at once, although the rulebook they are
// scored with is built once per catalog version and shared by the
// applications read against it.
func TestAChangedRuleFigureIsUsedInThePointsAtOnce(t *testing.T) {
	const page = `{ applications(first: 10) { nodes { id points { required total byCategory { category points } } } } }`
	const one = `query($id: ID!) { application(id: $id) { points { required total byCategory { category points } } } }`
	type figures struct{ required, total, certification float64 }
	read := func(t *testing.T, points any) figures {
		t.Helper()
		f := figures{required: get(points, "required").(float64), total: get(points, "total").(float64)}
		for _, c := range get(points, "byCategory").([]any) {
			if get(c, "category") == "INDUSTRY_CERTIFICATION" {
				f.certification = get(c, "points").(float64)
			}
		}
		return f
	}
	eachDialect(t, func(t *testing.T, e *env) {
		staff := staffQueue(t, e, 3)
		queue := func(t *testing.T) []figures {
			t.Helper()
			var out []figures
			for _, node := range get(serveAs(t, e, staff, page, nil), "applications", "nodes").([]any) {
				out = append(out, read(t, get(node, "points")))
			}
			if len(out) != 3 {
				t.Fatalf("the queue holds %d applications, want 3", len(out))
			}
			return out
		}
		first := get(serveAs(t, e, staff, page, nil), "applications", "nodes", 0, "id")
		before := queue(t)
		for _, f := range before {
			if f.required != 100 || f.certification != 10 {
				t.Fatalf("before the change, an application reads %+v, want 100 required and 10 for its certification", f)
			}
		}

		data, err := seed.Read(seed.Files())
		if err != nil {
			t.Fatal(err)
		}
		for i := range data.Rules {
			if data.Rules[i].Key == "points_required" {
				data.Rules[i].Value = 90
			}
		}
		for i := range data.ActivityTypes {
			if data.ActivityTypes[i].Key == "ic-certification" {
				data.ActivityTypes[i].MaxPoints = 15
			}
		}
		rep, err := e.store.ApplySeed(context.Background(), data)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Updated != 2 {
			t.Fatalf("the change updated %d rows, want the 2 figures: %+v", rep.Updated, rep)
		}
		e.catalog.Changed(context.Background())

		for i, f := range queue(t) {
			want := figures{required: 90, certification: 15, total: before[i].total + 5}
			if f != want {
				t.Errorf("after the change, application %d of the queue reads %+v, want %+v", i, f, want)
			}
		}
		got := read(t, get(serveAs(t, e, staff, one, map[string]any{"id": first}), "application", "points"))
		if want := (figures{required: 90, certification: 15, total: before[0].total + 5}); got != want {
			t.Errorf("after the change, the application read alone reads %+v, want %+v", got, want)
		}
	})
}
