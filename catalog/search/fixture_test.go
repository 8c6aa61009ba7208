package search

import (
	"slices"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/catalogtest/fixture"
)

// Short names for the IDs of the shared fixture (catalogtest/fixture).
const (
	orgAWS      = fixture.OrgAWS
	orgASQ      = fixture.OrgASQ
	orgOSHA     = fixture.OrgOSHA
	orgEG       = fixture.OrgEG
	orgNIMS     = fixture.OrgNIMS
	orgZeta     = fixture.OrgZeta
	CertCWI     = fixture.CertCWI
	certWelder  = fixture.CertWelder
	certCWE     = fixture.CertCWE
	certCQI     = fixture.CertCQI
	certCQT     = fixture.CertCQT
	certCMQOE   = fixture.CertCMQOE
	certOSHA30  = fixture.CertOSHA30
	certOSHA10  = fixture.CertOSHA10
	certISO9001 = fixture.CertISO9001
	certISO9002 = fixture.CertISO9002
	certMachin  = fixture.CertMachin
	certITM     = fixture.CertITM
	certSCWI    = fixture.CertSCWI
)

// activeByName is every ACTIVE fixture entry ordered by display name.
var activeByName = fixture.ActiveByName

func datePtr(y int, m time.Month, d int) *catalog.Date {
	x := catalog.NewDate(y, m, d)
	return &x
}

func fixtureSnapshot(t *testing.T) *catalog.Snapshot {
	t.Helper()
	return catalog.NewSnapshot(fixture.Data())
}

func certIDs(p catalog.Page[*catalog.Certification]) []int64 {
	out := make([]int64, 0, len(p.Edges))
	for _, e := range p.Edges {
		out = append(out, e.Node.ID)
	}
	return out
}

func orgIDs(p catalog.Page[*catalog.Organization]) []int64 {
	out := make([]int64, 0, len(p.Edges))
	for _, e := range p.Edges {
		out = append(out, e.Node.ID)
	}
	return out
}

func reversedIDs(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Reverse(out)
	return out
}

func pageSize(n int) *int { return &n }

// wantInvalid fails unless err is a *Error with CodeBadUserInput about field.
func wantInvalid(t *testing.T, err error, field string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %s error about %q", catalog.CodeBadUserInput, field)
	}
	e, ok := err.(*catalog.Error)
	if !ok {
		t.Fatalf("got %T (%v), want *Error", err, err)
	}
	if e.Code != catalog.CodeBadUserInput || e.Field != field {
		t.Fatalf("got code %s field %q (%v), want code %s field %q", e.Code, e.Field, err, catalog.CodeBadUserInput, field)
	}
}
