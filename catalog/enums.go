package catalog

// RecognitionBasis is the ground on which the MSSC guide pre-approves a
// certification.
type RecognitionBasis string

// The four recognition bases of the guide.
const (
	// BasisNAMEndorsed is a member of the NAM-endorsed Skills Certification System.
	BasisNAMEndorsed RecognitionBasis = "NAM_ENDORSED"
	// BasisANSI is accreditation by ANSI under ISO/IEC 17024.
	BasisANSI RecognitionBasis = "ANSI_ISO_17024"
	// BasisNCCA is accreditation by the National Commission for Certifying Agencies.
	BasisNCCA RecognitionBasis = "NCCA"
	// BasisOSHAGeneralIndustry is an OSHA-10 or OSHA-30 General Industry card.
	BasisOSHAGeneralIndustry RecognitionBasis = "OSHA_GENERAL_INDUSTRY"
)

// RecognitionBases lists every basis in the guide's order.
var RecognitionBases = []RecognitionBasis{BasisNAMEndorsed, BasisANSI, BasisNCCA, BasisOSHAGeneralIndustry}

// Program is a full MSSC certification that is recertified.
type Program string

// The recertified programs.
const (
	// ProgramCPT is the Certified Production Technician.
	ProgramCPT Program = "CPT"
	// ProgramCLT is the Certified Logistics Technician.
	ProgramCLT Program = "CLT"
)

// Programs lists every recertified program.
var Programs = []Program{ProgramCPT, ProgramCLT}

// CertificationStatus says whether a catalog entry still counts for new credentials.
type CertificationStatus string

// The statuses of a catalog entry.
const (
	// StatusActive entries count for credentials earned from their approval on.
	StatusActive CertificationStatus = "ACTIVE"
	// StatusRetired entries count only for credentials earned before retirement.
	StatusRetired CertificationStatus = "RETIRED"
)

// AliasKind says what sort of other name an alias is.
type AliasKind string

// The kinds of alias.
const (
	// AliasAcronym is an abbreviation such as CWI.
	AliasAcronym AliasKind = "ACRONYM"
	// AliasAlternateName is another full name in current use.
	AliasAlternateName AliasKind = "ALTERNATE_NAME"
	// AliasFormerName is a name the certification used to carry.
	AliasFormerName AliasKind = "FORMER_NAME"
)

// ProvenanceSource says how a catalog entry came into the catalog.
type ProvenanceSource string

// The sources of catalog entries.
const (
	// SourceGuide entries are transcribed from the MSSC Recertification guide.
	SourceGuide ProvenanceSource = "GUIDE"
	// SourceStaff entries were added directly by MSSC staff.
	SourceStaff ProvenanceSource = "STAFF"
	// SourceCatalogReview entries were approved through a catalog review.
	SourceCatalogReview ProvenanceSource = "CATALOG_REVIEW"
)

// KeyActivityArea is a CPT module, or the CLA or CLT level of the logistics program.
type KeyActivityArea string

// The areas the guide lists key activities for.
const (
	// AreaSafety is the CPT Safety module.
	AreaSafety KeyActivityArea = "SAFETY"
	// AreaQuality is the CPT Quality Practices & Measurement module.
	AreaQuality KeyActivityArea = "QUALITY_PRACTICES_AND_MEASUREMENT"
	// AreaProcesses is the CPT Manufacturing Processes & Production module.
	AreaProcesses KeyActivityArea = "MANUFACTURING_PROCESSES_AND_PRODUCTION"
	// AreaMaintenance is the CPT Maintenance Awareness module.
	AreaMaintenance KeyActivityArea = "MAINTENANCE_AWARENESS"
	// AreaCLA is the Certified Logistics Associate level.
	AreaCLA KeyActivityArea = "CERTIFIED_LOGISTICS_ASSOCIATE"
	// AreaCLT is the Certified Logistics Technician level.
	AreaCLT KeyActivityArea = "CERTIFIED_LOGISTICS_TECHNICIAN"
)

// Sector is the side of industry a related field belongs to.
type Sector string

// The sectors of related fields.
const (
	// SectorManufacturing is manufacturing.
	SectorManufacturing Sector = "MANUFACTURING"
	// SectorLogistics is transportation, distribution and logistics.
	SectorLogistics Sector = "LOGISTICS"
)

// PointCategory is one of the guide's four categories of recertification points.
type PointCategory string

// The four point categories.
const (
	// CategoryContinuingEducation is CE.
	CategoryContinuingEducation PointCategory = "CONTINUING_EDUCATION"
	// CategoryIndustryCertification is IC.
	CategoryIndustryCertification PointCategory = "INDUSTRY_CERTIFICATION"
	// CategoryEmployment is E.
	CategoryEmployment PointCategory = "EMPLOYMENT"
	// CategoryExtra is X.
	CategoryExtra PointCategory = "EXTRA"
)

// PointUnit says what an activity type's points are counted per.
type PointUnit string

// The units of an award.
const (
	// PerActivity awards points once per activity.
	PerActivity PointUnit = "ACTIVITY"
	// PerYear awards points for each year of the activity.
	PerYear PointUnit = "YEAR"
)

// BandKind says what kind of row of the partial-year employment table a band is.
type BandKind string

// The kinds of employment band.
const (
	// BandFullYear is at least the full-year number of weeks.
	BandFullYear BandKind = "FULL_YEAR"
	// BandMonths is a range of whole months.
	BandMonths BandKind = "MONTHS"
	// BandUnderThreeMonths earns nothing.
	BandUnderThreeMonths BandKind = "UNDER_THREE_MONTHS"
	// BandInternship is a short internship that still earns a point.
	BandInternship BandKind = "INTERNSHIP"
)

// FeeKind names a fee of the recertification process.
type FeeKind string

// The fees of the process.
const (
	// FeeApplication is the fee for one certification's application.
	FeeApplication FeeKind = "APPLICATION"
	// FeeBundledApplication is the fee for CPT and CLT applied for together.
	FeeBundledApplication FeeKind = "BUNDLED_APPLICATION"
	// FeeDetailedReview is the fee for a detailed review asked for in time.
	FeeDetailedReview FeeKind = "DETAILED_REVIEW"
	// FeeLateDetailedReview is the fee for a detailed review asked for late.
	FeeLateDetailedReview FeeKind = "LATE_DETAILED_REVIEW"
	// FeeAppeal is the fee for an appeal to the Appeals and Complaints Committee.
	FeeAppeal FeeKind = "APPEAL"
)
