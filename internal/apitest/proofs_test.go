package apitest

import (
	"mime"
	"net/http"
	"strings"
	"testing"
	"unicode"

	"github.com/mssc/recert/catalog"
)

// TestApplicationProofsDownload checks that an application's proof is
// served to its candidate and to staff, as an attachment of its detected
// type that browsers may not sniff, and that everyone else gets what an
// unknown path gets.
func TestApplicationProofsDownload(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		exp := e.now.AddDate(0, 2, 0)
		alice := registerHolder(t, e, "C-1001", exp, exp.AddDate(1, 0, 0))
		bob := registerHolder(t, e, "C-1002", exp, exp.AddDate(1, 0, 0))
		staff := e.token(t, catalog.RoleStaff, "staff-1")
		proof := append(append([]byte{}, pdf...), "% Alice's paystub, SSN ending 1234\n"...)

		appID, file := newApplicationWithProof(t, e, alice, "paystub.pdf", proof)
		path, _ := get(file, "downloadPath").(string)
		if get(file, "contentType") != "application/pdf" {
			t.Fatalf("attach proof: %v", file)
		}
		// Bob has an application and a proof of his own.
		bobApp := appCall(t, e, bob, `mutation { createApplication(program: CPT) { application { id version } userErrors { field message } } }`, nil)
		if bobApp["id"] == appID {
			t.Fatal("one application for two candidates")
		}

		for _, who := range []struct{ name, token string }{{"the owner", alice}, {"staff", staff}} {
			res := e.send(t, nil, http.MethodGet, path, nil, "Authorization", "Bearer "+who.token)
			if res.Status != http.StatusOK || res.Body != string(proof) {
				t.Errorf("%s downloads the proof: %d %q", who.name, res.Status, res.Body)
				continue
			}
			if ct := res.Header.Get("Content-Type"); ct != "application/pdf" {
				t.Errorf("%s: Content-Type = %q", who.name, ct)
			}
			if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "paystub.pdf") {
				t.Errorf("%s: Content-Disposition = %q", who.name, cd)
			}
			if res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("%s: X-Content-Type-Options = %q", who.name, res.Header.Get("X-Content-Type-Options"))
			}
		}
		unknown := "/files/sha256/00/" + strings.Repeat("0", 62)
		for _, who := range []struct{ name, token string }{{"another candidate", bob}, {"anonymous", ""}} {
			var headers []string
			if who.token != "" {
				headers = []string{"Authorization", "Bearer " + who.token}
			}
			want := e.send(t, nil, http.MethodGet, unknown, nil, headers...)
			got := e.send(t, nil, http.MethodGet, path, nil, headers...)
			if got.Status != want.Status || got.Body != want.Body || got.Header.Get("Content-Type") != want.Header.Get("Content-Type") ||
				got.Status == http.StatusOK {
				t.Errorf("%s downloads the proof: %d %q, want what an unknown path gets: %d %q", who.name, got.Status, got.Body, want.Status, want.Body)
			}
		}
		// Keys that would match many stored proofs if they were searched
		// as patterns or substrings find nothing.
		for _, probe := range []string{"/files/%25", "/files/_", "/files/sha256", "/files/" + strings.TrimPrefix(path, "/files/")[:10], "/files/%22"} {
			for _, token := range []string{alice, staff} {
				if got := e.send(t, nil, http.MethodGet, probe, nil, "Authorization", "Bearer "+token); got.Status != http.StatusNotFound {
					t.Errorf("probe %s: %d %q", probe, got.Status, got.Body)
				}
			}
		}
	})
}

// TestProofDownloadKeepsItsName checks that a proof uploaded under a name
// with non-ASCII letters and double quotes is downloaded under that name:
// the Content-Disposition header is ASCII and parses back to it.
func TestProofDownloadKeepsItsName(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		const name = `évaluation "finale" №2.pdf`
		exp := e.now.AddDate(0, 2, 0)
		alice := registerHolder(t, e, "C-1001", exp, exp.AddDate(1, 0, 0))
		_, file := newApplicationWithProof(t, e, alice, name, pdf)
		path, _ := get(file, "downloadPath").(string)
		if get(file, "name") != name {
			t.Fatalf("attach proof: %v", file)
		}

		res := e.send(t, nil, http.MethodGet, path, nil, "Authorization", "Bearer "+alice)
		header := res.Header.Get("Content-Disposition")
		if res.Status != http.StatusOK || strings.IndexFunc(header, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
			t.Fatalf("download: %d, Content-Disposition %q", res.Status, header)
		}
		disposition, params, err := mime.ParseMediaType(header)
		if err != nil || disposition != "attachment" || params["filename"] != name {
			t.Errorf("Content-Disposition %q parses as %q %q (%v), want an attachment named %q", header, disposition, params, err, name)
		}
	})
}

// newApplicationWithProof starts an application for the candidate of
// token, claims one activity on it and attaches content to the activity as
// a proof named name, returning the application's ID and the proof as the
// API lists it.
func newApplicationWithProof(t *testing.T, e *env, token, name string, content []byte) (appID, proof any) {
	t.Helper()
	app := appCall(t, e, token, `mutation { createApplication(program: CPT) { application { id version } userErrors { field message } } }`, nil)
	app = appCall(t, e, token, `mutation($id: ID!, $v: Int!) { saveApplicationActivity(applicationId: $id, version: $v, activity: {category: EXTRA, activityTypeKey: "x-volunteer", title: "Food bank", completedOn: "`+e.now.AddDate(0, -1, 0).Format("2006-01-02")+`", hours: 16}) { application { id version } userErrors { field message } } }`,
		map[string]any{"id": app["id"], "v": app["version"]})
	r := e.upload(t, token, `mutation($id: ID!, $v: Int!, $f: Upload!) { attachActivityProof(applicationId: $id, version: $v, activityId: 1, file: $f) { application { activities { proofs { name contentType downloadPath } } } userErrors { field message } } }`,
		map[string]any{"id": app["id"], "v": app["version"], "f": nil}, "variables.f", name, content)
	proof = get(r.Data, "attachActivityProof", "application", "activities", 0, "proofs", 0)
	if path, _ := get(proof, "downloadPath").(string); len(r.Errors) > 0 || path == "" {
		t.Fatalf("attach proof: %s", r.Raw)
	}
	return app["id"], proof
}
