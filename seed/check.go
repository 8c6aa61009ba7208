package seed

import (
	"errors"
	"fmt"
	"slices"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/review"
)

// Check verifies the seed data hangs together: keys and display names are
// unique, every enumerated value is one the catalog knows, every
// certification has a basis and a program, and point ranges are sound.
func Check(d *catalog.Data) error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	unique := func(kind string, keys []string) {
		seen := map[string]bool{}
		for _, k := range keys {
			if k == "" {
				bad("%s with an empty key", kind)
			}
			if seen[k] {
				bad("%s key %q appears twice", kind, k)
			}
			seen[k] = true
		}
	}
	unique("organization", keysOf(d.Organizations, func(o catalog.Organization) string { return o.Key }))
	unique("certification", keysOf(d.Certifications, func(c catalog.Certification) string { return c.Key }))
	unique("certification display name", keysOf(d.Certifications, func(c catalog.Certification) string { return c.DisplayName }))
	unique("key activity", keysOf(d.KeyActivities, func(a catalog.KeyActivity) string { return a.Key }))
	unique("field", keysOf(d.Fields, func(f catalog.RelatedField) string { return f.Key }))
	unique("activity type", keysOf(d.ActivityTypes, func(a catalog.ActivityType) string { return a.Key }))
	unique("employment band", keysOf(d.EmploymentBands, func(b catalog.EmploymentBand) string { return b.Key }))
	unique("fee", keysOf(d.Fees, func(f catalog.Fee) string { return f.Key }))
	unique("rule", keysOf(d.Rules, func(r catalog.Rule) string { return r.Key }))
	unique("synonym", keysOf(d.Synonyms, func(s catalog.Synonym) string { return s.Key }))
	for _, s := range d.Synonyms {
		for _, e := range review.CheckSynonym(s.Phrase, s.Meaning) {
			bad("synonym %q: %s: %s", s.Key, e.Field, e.Message)
		}
	}
	checkOrganizationNames(d.Organizations, bad)
	aliasKinds := []catalog.AliasKind{catalog.AliasAcronym, catalog.AliasAlternateName, catalog.AliasFormerName}
	for _, c := range d.Certifications {
		if c.Name == "" || c.DisplayName == "" {
			bad("certification %q needs a name and a display name", c.Key)
		}
		if len(c.RecognitionBases) == 0 {
			bad("certification %q has no recognition basis", c.Key)
		}
		for _, b := range c.RecognitionBases {
			if !slices.Contains(catalog.RecognitionBases, b) {
				bad("certification %q: unknown recognition basis %q", c.Key, b)
			}
		}
		for _, p := range c.EligiblePrograms {
			if !slices.Contains(catalog.Programs, p) {
				bad("certification %q: unknown program %q", c.Key, p)
			}
		}
		for _, a := range c.Aliases {
			if !slices.Contains(aliasKinds, a.Kind) || a.Value == "" {
				bad("certification %q: alias %q of kind %q is not valid", c.Key, a.Value, a.Kind)
			}
		}
	}
	areas := []catalog.KeyActivityArea{catalog.AreaSafety, catalog.AreaQuality, catalog.AreaProcesses, catalog.AreaMaintenance, catalog.AreaCLA, catalog.AreaCLT}
	for _, a := range d.KeyActivities {
		if !slices.Contains(catalog.Programs, a.Program) || !slices.Contains(areas, a.Area) {
			bad("key activity %q: unknown program %q or area %q", a.Key, a.Program, a.Area)
		}
	}
	categories := []catalog.PointCategory{catalog.CategoryContinuingEducation, catalog.CategoryIndustryCertification, catalog.CategoryEmployment, catalog.CategoryExtra}
	for _, t := range d.ActivityTypes {
		if !slices.Contains(categories, t.Category) || (t.Per != catalog.PerActivity && t.Per != catalog.PerYear) {
			bad("activity type %q: unknown category %q or unit %q", t.Key, t.Category, t.Per)
		}
		if t.MinPoints < 0 || t.MinPoints > t.MaxPoints {
			bad("activity type %q: points %d to %d are not a range", t.Key, t.MinPoints, t.MaxPoints)
		}
	}
	return errors.Join(errs...)
}

// checkOrganizationNames reports an empty other name, one that repeats the
// body's own name or acronym, and any name, acronym or other name that, once
// normalized, names two bodies: the credential check takes each for one
// issuer.
func checkOrganizationNames(orgs []catalog.Organization, bad func(format string, args ...any)) {
	owner := map[string]string{}
	for _, o := range orgs {
		own := map[string]bool{}
		for i, name := range append([]string{o.Acronym, o.Name}, o.OtherNames...) {
			n := catalog.NormalizeText(name)
			switch {
			case n == "" && i < 2:
				continue
			case n == "":
				bad("organization %q has an empty other name", o.Key)
				continue
			case i >= 2 && own[n]:
				bad("organization %q: other name %q repeats one of its names", o.Key, name)
			case owner[n] != "" && owner[n] != o.Key:
				bad("organization %q: %q also names organization %q", o.Key, name, owner[n])
			}
			own[n], owner[n] = true, o.Key
		}
	}
}

func keysOf[T any](items []T, key func(T) string) []string {
	out := make([]string, len(items))
	for i, x := range items {
		out[i] = key(x)
	}
	return out
}
