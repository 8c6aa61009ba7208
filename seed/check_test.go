package seed_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/seed"
)

// validData returns a small catalog that passes seed.Check.
func validData() *catalog.Data {
	cert := func(key, display string) catalog.Certification {
		return catalog.Certification{
			Key: key, OrganizationKey: "aws", Name: display, DisplayName: display,
			RecognitionBases: []catalog.RecognitionBasis{catalog.BasisNAMEndorsed},
			EligiblePrograms: []catalog.Program{catalog.ProgramCPT, catalog.ProgramCLT},
			Aliases:          []catalog.Alias{{Kind: catalog.AliasAcronym, Value: strings.ToUpper(key)}},
			Status:           catalog.StatusActive,
			Provenance:       catalog.Provenance{Source: catalog.SourceGuide},
		}
	}
	return &catalog.Data{
		Organizations:  []catalog.Organization{{Key: "aws", Name: "American Welding Society"}},
		Certifications: []catalog.Certification{cert("cwi", "AWS Certified Welding Inspector"), cert("cw", "AWS Certified Welder")},
		KeyActivities: []catalog.KeyActivity{
			{Key: "cpt-safety-01", Program: catalog.ProgramCPT, Area: catalog.AreaSafety, Number: 1, Title: "Work safely"},
		},
		ActivityTypes: []catalog.ActivityType{
			{Key: "x-volunteer", Category: catalog.CategoryExtra, Name: "Volunteering", MinPoints: 1, MaxPoints: 5, Per: catalog.PerActivity},
		},
		Fees:  []catalog.Fee{{Key: "application", Kind: catalog.FeeApplication, Amount: catalog.Money{Cents: 7500, Currency: "USD"}}},
		Rules: []catalog.Rule{{Key: "points_required", Value: 100}},
	}
}

func TestCheckAcceptsValidData(t *testing.T) {
	if err := seed.Check(validData()); err != nil {
		t.Fatalf("Check(valid data) = %v, want nil", err)
	}
}

func TestCheckRejectsBadData(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(d *catalog.Data)
		wantErr []string // substrings the error must contain
	}{
		{
			name:    "duplicate certification key",
			edit:    func(d *catalog.Data) { d.Certifications[1].Key = "cwi" },
			wantErr: []string{"certification key", `"cwi"`, "twice"},
		},
		{
			name:    "duplicate organization key",
			edit:    func(d *catalog.Data) { d.Organizations = append(d.Organizations, d.Organizations[0]) },
			wantErr: []string{"organization key", `"aws"`, "twice"},
		},
		{
			name:    "duplicate rule key",
			edit:    func(d *catalog.Data) { d.Rules = append(d.Rules, catalog.Rule{Key: "points_required", Value: 90}) },
			wantErr: []string{"rule key", `"points_required"`, "twice"},
		},
		{
			name:    "duplicate display name",
			edit:    func(d *catalog.Data) { d.Certifications[1].DisplayName = d.Certifications[0].DisplayName },
			wantErr: []string{"display name", `"AWS Certified Welding Inspector"`, "twice"},
		},
		{
			name:    "unknown recognition basis",
			edit:    func(d *catalog.Data) { d.Certifications[0].RecognitionBases = []catalog.RecognitionBasis{"ISO_9001"} },
			wantErr: []string{`"cwi"`, "unknown recognition basis", `"ISO_9001"`},
		},
		{
			name:    "missing recognition basis",
			edit:    func(d *catalog.Data) { d.Certifications[1].RecognitionBases = nil },
			wantErr: []string{`"cw"`, "no recognition basis"},
		},
		{
			name:    "unknown program",
			edit:    func(d *catalog.Data) { d.Certifications[0].EligiblePrograms = []catalog.Program{"CLA"} },
			wantErr: []string{`"cwi"`, "unknown program", `"CLA"`},
		},
		{
			name:    "unknown alias kind",
			edit:    func(d *catalog.Data) { d.Certifications[0].Aliases[0].Kind = "NICKNAME" },
			wantErr: []string{`"cwi"`, "alias", `"NICKNAME"`},
		},
		{
			name:    "missing display name",
			edit:    func(d *catalog.Data) { d.Certifications[0].DisplayName = "" },
			wantErr: []string{`"cwi"`, "display name"},
		},
		{
			name:    "empty key",
			edit:    func(d *catalog.Data) { d.Fees[0].Key = "" },
			wantErr: []string{"fee with an empty key"},
		},
		{
			name:    "min points above max points",
			edit:    func(d *catalog.Data) { d.ActivityTypes[0].MinPoints, d.ActivityTypes[0].MaxPoints = 5, 1 },
			wantErr: []string{`"x-volunteer"`, "5 to 1", "not a range"},
		},
		{
			name:    "negative points",
			edit:    func(d *catalog.Data) { d.ActivityTypes[0].MinPoints = -1 },
			wantErr: []string{`"x-volunteer"`, "not a range"},
		},
		{
			name:    "unknown point category",
			edit:    func(d *catalog.Data) { d.ActivityTypes[0].Category = "BONUS" },
			wantErr: []string{`"x-volunteer"`, "unknown category", `"BONUS"`},
		},
		{
			name:    "empty other name",
			edit:    func(d *catalog.Data) { d.Organizations[0].OtherNames = []string{" - "} },
			wantErr: []string{`"aws"`, "empty other name"},
		},
		{
			name:    "other name repeating the name",
			edit:    func(d *catalog.Data) { d.Organizations[0].OtherNames = []string{"American welding society"} },
			wantErr: []string{`"aws"`, `"American welding society"`, "repeats"},
		},
		{
			name: "other name of another organization",
			edit: func(d *catalog.Data) {
				d.Organizations = append(d.Organizations, catalog.Organization{Key: "asq", Name: "American Society for Quality", OtherNames: []string{"American Welding Society"}})
			},
			wantErr: []string{`"asq"`, `"American Welding Society"`, `also names organization "aws"`},
		},
		{
			name:    "unknown key activity area",
			edit:    func(d *catalog.Data) { d.KeyActivities[0].Area = "WELDING" },
			wantErr: []string{`"cpt-safety-01"`, `"WELDING"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := validData()
			tt.edit(d)
			err := seed.Check(d)
			if err == nil {
				t.Fatal("Check accepted the data")
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
		})
	}
}

// seedFS returns a writable copy of the embedded seed files.
func seedFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(seed.Files(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(seed.Files(), name)
		if err != nil {
			return err
		}
		m[name] = &fstest.MapFile{Data: raw}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestReadCopyOfEmbeddedSeed(t *testing.T) {
	// The fixture of the failure cases below must itself be readable, or
	// they would pass for the wrong reason.
	if _, err := seed.Read(seedFS(t)); err != nil {
		t.Fatalf("Read(copy of the seed) = %v", err)
	}
}

func TestReadRejectsBadFiles(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(t *testing.T, m fstest.MapFS)
		wantFile string
		wantErr  string
	}{
		{
			name: "unknown field in an organization file",
			edit: func(t *testing.T, m fstest.MapFS) {
				appendTo(t, m, "certifications/osha.yaml", "\nwebsite: https://www.osha.gov\n")
			},
			wantFile: "certifications/osha.yaml",
			wantErr:  "website",
		},
		{
			name: "unknown field in a certification entry",
			edit: func(t *testing.T, m fstest.MapFS) {
				replaceIn(t, m, "certifications/osha.yaml", "    name: OSHA-10 in General Industry\n",
					"    name: OSHA-10 in General Industry\n    points: 10\n")
			},
			wantFile: "certifications/osha.yaml",
			wantErr:  "points",
		},
		{
			name: "unknown field in a reference file",
			edit: func(t *testing.T, m fstest.MapFS) {
				replaceIn(t, m, "rules.yaml", "- key: points_required\n", "- key: points_required\n  minimum: 100\n")
			},
			wantFile: "rules.yaml",
			wantErr:  "minimum",
		},
		{
			name: "organization key does not match the file name",
			edit: func(t *testing.T, m fstest.MapFS) {
				m["certifications/osha-cards.yaml"] = m["certifications/osha.yaml"]
				delete(m, "certifications/osha.yaml")
			},
			wantFile: "certifications/osha-cards.yaml",
			wantErr:  `"osha"`,
		},
		{
			name: "organization key edited inside its file",
			edit: func(t *testing.T, m fstest.MapFS) {
				replaceIn(t, m, "certifications/osha.yaml", "\nkey: osha\n", "\nkey: osha-agency\n")
			},
			wantFile: "certifications/osha.yaml",
			wantErr:  `"osha-agency"`,
		},
		{
			name: "missing reference file",
			edit: func(t *testing.T, m fstest.MapFS) {
				delete(m, "fees.yaml")
			},
			wantFile: "fees.yaml",
		},
		{
			name: "data that fails Check",
			edit: func(t *testing.T, m fstest.MapFS) {
				replaceIn(t, m, "certifications/osha.yaml", "bases: [OSHA_GENERAL_INDUSTRY]", "bases: [OSHA_CONSTRUCTION]")
			},
			wantErr: `unknown recognition basis "OSHA_CONSTRUCTION"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := seedFS(t)
			tt.edit(t, m)
			data, err := seed.Read(m)
			if err == nil {
				t.Fatalf("Read succeeded with %d certifications, want an error", len(data.Certifications))
			}
			if tt.wantFile != "" && !strings.Contains(err.Error(), "seed file "+tt.wantFile) {
				t.Errorf("error %q does not name the file %s", err, tt.wantFile)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not contain %q", err, tt.wantErr)
			}
		})
	}
}

func appendTo(t *testing.T, m fstest.MapFS, name, text string) {
	t.Helper()
	f, ok := m[name]
	if !ok {
		t.Fatalf("no file %s in the seed", name)
	}
	m[name] = &fstest.MapFile{Data: append(append([]byte(nil), f.Data...), text...)}
}

func replaceIn(t *testing.T, m fstest.MapFS, name, old, new string) {
	t.Helper()
	f, ok := m[name]
	if !ok {
		t.Fatalf("no file %s in the seed", name)
	}
	if strings.Count(string(f.Data), old) != 1 {
		t.Fatalf("%s does not contain %q exactly once", name, old)
	}
	m[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1))}
}
