// Package seed holds the catalog transcribed from the MSSC Recertification
// guide as human-editable YAML files, and loads them into a store.
package seed

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/mssc/recert/catalog"
)

//go:embed data
var files embed.FS

// Files returns the embedded seed files, rooted at the data folder.
func Files() fs.FS {
	sub, err := fs.Sub(files, "data")
	if err != nil {
		panic(err)
	}
	return sub
}

// Read parses and checks every seed file of fsys into catalog data.
func Read(fsys fs.FS) (*catalog.Data, error) {
	data := &catalog.Data{}
	orgFiles, err := fs.Glob(fsys, "certifications/*.yaml")
	if err != nil {
		return nil, err
	}
	slices.Sort(orgFiles)
	for _, name := range orgFiles {
		var f OrganizationFile
		if err := decode(fsys, name, &f); err != nil {
			return nil, err
		}
		org, certs, err := f.convert(name)
		if err != nil {
			return nil, err
		}
		data.Organizations = append(data.Organizations, org)
		data.Certifications = append(data.Certifications, certs...)
	}
	var (
		activities []KeyActivityEntry
		fields     []FieldEntry
		types      []ActivityTypeEntry
		bands      []EmploymentBandEntry
		fees       []FeeEntry
		rules      []RuleEntry
		synonyms   []SynonymEntry
	)
	for name, dest := range map[string]any{
		"key_activities.yaml": &activities, "fields.yaml": &fields, "activity_types.yaml": &types,
		"employment_bands.yaml": &bands, "fees.yaml": &fees, "rules.yaml": &rules,
		"synonyms.yaml": &synonyms,
	} {
		if err := decode(fsys, name, dest); err != nil {
			return nil, err
		}
	}
	for _, a := range activities {
		data.KeyActivities = append(data.KeyActivities, catalog.KeyActivity{
			Key: a.Key, Program: catalog.Program(a.Program), Area: catalog.KeyActivityArea(a.Area), Number: a.Number,
			Title: a.Title, ExamWeightPercent: a.ExamWeightPercent, Systems: a.Systems,
		})
	}
	for _, f := range fields {
		data.Fields = append(data.Fields, catalog.RelatedField{Key: f.Key, Sector: catalog.Sector(f.Sector), Name: f.Name, Related: f.Related, Reason: f.Reason})
	}
	for _, t := range types {
		data.ActivityTypes = append(data.ActivityTypes, catalog.ActivityType{
			Key: t.Key, Category: catalog.PointCategory(t.Category), Name: t.Name, Description: t.Description,
			ProofRequired: t.ProofRequired, MinPoints: t.MinPoints, MaxPoints: t.MaxPoints, Per: catalog.PointUnit(t.Per),
		})
	}
	for _, b := range bands {
		data.EmploymentBands = append(data.EmploymentBands, catalog.EmploymentBand{
			Key: b.Key, Label: b.Label, Kind: catalog.BandKind(b.Kind), MinMonths: b.MinMonths, MaxMonths: b.MaxMonths,
			MinWeeks: b.MinWeeks, FullTimePoints: b.FullTimePoints, PartTimePoints: b.PartTimePoints,
		})
	}
	for _, f := range fees {
		data.Fees = append(data.Fees, catalog.Fee{
			Key: f.Key, Kind: catalog.FeeKind(f.Kind), Name: f.Name,
			Amount: catalog.Money{Cents: f.AmountCents, Currency: f.Currency}, Refundable: f.Refundable, Conditions: f.Conditions,
		})
	}
	for _, r := range rules {
		data.Rules = append(data.Rules, catalog.Rule{Key: r.Key, Value: r.Value, Unit: r.Unit, Description: r.Description})
	}
	for _, x := range synonyms {
		data.Synonyms = append(data.Synonyms, catalog.Synonym{Key: x.Key, Phrase: x.Phrase, Meaning: x.Meaning})
	}
	if err := Check(data); err != nil {
		return nil, err
	}
	return data, nil
}

func decode(fsys fs.FS, name string, dest any) error {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("seed file %s: %w", name, err)
	}
	if err := yaml.NewDecoder(bytes.NewReader(raw), yaml.DisallowUnknownField()).Decode(dest); err != nil {
		return fmt.Errorf("seed file %s: %w", name, err)
	}
	return nil
}

func (f OrganizationFile) convert(file string) (catalog.Organization, []catalog.Certification, error) {
	org := catalog.Organization{Key: f.Key, Name: f.Name, Acronym: f.Acronym, OtherNames: f.OtherNames, URL: f.URL, Description: f.Description}
	if want := strings.TrimSuffix(path.Base(file), ".yaml"); f.Key != want {
		return org, nil, fmt.Errorf("seed file %s: organization key %q must match the file name", file, f.Key)
	}
	var certs []catalog.Certification
	for _, e := range f.Certifications {
		bases := e.Bases
		if len(bases) == 0 {
			bases = f.Bases
		}
		programs := e.Programs
		if len(programs) == 0 {
			programs = []string{string(catalog.ProgramCPT), string(catalog.ProgramCLT)}
		}
		c := catalog.Certification{
			Key: e.Key, OrganizationKey: f.Key, Name: e.Name, DisplayName: e.DisplayName,
			Group: e.Group, Level: e.Level, Note: e.Note, Status: catalog.StatusActive,
			RenewalPeriodMonths: e.RenewalPeriodMonths,
			Provenance: catalog.Provenance{
				Source:    catalog.SourceGuide,
				Reference: "MSSC Recertification Process guide, " + f.Section,
			},
		}
		for _, b := range bases {
			c.RecognitionBases = append(c.RecognitionBases, catalog.RecognitionBasis(b))
		}
		for _, p := range programs {
			c.EligiblePrograms = append(c.EligiblePrograms, catalog.Program(p))
		}
		for _, a := range e.Aliases {
			c.Aliases = append(c.Aliases, catalog.Alias{Kind: catalog.AliasKind(a.Kind), Value: a.Value})
		}
		certs = append(certs, c)
	}
	return org, certs, nil
}

// Apply reads the embedded seed and writes it to store.
func Apply(ctx context.Context, store catalog.SeedStore) (catalog.SeedReport, error) {
	data, err := Read(Files())
	if err != nil {
		return catalog.SeedReport{}, err
	}
	return store.ApplySeed(ctx, data)
}
