package credtext

// ThirdPartyTrainingKey is the key of the rule table's row for
// third-party or employer training, under which Continuing Education is
// claimed unless the text says which other row.
const ThirdPartyTrainingKey = "ce-third-party"

// The keys of the rule table's other rows of Continuing Education that a
// text of training may say it is: a for-credit college course of the row
// of more credit hours or of the other, a non-credit course, military
// training.
const (
	forCreditKey      = "ce-for-credit-3-plus"
	forCreditUnderKey = "ce-for-credit-under-3"
	nonCreditKey      = "ce-non-credit"
	militaryKey       = "ce-military"
)

// ContinuingEducationRow returns the key of the rule table's row of
// Continuing Education that a course's normalized text names: a college
// course by its credit hours (minCreditHours and more are the row of more
// hours, fewer the other), a non-credit course, military training, or
// else third-party training.
func ContinuingEducationRow(text string, minCreditHours float64) string {
	switch credits := float64(CreditHours(text)); {
	case credits >= minCreditHours:
		return forCreditKey
	case credits > 0:
		return forCreditUnderKey
	case HasAny(text, NonCreditWords):
		return nonCreditKey
	case HasAny(text, MilitaryWords):
		return militaryKey
	}
	return ThirdPartyTrainingKey
}
