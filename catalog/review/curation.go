package review

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"github.com/mssc/recert/catalog"
)

// Curation is the staff service that adds, edits and retires catalog
// entries; every change is recorded with its actor, time, before and after
// values and reason, and moves the catalog version.
type Curation struct {
	catalog *catalog.Catalog
	store   ReviewStore
	now     func() time.Time
}

// NewCuration returns the curation service; now is the clock.
func NewCuration(cat *catalog.Catalog, store ReviewStore, now func() time.Time) *Curation {
	return &Curation{catalog: cat, store: store, now: now}
}

// begin checks the principal is staff and returns the current snapshot
// and the change record to write.
func (c *Curation) begin(ctx context.Context, action, reason string) (*catalog.Snapshot, catalog.Change, error) {
	p, err := catalog.Require(ctx, catalog.RoleStaff)
	if err != nil {
		return nil, catalog.Change{}, err
	}
	snap, err := c.catalog.Snapshot(ctx)
	if err != nil {
		return nil, catalog.Change{}, err
	}
	return snap, catalog.Change{Action: action, Actor: p.Actor(), At: c.now().UTC(), Reason: reason}, nil
}

// beginCertification begins a change of the certification, and returns
// it as it stands before the change; an unknown ID is a user error.
func (c *Curation) beginCertification(ctx context.Context, action string, id int64, reason string) (*catalog.Snapshot, catalog.Change, *catalog.Certification, []*catalog.Error, error) {
	snap, change, err := c.begin(ctx, action, reason)
	if err != nil {
		return nil, change, nil, nil, err
	}
	before := snap.Certification(id)
	if before == nil {
		return nil, change, nil, []*catalog.Error{{Code: catalog.CodeNotFound, Field: "id", Message: "no certification has this ID"}}, nil
	}
	return snap, change, before, nil, nil
}

// commit writes the edit and makes the new catalog visible at once.
func (c *Curation) commit(ctx context.Context, edit *CatalogEdit) error {
	if err := c.store.EditCatalog(ctx, edit); err != nil {
		return err
	}
	c.catalog.Changed(ctx)
	return nil
}

// commitEntry commits the edit and returns the entry it writes; a
// conflict, such as a name already taken, is a user error on the field.
func commitEntry[T any](ctx context.Context, c *Curation, edit *CatalogEdit, entry *T, field string) (*T, []*catalog.Error, error) {
	if err := c.commit(ctx, edit); err != nil {
		return nil, catalog.ConflictAsUserError(err, field), catalog.UserErrorOrNil(err)
	}
	return entry, nil, nil
}

func checkReason(reason string) []*catalog.Error {
	var errs []*catalog.Error
	checkText(&errs, "reason", reason, true, 2000)
	return errs
}

// CreateCertification adds a catalog entry.
func (c *Curation) CreateCertification(ctx context.Context, in CertificationInput, reason string) (*catalog.Certification, []*catalog.Error, error) {
	snap, change, err := c.begin(ctx, "certification.create", reason)
	if err != nil {
		return nil, nil, err
	}
	errs := append(checkCertification(snap, "", &in, nil), checkReason(reason)...)
	if len(errs) > 0 {
		return nil, errs, nil
	}
	org, cert := newCertification(snap, in, catalog.SourceStaff, "added by "+change.Actor)
	edit := &CatalogEdit{Change: change, Organization: org, Certification: cert, EntityType: "Certification", After: record(cert)}
	return commitEntry(ctx, c, edit, cert, "displayName")
}

// UpdateCertification replaces an entry's names, group, bases, programs,
// aliases and approval date; its key, status and provenance stay.
func (c *Curation) UpdateCertification(ctx context.Context, id int64, in CertificationInput, reason string) (*catalog.Certification, []*catalog.Error, error) {
	snap, change, before, errs, err := c.beginCertification(ctx, "certification.update", id, reason)
	if err != nil || errs != nil {
		return nil, errs, err
	}
	if in.OrganizationID == 0 && in.NewOrganization == nil {
		in.OrganizationID = before.OrganizationID
	}
	errs = append(checkCertification(snap, "", &in, before), checkReason(reason)...)
	if len(errs) > 0 {
		return nil, errs, nil
	}
	org, after := newCertification(snap, in, before.Provenance.Source, before.Provenance.Reference)
	after.ID, after.Key, after.Status, after.RetiredOn, after.Provenance = before.ID, before.Key, before.Status, before.RetiredOn, before.Provenance
	return c.editCertification(ctx, change, org, before, after)
}

// RetireCertification stops an entry counting for credentials earned from
// the given day; it still counts for ones earned before.
func (c *Curation) RetireCertification(ctx context.Context, id int64, retiredOn catalog.Date, reason string) (*catalog.Certification, []*catalog.Error, error) {
	_, change, before, errs, err := c.beginCertification(ctx, "certification.retire", id, reason)
	if err != nil || errs != nil {
		return nil, errs, err
	}
	if errs = checkReason(reason); len(errs) > 0 {
		return nil, errs, nil
	}
	if before.Status == catalog.StatusRetired {
		return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "id", Message: "the certification was retired on " + before.RetiredOn.String()}}, nil
	}
	after := clone(before)
	after.Status, after.RetiredOn = catalog.StatusRetired, &retiredOn
	return c.editCertification(ctx, change, nil, before, after)
}

// AddAlias adds another name to an entry.
func (c *Curation) AddAlias(ctx context.Context, id int64, alias catalog.Alias, reason string) (*catalog.Certification, []*catalog.Error, error) {
	return c.changeAliases(ctx, "certification.alias.add", id, reason, func(a []catalog.Alias) ([]catalog.Alias, *catalog.Error) {
		for _, x := range a {
			if x.Kind == alias.Kind && catalog.EqualFold(x.Value, alias.Value) {
				return nil, &catalog.Error{Code: catalog.CodeConflict, Field: "alias.value", Message: "the certification already has this alias"}
			}
		}
		var errs []*catalog.Error
		checkText(&errs, "alias.value", alias.Value, true, maxCatalogText)
		if len(errs) > 0 {
			return nil, errs[0]
		}
		return append(a, alias), nil
	})
}

// RemoveAlias removes another name from an entry.
func (c *Curation) RemoveAlias(ctx context.Context, id int64, alias catalog.Alias, reason string) (*catalog.Certification, []*catalog.Error, error) {
	return c.changeAliases(ctx, "certification.alias.remove", id, reason, func(a []catalog.Alias) ([]catalog.Alias, *catalog.Error) {
		i := slices.IndexFunc(a, func(x catalog.Alias) bool { return x.Kind == alias.Kind && catalog.EqualFold(x.Value, alias.Value) })
		if i < 0 {
			return nil, &catalog.Error{Code: catalog.CodeNotFound, Field: "alias.value", Message: "the certification has no such alias"}
		}
		return slices.Delete(slices.Clone(a), i, i+1), nil
	})
}

func (c *Curation) changeAliases(ctx context.Context, action string, id int64, reason string, change func([]catalog.Alias) ([]catalog.Alias, *catalog.Error)) (*catalog.Certification, []*catalog.Error, error) {
	_, rec, before, errs, err := c.beginCertification(ctx, action, id, reason)
	if err != nil || errs != nil {
		return nil, errs, err
	}
	if errs = checkReason(reason); len(errs) > 0 {
		return nil, errs, nil
	}
	aliases, e := change(slices.Clone(before.Aliases))
	if e != nil {
		return nil, []*catalog.Error{e}, nil
	}
	after := clone(before)
	after.Aliases = aliases
	return c.editCertification(ctx, rec, nil, before, after)
}

func (c *Curation) editCertification(ctx context.Context, change catalog.Change, org *catalog.Organization, before, after *catalog.Certification) (*catalog.Certification, []*catalog.Error, error) {
	edit := &CatalogEdit{Change: change, Organization: org, Certification: after, EntityType: "Certification", Before: record(before), After: record(after)}
	return commitEntry(ctx, c, edit, after, "displayName")
}

// CreateOrganization adds an issuing body.
func (c *Curation) CreateOrganization(ctx context.Context, in OrganizationInput, reason string) (*catalog.Organization, []*catalog.Error, error) {
	snap, change, err := c.begin(ctx, "organization.create", reason)
	if err != nil {
		return nil, nil, err
	}
	errs := append(in.normalize(""), checkReason(reason)...)
	if len(errs) > 0 {
		return nil, errs, nil
	}
	org := &catalog.Organization{
		Key:  slugKey(func(k string) bool { return OrganizationByKey(snap, k) != nil }, catalog.FirstNonEmpty(in.Acronym, in.Name)),
		Name: in.Name, Acronym: in.Acronym, URL: in.URL, Description: in.Description, CTID: in.CTID,
	}
	return commitEntry(ctx, c, &CatalogEdit{Change: change, Organization: org, EntityType: "Organization", After: record(org)}, org, "name")
}

// UpdateOrganization replaces an issuing body's name, acronym, web site,
// description and CTID; its other names are the seed's and stay as they are.
func (c *Curation) UpdateOrganization(ctx context.Context, id int64, in OrganizationInput, reason string) (*catalog.Organization, []*catalog.Error, error) {
	snap, change, err := c.begin(ctx, "organization.update", reason)
	if err != nil {
		return nil, nil, err
	}
	before := snap.Organization(id)
	if before == nil {
		return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Field: "id", Message: "no organization has this ID"}}, nil
	}
	errs := append(in.normalize(""), checkReason(reason)...)
	if len(errs) > 0 {
		return nil, errs, nil
	}
	after := &catalog.Organization{ID: before.ID, Key: before.Key, Name: in.Name, Acronym: in.Acronym, OtherNames: slices.Clone(before.OtherNames),
		URL: in.URL, Description: in.Description, CTID: in.CTID}
	edit := &CatalogEdit{Change: change, Organization: after, EntityType: "Organization", Before: record(before), After: record(after)}
	return commitEntry(ctx, c, edit, after, "name")
}

// History pages the recorded catalog changes, newest first; staff only.
func (c *Curation) History(ctx context.Context, f HistoryFilter, req catalog.PageRequest) (catalog.Page[*CatalogChange], error) {
	if _, err := catalog.Require(ctx, catalog.RoleStaff); err != nil {
		return catalog.Page[*CatalogChange]{}, err
	}
	if err := req.Validate(); err != nil {
		return catalog.Page[*CatalogChange]{}, err
	}
	return c.store.CatalogHistory(ctx, f, req)
}

func clone(c *catalog.Certification) *catalog.Certification {
	out := *c
	out.Aliases = slices.Clone(c.Aliases)
	out.RecognitionBases = slices.Clone(c.RecognitionBases)
	out.EligiblePrograms = slices.Clone(c.EligiblePrograms)
	return &out
}

// record is the JSON the history keeps of an entry.
func record(v any) string {
	raw, _ := json.Marshal(recordFields(v))
	return string(raw)
}

// recordFields are the fields the history keeps of an entry.
func recordFields(v any) map[string]any {
	var r map[string]any
	switch x := v.(type) {
	case *catalog.Certification:
		r = map[string]any{
			"key": x.Key, "organizationKey": x.OrganizationKey, "name": x.Name, "displayName": x.DisplayName,
			"group": x.Group, "level": x.Level, "note": x.Note, "recognitionBases": x.RecognitionBases,
			"eligiblePrograms": x.EligiblePrograms, "aliases": aliasRecords(x.Aliases), "status": x.Status,
			"approvedOn": dateOrNil(x.ApprovedOn), "retiredOn": dateOrNil(x.RetiredOn),
			"description": x.Description, "url": x.URL, "ctid": x.CTID, "renewalPeriodMonths": x.RenewalPeriodMonths,
		}
	case *catalog.RelatedField:
		r = map[string]any{"key": x.Key, "name": x.Name, "onetSocCodes": x.OnetSocCodes}
	case *catalog.Synonym:
		r = map[string]any{"key": x.Key, "phrase": x.Phrase, "meaning": x.Meaning, "removed": x.Removed}
	case *catalog.Organization:
		r = map[string]any{"key": x.Key, "name": x.Name, "acronym": x.Acronym, "url": x.URL, "description": x.Description, "ctid": x.CTID}
	}
	return r
}

// aliasRecords are the aliases as the history has always stored them,
// under the keys Kind and Value, written out so that renaming a Go field
// cannot change the stored history.
func aliasRecords(aliases []catalog.Alias) []map[string]any {
	if aliases == nil {
		return nil
	}
	out := make([]map[string]any, len(aliases))
	for i, a := range aliases {
		out[i] = map[string]any{"Kind": string(a.Kind), "Value": a.Value}
	}
	return out
}

func dateOrNil(d *catalog.Date) any {
	if d == nil {
		return nil
	}
	return d.String()
}
