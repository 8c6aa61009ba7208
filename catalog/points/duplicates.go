package points

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// A course or certification counts once per cycle (DOMAIN decision 9), and
// the same course is the same title, compared without case, spacing or
// punctuation, whatever Continuing Education row or date it is claimed
// under (decision 15): it counts once, at its larger figure, and every
// other claim of it earns 0 with a DUPLICATE_CLAIM warning. The same
// certification is the same catalog entry. The same job (or period of
// service) is the same type, title, days and weekly hours, and the same
// instructor claim the same type, title and years taught: claimed twice, it
// counts once, since two claims of one job are not two jobs whose hours add
// up.

// duplicates lets a course, certification or period claimed more than
// once count once: the claim that earns the most counts, its figure being
// the reviewer's where one is set; on a tie, the claim made first (the
// lowest activity ID), so that the order the claims are listed in never
// changes the totals.
func (e *pointsEngine) duplicates() {
	groups := map[string][]*pointsItem{}
	var order []string
	for _, it := range e.valid() {
		key, ok := duplicateKey(it)
		if !ok {
			continue
		}
		if _, seen := groups[key]; !seen {
			order = append(order, key)
		}
		groups[key] = append(groups[key], it)
	}
	for _, key := range order {
		group := groups[key]
		if len(group) < 2 {
			continue
		}
		best := group[0]
		for _, it := range group[1:] {
			if f, b := it.figure(), best.figure(); f > b || (f == b && it.a.ID < best.a.ID) {
				best = it
			}
		}
		ids := make([]int64, len(group))
		for i, it := range group {
			ids[i] = it.a.ID
			if it != best {
				it.zero(PointsRuleDuplicate, "the same %s is claimed as activity %d, which counts instead", duplicateNoun(it), best.a.ID)
			}
		}
		name := best.a.Title
		if best.kind == kindCertification {
			name = best.a.CertificationKey
		}
		e.warn(WarningDuplicateClaim, ids, "%q is claimed %d times: a %s counts once per cycle, so only activity %d counts", name, len(group), duplicateNoun(best), best.a.ID)
	}
}

// figure is what the claim earns before any duplicate is set aside: the
// reviewer's figure where one is set, else the proposed one.
func (it *pointsItem) figure() int {
	if it.a.ReviewerPoints != nil {
		return *it.a.ReviewerPoints
	}
	return it.proposed
}

// duplicateKey is what makes two claims the same: for a course, its
// title without case, spacing or punctuation, whatever its row; for a
// certification, its catalog entry; for a period without a reviewer's
// figure, its type, title, days and hours (a reviewed period is scored on
// its own, so it cannot add hours to another); for an instructor claim
// without one, its type, title and the years with a course taught. Extra
// activities have none: two of them are two activities.
func duplicateKey(it *pointsItem) (string, bool) {
	a := it.a
	switch it.kind {
	case kindCertification:
		return "certification|" + strings.ToLower(strings.TrimSpace(a.CertificationKey)), true
	case kindCourse, kindForCredit:
		return "course|" + SameTitleKey(a.Title), true
	case kindInstructor:
		if a.ReviewerPoints != nil {
			return "", false
		}
		var years []int
		for y, courses := range a.CoursesTaught {
			if courses > 0 {
				years = append(years, y)
			}
		}
		slices.Sort(years)
		return fmt.Sprintf("instructor|%s|%s|%v", a.TypeKey, SameTitleKey(a.Title), years), true
	case kindDirect, kindMilitaryActive, kindMilitaryReserve:
		if a.ReviewerPoints != nil {
			return "", false
		}
		end := "ongoing"
		if dateGiven(a.EndOn) {
			end = a.EndOn.String()
			if a.Ongoing {
				end = "ongoing to " + end
			}
		}
		return fmt.Sprintf("period|%s|%s|%s|%s|%v|%v", a.TypeKey, SameTitleKey(a.Title), a.StartOn, end, a.WeeklyHours, a.Internship), true
	}
	return "", false
}

// duplicateNoun names what a claim is, for the duplicate messages.
func duplicateNoun(it *pointsItem) string {
	switch it.kind {
	case kindCertification:
		return "certification"
	case kindCourse, kindForCredit:
		return "course"
	}
	return "period of " + strings.ToLower(it.t.Name)
}

// SameTitleKey reduces a title to what decides whether two claims name the
// same course (DOMAIN decision 15): its letters and digits, in lower case,
// without spacing or punctuation. "Course 3", "course-3" and "COURSE  3."
// give the same key.
func SameTitleKey(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
