package tables

import (
	"slices"
	"strings"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/review"
)

// ToOrganization converts a stored row to the domain type.
func ToOrganization(r OrganizationRow) catalog.Organization {
	return catalog.Organization{ID: r.ID, Key: r.Key, Name: r.Name, Acronym: r.Acronym, OtherNames: ToOtherNames(r.OtherNames), URL: r.URL, Description: r.Description, CTID: r.CTID}
}

// FromOrganization converts a domain value to its stored row.
func FromOrganization(o catalog.Organization) OrganizationRow {
	return OrganizationRow{ID: o.ID, Key: o.Key, Name: o.Name, Acronym: o.Acronym, OtherNames: FromOtherNames(o.OtherNames), URL: o.URL, Description: o.Description, CTID: o.CTID}
}

// ToDate converts a stored row to the domain type.
func ToDate(t *time.Time) *catalog.Date {
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

// CertificationChildren are the rows that hang off one certification.
type CertificationChildren struct {
	Bases    []BasisRow
	Programs []ProgramRow
	Aliases  []AliasRow
}

// ToCertification converts a stored row to the domain type.
func ToCertification(r CertificationRow, orgKey string, ch CertificationChildren) catalog.Certification {
	c := catalog.Certification{
		ID: r.ID, Key: r.Key, OrganizationID: r.OrganizationID, OrganizationKey: orgKey,
		Name: r.Name, DisplayName: r.DisplayName, Group: r.GroupName, Level: r.Level, Note: r.Note,
		Status:     catalog.CertificationStatus(r.Status),
		ApprovedOn: ToDate(r.ApprovedOn), RetiredOn: ToDate(r.RetiredOn),
		Description: r.Description, URL: r.URL, CTID: r.CTID, RenewalPeriodMonths: r.RenewalPeriodMonths,
		Provenance: catalog.Provenance{
			Source:    catalog.ProvenanceSource(r.ProvenanceSource),
			Reference: r.ProvenanceReference,
			AddedAt:   r.CreatedAt.UTC(),
		},
	}
	for _, b := range ch.Bases {
		c.RecognitionBases = append(c.RecognitionBases, catalog.RecognitionBasis(b.Basis))
	}
	for _, p := range ch.Programs {
		c.EligiblePrograms = append(c.EligiblePrograms, catalog.Program(p.Program))
	}
	for _, a := range ch.Aliases {
		c.Aliases = append(c.Aliases, catalog.Alias{Kind: catalog.AliasKind(a.Kind), Value: a.Value})
	}
	return c
}

// FromCertification converts a domain value to its stored row.
func FromCertification(c catalog.Certification, orgID int64) (CertificationRow, CertificationChildren) {
	r := CertificationRow{
		ID: c.ID, Key: c.Key, OrganizationID: orgID, Name: c.Name, DisplayName: c.DisplayName,
		GroupName: c.Group, Level: c.Level, Note: c.Note, Status: string(c.Status),
		ApprovedOn: fromDate(c.ApprovedOn), RetiredOn: fromDate(c.RetiredOn),
		ProvenanceSource: string(c.Provenance.Source), ProvenanceReference: c.Provenance.Reference,
		Description: c.Description, URL: c.URL, CTID: c.CTID, RenewalPeriodMonths: c.RenewalPeriodMonths,
	}
	var ch CertificationChildren
	for _, b := range c.RecognitionBases {
		ch.Bases = append(ch.Bases, BasisRow{CertificationID: c.ID, Basis: string(b)})
	}
	for _, p := range c.EligiblePrograms {
		ch.Programs = append(ch.Programs, ProgramRow{CertificationID: c.ID, Program: string(p)})
	}
	for i, a := range c.Aliases {
		ch.Aliases = append(ch.Aliases, AliasRow{CertificationID: c.ID, Kind: string(a.Kind), Value: a.Value, Position: i})
	}
	// Bases and programs are sets: keep them in the order they are read back
	// in, so that comparing with stored rows sees only real differences.
	slices.SortFunc(ch.Bases, func(a, b BasisRow) int { return strings.Compare(a.Basis, b.Basis) })
	slices.SortFunc(ch.Programs, func(a, b ProgramRow) int { return strings.Compare(a.Program, b.Program) })
	return r, ch
}

// ToKeyActivity converts a stored row to the domain type.
func ToKeyActivity(r KeyActivityRow) catalog.KeyActivity {
	return catalog.KeyActivity{
		ID: r.ID, Key: r.Key, Program: catalog.Program(r.Program), Area: catalog.KeyActivityArea(r.Area),
		Number: r.Number, Title: r.Title, ExamWeightPercent: r.ExamWeightPercent, Systems: r.Systems,
	}
}

// FromKeyActivity converts a domain value to its stored row.
func FromKeyActivity(a catalog.KeyActivity) KeyActivityRow {
	systems := a.Systems
	if systems == nil {
		systems = []string{}
	}
	return KeyActivityRow{
		ID: a.ID, Key: a.Key, Program: string(a.Program), Area: string(a.Area), Number: a.Number,
		Title: a.Title, ExamWeightPercent: a.ExamWeightPercent, Systems: systems,
	}
}

// ToField converts a stored row to the domain type.
func ToField(r FieldRow) catalog.RelatedField {
	return catalog.RelatedField{ID: r.ID, Key: r.Key, Sector: catalog.Sector(r.Sector), Name: r.Name, Related: r.Related, Reason: r.Reason, OnetSocCodes: nilIfEmpty(r.OnetSocCodes)}
}

// FromField converts a domain value to its stored row.
func FromField(f catalog.RelatedField, position int) FieldRow {
	return FieldRow{ID: f.ID, Key: f.Key, Position: position, Sector: string(f.Sector), Name: f.Name, Related: f.Related, Reason: f.Reason, OnetSocCodes: NonNilSlice(f.OnetSocCodes)}
}

// ToActivityType converts a stored row to the domain type.
func ToActivityType(r ActivityTypeRow) catalog.ActivityType {
	return catalog.ActivityType{
		ID: r.ID, Key: r.Key, Category: catalog.PointCategory(r.Category), Name: r.Name, Description: r.Description,
		ProofRequired: r.ProofRequired, MinPoints: r.MinPoints, MaxPoints: r.MaxPoints, Per: catalog.PointUnit(r.Per),
	}
}

// FromActivityType converts a domain value to its stored row.
func FromActivityType(a catalog.ActivityType, position int) ActivityTypeRow {
	return ActivityTypeRow{
		ID: a.ID, Key: a.Key, Position: position, Category: string(a.Category), Name: a.Name, Description: a.Description,
		ProofRequired: a.ProofRequired, MinPoints: a.MinPoints, MaxPoints: a.MaxPoints, Per: string(a.Per),
	}
}

// ToEmploymentBand converts a stored row to the domain type.
func ToEmploymentBand(r EmploymentBandRow) catalog.EmploymentBand {
	return catalog.EmploymentBand{
		ID: r.ID, Key: r.Key, Label: r.Label, Kind: catalog.BandKind(r.Kind), MinMonths: r.MinMonths, MaxMonths: r.MaxMonths,
		MinWeeks: r.MinWeeks, FullTimePoints: r.FullTimePoints, PartTimePoints: r.PartTimePoints,
	}
}

// FromEmploymentBand converts a domain value to its stored row.
func FromEmploymentBand(b catalog.EmploymentBand, position int) EmploymentBandRow {
	return EmploymentBandRow{
		ID: b.ID, Key: b.Key, Position: position, Label: b.Label, Kind: string(b.Kind), MinMonths: b.MinMonths,
		MaxMonths: b.MaxMonths, MinWeeks: b.MinWeeks, FullTimePoints: b.FullTimePoints, PartTimePoints: b.PartTimePoints,
	}
}

// ToFee converts a stored row to the domain type.
func ToFee(r FeeRow) catalog.Fee {
	return catalog.Fee{
		ID: r.ID, Key: r.Key, Kind: catalog.FeeKind(r.Kind), Name: r.Name,
		Amount: catalog.Money{Cents: r.AmountCents, Currency: r.Currency}, Refundable: r.Refundable, Conditions: r.Conditions,
	}
}

// FromFee converts a domain value to its stored row.
func FromFee(f catalog.Fee, position int) FeeRow {
	return FeeRow{
		ID: f.ID, Key: f.Key, Position: position, Kind: string(f.Kind), Name: f.Name,
		AmountCents: f.Amount.Cents, Currency: f.Amount.Currency, Refundable: f.Refundable, Conditions: f.Conditions,
	}
}

// ToRule converts a stored row to the domain type.
func ToRule(r RuleRow) catalog.Rule {
	return catalog.Rule{ID: r.ID, Key: r.Key, Value: r.Value, Unit: r.Unit, Description: r.Description}
}

// FromRule converts a domain value to its stored row.
func FromRule(r catalog.Rule) RuleRow {
	return RuleRow{ID: r.ID, Key: r.Key, Value: r.Value, Unit: r.Unit, Description: r.Description}
}

// ToCandidate converts a stored row to the domain type.
func ToCandidate(r CandidateRow, held []candidate.HeldCertification) *candidate.Candidate {
	return &candidate.Candidate{
		ID: r.ID, Number: r.Number, Name: r.Name, Email: r.Email, Held: held,
		Audit: toAudit(r.AuditColumns),
	}
}

// ToHeld converts a stored row to the domain type.
func ToHeld(r HeldRow) candidate.HeldCertification {
	return candidate.HeldCertification{
		ID: r.ID, Program: catalog.Program(r.Program),
		CertifiedOn: catalog.DateOf(r.CertifiedOn.UTC()), ExpiresOn: catalog.DateOf(r.ExpiresOn.UTC()),
		ExtendedFrom: ToDate(r.ExtendedFrom),
		Audit:        toAudit(r.AuditColumns),
	}
}

func toAudit(r AuditColumns) candidate.Audit {
	return candidate.Audit{CreatedAt: r.CreatedAt.UTC(), CreatedBy: r.CreatedBy, UpdatedAt: r.UpdatedAt.UTC(), UpdatedBy: r.UpdatedBy}
}

// CreatedBy returns the audit columns of a row the change creates.
func CreatedBy(change catalog.Change) AuditColumns {
	return AuditColumns{CreatedAt: change.At, CreatedBy: change.Actor, UpdatedAt: change.At, UpdatedBy: change.Actor}
}

// FromHeld converts a domain value to its stored row.
func FromHeld(candidateID int64, h candidate.HeldCertification, change catalog.Change) HeldRow {
	return HeldRow{
		ID: h.ID, CandidateID: candidateID, Program: string(h.Program),
		CertifiedOn: h.CertifiedOn.Time(), ExpiresOn: h.ExpiresOn.Time(),
		AuditColumns: CreatedBy(change),
	}
}

// nilIfEmpty reads an empty stored list as none, as the seed writes it.
func nilIfEmpty[T any](in []T) []T {
	if len(in) == 0 {
		return nil
	}
	return in
}

// NonNilSlice returns in, or an empty slice for nil, so that a JSON column
// stores [] rather than null.
func NonNilSlice[T any](in []T) []T {
	if in == nil {
		return []T{}
	}
	return in
}

// FromSubmission converts a certification as submitted for review, and
// the copy of it, to their columns.
func FromSubmission(c review.SubmittedCertification, file catalog.StoredFile) SubmissionColumns {
	return SubmissionColumns{
		CertificationName: c.CertificationName, OrganizationName: c.Organization.Name, OrganizationURL: c.Organization.URL,
		OrganizationDescription: c.Organization.Description, TrainingRequirements: c.TrainingRequirements,
		KeyActivityIDs: NonNilSlice(c.KeyActivityIDs), EarningMethods: StringsOf(c.EarningMethods), Recognition: StringsOf(c.Recognition),
		FileKey: file.Key, FileSHA256: file.SHA256, FileSize: file.Size, FileContentType: file.ContentType, FileName: file.Name,
	}
}

// ToSubmission converts the columns to the certification as submitted
// for review and the copy of it.
func ToSubmission(r SubmissionColumns) (review.SubmittedCertification, catalog.StoredFile) {
	c := review.SubmittedCertification{
		CertificationName: r.CertificationName, TrainingRequirements: r.TrainingRequirements, KeyActivityIDs: r.KeyActivityIDs,
		Organization:   review.ReviewOrganization{Name: r.OrganizationName, URL: r.OrganizationURL, Description: r.OrganizationDescription},
		EarningMethods: enumsOf[review.EarningMethod](r.EarningMethods), Recognition: enumsOf[review.RecognitionScope](r.Recognition),
	}
	return c, catalog.StoredFile{Key: r.FileKey, SHA256: r.FileSHA256, Size: r.FileSize, ContentType: r.FileContentType, Name: r.FileName}
}

// StringsOf converts enum values to the strings a column stores; never
// nil, so that a JSON column stores [] rather than null.
func StringsOf[T ~string](in []T) []string {
	out := make([]string, len(in))
	for i, v := range in {
		out[i] = string(v)
	}
	return out
}

// enumsOf reads stored strings as enum values, nil for none.
func enumsOf[T ~string](in []string) []T {
	var out []T
	for _, v := range in {
		out = append(out, T(v))
	}
	return out
}
