package points

import "github.com/mssc/recert/catalog"

// Activity is one activity a candidate claims recertification points for:
// a course, a certification, a period of employment or military service,
// instructor years, or a volunteer or committee activity. Which fields
// matter depends on its activity type; ValidateActivity says which are
// required and which do not belong.
type Activity struct {
	// ID identifies the activity in the report and its warnings.
	ID int64
	// Category is the point category; it must be the category of the type.
	Category catalog.PointCategory
	// TypeKey is the key of the ActivityType row it is claimed under, such
	// as "ce-third-party" or "e-direct".
	TypeKey string
	// Title names the course, certification, job or activity as the
	// candidate writes it; courses and Extra activities need one.
	Title string
	// CompletedOn is the day a course, training or certification was
	// completed, or a one-off Extra activity took place.
	CompletedOn *catalog.Date
	// StartOn is the first day of a period: employment, military service,
	// instructor employment or committee service.
	StartOn *catalog.Date
	// EndOn is the last day of a period, inclusive. For an Ongoing activity
	// it is empty, or the day the activity is expected to end.
	EndOn *catalog.Date
	// Ongoing says the period is still going on: it counts up to now, and
	// the AsOfExpiration projection lets it run on to EndOn or to the end
	// of the cycle.
	Ongoing bool
	// CreditHours are the credit hours of a for-credit course; they must
	// agree with the type (3 or more, or under 3). Zero means not given.
	CreditHours float64
	// Passed says whether a for-credit course was passed; nil means the
	// candidate has not said, and the transcript must show it.
	Passed *bool
	// WeeklyHours is the average number of hours a week of direct
	// employment.
	WeeklyHours float64
	// Internship marks direct employment that is an internship: its days
	// merge with every other job's, and it may earn the internship point in
	// a cycle year that earns no band.
	Internship bool
	// CoursesTaught counts the courses an instructor taught in each cycle
	// year, keyed by the year's number from 1 (the first 12 months after
	// certification) to the number of years of the cycle.
	CoursesTaught map[int]int
	// Hours is the number of hours of service of an Extra activity, inside
	// the cycle.
	Hours float64
	// CertificationKey is the key of the pre-approved catalog entry an
	// Industry Certification is claimed as.
	CertificationKey string
	// LedToCertificationKey is the key of the catalog entry a Continuing
	// Education training led to, if any.
	LedToCertificationKey string
	// ProofAttached says the proof the activity type asks for is attached.
	ProofAttached bool
	// MSSCRecordsOnFile says MSSC holds the records of the activity, so no
	// proof is needed: MSSC courses taught by an MSSC-authorized
	// instructor, or service on an MSSC panel.
	MSSCRecordsOnFile bool
	// ReviewerPoints is the figure a reviewer set; where set it is final
	// and replaces the proposed points. Zero means the claim was rejected.
	ReviewerPoints *int
	// ReviewerReason says why the reviewer set ReviewerPoints; it is
	// required with them.
	ReviewerReason string
	// Provider is the training provider, employer or organization, as
	// the candidate writes it; the activity's form letter shows it.
	Provider string
	// Description describes the course, job or service for the activity's
	// form letter.
	Description string
}

// PointsCycle is the recertification cycle points are counted in.
type PointsCycle struct {
	// CertifiedOn is the first day of the cycle.
	CertifiedOn catalog.Date
	// ExpiresOn is the last day of the cycle: an activity completed on it
	// still counts, and it belongs to the last cycle year.
	ExpiresOn catalog.Date
}

// PointsReport is the outcome of ComputePoints: what each activity earns,
// why, and what is still missing.
type PointsReport struct {
	// Program is the program the points were counted for.
	Program catalog.Program
	// Cycle is the cycle the points were counted in.
	Cycle PointsCycle
	// Required is the number of points needed to recertify.
	Required int
	// Total is the sum of the final points of every activity.
	Total int
	// Shortfall is how many points are missing to Required; 0 when met.
	Shortfall int
	// ByCategory are the totals of the four categories, in the guide's order.
	ByCategory []CategoryPoints
	// Activities are the points of each activity, in the order given.
	Activities []ActivityPoints
	// EmploymentYears show how each cycle year of employment was scored,
	// for the activities without a reviewer's figure, by kind and year.
	EmploymentYears []EmploymentYear
	// Warnings point out what lowered or may lower the points.
	Warnings []PointsWarning
	// AsOfExpiration is the projection in which ongoing activities go on
	// to their expected end or to the end of the cycle.
	AsOfExpiration PointsProjection
}

// CategoryPoints is the total of one point category.
type CategoryPoints struct {
	// Category is the point category.
	Category catalog.PointCategory
	// Points is its total.
	Points int
}

// ActivityPoints is what one activity earns and the rule that decided it.
type ActivityPoints struct {
	// ActivityID is the activity's ID.
	ActivityID int64
	// Category is the activity's point category.
	Category catalog.PointCategory
	// TypeKey is the activity's type.
	TypeKey string
	// Proposed is the figure the rules produce.
	Proposed int
	// Rule is the rule that produced Proposed, in plain words.
	Rule PointsRule
	// ReviewerPoints is the reviewer's figure, if set; it is final.
	ReviewerPoints *int
	// ReviewerReason is the reason the reviewer gave.
	ReviewerReason string
	// Points is the final figure: the reviewer's where set, else Proposed.
	Points int
	// AsOfExpiration is the final figure if ongoing activities go on to
	// their expected end or to the end of the cycle.
	AsOfExpiration int
}

// PointsRule is a rule of the points engine applied to an activity.
type PointsRule struct {
	// Code names the rule; codes are stable.
	Code PointsRuleCode
	// Description says what the rule decided, in plain words.
	Description string
}

// PointsRuleCode names a rule the points engine applies.
type PointsRuleCode string

// The rules that produce an activity's proposed points.
const (
	// PointsRuleTypeAward: the activity type's points for one activity.
	PointsRuleTypeAward PointsRuleCode = "TYPE_AWARD"
	// PointsRuleCreditHoursRow: the points of the for-credit row the credit hours fall in.
	PointsRuleCreditHoursRow PointsRuleCode = "CREDIT_HOURS_ROW"
	// PointsRuleEmploymentBands: direct employment scored per cycle year by the employment bands.
	PointsRuleEmploymentBands PointsRuleCode = "EMPLOYMENT_BANDS"
	// PointsRuleInternship: an internship earns the internship point in a cycle year that earns no band.
	PointsRuleInternship PointsRuleCode = "INTERNSHIP_POINT"
	// PointsRuleInstructorYears: the type's points for each cycle year with a course taught.
	PointsRuleInstructorYears PointsRuleCode = "INSTRUCTOR_YEARS"
	// PointsRuleMilitaryActive: active duty per cycle year, partial years in the part-time column.
	PointsRuleMilitaryActive PointsRuleCode = "MILITARY_ACTIVE_YEARS"
	// PointsRuleMilitaryReserve: Reserve or Guard service proposed at a share of active duty.
	PointsRuleMilitaryReserve PointsRuleCode = "MILITARY_RESERVE_SHARE"
	// PointsRuleExtraHours: an Extra activity proposed by its hours of service.
	PointsRuleExtraHours PointsRuleCode = "EXTRA_HOURS"
	// PointsRuleOutsideCycle: the activity falls outside the cycle and earns nothing.
	PointsRuleOutsideCycle PointsRuleCode = "OUTSIDE_CYCLE"
	// PointsRuleDuplicate: the same course, certification, job or instructor claim is claimed again and earns nothing.
	PointsRuleDuplicate PointsRuleCode = "DUPLICATE_CLAIM"
	// PointsRuleTrainingBesideCertification: training whose certification is also claimed earns nothing.
	PointsRuleTrainingBesideCertification PointsRuleCode = "TRAINING_BESIDE_CERTIFICATION"
	// PointsRuleTrainingTowardListed: training toward a pre-approved certification earns nothing.
	PointsRuleTrainingTowardListed PointsRuleCode = "TRAINING_TOWARD_LISTED_CERTIFICATION"
	// PointsRuleNotPassed: a for-credit course that was not passed earns nothing.
	PointsRuleNotPassed PointsRuleCode = "NOT_PASSED"
	// PointsRuleCertificationNotListed: the certification is not on the pre-approved list.
	PointsRuleCertificationNotListed PointsRuleCode = "CERTIFICATION_NOT_LISTED"
	// PointsRuleProgramNotEligible: the certification does not count for the program.
	PointsRuleProgramNotEligible PointsRuleCode = "PROGRAM_NOT_ELIGIBLE"
	// PointsRuleCertificationNotCounting: the entry was not approved, or was retired, on the completion date.
	PointsRuleCertificationNotCounting PointsRuleCode = "CERTIFICATION_NOT_COUNTING"
	// PointsRuleInvalid: the activity is not valid and earns nothing until corrected.
	PointsRuleInvalid PointsRuleCode = "INVALID_ACTIVITY"
	// PointsRuleInvalidCycle: the cycle is not valid, so nothing is counted.
	PointsRuleInvalidCycle PointsRuleCode = "INVALID_CYCLE"
)

// PointsWarning points out something about one or more activities that
// lowered their points or needs the candidate's attention.
type PointsWarning struct {
	// Code names the warning; codes are stable.
	Code PointsWarningCode
	// ActivityIDs are the activities it is about.
	ActivityIDs []int64
	// Message says what is wrong and what counts instead.
	Message string
}

// PointsWarningCode names a kind of PointsWarning.
type PointsWarningCode string

// The warnings of the points engine.
const (
	// WarningActivityOutsideCycle: an activity, or part of a period, falls outside the cycle.
	WarningActivityOutsideCycle PointsWarningCode = "ACTIVITY_OUTSIDE_CYCLE"
	// WarningDuplicateClaim: the same course, certification, job or instructor claim is claimed more than once; it counts once.
	WarningDuplicateClaim PointsWarningCode = "DUPLICATE_CLAIM"
	// WarningTrainingBesideCertification: a training and the certification it led to are both claimed; only the certification counts.
	WarningTrainingBesideCertification PointsWarningCode = "TRAINING_BESIDE_CERTIFICATION"
	// WarningTrainingTowardListed: training toward a pre-approved certification does not count; the certification would.
	WarningTrainingTowardListed PointsWarningCode = "TRAINING_TOWARD_LISTED_CERTIFICATION"
	// WarningOverlappingEmploymentMerged: overlapping periods were merged and counted once.
	WarningOverlappingEmploymentMerged PointsWarningCode = "OVERLAPPING_EMPLOYMENT_MERGED"
	// WarningMissingProof: the proof the activity type asks for is not attached.
	WarningMissingProof PointsWarningCode = "MISSING_PROOF"
	// WarningNotPassed: a for-credit course that was not passed earns nothing.
	WarningNotPassed PointsWarningCode = "NOT_PASSED"
	// WarningPassNotStated: a for-credit course counts only if passed, and the candidate has not said so.
	WarningPassNotStated PointsWarningCode = "PASS_NOT_STATED"
	// WarningCreditHoursMismatch: the credit hours do not fall in the claimed for-credit row.
	WarningCreditHoursMismatch PointsWarningCode = "CREDIT_HOURS_MISMATCH"
	// WarningBelowPartTimeHours: a job's weekly hours are under the part-time minimum on their own.
	WarningBelowPartTimeHours PointsWarningCode = "BELOW_PART_TIME_HOURS"
	// WarningNoCourseTaught: an instructor claim names no cycle year with a course taught.
	WarningNoCourseTaught PointsWarningCode = "NO_COURSE_TAUGHT"
	// WarningCertificationNotListed: the certification is not on the pre-approved list.
	WarningCertificationNotListed PointsWarningCode = "CERTIFICATION_NOT_LISTED"
	// WarningProgramNotEligible: the certification does not count for the program.
	WarningProgramNotEligible PointsWarningCode = "PROGRAM_NOT_ELIGIBLE"
	// WarningCertificationNotCounting: the catalog entry did not count on the completion date.
	WarningCertificationNotCounting PointsWarningCode = "CERTIFICATION_NOT_COUNTING"
	// WarningInvalidActivity: the activity is not valid and earns nothing until corrected.
	WarningInvalidActivity PointsWarningCode = "INVALID_ACTIVITY"
	// WarningInvalidCycle: the cycle's dates are missing or out of order.
	WarningInvalidCycle PointsWarningCode = "INVALID_CYCLE"
)

// EmploymentYear shows how one cycle year of one kind of employment was
// scored.
type EmploymentYear struct {
	// Year is the cycle year's number, from 1.
	Year int
	// From is the first day of the cycle year.
	From catalog.Date
	// To is the last day of the cycle year.
	To catalog.Date
	// TypeKey is the activity type scored: "e-direct", "e-military-active",
	// "e-military-reserve", or the instructor type that earned the year.
	TypeKey string
	// FullTimeDays are the days counted full-time (all days, for military service).
	FullTimeDays int
	// PartTimeDays are the days counted part-time.
	PartTimeDays int
	// Points is what the year earns.
	Points int
	// Description says how the points were found.
	Description string
	// ActivityIDs are the activities that share the year's points.
	ActivityIDs []int64
}

// PointsProjection is the report's second reading, in which ongoing
// activities go on to their expected end or to the end of the cycle.
type PointsProjection struct {
	// Total is the projected total.
	Total int
	// Shortfall is how many points would still be missing; 0 when met.
	Shortfall int
	// ByCategory are the projected totals of the four categories.
	ByCategory []CategoryPoints
}
