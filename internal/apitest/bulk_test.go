package apitest

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/internal/together"
)

const previewMutation = `mutation($in: CatalogChangesInput!) { previewCatalogChanges(input: $in) {
	preview { catalogVersion changes { line action entityType key fields { field before after } } problems { line column code message } }
	userErrors { field code message } } }`

const applyMutation = `mutation($in: CatalogChangesInput!, $v: String!) { applyCatalogChanges(input: $in, catalogVersion: $v, reason: "new robotics programs approved by the board") {
	catalogVersion changes { line action entityType key fields { field before after } } problems { line column code message }
	userErrors { field code message } } }`

// exampleFile reads one of the documented bulk catalog files.
func exampleFile(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile("../../seed/bulk/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// activeCount is the number of ACTIVE catalog entries.
func activeCount(t *testing.T, e *env) int {
	t.Helper()
	return num(get(e.ok(t, `{ certifications(first: 1) { totalCount } }`, nil), "certifications", "totalCount"))
}

func TestBulkCatalogChangesPreviewThenApply(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-bulk")
		file := map[string]any{"csv": exampleFile(t, "example.csv")}
		before := activeCount(t, e)

		preview := get(e.okAs(t, staff, previewMutation, map[string]any{"in": file}), "previewCatalogChanges", "preview")
		if problems := get(preview, "problems").([]any); len(problems) > 0 {
			t.Fatalf("the example file has problems: %v", problems)
		}
		changes := get(preview, "changes").([]any)
		var summary []string
		for _, c := range changes {
			summary = append(summary, get(c, "action").(string)+" "+get(c, "key").(string))
		}
		if len(changes) != 14 || strings.Count(strings.Join(summary, ","), "CREATE erb-") != 10 ||
			summary[0] != "CREATE erb" || summary[11] != "UPDATE aee-cem" || summary[12] != "UPDATE cmci-ccm" ||
			summary[13] != "RETIRE nims-machining-job-planning-benchwork-layout" {
			t.Fatalf("preview = %v", summary)
		}
		if num(get(changes[11], "line")) != 13 {
			t.Errorf("the update of aee-cem is on line 13 of the file, the preview says %v", get(changes[11], "line"))
		}
		fields := map[string][2]any{}
		for _, f := range get(changes[11], "fields").([]any) {
			fields[get(f, "field").(string)] = [2]any{get(f, "before"), get(f, "after")}
		}
		if len(fields) != 2 || fields["ctid"] != [2]any{nil, "ce-00000000-0000-4000-8000-000000000001"} || fields["description"][0] != nil {
			t.Errorf("the fields the update of aee-cem sets = %v", fields)
		}
		retire := get(changes[13], "fields").([]any)
		if asJSON(t, retire) != `[{"after":"2026-07-01","before":null,"field":"retiredOn"},{"after":"RETIRED","before":"ACTIVE","field":"status"}]` {
			t.Errorf("the retirement's fields = %s", asJSON(t, retire))
		}
		if activeCount(t, e) != before || get(e.ok(t, `{ certification(key: "erb-robot-operator-1") { id } }`, nil), "certification") != nil {
			t.Fatal("the preview wrote something")
		}

		// A change between preview and apply makes apply refuse, writing nothing.
		moved := get(e.okAs(t, staff, `mutation { updateOrganization(id: "`+orgID(t, e, "aee")+`", input: {name: "Association of Energy Engineers", acronym: "AEE", description: "An association of energy engineers."}, reason: "describe it") { userErrors { message } } }`, nil), "updateOrganization", "userErrors")
		if len(moved.([]any)) > 0 {
			t.Fatal(moved)
		}
		refused := get(e.okAs(t, staff, applyMutation, map[string]any{"in": file, "v": get(preview, "catalogVersion")}), "applyCatalogChanges")
		if get(refused, "userErrors", 0, "code") != "CONFLICT" || asJSON(t, get(refused, "userErrors", 0, "field")) != `["catalogVersion"]` ||
			get(refused, "catalogVersion") != nil || len(get(refused, "changes").([]any)) != 0 {
			t.Fatalf("apply after the catalog moved = %v", refused)
		}
		if activeCount(t, e) != before {
			t.Fatal("a refused apply wrote something")
		}

		again := get(e.okAs(t, staff, previewMutation, map[string]any{"in": file}), "previewCatalogChanges", "preview")
		applied := get(e.okAs(t, staff, applyMutation, map[string]any{"in": file, "v": get(again, "catalogVersion")}), "applyCatalogChanges")
		if errs := get(applied, "userErrors").([]any); len(errs) > 0 {
			t.Fatalf("apply = %v", errs)
		}
		if asJSON(t, get(applied, "changes")) != asJSON(t, get(again, "changes")) {
			t.Errorf("apply did not do what the preview said:\npreview %s\napplied %s", asJSON(t, get(again, "changes")), asJSON(t, get(applied, "changes")))
		}
		version := get(applied, "catalogVersion").(string)
		if version != get(e.ok(t, `{ catalogVersion }`, nil), "catalogVersion") {
			t.Errorf("apply answered version %s, the catalog is at %v", version, get(e.ok(t, `{ catalogVersion }`, nil), "catalogVersion"))
		}
		if got := activeCount(t, e); got != before+10-1 {
			t.Errorf("active entries after apply = %d, want %d", got, before+9)
		}
		entry := get(e.ok(t, `{ certification(key: "erb-robot-operator-1") { displayName level url renewalPeriodMonths organization { key name } aliases { value } } }`, nil), "certification")
		if asJSON(t, entry) != `{"aliases":[{"value":"RO1"}],"displayName":"ERB Robot Operator Level I","level":"Level I","organization":{"key":"erb","name":"Example Robotics Board"},"renewalPeriodMonths":36,"url":"https://robotics.example.org/ro1"}` {
			t.Errorf("a created entry = %s", asJSON(t, entry))
		}
		updated := get(e.ok(t, `{ a: certification(key: "aee-cem") { ctid description } c: certification(key: "cmci-ccm") { url renewalPeriodMonths }
			r: certification(key: "nims-machining-job-planning-benchwork-layout") { status retiredOn } }`, nil))
		if asJSON(t, updated) != `{"a":{"ctid":"ce-00000000-0000-4000-8000-000000000001","description":"An illustrative description set by a bulk file."},"c":{"renewalPeriodMonths":60,"url":"https://example.org/ccm"},"r":{"retiredOn":"2026-07-01","status":"RETIRED"}}` {
			t.Errorf("updated and retired entries = %s", asJSON(t, updated))
		}
		history := get(e.okAs(t, staff, `{ catalogHistory(first: 30) { nodes { action actor reason catalogVersion } } }`, nil), "catalogHistory", "nodes").([]any)
		atVersion := 0
		for _, h := range history {
			if get(h, "catalogVersion") == version {
				atVersion++
				if get(h, "actor") != "staff-bulk" || get(h, "reason") != "new robotics programs approved by the board" {
					t.Errorf("a history entry of the file = %v", h)
				}
			}
		}
		if atVersion != 14 {
			t.Errorf("history entries at version %s = %d, want one per change (14)", version, atVersion)
		}

		// The same file again: every key is taken now, and nothing is applied.
		second := get(e.okAs(t, staff, applyMutation, map[string]any{"in": file, "v": version}), "applyCatalogChanges")
		if len(get(second, "problems").([]any)) < 11 || get(second, "catalogVersion") != nil {
			t.Errorf("applying the file twice = %v", second)
		}
	})
}

// orgID returns the global ID of the organization with the key.
func orgID(t *testing.T, e *env, key string) string {
	t.Helper()
	return get(e.ok(t, `query($k: String!) { organization(key: $k) { id } }`, map[string]any{"k": key}), "organization", "id").(string)
}

func TestBulkCatalogFileWithABadLineAppliesNothing(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		staff := e.token(t, catalog.RoleStaff, "staff-bulk")
		csv := "action,kind,key,organization,name,recognitionBases,ctid\n" +
			"create,certification,aws-good-entry,aws,Good Entry,NAM_ENDORSED,\n" +
			"create,certification,aws-bad-entry,aws,Bad Entry,NAM_ENDORSED,ce-not-a-uuid\n" +
			"update,certification,no-such-key,,,,\n"
		in := map[string]any{"csv": csv}
		version := get(e.ok(t, `{ catalogVersion }`, nil), "catalogVersion")
		preview := get(e.okAs(t, staff, previewMutation, map[string]any{"in": in}), "previewCatalogChanges", "preview")
		problems := asJSON(t, get(preview, "problems"))
		if !strings.Contains(problems, `{"code":"BAD_USER_INPUT","column":"ctid","line":3,`) || !strings.Contains(problems, `{"code":"NOT_FOUND","column":"key","line":4,`) {
			t.Fatalf("problems = %s", problems)
		}
		applied := get(e.okAs(t, staff, applyMutation, map[string]any{"in": in, "v": get(preview, "catalogVersion")}), "applyCatalogChanges")
		errs := asJSON(t, get(applied, "userErrors"))
		if get(applied, "catalogVersion") != nil || !strings.Contains(errs, `"field":["input","csv"]`) || !strings.Contains(errs, "line 3, column ctid") {
			t.Fatalf("apply of a file with a bad line = %v", applied)
		}
		if get(e.ok(t, `{ certification(key: "aws-good-entry") { id } }`, nil), "certification") != nil || get(e.ok(t, `{ catalogVersion }`, nil), "catalogVersion") != version {
			t.Error("a file with a bad line was partly applied")
		}

		yaml := "- action: create\n  kind: certification\n  key: aws-yaml-entry\n  organization: aws\n  name: YAML Entry\n  recognitionBases: [NAM_ENDORSED]\n" +
			"- action: create\n  kind: certification\n  key: aws-yaml-bad\n  organization: aws\n  name: Bad\n  recognitionBases: [NOT_A_BASIS]\n  colour: blue\n"
		bad := get(e.okAs(t, staff, previewMutation, map[string]any{"in": map[string]any{"yaml": yaml}}), "previewCatalogChanges", "preview", "problems").([]any)
		if len(bad) != 1 || num(get(bad[0], "line")) < 7 || num(get(bad[0], "line")) > 13 {
			t.Errorf("a YAML item with an unknown column = %v", bad)
		}
	})
}

func TestBulkCatalogFileInputsAreChecked(t *testing.T) {
	e := newEnv(t, gormstore.DialectSQLite)
	staff := e.token(t, catalog.RoleStaff, "staff-bulk")
	candidate := e.token(t, catalog.RoleCandidate, "C-100")
	for _, tc := range []struct {
		name, file, want string
	}{
		{"an unknown column", "action,kind,key,colour\n", `"column":"colour","line":1`},
		{"a ragged line", "action,kind,key\ncreate,organization\n", `"line":2,"message":"the line has 2 values; the header has 3"`},
		{"an unclosed quote", "action,kind,key\ncreate,\"organization,x\n", `"message":"not valid CSV`},
		{"no changes", "action,kind,key\n", `the file holds no changes`},
		{"a key changed twice", "action,kind,key,name\nupdate,organization,aws,A\nupdate,organization,aws,B\n", `"line":3,"message":"the organization aws is already changed on line 2`},
		{"a retired entry retired again", "action,kind,key,retiredOn\nretire,certification,nims-machining-job-planning-benchwork-layout,2026-01-01\nretire,certification,nims-machining-job-planning-benchwork-layout,2026-01-02\n", `already changed on line 2`},
		{"an organization retired", "action,kind,key\nretire,organization,aws\n", `an organization is not retired`},
		{"a bad key", "action,kind,key,name\ncreate,organization,Not A Key,X\n", `"column":"key","line":2`},
		{"a column of another kind", "action,kind,key,name,recognitionBases\ncreate,organization,new-body,X,NCCA\n", `the column recognitionBases does not apply`},
		{"a certification of an unknown body", "action,kind,key,organization,name,recognitionBases\ncreate,certification,x-y,nobody,X,NCCA\n", `no organization has the key nobody`},
		{"an O*NET-like renewal", "action,kind,key,renewalPeriodMonths\nupdate,certification,aee-cem,forever\n", `"column":"renewalPeriodMonths"`},
		{"a long name", "action,kind,key,name\nupdate,organization,aws," + strings.Repeat("x", 3000) + "\n", `"column":"name","line":2`},
		{"a huge file", "action,kind,key,description\n" + strings.Repeat("update,organization,aws,"+strings.Repeat("y", 1000)+"\n", 600), `longer than`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := asJSON(t, get(e.okAs(t, staff, previewMutation, map[string]any{"in": map[string]any{"csv": tc.file}}), "previewCatalogChanges"))
			if !strings.Contains(got, tc.want) {
				t.Errorf("preview = %s, want %s", got, tc.want)
			}
		})
	}
	t.Run("a NUL", func(t *testing.T) {
		expectRefusedText(t, e.post(t, staff, previewMutation, map[string]any{"in": map[string]any{"csv": "action,kind,key\x00\n"}}), "csv", "NUL")
	})
	both := get(e.okAs(t, staff, previewMutation, map[string]any{"in": map[string]any{"csv": "a", "yaml": "b"}}), "previewCatalogChanges")
	if asJSON(t, get(both, "userErrors", 0, "field")) != `["input"]` || get(both, "preview") != nil {
		t.Errorf("csv and yaml together = %v", both)
	}
	badVersion := get(e.okAs(t, staff, applyMutation, map[string]any{"in": map[string]any{"csv": "action,kind,key\n"}, "v": "soon"}), "applyCatalogChanges", "userErrors")
	if asJSON(t, get(badVersion, 0, "field")) != `["catalogVersion"]` {
		t.Errorf("a catalog version that is no number = %v", badVersion)
	}
	if r := e.queryAs(t, candidate, previewMutation, map[string]any{"in": map[string]any{"csv": "action\n"}}); r.code(t) != "FORBIDDEN" {
		t.Errorf("a candidate previewing = %s", r.Raw)
	}
}

func TestBulkCatalogAppliesRaceToOneWinner(t *testing.T) {
	e := newEnv(t, gormstore.DialectPostgres)
	staff := e.token(t, catalog.RoleStaff, "staff-bulk")
	file := map[string]any{"csv": exampleFile(t, "example.csv")}
	version := get(e.okAs(t, staff, previewMutation, map[string]any{"in": file}), "previewCatalogChanges", "preview", "catalogVersion")
	const n = 20
	results := together.Run(n, func(int) map[string]any {
		return e.okAs(t, staff, applyMutation, map[string]any{"in": file, "v": version})
	})
	won := 0
	for _, r := range results {
		if get(r, "applyCatalogChanges", "catalogVersion") != nil {
			won++
		} else if len(get(r, "applyCatalogChanges", "userErrors").([]any)) == 0 {
			t.Errorf("a losing apply without a user error: %v", r)
		}
	}
	if won != 1 {
		t.Errorf("%d of %d parallel applies of one preview won, want exactly 1", won, n)
	}
	history := get(e.okAs(t, staff, `{ catalogHistory(first: 100) { totalCount } }`, nil), "catalogHistory", "totalCount")
	if num(history) != 14+1 {
		t.Errorf("history entries = %v, want the seed's and the 14 changes once", history)
	}
}
