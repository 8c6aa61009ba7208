package points

import (
	"errors"
	"fmt"
	"github.com/mssc/recert/catalog"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Activity type keys the points engine gives a rule of its own. Every
// figure comes from the rows these keys name.
const (
	typeDirectEmployment  = "e-direct"
	typeMSSCInstructor    = "e-mssc-instructor"
	typeOtherInstructor   = "e-other-instructor"
	typeMilitaryActive    = "e-military-active"
	typeMilitaryReserve   = "e-military-reserve"
	typeCommitteeOrPanels = "x-committee"
)

// The keys of the rule table's rows of Continuing Education, under which
// a course or training is claimed: a for-credit course of the row of more
// credit hours or of the other, a non-credit course, third-party or
// employer training, military training.
const (
	TypeForCreditPlus      = "ce-for-credit-3-plus"
	TypeForCreditUnder     = "ce-for-credit-under-3"
	TypeNonCredit          = "ce-non-credit"
	TypeThirdPartyTraining = "ce-third-party"
	TypeMilitaryTraining   = "ce-military"
)

// requiredTypes are the activity types the engine reads, with the category
// each must have.
var requiredTypes = []struct {
	key      string
	category catalog.PointCategory
}{
	{TypeForCreditPlus, catalog.CategoryContinuingEducation},
	{TypeForCreditUnder, catalog.CategoryContinuingEducation},
	{TypeNonCredit, catalog.CategoryContinuingEducation},
	{TypeThirdPartyTraining, catalog.CategoryContinuingEducation},
	{TypeMilitaryTraining, catalog.CategoryContinuingEducation},
	{"ic-certification", catalog.CategoryIndustryCertification},
	{typeDirectEmployment, catalog.CategoryEmployment},
	{typeMSSCInstructor, catalog.CategoryEmployment},
	{typeOtherInstructor, catalog.CategoryEmployment},
	{typeMilitaryActive, catalog.CategoryEmployment},
	{typeMilitaryReserve, catalog.CategoryEmployment},
	{"x-volunteer", catalog.CategoryExtra},
	{typeCommitteeOrPanels, catalog.CategoryExtra},
}

// proofWaivedByMSSCRecords names the activity types whose proof MSSC holds
// itself when the activity is MSSC's own: MSSC courses taught by an
// MSSC-authorized instructor ("MSSC-authorized instructors do not need to
// submit employment verification for MSSC courses taught") and service on
// an MSSC panel ("MSSC volunteers do not need to provide proof"). The
// rule tables have no column for it, so this is the one place it lives.
var proofWaivedByMSSCRecords = []string{typeMSSCInstructor, typeCommitteeOrPanels}

// Rule keys the engine reads.
const (
	keyRulePointsRequired     = "points_required"
	keyRuleCycleYears         = "cycle_years"
	keyRuleFullYearMinWeeks   = "full_year_min_weeks"
	keyRuleFullTimeAbove      = "full_time_min_weekly_hours_exclusive"
	keyRulePartTimeMin        = "part_time_min_weekly_hours"
	keyRuleAverageMonthDays   = "average_month_days"
	keyRuleExtraHoursPerPoint = "extra_hours_per_point"
	keyRuleReservePercent     = "reserve_guard_percent_of_active"
	// keyRuleForCreditMinHours is optional: without it the threshold is read
	// from the name of the ce-for-credit-3-plus row, "(≥ 3 hours)".
	keyRuleForCreditMinHours = "for_credit_min_credit_hours"
)

// activityKind is how the engine scores an activity type.
type activityKind int

// The kinds of activity type.
const (
	kindUnsupported activityKind = iota
	kindCourse
	kindForCredit
	kindCertification
	kindDirect
	kindInstructor
	kindMilitaryActive
	kindMilitaryReserve
	kindExtra
)

// maxWeeklyHours bounds weekly hours: there are no more hours in a week.
const maxWeeklyHours = 7 * 24

// Rulebook holds every figure the points engine uses, read from the rule
// tables: the activity types, the employment bands and the rule figures.
// It is immutable once built: nothing writes to it after NewRulebook or
// NewRulebookFromTables returns, so one rulebook is shared by every
// reader of a snapshot (RulebookOf), across goroutines.
type Rulebook struct {
	types              map[string]catalog.ActivityType
	fullYear           catalog.EmploymentBand
	monthBands         []catalog.EmploymentBand
	internship         catalog.EmploymentBand
	pointsRequired     int
	cycleYears         int
	fullYearMinWeeks   int
	fullTimeAbove      float64
	partTimeMin        float64
	monthDays          float64
	extraHoursPerPoint float64
	reservePercent     float64
	forCreditMinHours  float64
	certifications     map[string]*catalog.Certification
}

// dayFigures are the keys of the rule figures, in whole days, that the
// application windows and fees, the catalog reviews and the reminders read.
var dayFigures = []string{"application_window_days", "extension_days", "bundle_expiry_window_days", "free_detailed_review_days", "decision_days", "catalog_review_days", "catalog_review_max_delay_days", "contact_before_expiration_days", "staff_due_soon_days"}

// Figures are the day figures of a snapshot's rule tables, each read and
// validated once. A figure that is missing or malformed answers nothing:
// reading it stops with the problem, which names it. The catalog serves no
// snapshot with such a figure (Require), so only a snapshot built around
// the catalog can meet one.
type Figures struct {
	days     map[string]int
	problems map[string]error
}

// readFigures reads the day figures of the rules, each of which must be a
// whole number of days, 0 or more.
func readFigures(rules []*catalog.Rule) Figures {
	f := Figures{days: map[string]int{}, problems: map[string]error{}}
	byKey := make(map[string]float64, len(rules))
	for _, r := range rules {
		byKey[r.Key] = r.Value
	}
	for _, key := range dayFigures {
		v, ok := byKey[key]
		switch {
		case !ok:
			f.problems[key] = fmt.Errorf("the rule table has no %q row", key)
		case math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v != math.Trunc(v):
			f.problems[key] = fmt.Errorf("rule %q is %v; it must be a whole number of days, 0 or more", key, v)
		default:
			f.days[key] = int(v)
		}
	}
	return f
}

// check returns every problem of the figures, in the order of dayFigures.
func (f Figures) check() error {
	var problems []error
	for _, key := range dayFigures {
		if err := f.problems[key]; err != nil {
			problems = append(problems, err)
		}
	}
	return errors.Join(problems...)
}

// day returns the figure, validated.
func (f Figures) day(key string) int {
	if err := f.problems[key]; err != nil {
		panic(err)
	}
	return f.days[key]
}

// ApplicationWindowDays is how many days before expiration the application window opens (application_window_days).
func (f Figures) ApplicationWindowDays() int { return f.day("application_window_days") }

// ExtensionDays is how long an extension may run past expiration (extension_days).
func (f Figures) ExtensionDays() int { return f.day("extension_days") }

// BundleExpiryWindowDays is how far apart the expirations of a bundled CPT and CLT application may be (bundle_expiry_window_days).
func (f Figures) BundleExpiryWindowDays() int { return f.day("bundle_expiry_window_days") }

// FreeDetailedReviewDays is how long after a denial a detailed review costs the lower fee (free_detailed_review_days).
func (f Figures) FreeDetailedReviewDays() int { return f.day("free_detailed_review_days") }

// DecisionDays is how long staff have to answer (decision_days).
func (f Figures) DecisionDays() int { return f.day("decision_days") }

// CatalogReviewDays is how long staff have to answer a catalog review (catalog_review_days).
func (f Figures) CatalogReviewDays() int { return f.day("catalog_review_days") }

// CatalogReviewMaxDelayDays is how long an open catalog review may delay an application's decision (catalog_review_max_delay_days).
func (f Figures) CatalogReviewMaxDelayDays() int { return f.day("catalog_review_max_delay_days") }

// ContactBeforeExpirationDays is how long before expiration a candidate is told to contact MSSC (contact_before_expiration_days).
func (f Figures) ContactBeforeExpirationDays() int { return f.day("contact_before_expiration_days") }

// StaffDueSoonDays is how soon a decision counts as due in the staff digest (staff_due_soon_days).
func (f Figures) StaffDueSoonDays() int { return f.day("staff_due_soon_days") }

// figuresKey keys a snapshot's day figures among its derived values.
type figuresKey struct{}

// FiguresOf returns the snapshot's day figures, read once per snapshot.
func FiguresOf(s *catalog.Snapshot) Figures {
	f, _ := s.Derived(figuresKey{}, func(s *catalog.Snapshot) (any, error) { return readFigures(s.Rules()), nil })
	return f.(Figures)
}

// rulebookKey keys a snapshot's rulebook among its derived values.
type rulebookKey struct{}

// RulebookOf returns the snapshot's rulebook, built and validated once per
// snapshot. It fails, naming every problem, when a row or figure the
// engine needs is missing or malformed.
func RulebookOf(s *catalog.Snapshot) (*Rulebook, error) {
	rb, err := s.Derived(rulebookKey{}, func(s *catalog.Snapshot) (any, error) { return NewRulebook(s) })
	if err != nil {
		return nil, err
	}
	return rb.(*Rulebook), nil
}

// Require checks that the snapshot's rule tables make a valid rulebook and
// valid day Figures, naming every missing or malformed figure: the catalog serves no
// snapshot that fails it.
func Require(s *catalog.Snapshot) error {
	_, err := RulebookOf(s)
	if ferr := FiguresOf(s).check(); ferr != nil {
		err = errors.Join(err, fmt.Errorf("the rule tables cannot drive the windows and fees: %w", ferr))
	}
	return err
}

// NewRulebook builds the points engine's rulebook from a catalog snapshot,
// including its certifications, so that Industry Certification claims are
// checked against the pre-approved list and the program. It builds a new
// one at every call: the services read the snapshot's own through
// RulebookOf, which builds it once per snapshot.
func NewRulebook(s *catalog.Snapshot) (*Rulebook, error) {
	var types []catalog.ActivityType
	for _, t := range s.ActivityTypes(nil) {
		types = append(types, *t)
	}
	var bands []catalog.EmploymentBand
	for _, b := range s.EmploymentBands() {
		bands = append(bands, *b)
	}
	var rules []catalog.Rule
	for _, r := range s.Rules() {
		rules = append(rules, *r)
	}
	rb, err := NewRulebookFromTables(types, bands, rules)
	if err != nil {
		return nil, err
	}
	rb.certifications = make(map[string]*catalog.Certification, len(s.Certifications()))
	for _, c := range s.Certifications() {
		rb.certifications[strings.ToLower(c.Key)] = c
	}
	return rb, nil
}

// NewRulebookFromTables builds the rulebook from the three rule tables
// alone. Without the catalog, Industry Certification claims are not
// checked against the pre-approved list. It fails, naming every problem,
// when a row the engine needs is missing or a figure makes no sense.
func NewRulebookFromTables(types []catalog.ActivityType, bands []catalog.EmploymentBand, rules []catalog.Rule) (*Rulebook, error) {
	rb := &Rulebook{types: make(map[string]catalog.ActivityType, len(types))}
	var problems []error
	fail := func(format string, args ...any) {
		problems = append(problems, fmt.Errorf(format, args...))
	}
	for _, t := range types {
		if _, dup := rb.types[t.Key]; dup {
			fail("activity type %q appears twice", t.Key)
		}
		rb.types[t.Key] = t
		if t.MinPoints < 0 || t.MaxPoints < t.MinPoints {
			fail("activity type %q has points %d to %d; they must be 0 or more, the least first", t.Key, t.MinPoints, t.MaxPoints)
		}
	}
	for _, want := range requiredTypes {
		t, ok := rb.types[want.key]
		switch {
		case !ok:
			fail("the activity type table has no %q row", want.key)
		case t.Category != want.category:
			fail("activity type %q is in category %s; the points engine needs it in %s", want.key, t.Category, want.category)
		}
	}
	rb.readBands(bands, fail)
	rb.readRules(rules, fail)
	if len(problems) > 0 {
		return nil, fmt.Errorf("the rule tables cannot drive the points engine: %w", errors.Join(problems...))
	}
	return rb, nil
}

// readBands picks the employment bands by kind.
func (rb *Rulebook) readBands(bands []catalog.EmploymentBand, fail func(string, ...any)) {
	count := map[catalog.BandKind]int{}
	for _, b := range bands {
		count[b.Kind]++
		switch b.Kind {
		case catalog.BandFullYear:
			rb.fullYear = b
		case catalog.BandMonths, catalog.BandUnderThreeMonths:
			if b.MaxMonths < b.MinMonths || b.MinMonths < 0 {
				fail("employment band %q covers months %d to %d; the least must come first", b.Key, b.MinMonths, b.MaxMonths)
			}
			rb.monthBands = append(rb.monthBands, b)
		case catalog.BandInternship:
			rb.internship = b
			if b.MinWeeks <= 0 {
				fail("the internship band %q needs its least number of weeks", b.Key)
			}
		default:
			fail("employment band %q has the unknown kind %q", b.Key, b.Kind)
		}
	}
	for _, kind := range []catalog.BandKind{catalog.BandFullYear, catalog.BandInternship} {
		switch count[kind] {
		case 0:
			fail("the employment band table has no %s row", kind)
		case 1:
		default:
			fail("the employment band table has %d %s rows; it needs one", count[kind], kind)
		}
	}
	if count[catalog.BandMonths] == 0 {
		fail("the employment band table has no %s rows", catalog.BandMonths)
	}
	if count[catalog.BandUnderThreeMonths] == 0 {
		fail("the employment band table has no %s row", catalog.BandUnderThreeMonths)
	}
	slices.SortFunc(rb.monthBands, func(a, b catalog.EmploymentBand) int { return a.MinMonths - b.MinMonths })
	for i := 1; i < len(rb.monthBands); i++ {
		if rb.monthBands[i].MinMonths <= rb.monthBands[i-1].MaxMonths {
			fail("employment bands %q and %q cover the same months", rb.monthBands[i-1].Key, rb.monthBands[i].Key)
		}
	}
}

// readRules reads the rule figures.
func (rb *Rulebook) readRules(rules []catalog.Rule, fail func(string, ...any)) {
	byKey := make(map[string]float64, len(rules))
	for _, r := range rules {
		byKey[r.Key] = r.Value
	}
	figure := func(key string, positive bool) float64 {
		v, ok := byKey[key]
		switch {
		case !ok:
			fail("the rule table has no %q row", key)
		case math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || (positive && v == 0):
			fail("rule %q is %v; it must be a number above 0", key, v)
		}
		return v
	}
	whole := func(key string) int {
		v := figure(key, true)
		if v != math.Trunc(v) {
			fail("rule %q is %v; it must be a whole number", key, v)
		}
		return int(v)
	}
	rb.pointsRequired = whole(keyRulePointsRequired)
	rb.cycleYears = whole(keyRuleCycleYears)
	rb.fullYearMinWeeks = whole(keyRuleFullYearMinWeeks)
	rb.fullTimeAbove = figure(keyRuleFullTimeAbove, true)
	rb.partTimeMin = figure(keyRulePartTimeMin, true)
	rb.monthDays = figure(keyRuleAverageMonthDays, true)
	rb.extraHoursPerPoint = figure(keyRuleExtraHoursPerPoint, true)
	rb.reservePercent = figure(keyRuleReservePercent, false)
	if rb.partTimeMin > rb.fullTimeAbove {
		fail("the part-time minimum of %v hours is above the full-time threshold of %v", rb.partTimeMin, rb.fullTimeAbove)
	}
	if v, ok := byKey[keyRuleForCreditMinHours]; ok {
		rb.forCreditMinHours = v
	} else if t, ok := rb.types[TypeForCreditPlus]; ok {
		rb.forCreditMinHours = creditHoursInName(t.Name)
	}
	if rb.forCreditMinHours <= 0 {
		fail("the credit hours that separate the for-credit rows are neither a %q rule nor written in the %q row's name as \"(≥ N hours)\"",
			keyRuleForCreditMinHours, TypeForCreditPlus)
	}
}

var creditHoursPattern = regexp.MustCompile(`(?:≥|>=)\s*([0-9]+(?:\.[0-9]+)?)`)

// creditHoursInName reads N from a row name such as "For-credit course
// (≥ N hours)", or returns 0.
func creditHoursInName(name string) float64 {
	m := creditHoursPattern.FindStringSubmatch(name)
	if m == nil {
		return 0
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0
	}
	return v
}

// PointsRequired is the number of points needed to recertify.
func (rb *Rulebook) PointsRequired() int { return rb.pointsRequired }

// CycleYears is the number of years of a cycle.
func (rb *Rulebook) CycleYears() int { return rb.cycleYears }

// ForCreditMinHours is the least credit hours of a for-credit course of
// the row of more hours: fewer belong to the other row.
func (rb *Rulebook) ForCreditMinHours() float64 { return rb.forCreditMinHours }

// ActivityType returns the activity type with the given key.
func (rb *Rulebook) ActivityType(key string) (catalog.ActivityType, bool) {
	t, ok := rb.types[key]
	return t, ok
}

// kindOf says how an activity type is scored.
func (rb *Rulebook) kindOf(t catalog.ActivityType) activityKind {
	switch t.Key {
	case TypeForCreditPlus, TypeForCreditUnder:
		return kindForCredit
	case typeDirectEmployment:
		return kindDirect
	case typeMSSCInstructor, typeOtherInstructor:
		return kindInstructor
	case typeMilitaryActive:
		return kindMilitaryActive
	case typeMilitaryReserve:
		return kindMilitaryReserve
	}
	switch t.Category {
	case catalog.CategoryContinuingEducation:
		return kindCourse
	case catalog.CategoryIndustryCertification:
		return kindCertification
	case catalog.CategoryExtra:
		return kindExtra
	}
	return kindUnsupported
}

// proofWaivable reports whether MSSC's own records stand in for the
// proof of an activity of the type.
func proofWaivable(typeKey string) bool { return slices.Contains(proofWaivedByMSSCRecords, typeKey) }

// reviewerMax is the most a reviewer may set for one activity of the type:
// the type's maximum, for each cycle year when it is counted per year.
func (rb *Rulebook) reviewerMax(t catalog.ActivityType) int {
	if t.Per == catalog.PerYear {
		return t.MaxPoints * rb.cycleYears
	}
	return t.MaxPoints
}

// bandColumn is a column of the partial-year employment table.
type bandColumn int

// The two columns of the employment table.
const (
	fullTimeColumn bandColumn = iota
	partTimeColumn
)

func (c bandColumn) String() string {
	if c == fullTimeColumn {
		return "full-time"
	}
	return "part-time"
}

func (c bandColumn) of(b catalog.EmploymentBand) int {
	if c == fullTimeColumn {
		return b.FullTimePoints
	}
	return b.PartTimePoints
}

// band scores days of employment in one cycle year and one column: at
// least full_year_min_weeks covered weeks is a full year, worth
// fullYearPoints; otherwise the whole months covered pick a band.
func (rb *Rulebook) band(days int, col bandColumn, fullYearPoints int) (int, string) {
	weeks := days / 7
	if weeks >= rb.fullYearMinWeeks {
		return fullYearPoints, fmt.Sprintf("%d weeks %s: %s, %d", weeks, col, strings.ToLower(rb.fullYear.Label), fullYearPoints)
	}
	months := rb.wholeMonths(days)
	for _, b := range rb.monthBands {
		if months >= b.MinMonths && months <= b.MaxMonths {
			return col.of(b), fmt.Sprintf("%d whole months %s: %s, %d", months, col, b.Label, col.of(b))
		}
	}
	return 0, fmt.Sprintf("%d whole months %s: no band, 0", months, col)
}

// wholeMonths turns covered days into whole months, floored.
func (rb *Rulebook) wholeMonths(days int) int {
	return int(math.Floor(float64(days) / rb.monthDays))
}

// classify says in which column a day of employment with the given total
// weekly hours counts: above the full-time threshold is full-time, from the
// part-time minimum up to and including the threshold is part-time, and
// below it the day earns nothing.
func (rb *Rulebook) classify(weeklyHours float64) (bandColumn, bool) {
	switch {
	case weeklyHours > rb.fullTimeAbove:
		return fullTimeColumn, true
	case weeklyHours >= rb.partTimeMin:
		return partTimeColumn, true
	}
	return 0, false
}
