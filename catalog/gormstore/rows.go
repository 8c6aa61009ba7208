package gormstore

import "time"

// The row structs below mirror the tables of the migrations; they are the
// only place gorm tags appear, and convert.go turns them into catalog types.

type catalogStateRow struct {
	ID        int `gorm:"primaryKey"`
	Version   int64
	UpdatedAt time.Time
}

func (catalogStateRow) TableName() string { return "catalog_state" }

type organizationRow struct {
	ID          int64 `gorm:"primaryKey"`
	Key         string
	Name        string
	Acronym     string
	URL         string `gorm:"column:url"`
	Description string
	CTID        string `gorm:"column:ce_ctid"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func (organizationRow) TableName() string { return "organizations" }

type certificationRow struct {
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

func (certificationRow) TableName() string { return "certifications" }

type basisRow struct {
	CertificationID int64  `gorm:"primaryKey"`
	Basis           string `gorm:"primaryKey"`
}

func (basisRow) TableName() string { return "certification_recognition_bases" }

type programRow struct {
	CertificationID int64  `gorm:"primaryKey"`
	Program         string `gorm:"primaryKey"`
}

func (programRow) TableName() string { return "certification_programs" }

type aliasRow struct {
	CertificationID int64  `gorm:"primaryKey"`
	Kind            string `gorm:"primaryKey"`
	Value           string `gorm:"primaryKey"`
	Position        int
}

func (aliasRow) TableName() string { return "certification_aliases" }

type keyActivityRow struct {
	ID                int64 `gorm:"primaryKey"`
	Key               string
	Program           string
	Area              string
	Number            int
	Title             string
	ExamWeightPercent *float64
	Systems           []string `gorm:"serializer:json"`
}

func (keyActivityRow) TableName() string { return "key_activities" }

type fieldRow struct {
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

func (fieldRow) TableName() string { return "fields" }

type activityTypeRow struct {
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

func (activityTypeRow) TableName() string { return "activity_types" }

type employmentBandRow struct {
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

func (employmentBandRow) TableName() string { return "employment_bands" }

type feeRow struct {
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

func (feeRow) TableName() string { return "fees" }

type ruleRow struct {
	ID          int64 `gorm:"primaryKey"`
	Key         string
	Value       float64
	Unit        string
	Description string
}

func (ruleRow) TableName() string { return "rules" }

type candidateRow struct {
	ID        int64 `gorm:"primaryKey"`
	Number    string
	Name      string
	Email     string
	CreatedAt time.Time `gorm:"autoCreateTime:false"`
	CreatedBy string
	UpdatedAt time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy string
}

func (candidateRow) TableName() string { return "candidates" }

type heldRow struct {
	ID          int64 `gorm:"primaryKey"`
	CandidateID int64
	Program     string
	CertifiedOn time.Time
	ExpiresOn   time.Time
	// ExtendedFrom is the cycle's own expiration while a granted extension
	// has moved ExpiresOn.
	ExtendedFrom *time.Time
	CreatedAt    time.Time `gorm:"autoCreateTime:false"`
	CreatedBy    string
	UpdatedAt    time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy    string
}

func (heldRow) TableName() string { return "held_certifications" }

type auditRow struct {
	ID         int64 `gorm:"primaryKey"`
	OccurredAt time.Time
	Actor      string
	Action     string
	EntityType string
	EntityID   int64
	Reason     string
	Details    string
}

func (auditRow) TableName() string { return "audit_events" }

type reviewRow struct {
	ID                      int64 `gorm:"primaryKey"`
	CertificationName       string
	ReviewKey               string
	OrganizationName        string
	OrganizationURL         string `gorm:"column:organization_url"`
	OrganizationDescription string
	TrainingRequirements    string
	KeyActivityIDs          []int64      `gorm:"column:key_activity_ids;serializer:json"`
	EarningMethods          []string     `gorm:"serializer:json"`
	Recognition             []string     `gorm:"serializer:json"`
	Flags                   []flagRecord `gorm:"serializer:json"`
	FileKey                 string
	FileSHA256              string `gorm:"column:file_sha256"`
	FileSize                int64
	FileContentType         string
	FileName                string
	Status                  string
	SubmittedAt             time.Time
	DueOn                   time.Time
	Assignee                string
	PausedAt                *time.Time
	PausedDays              int
	InformationRequest      string
	InformationResponse     string
	DecisionReason          string
	DecisionMessage         string
	DecidedBy               string
	DecidedAt               *time.Time
	CertificationID         *int64
	Version                 int
	UpdatedAt               time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy               string
}

func (reviewRow) TableName() string { return "catalog_reviews" }

type flagRecord struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type submitterRow struct {
	ReviewID                int64  `gorm:"primaryKey"`
	Subject                 string `gorm:"primaryKey"`
	CandidateNumber         string
	AddedAt                 time.Time
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
	InformationResponse     string
	RespondedAt             *time.Time
}

func (submitterRow) TableName() string { return "catalog_review_submitters" }

type changeRow struct {
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

func (changeRow) TableName() string { return "catalog_changes" }
