package catalog

// KeyActivity is one of the key activities the CPT and CLT certifications
// are built on; a related field relates to at least one of them.
type KeyActivity struct {
	// ID is the storage identity.
	ID int64
	// Key is the stable key.
	Key string
	// Program is CPT or CLT.
	Program Program
	// Area is the CPT module or the CLA or CLT level.
	Area KeyActivityArea
	// Number is the position in the guide's numbered list.
	Number int
	// Title is the activity as the guide words it.
	Title string
	// ExamWeightPercent is the share of the module's exam, for CPT activities.
	ExamWeightPercent *float64
	// Systems are the production systems the activity names, if any.
	Systems []string
}

// RelatedField is a job or education field the guide declares related, or
// explicitly not related, to manufacturing or logistics.
type RelatedField struct {
	// ID is the storage identity.
	ID int64
	// Key is the stable key.
	Key string
	// Sector is the side of industry; empty for a not-related field spanning both.
	Sector Sector
	// Name is the field as the guide words it.
	Name string
	// Related is false for the guide's fields that are NOT related.
	Related bool
	// Reason says why a field is not related, or qualifies a related one.
	Reason string
	// OnetSocCodes are the O*NET-SOC occupation codes staff have linked to
	// the field, such as 51-4121.06.
	OnetSocCodes []string
}

// ActivityType is a row of the guide's CE, IC, E or X tables: what earns
// points, how many, and the proof it needs.
type ActivityType struct {
	// ID is the storage identity.
	ID int64
	// Key is the stable key.
	Key string
	// Category is the point category.
	Category PointCategory
	// Name is the activity as the guide's table names it.
	Name string
	// Description says what qualifies.
	Description string
	// ProofRequired is the proof the guide asks for.
	ProofRequired string
	// MinPoints is the least the activity earns per unit.
	MinPoints int
	// MaxPoints is the most the activity earns per unit.
	MaxPoints int
	// Per is what the points are counted per.
	Per PointUnit
}

// EmploymentBand is a row of the guide's partial-year employment table.
type EmploymentBand struct {
	// ID is the storage identity.
	ID int64
	// Key is the stable key.
	Key string
	// Label is the row as the guide words it.
	Label string
	// Kind says what sort of row it is.
	Kind BandKind
	// MinMonths is the lower bound of a months band, inclusive.
	MinMonths int
	// MaxMonths is the upper bound of a months band, inclusive.
	MaxMonths int
	// MinWeeks is an internship's lower bound in weeks.
	MinWeeks int
	// FullTimePoints is the award in the full-time column.
	FullTimePoints int
	// PartTimePoints is the award in the part-time column.
	PartTimePoints int
}

// Money is an amount in whole cents of a currency.
type Money struct {
	// Cents is the amount in the currency's minor unit.
	Cents int64
	// Currency is the ISO 4217 code.
	Currency string
}

// Fee is a fee of the recertification process.
type Fee struct {
	// ID is the storage identity.
	ID int64
	// Key is the stable key.
	Key string
	// Kind says which fee it is.
	Kind FeeKind
	// Name is a short label.
	Name string
	// Amount is what it costs.
	Amount Money
	// Refundable says whether it is ever refunded.
	Refundable bool
	// Conditions says when it applies.
	Conditions string
}

// Rule is one figure of the recertification rules, such as the 100 points
// required or the 90-day application window.
type Rule struct {
	// ID is the storage identity.
	ID int64
	// Key is the stable key.
	Key string
	// Value is the figure.
	Value float64
	// Unit says what the figure counts.
	Unit string
	// Description says what it means and where it comes from.
	Description string
}
