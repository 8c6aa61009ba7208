package relay_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/graph/relay"
)

// FuzzDecodeID feeds DecodeID any string: it must never panic, refuse
// anything but one of this API's IDs with a BAD_USER_INPUT error about the
// field, and accept only strings that name the object EncodeID names.
func FuzzDecodeID(f *testing.F) {
	for _, seed := range []string{
		relay.EncodeID(relay.TypeCertification, 1), relay.EncodeID(relay.TypeCandidate, 9223372036854775807),
		relay.EncodeID(relay.TypeApplication, 42), "", "%%%", "Q2VydGlmaWNhdGlvbjox", "Q2VydGlmaWNhdGlvbjox==",
		b64("Certification:0"), b64("Certification:-1"), b64("Certification:01"), b64("Certification:+1"),
		b64("Certification:1:2"), b64("Applicant:1"), b64("certification:1"), b64("Certification:99999999999999999999"),
		b64("Certification: 1"), b64("\x00:1"), b64("' OR 1=1 --:1"), strings.Repeat("A", 65),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := relay.DecodeID("id", s)
		if err != nil {
			if !badInputAbout(err, "id") {
				t.Fatalf("DecodeID(%q) failed with %v, want a BAD_USER_INPUT error about id", s, err)
			}
			if g != (relay.GlobalID{}) {
				t.Fatalf("DecodeID(%q) returned %+v with an error", s, g)
			}
			return
		}
		if g.ID < 1 || g.Type == "" {
			t.Fatalf("DecodeID(%q) = %+v", s, g)
		}
		// Only the canonical form is accepted, so one object has one ID.
		if again := relay.EncodeID(g.Type, g.ID); again != s {
			t.Fatalf("DecodeID(%q) = %+v, but its canonical ID is %q", s, g, again)
		}
		if _, err := relay.DecodeIDOf("id", g.Type, s); err != nil {
			t.Fatalf("DecodeIDOf(%q, %q) = %v", g.Type, s, err)
		}
	})
}

// FuzzDecodeCursor feeds DecodeCursor any string: it must never panic,
// refuse anything but a cursor with a BAD_USER_INPUT error about the
// argument, and read back what EncodeCursor wrote.
func FuzzDecodeCursor(f *testing.F) {
	for _, c := range []catalog.Cursor{
		{Scope: "certifications:name", Key: "aws certified welding inspector", ID: 12},
		{Scope: "organizations", Key: "", ID: 1}, {Scope: "x", Key: "\x00\u202e", ID: -5},
	} {
		f.Add(relay.EncodeCursor(c))
	}
	for _, seed := range []string{"", "not-a-cursor", b64(`{"x":1}`), b64(`["a","b"]`), b64(`["","k",1]`),
		b64(`["s","k",1.5]`), b64(`["s","k",1,2]`), b64(`["s",null,1]`), b64(`[1,"k",1]`), b64(`["s","k",1e400]`),
		b64(strings.Repeat("[", 5000)), strings.Repeat("A", 1025)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := relay.DecodeCursor("after", &s)
		if err != nil {
			if !badInputAbout(err, "after") {
				t.Fatalf("DecodeCursor(%q) failed with %v, want a BAD_USER_INPUT error about after", s, err)
			}
			if c != nil {
				t.Fatalf("DecodeCursor(%q) returned %+v with an error", s, c)
			}
			return
		}
		if c == nil || c.Scope == "" {
			t.Fatalf("DecodeCursor(%q) = %+v", s, c)
		}
		enc := relay.EncodeCursor(*c)
		back, err := relay.DecodeCursor("after", &enc)
		if err != nil || back == nil || *back != *c {
			t.Fatalf("cursor %+v does not survive a round trip: %q -> %+v, %v", c, enc, back, err)
		}
	})
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// badInputAbout reports whether err is itself (not wrapped) a
// *catalog.Error with the BAD_USER_INPUT code about field.
func badInputAbout(err error, field string) bool {
	e, ok := err.(*catalog.Error)
	return ok && catalog.ErrorCode(err) == catalog.CodeBadUserInput && e.Field == field
}
