package points

import (
	"fmt"
	"math"
	"strings"

	"github.com/mssc/recert/catalog"
)

// ValidateActivity checks one claimed activity against the rule tables:
// a known type of the stated category, dates in order and not in the
// future (an Ongoing period may end later), hours that make sense, the
// fields its type needs, and a reviewer figure within the type's range
// with its reason. Field names are prefix followed by the field, such as
// "activities.2.hours" for prefix "activities.2.". It returns nil when the
// activity is valid.
func ValidateActivity(prefix string, a Activity, rb *Rulebook, now catalog.Date) []*catalog.Error {
	var errs []*catalog.Error
	add := func(field, format string, args ...any) {
		errs = append(errs, catalog.Invalid(prefix+field, format, args...))
	}
	validateActivityNumbers(a, add)
	validateActivityDates(a, now, add)
	t, ok := rb.types[a.TypeKey]
	if !ok {
		add("typeKey", "%q is not an activity type of the rule table", a.TypeKey)
		return errs
	}
	if a.Category != t.Category {
		add("category", "activity type %q belongs to %s, not to %q", t.Key, t.Category, a.Category)
	}
	kind := rb.kindOf(t)
	switch kind {
	case kindUnsupported:
		add("typeKey", "the points engine has no rule for activity type %q", t.Key)
	case kindCourse, kindForCredit:
		needActivityTitle(a, add)
		needActivityDate(a.CompletedOn, "completedOn", "the completion date is required", add)
	case kindCertification:
		if strings.TrimSpace(a.CertificationKey) == "" {
			add("certificationKey", "name the catalog entry of the certification")
		}
		needActivityDate(a.CompletedOn, "completedOn", "the date the certification was earned is required", add)
	case kindDirect, kindMilitaryActive, kindMilitaryReserve:
		needActivityDate(a.StartOn, "startOn", "the start date is required", add)
		if !a.Ongoing {
			needActivityDate(a.EndOn, "endOn", "the end date is required unless the activity is ongoing", add)
		}
		if kind == kindDirect && a.WeeklyHours <= 0 {
			add("weeklyHours", "the average hours a week are required for direct employment")
		}
	case kindInstructor:
		for year, courses := range a.CoursesTaught {
			if year < 1 || year > rb.cycleYears {
				add(fmt.Sprintf("coursesTaught.%d", year), "cycle years are numbered 1 to %d", rb.cycleYears)
			}
			if courses < 0 {
				add(fmt.Sprintf("coursesTaught.%d", year), "the number of courses taught cannot be negative")
			}
		}
	case kindExtra:
		needActivityTitle(a, add)
		if !dateGiven(a.CompletedOn) && !dateGiven(a.StartOn) {
			add("completedOn", "the date of the activity, or the start of the service, is required")
		}
	}
	validateActivityFieldsOfType(a, t, kind, add)
	validateReviewerPoints(a, t, rb, add)
	return errs
}

// validateActivityNumbers checks that hours are real numbers in range.
func validateActivityNumbers(a Activity, add func(string, string, ...any)) {
	for _, f := range []struct {
		field string
		value float64
		max   float64
	}{
		{"hours", a.Hours, math.MaxFloat64},
		{"weeklyHours", a.WeeklyHours, maxWeeklyHours},
		{"creditHours", a.CreditHours, math.MaxFloat64},
	} {
		switch {
		case math.IsNaN(f.value) || math.IsInf(f.value, 0):
			add(f.field, "must be a number")
		case f.value < 0:
			add(f.field, "cannot be negative")
		case f.value > f.max:
			add(f.field, "cannot be more than %v, the hours in a week", f.max)
		}
	}
}

// validateActivityDates checks that dates are in order and not in the future.
func validateActivityDates(a Activity, now catalog.Date, add func(string, string, ...any)) {
	if dateGiven(a.CompletedOn) && a.CompletedOn.After(now) {
		add("completedOn", "the completion date %s is in the future", a.CompletedOn)
	}
	if dateGiven(a.StartOn) && a.StartOn.After(now) {
		add("startOn", "the start date %s is in the future", a.StartOn)
	}
	if dateGiven(a.EndOn) {
		switch {
		case !dateGiven(a.StartOn):
			add("startOn", "a period with an end date needs a start date")
		case a.EndOn.Before(*a.StartOn):
			add("endOn", "the end date %s is before the start date %s", a.EndOn, a.StartOn)
		}
		switch {
		case a.Ongoing && a.EndOn.Before(now):
			add("endOn", "an ongoing activity cannot have ended on %s; clear ongoing or the end date", a.EndOn)
		case !a.Ongoing && a.EndOn.After(now):
			add("endOn", "the end date %s is in the future; mark the activity ongoing instead", a.EndOn)
		}
	}
}

// validateActivityFieldsOfType rejects fields that do not belong to the type.
func validateActivityFieldsOfType(a Activity, t catalog.ActivityType, kind activityKind, add func(string, string, ...any)) {
	if a.Internship && kind != kindDirect {
		add("internship", "only direct employment can be an internship")
	}
	if a.CreditHours > 0 && kind != kindForCredit {
		add("creditHours", "only for-credit courses have credit hours")
	}
	if a.Passed != nil && kind != kindForCredit {
		add("passed", "only for-credit courses are passed or failed")
	}
	if a.WeeklyHours > 0 && kind != kindDirect {
		add("weeklyHours", "weekly hours belong to direct employment only")
	}
	if len(a.CoursesTaught) > 0 && kind != kindInstructor {
		add("coursesTaught", "courses taught belong to instructor employment only")
	}
	if a.Hours > 0 && kind != kindExtra {
		add("hours", "hours of service belong to Extra activities only")
	}
	if a.CertificationKey != "" && kind != kindCertification {
		add("certificationKey", "only an Industry Certification names a catalog entry; a training names it as ledToCertificationKey")
	}
	if a.LedToCertificationKey != "" && t.Category != catalog.CategoryContinuingEducation {
		add("ledToCertificationKey", "only Continuing Education can lead to a certification")
	}
	if a.Ongoing && (kind == kindCourse || kind == kindForCredit || kind == kindCertification) {
		add("ongoing", "only a period of employment, service or membership can be ongoing")
	}
	if a.MSSCRecordsOnFile && !proofWaivable(t.Key) {
		add("msscRecordsOnFile", "MSSC holds the records only of MSSC courses taught by an MSSC-authorized instructor and of MSSC panel service")
	}
}

// validateReviewerPoints checks the reviewer's figure: 0 rejects the claim;
// otherwise it lies in the type's range (per year, times the cycle years).
func validateReviewerPoints(a Activity, t catalog.ActivityType, rb *Rulebook, add func(string, string, ...any)) {
	if a.ReviewerPoints == nil {
		return
	}
	p, top := *a.ReviewerPoints, rb.reviewerMax(t)
	least := t.MinPoints
	if t.Per == catalog.PerYear {
		least = 0
	}
	if p != 0 && (p < least || p > top) {
		if least >= top {
			add("reviewerPoints", "the reviewer may set 0 (not counted) or %d points for %s", top, t.Name)
		} else {
			add("reviewerPoints", "the reviewer may set 0 (not counted) or %d to %d points for %s", max(least, 1), top, t.Name)
		}
	}
	if strings.TrimSpace(a.ReviewerReason) == "" {
		add("reviewerReason", "the reviewer's figure needs a reason")
	}
}

func needActivityTitle(a Activity, add func(string, string, ...any)) {
	if strings.TrimSpace(a.Title) == "" {
		add("title", "the title is required")
	}
}

func needActivityDate(d *catalog.Date, field, message string, add func(string, string, ...any)) {
	if !dateGiven(d) {
		add(field, "%s", message)
	}
}

// dateGiven reports whether d names a day.
func dateGiven(d *catalog.Date) bool { return d != nil && !d.IsZero() }
