package search

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
)

// Organization IDs of the fixture.
const (
	orgAWS  int64 = 1
	orgASQ  int64 = 2
	orgOSHA int64 = 3
	orgEG   int64 = 4
	orgNIMS int64 = 5
	orgZeta int64 = 6 // issues nothing
)

// Certification IDs of the fixture.
const (
	CertCWI     int64 = 101
	certWelder  int64 = 102
	certCWE     int64 = 103
	certCQI     int64 = 104
	certCQT     int64 = 105
	certCMQOE   int64 = 106
	certOSHA30  int64 = 107
	certOSHA10  int64 = 108
	certISO9001 int64 = 109
	certISO9002 int64 = 110 // the only RETIRED entry
	certMachin  int64 = 111
	certITM     int64 = 112
	certSCWI    int64 = 113
)

// activeByName is every ACTIVE fixture entry ordered by display name.
var activeByName = []int64{
	certCMQOE,   // certified manager of quality/organizational excellence
	certCQI,     // certified quality inspector
	certCQT,     // certified quality technician
	certWelder,  // certified welder
	certCWE,     // certified welding educator
	CertCWI,     // certified welding inspector
	certITM,     // industrial technology maintenance level 1
	certISO9001, // iso 9001 lead auditor
	certMachin,  // machining level i
	certOSHA10,  // osha 10-hour general industry
	certOSHA30,  // osha 30-hour general industry
	certSCWI,    // senior certified welding inspector
}

func fixtureTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func datePtr(y int, m time.Month, d int) *catalog.Date {
	x := catalog.NewDate(y, m, d)
	return &x
}

// FixtureData builds a small catalog by hand. Entries are deliberately not
// in any sorted order.
func FixtureData() *catalog.Data {
	cert := func(id, org int64, name, display string, bases []catalog.RecognitionBasis, programs []catalog.Program, added string, aliases ...catalog.Alias) catalog.Certification {
		return catalog.Certification{
			ID:               id,
			Key:              fmt.Sprintf("cert-%d", id),
			OrganizationID:   org,
			Name:             name,
			DisplayName:      display,
			RecognitionBases: bases,
			EligiblePrograms: programs,
			Aliases:          aliases,
			Status:           catalog.StatusActive,
			Provenance:       catalog.Provenance{Source: catalog.SourceGuide, Reference: "guide", AddedAt: fixtureTime(added)},
		}
	}
	acr := func(v string) catalog.Alias { return catalog.Alias{Kind: catalog.AliasAcronym, Value: v} }
	cpt := []catalog.Program{catalog.ProgramCPT}
	both := []catalog.Program{catalog.ProgramCPT, catalog.ProgramCLT}

	iso9002 := cert(certISO9002, orgEG, "ISO 9002 Lead Auditor", "ISO 9002 Lead Auditor", []catalog.RecognitionBasis{catalog.BasisANSI}, cpt, "2003-01-01T00:00:00Z")
	iso9002.Status = catalog.StatusRetired
	iso9002.RetiredOn = datePtr(2003, time.December, 15)

	machining := cert(certMachin, orgNIMS, "Level I", "Machining Level I", []catalog.RecognitionBasis{catalog.BasisNAMEndorsed}, cpt, "2025-01-10T00:00:00Z")
	machining.Group, machining.Level = "Machining", "Level I"

	cmq := cert(certCMQOE, orgASQ, "Certified Manager of Quality/Organizational Excellence", "Certified Manager of Quality/Organizational Excellence",
		[]catalog.RecognitionBasis{catalog.BasisANSI}, both, "2023-11-15T00:00:00Z",
		acr("CMQ/OE"), catalog.Alias{Kind: catalog.AliasFormerName, Value: "Certified Quality Manager"})

	return &catalog.Data{
		Version: 7,
		Organizations: []catalog.Organization{
			{ID: orgOSHA, Key: "osha", Name: "Occupational Safety and Health Administration", Acronym: "OSHA"},
			{ID: orgAWS, Key: "aws", Name: "American Welding Society", Acronym: "AWS"},
			{ID: orgZeta, Key: "zeta", Name: "Zeta Certification Board"},
			{ID: orgASQ, Key: "asq", Name: "American Society for Quality", Acronym: "ASQ"},
			{ID: orgNIMS, Key: "nims", Name: "National Institute for Metalworking Skills", Acronym: "NIMS"},
			{ID: orgEG, Key: "eg", Name: "Exemplar Global"},
		},
		Certifications: []catalog.Certification{
			cert(certOSHA30, orgOSHA, "OSHA-30 General Industry", "OSHA 30-Hour General Industry", []catalog.RecognitionBasis{catalog.BasisOSHAGeneralIndustry}, both, "2024-03-01T12:00:00Z"),
			cert(CertCWI, orgAWS, "Certified Welding Inspector", "Certified Welding Inspector", []catalog.RecognitionBasis{catalog.BasisNAMEndorsed, catalog.BasisANSI}, cpt, "2024-01-05T10:00:00Z", acr("CWI")),
			iso9002,
			cert(certCQT, orgASQ, "Certified Quality Technician", "Certified Quality Technician", []catalog.RecognitionBasis{catalog.BasisANSI, catalog.BasisNCCA}, cpt, "2023-12-02T00:00:00Z", acr("CQT")),
			cert(certWelder, orgAWS, "Certified Welder", "Certified Welder", []catalog.RecognitionBasis{catalog.BasisNAMEndorsed}, cpt, "2024-01-03T00:00:00Z"),
			machining,
			// 13:00 at +02:00 is 11:00 UTC: earlier than OSHA-30 although its local clock reads later.
			cert(certOSHA10, orgOSHA, "OSHA-10 General Industry", "OSHA 10-Hour General Industry", []catalog.RecognitionBasis{catalog.BasisOSHAGeneralIndustry}, both, "2024-03-01T13:00:00+02:00"),
			cert(certSCWI, orgAWS, "Senior Certified Welding Inspector", "Senior Certified Welding Inspector", []catalog.RecognitionBasis{catalog.BasisANSI}, cpt, "2024-02-01T00:00:00Z", acr("SCWI")),
			cert(certCQI, orgASQ, "Certified Quality Inspector", "Certified Quality Inspector", []catalog.RecognitionBasis{catalog.BasisANSI}, both, "2023-12-01T00:00:00Z", acr("CQI")),
			cert(certISO9001, orgEG, "ISO 9001 Lead Auditor", "ISO 9001 Lead Auditor", []catalog.RecognitionBasis{catalog.BasisANSI}, cpt, "2023-06-01T00:00:00Z"),
			cmq,
			// Same AddedAt as SCWI: the ID breaks the tie.
			cert(certCWE, orgAWS, "Certified Welding Educator", "Certified Welding Educator", []catalog.RecognitionBasis{catalog.BasisANSI}, cpt, "2024-02-01T00:00:00Z", acr("CWE")),
			cert(certITM, orgNIMS, "Industrial Technology Maintenance Level 1", "Industrial Technology Maintenance Level 1", []catalog.RecognitionBasis{catalog.BasisNAMEndorsed}, []catalog.Program{catalog.ProgramCLT}, "2024-12-31T00:00:00Z"),
		},
		KeyActivities: []catalog.KeyActivity{
			{ID: 206, Key: "clt-1", Program: catalog.ProgramCLT, Area: catalog.AreaCLT, Number: 1, Title: "Manage inventory"},
			{ID: 203, Key: "quality-1", Program: catalog.ProgramCPT, Area: catalog.AreaQuality, Number: 1, Title: "Inspect product"},
			{ID: 202, Key: "safety-2", Program: catalog.ProgramCPT, Area: catalog.AreaSafety, Number: 2, Title: "Use protective equipment"},
			{ID: 205, Key: "cla-2", Program: catalog.ProgramCLT, Area: catalog.AreaCLA, Number: 2, Title: "Load trucks"},
			{ID: 201, Key: "safety-1", Program: catalog.ProgramCPT, Area: catalog.AreaSafety, Number: 1, Title: "Work safely"},
			{ID: 204, Key: "cla-1", Program: catalog.ProgramCLT, Area: catalog.AreaCLA, Number: 1, Title: "Receive goods"},
		},
		Fields: []catalog.RelatedField{
			{ID: 301, Key: "welding", Sector: catalog.SectorManufacturing, Name: "Welding and Fabrication", Related: true},
			{ID: 302, Key: "machining", Sector: catalog.SectorManufacturing, Name: "Machining", Related: true},
			{ID: 303, Key: "warehousing", Sector: catalog.SectorLogistics, Name: "Warehousing and Distribution", Related: true},
			{ID: 304, Key: "retail", Name: "Retail Sales", Related: false, Reason: "Customer-facing selling is not production work"},
			{ID: 305, Key: "trucking", Sector: catalog.SectorLogistics, Name: "Truck Driving", Related: true, Reason: "Commercial freight only"},
		},
		ActivityTypes: []catalog.ActivityType{
			{ID: 401, Key: "ce-course", Category: catalog.CategoryContinuingEducation, Name: "College course", MinPoints: 5, MaxPoints: 10, Per: catalog.PerActivity},
			{ID: 402, Key: "ic", Category: catalog.CategoryIndustryCertification, Name: "Industry certification", MinPoints: 35, MaxPoints: 35, Per: catalog.PerActivity},
			{ID: 403, Key: "e-full", Category: catalog.CategoryEmployment, Name: "Employment", MinPoints: 20, MaxPoints: 20, Per: catalog.PerYear},
		},
	}
}

func fixtureSnapshot(t *testing.T) *catalog.Snapshot {
	t.Helper()
	return catalog.NewSnapshot(FixtureData())
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
