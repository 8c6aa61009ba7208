package credtext

import "github.com/mssc/recert/catalog/points"

// ContinuingEducationRow returns the key of the rule table's row of
// Continuing Education that a course's normalized text names: a college
// course by its credit hours (minCreditHours and more are the row of more
// hours, fewer the other), a non-credit course, military training, or
// else third-party training.
func ContinuingEducationRow(text string, minCreditHours float64) string {
	switch credits := float64(CreditHours(text)); {
	case credits > 0 && credits >= minCreditHours:
		return points.TypeForCreditPlus
	case credits > 0:
		return points.TypeForCreditUnder
	case HasAny(text, NonCreditWords):
		return points.TypeNonCredit
	case HasAny(text, MilitaryWords):
		return points.TypeMilitaryTraining
	}
	return points.TypeThirdPartyTraining
}
