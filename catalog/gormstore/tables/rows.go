package tables

import "time"

// The row structs below mirror the tables of the migrations; they are the
// only place gorm tags appear, and convert.go turns them into catalog types.

// CatalogStateRow is the one row of catalog_state: the catalog's version and when it last changed.
type CatalogStateRow struct {
	ID        int `gorm:"primaryKey"`
	Version   int64
	UpdatedAt time.Time
}

func (CatalogStateRow) TableName() string { return "catalog_state" }

// OrganizationRow is a row of organizations: an issuer of listed certifications.
type OrganizationRow struct {
	ID      int64 `gorm:"primaryKey"`
	Key     string
	Name    string
	Acronym string
	// OtherNames belong to the seed: staff edits leave them as stored.
	OtherNames  OtherNamesJSON `gorm:"serializer:json"`
	URL         string         `gorm:"column:url"`
	Description string
	CTID        string `gorm:"column:ce_ctid"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (OrganizationRow) TableName() string { return "organizations" }

// CertificationRow is a row of certifications: one pre-approved industry certification.
type CertificationRow struct {
	ID                  int64 `gorm:"primaryKey"`
	Key                 string
	OrganizationID      int64
	Name                string
	DisplayName         string
	GroupName           string
	Level               string
	Note                string
	Status              string
	ApprovedOn          *time.Time
	RetiredOn           *time.Time
	ProvenanceSource    string
	ProvenanceReference string
	Description         string
	URL                 string `gorm:"column:url"`
	CTID                string `gorm:"column:ce_ctid"`
	RenewalPeriodMonths int
	CreatedAt           time.Time
	UpdatedAt           time.Time
}

func (CertificationRow) TableName() string { return "certifications" }

// BasisRow is a row of certification_recognition_bases: one basis on which a certification is recognized.
type BasisRow struct {
	CertificationID int64  `gorm:"primaryKey"`
	Basis           string `gorm:"primaryKey"`
}

func (BasisRow) TableName() string { return "certification_recognition_bases" }

// ProgramRow is a row of certification_programs: a program (CPT or CLT) a certification counts toward.
type ProgramRow struct {
	CertificationID int64  `gorm:"primaryKey"`
	Program         string `gorm:"primaryKey"`
}

func (ProgramRow) TableName() string { return "certification_programs" }

// AliasRow is a row of certification_aliases: another name a certification is known by.
type AliasRow struct {
	CertificationID int64  `gorm:"primaryKey"`
	Kind            string `gorm:"primaryKey"`
	Value           string `gorm:"primaryKey"`
	Position        int
}

func (AliasRow) TableName() string { return "certification_aliases" }

// KeyActivityRow is a row of key_activities: one CPT or CLT key activity.
type KeyActivityRow struct {
	ID                int64 `gorm:"primaryKey"`
	Key               string
	Program           string
	Area              string
	Number            int
	Title             string
	ExamWeightPercent *float64
	Systems           []string `gorm:"serializer:json"`
}

func (KeyActivityRow) TableName() string { return "key_activities" }

// FieldRow is a row of fields: one related field of the catalog.
type FieldRow struct {
	ID       int64 `gorm:"primaryKey"`
	Key      string
	Position int
	Sector   string
	Name     string
	Related  bool
	Reason   string
	// OnetSocCodes belong to staff: the seed never writes them.
	OnetSocCodes []string `gorm:"serializer:json"`
}

func (FieldRow) TableName() string { return "fields" }

// ActivityTypeRow is a row of activity_types: a kind of recertification activity and its points.
type ActivityTypeRow struct {
	ID            int64 `gorm:"primaryKey"`
	Key           string
	Position      int
	Category      string
	Name          string
	Description   string
	ProofRequired string
	MinPoints     int
	MaxPoints     int
	Per           string
}

func (ActivityTypeRow) TableName() string { return "activity_types" }

// EmploymentBandRow is a row of employment_bands: the points a band of employment earns.
type EmploymentBandRow struct {
	ID             int64 `gorm:"primaryKey"`
	Key            string
	Position       int
	Label          string
	Kind           string
	MinMonths      int
	MaxMonths      int
	MinWeeks       int
	FullTimePoints int
	PartTimePoints int
}

func (EmploymentBandRow) TableName() string { return "employment_bands" }

// FeeRow is a row of fees: one seeded fee and its amount.
type FeeRow struct {
	ID          int64 `gorm:"primaryKey"`
	Key         string
	Position    int
	Kind        string
	Name        string
	AmountCents int64
	Currency    string
	Refundable  bool
	Conditions  string
}

func (FeeRow) TableName() string { return "fees" }

// RuleRow is a row of rules: one seeded rule figure under its key.
type RuleRow struct {
	ID          int64 `gorm:"primaryKey"`
	Key         string
	Value       float64
	Unit        string
	Description string
}

func (RuleRow) TableName() string { return "rules" }

// AuditColumns are who created a candidate's row and who last updated
// it, and when; the store writes them, not gorm.
type AuditColumns struct {
	CreatedAt time.Time `gorm:"autoCreateTime:false"`
	CreatedBy string
	UpdatedAt time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy string
}

// CandidateRow is a row of candidates: one certified candidate.
type CandidateRow struct {
	ID     int64 `gorm:"primaryKey"`
	Number string
	Name   string
	Email  string
	AuditColumns
}

func (CandidateRow) TableName() string { return "candidates" }

// HeldRow is a row of held_certifications: a CPT or CLT certification a candidate holds.
type HeldRow struct {
	ID          int64 `gorm:"primaryKey"`
	CandidateID int64
	Program     string
	CertifiedOn time.Time
	ExpiresOn   time.Time
	// ExtendedFrom is the cycle's own expiration while a granted extension
	// has moved ExpiresOn.
	ExtendedFrom *time.Time
	AuditColumns
}

func (HeldRow) TableName() string { return "held_certifications" }

// AuditRow is a row of audit_events: one recorded action on an entity, with its actor and reason.
type AuditRow struct {
	ID         int64 `gorm:"primaryKey"`
	OccurredAt time.Time
	Actor      string
	Action     string
	EntityType string
	EntityID   int64
	Reason     string
	Details    string
}

func (AuditRow) TableName() string { return "audit_events" }

// ReviewRow is a row of catalog_reviews: one review of a certification not yet listed, as staff see it.
type ReviewRow struct {
	ID        int64 `gorm:"primaryKey"`
	ReviewKey string
	SubmissionColumns
	Flags               []FlagJSON `gorm:"serializer:json"`
	Status              string
	SubmittedAt         time.Time
	DueOn               time.Time
	Assignee            string
	PausedAt            *time.Time
	PausedDays          int
	InformationRequest  string
	InformationResponse string
	DecisionReason      string
	DecisionMessage     string
	DecidedBy           string
	DecidedAt           *time.Time
	CertificationID     *int64
	Version             int
	UpdatedAt           time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy           string
}

func (ReviewRow) TableName() string { return "catalog_reviews" }

// SubmissionColumns are the columns a review and each of its submitters
// hold alike: the certification as submitted and the copy of it.
type SubmissionColumns struct {
	CertificationName       string
	OrganizationName        string
	OrganizationURL         string `gorm:"column:organization_url"`
	OrganizationDescription string
	TrainingRequirements    string
	KeyActivityIDs          []int64  `gorm:"column:key_activity_ids;serializer:json"`
	EarningMethods          []string `gorm:"serializer:json"`
	Recognition             []string `gorm:"serializer:json"`
	FileKey                 string
	FileSHA256              string `gorm:"column:file_sha256"`
	FileSize                int64
	FileContentType         string
	FileName                string
}

// SubmitterRow is a row of catalog_review_submitters: one submitter's own copy, answers and file for a review.
type SubmitterRow struct {
	ReviewID        int64  `gorm:"primaryKey"`
	Subject         string `gorm:"primaryKey"`
	CandidateNumber string
	AddedAt         time.Time
	SubmissionColumns
	InformationResponse string
	RespondedAt         *time.Time
}

func (SubmitterRow) TableName() string { return "catalog_review_submitters" }

// ChangeRow is a row of catalog_changes: one recorded change of the catalog, with its actor and reason.
type ChangeRow struct {
	ID             int64 `gorm:"primaryKey"`
	OccurredAt     time.Time
	Actor          string
	Action         string
	EntityType     string
	EntityID       int64
	Before         string
	After          string
	Reason         string
	ReviewID       *int64
	CatalogVersion int64
}

func (ChangeRow) TableName() string { return "catalog_changes" }
