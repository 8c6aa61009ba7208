package apitest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
)

// pdfText extracts the text of a PDF with Debian's pdftotext (poppler-utils,
// which scripts/ensure-pdftotext.sh installs for make test). Without it the
// test fails rather than skips.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext is not installed; run scripts/ensure-pdftotext.sh (make test does): %v", err)
	}
	path := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, stderr bytes.Buffer
	cmd := exec.Command(bin, "-enc", "UTF-8", path, "-")
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.String())
	}
	return out.String()
}

// letterActivities are one claim for each of the guide's five form
// letters, with the section heading its letter carries and the dates it
// must show.
var letterActivities = []struct {
	section string
	input   map[string]any
	dates   []string
	filled  []string
}{
	{"Continuing Education", map[string]any{"category": "CONTINUING_EDUCATION", "activityTypeKey": "ce-third-party", "title": "Forklift operator training",
		"completedOn": "2025-03-14", "provider": "Acme Safety Institute", "description": "Sixteen hours of powered industrial truck operation."},
		[]string{"2025-03-14"}, []string{"Forklift operator training", "Acme Safety Institute", "Training Provider"}},
	{"Employment", map[string]any{"category": "EMPLOYMENT", "activityTypeKey": "e-direct", "title": "Line lead", "startOn": "2023-02-01", "endOn": "2025-06-30",
		"weeklyHours": 40, "provider": "Acme Plastics"}, []string{"2023-02-01", "2025-06-30"}, []string{"Line lead", "Acme Plastics", "Average hours a week: 40"}},
	{"Employment - Instructors", map[string]any{"category": "EMPLOYMENT", "activityTypeKey": "e-mssc-instructor", "title": "CPT instructor", "startOn": "2023-06-01",
		"endOn": "2026-06-30", "coursesTaught": []any{map[string]any{"year": 2, "courses": 2}, map[string]any{"year": 3, "courses": 1}}, "provider": "Valley Community College"},
		[]string{"2023-06-01", "2026-06-30"}, []string{"CPT instructor", "Valley Community College", "cycle year 2: 2"}},
	{"Extra – General Volunteer", map[string]any{"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": "Warehouse volunteer", "completedOn": "2026-02-07",
		"hours": 16, "provider": "County Food Bank"}, []string{"2026-02-07"}, []string{"Warehouse volunteer", "County Food Bank", "Hours of service: 16"}},
	{"Extra – Membership", map[string]any{"category": "EXTRA", "activityTypeKey": "x-committee", "title": "Safety committee", "startOn": "2024-09-01", "endOn": "2025-08-31",
		"hours": 24, "provider": "Regional Manufacturers Council"}, []string{"2024-09-01", "2025-08-31"}, []string{"Safety committee", "Regional Manufacturers Council"}},
}

func TestFormLettersArePrefilledForTheirCandidateAndStaffOnly(t *testing.T) {
	eachDialect(t, func(t *testing.T, e *env) {
		e.travelTo(t, "2027-04-01")
		expires := time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)
		candidate := registerHolder(t, e, "C-L100", expires, expires.AddDate(1, 0, 0))
		other := registerHolder(t, e, "C-L200", expires, expires.AddDate(1, 0, 0))
		staff := e.token(t, catalog.RoleStaff, "staff-letters")
		app := appCall(t, e, candidate, `mutation { createApplication(program: CPT) { application { id version } userErrors { field message } } }`, nil)
		save := `mutation($id: ID!, $v: Int!, $a: ActivityInput!) { saveApplicationActivity(applicationId: $id, version: $v, activity: $a) {
			application { id version activities { activityId activityType { key } provider formLetterPath } } userErrors { field message } } }`
		for _, la := range letterActivities {
			app = appCall(t, e, candidate, save, map[string]any{"id": app["id"], "v": app["version"], "a": la.input})
		}
		cwi := get(e.ok(t, `{ certifications(first: 1, filter: {search: "CWI"}) { nodes { id } } }`, nil), "certifications", "nodes", 0, "id")
		app = appCall(t, e, candidate, save, map[string]any{"id": app["id"], "v": app["version"], "a": map[string]any{
			"category": "INDUSTRY_CERTIFICATION", "activityTypeKey": "ic-certification", "title": "AWS CWI", "certificationId": cwi, "completedOn": "2024-04-01"}})
		activities := get(app, "activities").([]any)
		if len(activities) != len(letterActivities)+1 {
			t.Fatalf("activities = %v", activities)
		}
		if p := get(activities, len(letterActivities), "formLetterPath"); p != nil {
			t.Errorf("an Industry Certification, proved by its certificate, has a form letter at %v", p)
		}

		for i, la := range letterActivities {
			t.Run(la.section, func(t *testing.T) {
				path, _ := get(activities, i, "formLetterPath").(string)
				if !strings.HasPrefix(path, "/letters/") {
					t.Fatalf("formLetterPath = %v", get(activities, i))
				}
				status, pdf := e.download(t, candidate, path)
				if status != 200 || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
					t.Fatalf("the candidate's download: %d %.80q", status, pdf)
				}
				if n := bytes.Count(pdf, []byte("/Type /Page\n")); n != 1 {
					t.Errorf("the letter has %d pages, want 1", n)
				}
				text := pdfText(t, pdf)
				wants := append([]string{"Recertification Letter of Confirmation", la.section, "Holder C-L100", "C-L100", "2027-04-01", "CPT",
					"Signature", "Print Name", "Company"}, la.dates...)
				for _, want := range append(wants, la.filled...) {
					if !strings.Contains(text, want) {
						t.Errorf("the %s letter lacks %q; its text:\n%s", la.section, want, text)
					}
				}

				if status, staffPDF := e.download(t, staff, path); status != 200 || !bytes.HasPrefix(staffPDF, []byte("%PDF-")) {
					t.Errorf("staff's download: %d", status)
				}
				unknownStatus, unknown := e.download(t, other, "/letters/"+strings.Split(path, "/")[2]+"/99")
				status, body := e.download(t, other, path)
				if status != 404 || unknownStatus != 404 || !bytes.Equal(body, unknown) {
					t.Errorf("another candidate got %d %q; an unknown path %d %q", status, body, unknownStatus, unknown)
				}
				if status, _ := e.download(t, "", path); status != 401 {
					t.Errorf("an anonymous download got %d, want 401", status)
				}
			})
		}

		for _, bad := range []string{"/letters/", "/letters/x", "/letters/" + strings.Repeat("A", 5000) + "/1", "/letters/" + app["id"].(string) + "/01",
			"/letters/" + app["id"].(string) + "/-1", "/letters/" + app["id"].(string) + "/6", "/letters/" + app["id"].(string) + "/1/extra"} {
			if status, _ := e.download(t, candidate, bad); status != 404 {
				t.Errorf("GET %.60s got %d, want 404", bad, status)
			}
		}
		long := map[string]any{"category": "EXTRA", "activityTypeKey": "x-volunteer", "title": "Toy drive", "completedOn": "2026-12-01", "hours": 8,
			"description": strings.Repeat("packing boxes ", 200)}
		expectRefusedText(t, e.post(t, candidate, save, map[string]any{"id": app["id"], "v": app["version"], "a": long}), "activity.description", "at most")
		long["description"], long["provider"], long["title"] = strings.Repeat("packing boxes ", 110)[:1500], strings.Repeat("P", 200), strings.Repeat("Toy drive ", 30)
		full := appCall(t, e, candidate, save, map[string]any{"id": app["id"], "v": app["version"], "a": long})
		path, _ := get(full, "activities", len(letterActivities)+1, "formLetterPath").(string)
		status, pdf := e.download(t, candidate, path)
		if n := bytes.Count(pdf, []byte("/Type /Page\n")); status != 200 || n != 1 {
			t.Errorf("the letter of the longest description: status %d, %d pages", status, n)
		}
	})
}
