package gormstore_test

import (
	"slices"
	"testing"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
)

func TestApplySeedOnEmptyStore(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		data := rawSeed(t)
		store, rep, _ := seeded(t, dialect, data)
		wantReport(t, rep, catalog.SeedReport{Inserted: entries(data), Version: 1})
		if v := version(t, store); v != 1 {
			t.Errorf("CatalogVersion after the first seed = %d, want 1", v)
		}

		got := load(t, store)
		if got.Version != 1 {
			t.Errorf("LoadCatalog version %d, want 1", got.Version)
		}
		for _, c := range []struct {
			table     string
			got, want int
		}{
			{"organizations", len(got.Organizations), len(data.Organizations)},
			{"certifications", len(got.Certifications), len(data.Certifications)},
			{"key_activities", len(got.KeyActivities), len(data.KeyActivities)},
			{"fields", len(got.Fields), len(data.Fields)},
			{"activity_types", len(got.ActivityTypes), len(data.ActivityTypes)},
			{"employment_bands", len(got.EmploymentBands), len(data.EmploymentBands)},
			{"fees", len(got.Fees), len(data.Fees)},
			{"rules", len(got.Rules), len(data.Rules)},
			{"search_synonyms", len(got.Synonyms), len(data.Synonyms)},
		} {
			if c.got != c.want {
				t.Errorf("%s: loaded %d rows, seeded %d", c.table, c.got, c.want)
			}
		}
		// Everything the seed controls comes back as seeded.
		sameContent(t, got, data)

		t.Run("identities", func(t *testing.T) {
			orgIDs := map[string]int64{}
			for _, o := range got.Organizations {
				if o.ID == 0 {
					t.Errorf("organization %q has no ID", o.Key)
				}
				orgIDs[o.Key] = o.ID
			}
			for _, c := range got.Certifications {
				if c.ID == 0 || c.OrganizationID != orgIDs[c.OrganizationKey] {
					t.Errorf("certification %q: ID %d, organization ID %d; want an ID and %d (%s)",
						c.Key, c.ID, c.OrganizationID, orgIDs[c.OrganizationKey], c.OrganizationKey)
				}
				if c.Provenance.Source != catalog.SourceGuide || c.Provenance.AddedAt.IsZero() {
					t.Errorf("certification %q: provenance %+v, want source GUIDE and an AddedAt", c.Key, c.Provenance)
				}
			}
		})

		t.Run("entries", func(t *testing.T) {
			crane := byKey(t, got.Certifications, "nccco-rigger")
			if want := []catalog.RecognitionBasis{catalog.BasisANSI, catalog.BasisNCCA}; !slices.Equal(crane.RecognitionBases, want) {
				t.Errorf("nccco-rigger bases %v, want %v", crane.RecognitionBases, want)
			}
			osha := byKey(t, got.Certifications, "osha-10-general-industry")
			wantAliases := []catalog.Alias{
				{Kind: catalog.AliasAlternateName, Value: "OSHA 10"},
				{Kind: catalog.AliasAlternateName, Value: "OSHA-10"},
				{Kind: catalog.AliasAlternateName, Value: "OSHA 10-Hour General Industry"},
				{Kind: catalog.AliasAlternateName, Value: "OSHA 10 Hour Card"},
			}
			if !slices.Equal(osha.Aliases, wantAliases) {
				t.Errorf("osha-10-general-industry aliases %v, want %v (in the seed's order)", osha.Aliases, wantAliases)
			}
			if want := []catalog.RecognitionBasis{catalog.BasisOSHAGeneralIndustry}; !slices.Equal(osha.RecognitionBases, want) {
				t.Errorf("osha-10-general-industry bases %v, want %v", osha.RecognitionBases, want)
			}
			if osha.Status != catalog.StatusActive || osha.ApprovedOn != nil || osha.RetiredOn != nil {
				t.Errorf("osha-10-general-industry status %s, approved %v, retired %v; want ACTIVE and no dates",
					osha.Status, osha.ApprovedOn, osha.RetiredOn)
			}
			for key, want := range map[string][]catalog.Program{
				"mssc-cpt-green-production": {catalog.ProgramCPT, catalog.ProgramCLT},
				"mssc-cpt-safety":           {catalog.ProgramCLT},
				"mssc-clt":                  {catalog.ProgramCPT},
			} {
				c := byKey(t, got.Certifications, key)
				for _, p := range catalog.Programs {
					if c.EligibleFor(p) != slices.Contains(want, p) {
						t.Errorf("%s: EligibleFor(%s) = %v, programs %v", key, p, c.EligibleFor(p), c.EligiblePrograms)
					}
				}
			}
			if w := byKey(t, got.KeyActivities, "cpt-safety-02").ExamWeightPercent; w == nil || *w != 11.5 {
				t.Errorf("cpt-safety-02 exam weight %v, want 11.5", w)
			}
			if w := byKey(t, got.KeyActivities, "cla-01").ExamWeightPercent; w != nil {
				t.Errorf("cla-01 exam weight %v, want none", *w)
			}
			systems := []string{
				"Electrical systems", "Pneumatic systems", "Hydraulic systems", "Machine automation systems",
				"Lubrication processes", "Bearings and couplings", "Belts and chain drives",
			}
			if got := byKey(t, got.KeyActivities, "cpt-maintenance-04").Systems; !slices.Equal(got, systems) {
				t.Errorf("cpt-maintenance-04 systems %q, want %q", got, systems)
			}
			if got := byKey(t, got.Fees, "bundled-application").Amount; got != (catalog.Money{Cents: 10000, Currency: "USD"}) {
				t.Errorf("bundled-application fee %+v, want 10000 USD cents", got)
			}
			if got := byKey(t, got.Rules, "average_month_days").Value; got != 30.4375 {
				t.Errorf("average_month_days %v, want 30.4375", got)
			}
		})
	})
}

func TestApplySeedIsIdempotent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		data func(t *testing.T) *catalog.Data
	}{
		// The seed lists programs as [CPT, CLT] while the store reads them
		// back in another order; both must be seen as unchanged.
		{"seed as read", rawSeed},
		{"programs and bases in stored order", seedData},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
				store, first, before := seeded(t, dialect, tt.data(t))

				data := tt.data(t)
				rep := apply(t, store, data)
				if rep.Inserted != 0 || rep.Updated+rep.Unchanged != entries(data) {
					t.Errorf("seed report %+v: want nothing inserted and %d entries updated or unchanged", rep, entries(data))
				}
				wantReport(t, rep, catalog.SeedReport{Unchanged: entries(data), Version: first.Version})
				if v := version(t, store); v != first.Version {
					t.Errorf("CatalogVersion after re-applying the same seed = %d, want %d", v, first.Version)
				}
				after := load(t, store)
				if !equalIDs(ids(after), ids(before)) {
					t.Error("re-applying the same seed changed storage IDs")
				}
				sameContent(t, after, before)
				for i := range min(len(after.Certifications), len(before.Certifications)) {
					a, b := after.Certifications[i], before.Certifications[i]
					if !a.Provenance.AddedAt.Equal(b.Provenance.AddedAt) {
						t.Errorf("certification %q: AddedAt changed from %v to %v", a.Key, b.Provenance.AddedAt, a.Provenance.AddedAt)
					}
				}
			})
		})
	}
}

func TestApplySeedUpdatesEditedEntriesByKey(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		store, first, before := seeded(t, dialect, seedData(t))

		data := seedData(t)
		cwi := byKey(t, data.Certifications, "aws-cwi")
		cwi.DisplayName = "AWS Certified Welding Inspector (CWI), edited"
		cwi.Aliases = []catalog.Alias{
			{Kind: catalog.AliasAlternateName, Value: "Welding Inspector"},
			{Kind: catalog.AliasAcronym, Value: "CWI"},
		}
		byKey(t, data.Fees, "application").Amount.Cents = 8500
		byKey(t, data.Organizations, "aws").URL = "https://www.aws.org/certification"

		rep := apply(t, store, data)
		wantReport(t, rep, catalog.SeedReport{Updated: 3, Unchanged: entries(data) - 3, Version: first.Version + 1})
		if v := version(t, store); v != first.Version+1 {
			t.Errorf("CatalogVersion = %d, want %d", v, first.Version+1)
		}
		after := load(t, store)
		if !equalIDs(ids(after), ids(before)) {
			t.Error("updating entries by key changed storage IDs")
		}
		sameContent(t, after, data)
		if got := byKey(t, after.Certifications, "aws-cwi"); got.DisplayName != cwi.DisplayName || !slices.Equal(got.Aliases, cwi.Aliases) {
			t.Errorf("aws-cwi: display name %q, aliases %v; want %q, %v", got.DisplayName, got.Aliases, cwi.DisplayName, cwi.Aliases)
		}
		if got := byKey(t, after.Fees, "application").Amount.Cents; got != 8500 {
			t.Errorf("application fee %d cents, want 8500", got)
		}
		if got := byKey(t, after.Organizations, "aws").URL; got != "https://www.aws.org/certification" {
			t.Errorf("aws URL %q", got)
		}
	})
}

func TestApplySeedUpdatesOneEdit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		edit func(t *testing.T, d *catalog.Data)
	}{
		{"certification display name", func(t *testing.T, d *catalog.Data) {
			byKey(t, d.Certifications, "pecb-iso-9001-master").DisplayName += " (edited)"
		}},
		{"certification aliases reordered", func(t *testing.T, d *catalog.Data) {
			slices.Reverse(byKey(t, d.Certifications, "osha-30-general-industry").Aliases)
		}},
		{"certification aliases removed", func(t *testing.T, d *catalog.Data) {
			byKey(t, d.Certifications, "aws-cwi").Aliases = nil
		}},
		{"certification bases", func(t *testing.T, d *catalog.Data) {
			byKey(t, d.Certifications, "oecp-tower-crane").RecognitionBases = []catalog.RecognitionBasis{catalog.BasisANSI, catalog.BasisNCCA}
		}},
		{"certification programs", func(t *testing.T, d *catalog.Data) {
			byKey(t, d.Certifications, "aws-cw").EligiblePrograms = []catalog.Program{catalog.ProgramCPT}
		}},
		{"certification note", func(t *testing.T, d *catalog.Data) {
			byKey(t, d.Certifications, "aws-cw").Note = "A note added by an edit."
		}},
		{"organization name", func(t *testing.T, d *catalog.Data) {
			byKey(t, d.Organizations, "apics").Name = "Association for Supply Chain Management"
		}},
		{"organization other name added", func(t *testing.T, d *catalog.Data) {
			o := byKey(t, d.Organizations, "sme")
			o.OtherNames = append(slices.Clone(o.OtherNames), "Society of Manufacturing Engineers International")
		}},
		{"organization other names removed", func(t *testing.T, d *catalog.Data) {
			byKey(t, d.Organizations, "apics").OtherNames = nil
		}},
		{"organization other names given", func(t *testing.T, d *catalog.Data) {
			byKey(t, d.Organizations, "aws").OtherNames = []string{"Welding Society"}
		}},
		{"key activity systems", func(t *testing.T, d *catalog.Data) {
			a := byKey(t, d.KeyActivities, "cpt-maintenance-04")
			a.Systems = append(slices.Clone(a.Systems), "Conveyors")
		}},
		{"key activity exam weight", func(t *testing.T, d *catalog.Data) {
			w := 12.25
			byKey(t, d.KeyActivities, "cpt-safety-02").ExamWeightPercent = &w
		}},
		{"field reason", func(t *testing.T, d *catalog.Data) {
			d.Fields[0].Reason = "An edited reason."
		}},
		{"activity type points", func(t *testing.T, d *catalog.Data) {
			d.ActivityTypes[len(d.ActivityTypes)-1].MaxPoints = 6
		}},
		{"employment band points", func(t *testing.T, d *catalog.Data) {
			d.EmploymentBands[1].PartTimePoints = 8
		}},
		{"fee amount", func(t *testing.T, d *catalog.Data) {
			byKey(t, d.Fees, "appeal").Amount.Cents = 5500
		}},
		{"rule value", func(t *testing.T, d *catalog.Data) {
			byKey(t, d.Rules, "average_month_days").Value = 30.436875
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
				store, first, before := seeded(t, dialect, seedData(t))

				data := seedData(t)
				tt.edit(t, data)
				rep := apply(t, store, data)
				wantReport(t, rep, catalog.SeedReport{Updated: 1, Unchanged: entries(data) - 1, Version: first.Version + 1})
				after := load(t, store)
				if !equalIDs(ids(after), ids(before)) {
					t.Error("the update changed storage IDs")
				}
				sameContent(t, after, data)

				// Applying the edited seed again changes nothing.
				wantReport(t, apply(t, store, data), catalog.SeedReport{Unchanged: entries(data), Version: first.Version + 1})
			})
		})
	}
}

func TestApplySeedLeavesUnnamedEntriesAlone(t *testing.T) {
	t.Parallel()
	forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
		store, _, _ := seeded(t, dialect, seedData(t))

		// A staff addition the seed files do not name.
		extra := catalog.Certification{
			Key: "aws-cwi-part-b", OrganizationKey: "aws", Name: "Certified Welding Inspector Part B",
			DisplayName: "AWS Certified Welding Inspector Part B", Status: catalog.StatusActive,
			RecognitionBases: []catalog.RecognitionBasis{catalog.BasisNAMEndorsed},
			EligiblePrograms: []catalog.Program{catalog.ProgramCPT},
			Aliases:          []catalog.Alias{{Kind: catalog.AliasAcronym, Value: "CWI-B"}},
			Provenance:       catalog.Provenance{Source: catalog.SourceStaff, Reference: "added by staff"},
		}
		withExtra := seedData(t)
		withExtra.Certifications = append(withExtra.Certifications, extra)
		added := apply(t, store, withExtra)
		wantReport(t, added, catalog.SeedReport{Inserted: 1, Unchanged: entries(withExtra) - 1, Version: 2})
		before := load(t, store)

		data := seedData(t)
		rep := apply(t, store, data)
		wantReport(t, rep, catalog.SeedReport{Unchanged: entries(data), Version: added.Version})
		after := load(t, store)
		if len(after.Certifications) != len(data.Certifications)+1 {
			t.Errorf("%d certifications, want the seed's %d and the extra one", len(after.Certifications), len(data.Certifications))
		}
		sameContent(t, after, before)
		got := byKey(t, after.Certifications, extra.Key)
		if got.ID != byKey(t, before.Certifications, extra.Key).ID {
			t.Error("the unnamed certification changed ID")
		}
	})
}

func TestApplySeedKeepsStaffManagedColumns(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		edit func(t *testing.T, d *catalog.Data)
		want catalog.SeedReport // Updated; Version is the first seed's plus Updated
	}{
		{"unchanged seed", func(*testing.T, *catalog.Data) {}, catalog.SeedReport{}},
		{"seed edits the entry", func(t *testing.T, d *catalog.Data) {
			byKey(t, d.Certifications, "nims-machining-measurement-materials-safety").DisplayName += " (edited)"
		}, catalog.SeedReport{Updated: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			forEachDialect(t, func(t *testing.T, dialect gormstore.Dialect) {
				store, first, _ := seeded(t, dialect, seedData(t))
				const key = "nims-machining-measurement-materials-safety"
				exec(t, store, "UPDATE certifications SET status = ?, approved_on = ?, retired_on = ? WHERE key = ?",
					"RETIRED", "2015-01-01", "2024-06-30", key)
				before := load(t, store)
				wantRetired(t, byKey(t, before.Certifications, key))

				data := seedData(t)
				tt.edit(t, data)
				rep := apply(t, store, data)
				wantReport(t, rep, catalog.SeedReport{
					Updated: tt.want.Updated, Unchanged: entries(data) - tt.want.Updated,
					Version: first.Version + int64(tt.want.Updated),
				})
				after := load(t, store)
				c := byKey(t, after.Certifications, key)
				wantRetired(t, c)
				if want := byKey(t, data.Certifications, key).DisplayName; c.DisplayName != want {
					t.Errorf("display name %q, want %q", c.DisplayName, want)
				}
			})
		})
	}
}

func wantRetired(t *testing.T, c *catalog.Certification) {
	t.Helper()
	approved, retired := catalog.NewDate(2015, 1, 1), catalog.NewDate(2024, 6, 30)
	if c.Status != catalog.StatusRetired {
		t.Errorf("%s: status %q, want RETIRED", c.Key, c.Status)
	}
	if c.ApprovedOn == nil || *c.ApprovedOn != approved {
		t.Errorf("%s: approved on %v, want %v", c.Key, c.ApprovedOn, approved)
	}
	if c.RetiredOn == nil || *c.RetiredOn != retired {
		t.Errorf("%s: retired on %v, want %v", c.Key, c.RetiredOn, retired)
	}
}

func equalIDs(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v || v == 0 {
			return false
		}
	}
	return true
}
