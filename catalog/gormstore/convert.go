package gormstore

import (
	"slices"
	"strings"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
)

func toOrganization(r organizationRow) catalog.Organization {
	return catalog.Organization{ID: r.ID, Key: r.Key, Name: r.Name, Acronym: r.Acronym, URL: r.URL, Description: r.Description, CTID: r.CTID}
}

func fromOrganization(o catalog.Organization) organizationRow {
	return organizationRow{ID: o.ID, Key: o.Key, Name: o.Name, Acronym: o.Acronym, URL: o.URL, Description: o.Description, CTID: o.CTID}
}

func toDate(t *time.Time) *catalog.Date {
	if t == nil {
		return nil
	}
	d := catalog.NewDate(t.Year(), t.Month(), t.Day())
	return &d
}

func fromDate(d *catalog.Date) *time.Time {
	if d == nil {
		return nil
	}
	t := d.Time()
	return &t
}

// certificationChildren are the rows that hang off one certification.
type certificationChildren struct {
	bases    []basisRow
	programs []programRow
	aliases  []aliasRow
}

func toCertification(r certificationRow, orgKey string, ch certificationChildren) catalog.Certification {
	c := catalog.Certification{
		ID: r.ID, Key: r.Key, OrganizationID: r.OrganizationID, OrganizationKey: orgKey,
		Name: r.Name, DisplayName: r.DisplayName, Group: r.GroupName, Level: r.Level, Note: r.Note,
		Status:     catalog.CertificationStatus(r.Status),
		ApprovedOn: toDate(r.ApprovedOn), RetiredOn: toDate(r.RetiredOn),
		Description: r.Description, URL: r.URL, CTID: r.CTID, RenewalPeriodMonths: r.RenewalPeriodMonths,
		Provenance: catalog.Provenance{
			Source:    catalog.ProvenanceSource(r.ProvenanceSource),
			Reference: r.ProvenanceReference,
			AddedAt:   r.CreatedAt.UTC(),
		},
	}
	for _, b := range ch.bases {
		c.RecognitionBases = append(c.RecognitionBases, catalog.RecognitionBasis(b.Basis))
	}
	for _, p := range ch.programs {
		c.EligiblePrograms = append(c.EligiblePrograms, catalog.Program(p.Program))
	}
	for _, a := range ch.aliases {
		c.Aliases = append(c.Aliases, catalog.Alias{Kind: catalog.AliasKind(a.Kind), Value: a.Value})
	}
	return c
}

func fromCertification(c catalog.Certification, orgID int64) (certificationRow, certificationChildren) {
	r := certificationRow{
		ID: c.ID, Key: c.Key, OrganizationID: orgID, Name: c.Name, DisplayName: c.DisplayName,
		GroupName: c.Group, Level: c.Level, Note: c.Note, Status: string(c.Status),
		ApprovedOn: fromDate(c.ApprovedOn), RetiredOn: fromDate(c.RetiredOn),
		ProvenanceSource: string(c.Provenance.Source), ProvenanceReference: c.Provenance.Reference,
		Description: c.Description, URL: c.URL, CTID: c.CTID, RenewalPeriodMonths: c.RenewalPeriodMonths,
	}
	var ch certificationChildren
	for _, b := range c.RecognitionBases {
		ch.bases = append(ch.bases, basisRow{CertificationID: c.ID, Basis: string(b)})
	}
	for _, p := range c.EligiblePrograms {
		ch.programs = append(ch.programs, programRow{CertificationID: c.ID, Program: string(p)})
	}
	for i, a := range c.Aliases {
		ch.aliases = append(ch.aliases, aliasRow{CertificationID: c.ID, Kind: string(a.Kind), Value: a.Value, Position: i})
	}
	// Bases and programs are sets: keep them in the order they are read back
	// in, so that comparing with stored rows sees only real differences.
	slices.SortFunc(ch.bases, func(a, b basisRow) int { return strings.Compare(a.Basis, b.Basis) })
	slices.SortFunc(ch.programs, func(a, b programRow) int { return strings.Compare(a.Program, b.Program) })
	return r, ch
}

func toKeyActivity(r keyActivityRow) catalog.KeyActivity {
	return catalog.KeyActivity{
		ID: r.ID, Key: r.Key, Program: catalog.Program(r.Program), Area: catalog.KeyActivityArea(r.Area),
		Number: r.Number, Title: r.Title, ExamWeightPercent: r.ExamWeightPercent, Systems: r.Systems,
	}
}

func fromKeyActivity(a catalog.KeyActivity) keyActivityRow {
	systems := a.Systems
	if systems == nil {
		systems = []string{}
	}
	return keyActivityRow{
		ID: a.ID, Key: a.Key, Program: string(a.Program), Area: string(a.Area), Number: a.Number,
		Title: a.Title, ExamWeightPercent: a.ExamWeightPercent, Systems: systems,
	}
}

func toField(r fieldRow) catalog.RelatedField {
	return catalog.RelatedField{ID: r.ID, Key: r.Key, Sector: catalog.Sector(r.Sector), Name: r.Name, Related: r.Related, Reason: r.Reason, OnetSocCodes: nilIfEmpty(r.OnetSocCodes)}
}

func fromField(f catalog.RelatedField, position int) fieldRow {
	return fieldRow{ID: f.ID, Key: f.Key, Position: position, Sector: string(f.Sector), Name: f.Name, Related: f.Related, Reason: f.Reason, OnetSocCodes: nonNilSlice(f.OnetSocCodes)}
}

func toActivityType(r activityTypeRow) catalog.ActivityType {
	return catalog.ActivityType{
		ID: r.ID, Key: r.Key, Category: catalog.PointCategory(r.Category), Name: r.Name, Description: r.Description,
		ProofRequired: r.ProofRequired, MinPoints: r.MinPoints, MaxPoints: r.MaxPoints, Per: catalog.PointUnit(r.Per),
	}
}

func fromActivityType(a catalog.ActivityType, position int) activityTypeRow {
	return activityTypeRow{
		ID: a.ID, Key: a.Key, Position: position, Category: string(a.Category), Name: a.Name, Description: a.Description,
		ProofRequired: a.ProofRequired, MinPoints: a.MinPoints, MaxPoints: a.MaxPoints, Per: string(a.Per),
	}
}

func toEmploymentBand(r employmentBandRow) catalog.EmploymentBand {
	return catalog.EmploymentBand{
		ID: r.ID, Key: r.Key, Label: r.Label, Kind: catalog.BandKind(r.Kind), MinMonths: r.MinMonths, MaxMonths: r.MaxMonths,
		MinWeeks: r.MinWeeks, FullTimePoints: r.FullTimePoints, PartTimePoints: r.PartTimePoints,
	}
}

func fromEmploymentBand(b catalog.EmploymentBand, position int) employmentBandRow {
	return employmentBandRow{
		ID: b.ID, Key: b.Key, Position: position, Label: b.Label, Kind: string(b.Kind), MinMonths: b.MinMonths,
		MaxMonths: b.MaxMonths, MinWeeks: b.MinWeeks, FullTimePoints: b.FullTimePoints, PartTimePoints: b.PartTimePoints,
	}
}

func toFee(r feeRow) catalog.Fee {
	return catalog.Fee{
		ID: r.ID, Key: r.Key, Kind: catalog.FeeKind(r.Kind), Name: r.Name,
		Amount: catalog.Money{Cents: r.AmountCents, Currency: r.Currency}, Refundable: r.Refundable, Conditions: r.Conditions,
	}
}

func fromFee(f catalog.Fee, position int) feeRow {
	return feeRow{
		ID: f.ID, Key: f.Key, Position: position, Kind: string(f.Kind), Name: f.Name,
		AmountCents: f.Amount.Cents, Currency: f.Amount.Currency, Refundable: f.Refundable, Conditions: f.Conditions,
	}
}

func toRule(r ruleRow) catalog.Rule {
	return catalog.Rule{ID: r.ID, Key: r.Key, Value: r.Value, Unit: r.Unit, Description: r.Description}
}

func fromRule(r catalog.Rule) ruleRow {
	return ruleRow{ID: r.ID, Key: r.Key, Value: r.Value, Unit: r.Unit, Description: r.Description}
}

func toCandidate(r candidateRow, held []candidate.HeldCertification) *candidate.Candidate {
	return &candidate.Candidate{
		ID: r.ID, Number: r.Number, Name: r.Name, Email: r.Email, Held: held,
		Audit: candidate.Audit{CreatedAt: r.CreatedAt.UTC(), CreatedBy: r.CreatedBy, UpdatedAt: r.UpdatedAt.UTC(), UpdatedBy: r.UpdatedBy},
	}
}

func toHeld(r heldRow) candidate.HeldCertification {
	return candidate.HeldCertification{
		ID: r.ID, Program: catalog.Program(r.Program),
		CertifiedOn: catalog.DateOf(r.CertifiedOn.UTC()), ExpiresOn: catalog.DateOf(r.ExpiresOn.UTC()),
		ExtendedFrom: toDate(r.ExtendedFrom),
		Audit:        candidate.Audit{CreatedAt: r.CreatedAt.UTC(), CreatedBy: r.CreatedBy, UpdatedAt: r.UpdatedAt.UTC(), UpdatedBy: r.UpdatedBy},
	}
}

func fromHeld(candidateID int64, h candidate.HeldCertification, change catalog.Change) heldRow {
	return heldRow{
		ID: h.ID, CandidateID: candidateID, Program: string(h.Program),
		CertifiedOn: h.CertifiedOn.Time(), ExpiresOn: h.ExpiresOn.Time(),
		CreatedAt: change.At, CreatedBy: change.Actor, UpdatedAt: change.At, UpdatedBy: change.Actor,
	}
}

// nilIfEmpty reads an empty stored list as none, as the seed writes it.
func nilIfEmpty[T any](in []T) []T {
	if len(in) == 0 {
		return nil
	}
	return in
}
