package httpapi

import (
	"mime"
	"strings"
	"testing"
)

// TestContentDisposition checks that the header of a download parses back
// as an attachment whose file name is the stored name without control
// characters and path separators, whatever that name holds.
func TestContentDisposition(t *testing.T) {
	long := strings.Repeat("a", 996) + ".pdf"
	for _, tc := range []struct{ name, stored, want string }{
		{"plain", "report.pdf", "report.pdf"},
		{"double quote", `a"b.pdf`, `a"b.pdf`},
		{"backslash", `back\slash.pdf`, "backslash.pdf"},
		{"slashes", "../../etc/passwd", "....etcpasswd"},
		{"non-ASCII", "évaluation.pdf", "évaluation.pdf"},
		{"non-ASCII and a quote", `résumé "final".pdf`, `résumé "final".pdf`},
		{"CR and LF", "a\r\nSet-Cookie: x=1.pdf", "aSet-Cookie: x=1.pdf"},
		{"tab and NUL", "a\tb\x00c.pdf", "abc.pdf"},
		{"right-to-left override", "invoice\u202Efdp.exe", "invoicefdp.exe"},
		{"invalid UTF-8", "a\xffb.pdf", "ab.pdf"},
		{"semicolon and equals", "a; filename=evil.exe", "a; filename=evil.exe"},
		{"1,000 characters", long, long},
		{"empty", "", "file"},
		{"only controls and separators", "\r\n/\\", "file"},
		{"dot dot", "..", "file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			header := contentDisposition(tc.stored)
			if strings.ContainsAny(header, "\r\n\x00") {
				t.Fatalf("contentDisposition(%q) = %q holds a line break or NUL", tc.stored, header)
			}
			disposition, params, err := mime.ParseMediaType(header)
			if err != nil || disposition != "attachment" {
				t.Fatalf("contentDisposition(%q) = %q: parsed %q, %v", tc.stored, header, disposition, err)
			}
			if len(params) != 1 || params["filename"] != tc.want {
				t.Errorf("contentDisposition(%q) = %q: parameters %q, want filename %q", tc.stored, header, params, tc.want)
			}
		})
	}
}
