package seed

// OrganizationFile is one file under data/certifications: an issuing body and
// every certification the MSSC guide lists for it.
type OrganizationFile struct {
	// Key is the stable key of the organization; an edited entry is updated by it.
	Key string `yaml:"key"`
	// Name is the organization's full name as the guide prints it.
	Name string `yaml:"name"`
	// Acronym is the short name the body is known by (AWS, BCSP), if any.
	Acronym string `yaml:"acronym"`
	// OtherNames are names the body had or has taken since (a former or a
	// current full name, the acronym it writes itself), which name it as an
	// issuer too; only names the seed's sources give.
	OtherNames []string `yaml:"otherNames"`
	// URL is the body's public web site.
	URL string `yaml:"url"`
	// Description says in one sentence what the body is.
	Description string `yaml:"description"`
	// Bases are the recognition bases every certification of this file
	// has unless it names its own.
	Bases []string `yaml:"bases"`
	// Section names the heading of the guide the list stands under.
	Section string `yaml:"section"`
	// Certifications are the entries the guide lists for this body.
	Certifications []CertificationEntry `yaml:"certifications"`
}

// CertificationEntry is one pre-approved certification as the guide lists it.
type CertificationEntry struct {
	// Key is the stable key of the certification; an edited entry is updated by it.
	Key string `yaml:"key"`
	// Name is the entry's name exactly as the guide prints it, without its
	// trailing parenthesised acronym.
	Name string `yaml:"name"`
	// DisplayName is a full name that makes sense on its own, with the body
	// and the group or level folded in.
	DisplayName string `yaml:"displayName"`
	// Group is the heading the guide nests the entry under (AWS "Inspectors",
	// NIMS "Machining Levels I-III"), if any.
	Group string `yaml:"group"`
	// Level is the level within the group where the guide names one
	// (PECB "Lead Auditor", SME "Black Belt", Lean "Gold").
	Level string `yaml:"level"`
	// Bases overrides the file's recognition bases for this entry.
	Bases []string `yaml:"bases"`
	// Programs are the full certifications whose holders may count it;
	// empty means both CPT and CLT.
	Programs []string `yaml:"programs"`
	// Aliases are other names the entry is known by.
	Aliases []AliasEntry `yaml:"aliases"`
	// Note keeps a remark of the guide about the entry, if any.
	Note string `yaml:"note"`
	// RenewalPeriodMonths is how often the entry must be renewed, where the
	// guide states it (full CLT: every five years, guide line 11); empty
	// leaves the entry's period to staff.
	RenewalPeriodMonths int `yaml:"renewalPeriodMonths"`
}

// AliasEntry is another name a certification is known by.
type AliasEntry struct {
	// Kind is ACRONYM, ALTERNATE_NAME or FORMER_NAME.
	Kind string `yaml:"kind"`
	// Value is the alias as written.
	Value string `yaml:"value"`
}

// KeyActivityEntry is one key activity of a CPT module or of CLA or CLT.
type KeyActivityEntry struct {
	// Key is the stable key of the activity.
	Key string `yaml:"key"`
	// Program is CPT or CLT (CLA activities sit under CLT).
	Program string `yaml:"program"`
	// Area is the module or level: SAFETY, QUALITY_PRACTICES_AND_MEASUREMENT,
	// MANUFACTURING_PROCESSES_AND_PRODUCTION, MAINTENANCE_AWARENESS,
	// CERTIFIED_LOGISTICS_ASSOCIATE or CERTIFIED_LOGISTICS_TECHNICIAN.
	Area string `yaml:"area"`
	// Number is the activity's position in the guide's numbered list.
	Number int `yaml:"number"`
	// Title is the activity as the guide words it.
	Title string `yaml:"title"`
	// ExamWeightPercent is the exam weight seed 003 gives (CPT only).
	ExamWeightPercent *float64 `yaml:"examWeightPercent"`
	// Systems are the production systems the activity lists, if any.
	Systems []string `yaml:"systems"`
}

// FieldEntry is one related or explicitly not-related field.
type FieldEntry struct {
	// Key is the stable key of the field.
	Key string `yaml:"key"`
	// Sector is MANUFACTURING or LOGISTICS; empty for a not-related field
	// that spans both.
	Sector string `yaml:"sector"`
	// Name is the field as the guide words it.
	Name string `yaml:"name"`
	// Related is false for the guide's "fields that are NOT related".
	Related bool `yaml:"related"`
	// Reason says why a field is not related, or qualifies a related one.
	Reason string `yaml:"reason"`
}

// ActivityTypeEntry is one row of the guide's CE, IC, E or X tables.
type ActivityTypeEntry struct {
	// Key is the stable key of the activity type.
	Key string `yaml:"key"`
	// Category is CONTINUING_EDUCATION, INDUSTRY_CERTIFICATION, EMPLOYMENT or EXTRA.
	Category string `yaml:"category"`
	// Name is the activity as the guide's table names it.
	Name string `yaml:"name"`
	// Description explains what qualifies, from the guide's notes.
	Description string `yaml:"description"`
	// ProofRequired is the proof the guide's table asks for.
	ProofRequired string `yaml:"proofRequired"`
	// MinPoints and MaxPoints are equal for a fixed award (X is 1 to 5).
	MinPoints int `yaml:"minPoints"`
	// MaxPoints is the most the activity earns.
	MaxPoints int `yaml:"maxPoints"`
	// Per is ACTIVITY or YEAR.
	Per string `yaml:"per"`
}

// EmploymentBandEntry is one row of the partial-year employment table.
type EmploymentBandEntry struct {
	// Key is the stable key of the band.
	Key string `yaml:"key"`
	// Label is the row as the guide words it.
	Label string `yaml:"label"`
	// Kind is FULL_YEAR, MONTHS, UNDER_THREE_MONTHS or INTERNSHIP.
	Kind string `yaml:"kind"`
	// MinMonths and MaxMonths bound a MONTHS band (inclusive).
	MinMonths int `yaml:"minMonths"`
	// MaxMonths is the upper bound of a MONTHS band (inclusive).
	MaxMonths int `yaml:"maxMonths"`
	// MinWeeks is the internship's lower bound in weeks.
	MinWeeks int `yaml:"minWeeks"`
	// FullTimePoints is the award in the full-time column.
	FullTimePoints int `yaml:"fullTimePoints"`
	// PartTimePoints is the award in the part-time column.
	PartTimePoints int `yaml:"partTimePoints"`
}

// FeeEntry is one fee of the recertification process.
type FeeEntry struct {
	// Key is the stable key of the fee.
	Key string `yaml:"key"`
	// Kind is APPLICATION, BUNDLED_APPLICATION, DETAILED_REVIEW,
	// LATE_DETAILED_REVIEW or APPEAL.
	Kind string `yaml:"kind"`
	// Name is a short label.
	Name string `yaml:"name"`
	// AmountCents is the fee in whole cents.
	AmountCents int64 `yaml:"amountCents"`
	// Currency is the ISO 4217 code.
	Currency string `yaml:"currency"`
	// Refundable says whether the fee is ever refunded.
	Refundable bool `yaml:"refundable"`
	// Conditions says when the fee applies, in the guide's terms.
	Conditions string `yaml:"conditions"`
}

// RuleEntry is one figure of the recertification rules.
type RuleEntry struct {
	// Key is the stable key of the figure, such as points_required.
	Key string `yaml:"key"`
	// Value is the figure; most are whole numbers.
	Value float64 `yaml:"value"`
	// Unit is what the figure counts (points, days, weeks, hours, years).
	Unit string `yaml:"unit"`
	// Description says what the figure means and where it comes from.
	Description string `yaml:"description"`
}

// SynonymEntry is one search synonym of data/synonyms.yaml.
type SynonymEntry struct {
	// Key is the stable key of the synonym; the seed inserts it once.
	Key string `yaml:"key"`
	// Phrase is what a candidate types.
	Phrase string `yaml:"phrase"`
	// Meaning is the words of the catalog the phrase stands for.
	Meaning string `yaml:"meaning"`
}
