package application

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/points"
)

// FormLetterKind names one of the guide's five Recertification Letters of
// Confirmation, which a verifier signs as proof of an activity.
type FormLetterKind string

// The guide's five form letters (MSSC guide, "Recertification Letter of
// Confirmation", lines 911-1139).
const (
	// LetterContinuingEducation confirms a non-credit, third-party or
	// employer training course.
	LetterContinuingEducation FormLetterKind = "CONTINUING_EDUCATION"
	// LetterEmployment confirms direct employment.
	LetterEmployment FormLetterKind = "EMPLOYMENT"
	// LetterEmploymentInstructors confirms employment as an instructor.
	LetterEmploymentInstructors FormLetterKind = "EMPLOYMENT_INSTRUCTORS"
	// LetterVolunteer confirms general volunteer activities.
	LetterVolunteer FormLetterKind = "VOLUNTEER"
	// LetterMembership confirms service on boards, committees and panels.
	LetterMembership FormLetterKind = "MEMBERSHIP"
)

// LetterHeading is the title every form letter carries.
const LetterHeading = "Recertification Letter of Confirmation"

// letterWording is one letter's wording as the guide prints it: its
// section title, the instruction under it, the labels of the lines that
// differ between letters, and the verifier's confirmation.
type letterWording struct {
	section, instruction              string
	titleLabel, partyLabel, descLabel string
	descHint, confirmation            string
}

// letterWordings are the five letters in the guide's words, which the
// guide prints verbatim (the Employment letter keeps the guide's
// instruction, which repeats the training letter's).
var letterWordings = map[FormLetterKind]letterWording{
	LetterContinuingEducation: {
		section:     "Continuing Education",
		instruction: "This form letter is to be used for non-traditional training courses and must be signed by the Instructor or Human Resources Department.",
		titleLabel:  "Title of Course", partyLabel: "Training Provider", descLabel: "Course Description",
		descHint:     "(Or attach description from training provider)",
		confirmation: "The Verifier must be the Instructor or HR representative of the company. By signing below, you confirm that the above named candidate is or was employed at your company for the time note above.",
	},
	LetterEmployment: {
		section:     "Employment",
		instruction: "This form letter is to be used for non-traditional training courses and must be signed by the Instructor or Human Resources Department.",
		titleLabel:  "Candidate Job Title", partyLabel: "Name of Employer", descLabel: "Job Description",
		descHint:     "(Or attach description from employer)",
		confirmation: "The Verifier must be the HR representative of the company. By signing below, you confirm that the above named candidate is or was employed at your company for the time note above.",
	},
	LetterEmploymentInstructors: {
		section:     "Employment - Instructors",
		instruction: "This form letter is to be used for employment verification and must be signed by the Instructor or Human Resources Department.",
		titleLabel:  "Candidate Job Title", partyLabel: "Name of Employer", descLabel: "Courses Taught",
		descHint:     "(Or attach list)",
		confirmation: "The Verifier must be the HR representative of the school or Dean of the department. By signing below, you confirm that the above named candidate is or was employed at or through your company for the time noted above.",
	},
	LetterVolunteer: {
		section:     "Extra – General Volunteer",
		instruction: "This form letter is to be used for volunteer activities and must be signed by the volunteer coordinator or other official representative of the volunteer organization.",
		titleLabel:  "Volunteer Function", partyLabel: "Name of Employer", descLabel: "Volunteer Description",
		descHint:     "(Or attach description from agency)",
		confirmation: "The Verifier must be employed by the volunteer organization. By signing below, you confirm that the above named candidate performed the volunteer services as described above.",
	},
	LetterMembership: {
		section: "Extra – Membership",
		instruction: "This form letter is to be used for volunteer activities that include service on Boards, Committees and Panels of manufacturing or logistics organizations. " +
			"If you are on an MSSC Committee or Panel, you do not need to complete this form. If you are on another committee or panel and there is a published list of this group, " +
			"you may provide only the list that shows your membership. If no such list exists, you must have this form signed by the committee chair or secretary.",
		titleLabel: "Group Name", partyLabel: "Name of Organization", descLabel: "Volunteer Description",
		descHint:     "(Or attach description from agency)",
		confirmation: "The Verifier must be employed by the volunteer organization. By signing below, you confirm that the above named candidate performed the volunteer services as described above.",
	},
}

// letterOfType is the form letter each activity type's proof may be, as
// the proof column of the guide's tables says ("form letter signed by
// ..."); types without one prove otherwise (transcripts, certificates,
// military records).
var letterOfType = map[string]FormLetterKind{
	"ce-non-credit":      LetterContinuingEducation,
	"ce-third-party":     LetterContinuingEducation,
	"e-direct":           LetterEmployment,
	"e-mssc-instructor":  LetterEmploymentInstructors,
	"e-other-instructor": LetterEmploymentInstructors,
	"x-volunteer":        LetterVolunteer,
	"x-committee":        LetterMembership,
}

// FormLetterOf returns the form letter an activity's proof may be, if any.
func FormLetterOf(a points.Activity) (FormLetterKind, bool) {
	k, ok := letterOfType[a.TypeKey]
	return k, ok
}

// LetterLine is one labelled line of a form letter, filled or left blank
// (an empty Value) for the verifier or the candidate to write on.
type LetterLine struct {
	// Label is the guide's label, such as "Candidate ID".
	Label string
	// Value is what the service filled in; empty for a blank line.
	Value string
}

// FormLetter is a Recertification Letter of Confirmation filled with what
// the service knows of a claimed activity, ready to print and sign.
type FormLetter struct {
	// Kind is which of the five letters it is.
	Kind FormLetterKind
	// Heading is the letter's title.
	Heading string
	// Section is the guide's name of the letter, such as "Employment".
	Section string
	// Instruction says who must sign it.
	Instruction string
	// Lines are the filled lines, in pairs as the guide sets them out.
	Lines []LetterLine
	// DescriptionLabel and DescriptionHint head the description.
	DescriptionLabel, DescriptionHint string
	// Description is the activity's description, with its hours.
	Description string
	// Confirmation is what the verifier confirms by signing.
	Confirmation string
	// VerifierLines and CandidateLines are left blank for signing.
	VerifierLines, CandidateLines []LetterLine
	// FileName is the name to save the letter under.
	FileName string
}

// The longest provider and description an activity keeps for its form
// letter, which must fit one page.
const (
	letterProviderMaxRunes    = 200
	letterDescriptionMaxRunes = 1500
)

// validateLetterDetails refuses a provider or description too long for
// the one-page form letter.
func validateLetterDetails(act points.Activity) []*catalog.Error {
	var errs []*catalog.Error
	if n := len([]rune(act.Provider)); n > letterProviderMaxRunes {
		errs = append(errs, catalog.Invalid("activity.provider", "the provider or employer has at most %d characters (%d given)", letterProviderMaxRunes, n))
	}
	if n := len([]rune(act.Description)); n > letterDescriptionMaxRunes {
		errs = append(errs, catalog.Invalid("activity.description", "the description has at most %d characters (%d given)", letterDescriptionMaxRunes, n))
	}
	return errs
}

// FormLetter fills the form letter of a claimed activity for its candidate
// or staff; to anyone else, and for an activity whose proof is not a form
// letter, it answers NOT_FOUND exactly as for an application that does not
// exist.
func (s *Applications) FormLetter(ctx context.Context, applicationID, activityID int64) (*FormLetter, error) {
	notFound := &catalog.Error{Code: catalog.CodeNotFound, Message: "no form letter has this path"}
	if catalog.PrincipalFrom(ctx) == nil {
		return nil, &catalog.Error{Code: catalog.CodeUnauthenticated, Message: "sign in to download form letters"}
	}
	a, err := s.Get(ctx, applicationID)
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, notFound
	}
	i := slices.IndexFunc(a.Activities, func(x ApplicationActivity) bool { return x.ID == activityID })
	if i < 0 {
		return nil, notFound
	}
	act := a.Activities[i].Activity
	kind, ok := FormLetterOf(act)
	if !ok {
		return nil, notFound
	}
	c, err := s.candidates.CandidateByID(ctx, a.CandidateID)
	if err != nil {
		return nil, err
	}
	name := ""
	if c != nil {
		name = c.Name
	}
	return fillLetter(kind, a, act, name, s.today()), nil
}

// fillLetter sets the guide's wording of the letter around what the
// service knows: the day, the program, the candidate, the activity's
// dates, title, provider, description and hours.
func fillLetter(kind FormLetterKind, a *Application, act points.Activity, candidateName string, today catalog.Date) *FormLetter {
	w := letterWordings[kind]
	start, end := dayOrBlank(act.StartOn), dayOrBlank(act.EndOn)
	if act.StartOn == nil && act.CompletedOn != nil {
		start = act.CompletedOn.String()
	}
	if act.EndOn == nil && act.CompletedOn != nil {
		end = act.CompletedOn.String()
	}
	if act.Ongoing && act.EndOn == nil {
		end = "ongoing"
	}
	l := &FormLetter{
		Kind: kind, Heading: LetterHeading, Section: w.section, Instruction: w.instruction,
		Lines: []LetterLine{
			{"Date", today.String()}, {"Certification (CPT or CLT)", string(a.Program)},
			{"Candidate ID", a.CandidateNumber}, {"Candidate Name", candidateName},
			{"Start Date", start}, {w.titleLabel, act.Title},
			{"End Date", end}, {w.partyLabel, act.Provider},
		},
		DescriptionLabel: w.descLabel, DescriptionHint: w.descHint,
		Description:    letterDescription(kind, act),
		Confirmation:   w.confirmation,
		VerifierLines:  []LetterLine{{Label: "Verifier's Signature"}, {Label: "Date"}, {Label: "Print Name"}, {Label: "Title"}, {Label: "Company"}},
		CandidateLines: []LetterLine{{Label: "Candidate Signature"}, {Label: "Date"}},
		FileName:       fmt.Sprintf("letter-of-confirmation-%s-%s-activity-%d.pdf", strings.ToLower(string(a.Program)), a.CandidateNumber, act.ID),
	}
	if kind == LetterEmploymentInstructors {
		authorized, courses := "No", ""
		if act.TypeKey == "e-mssc-instructor" {
			authorized = "Yes"
			courses = strconv.Itoa(totalCourses(act))
		}
		l.Lines = append(l.Lines, LetterLine{"MSSC Authorized?", authorized}, LetterLine{"# of MSSC Courses Taught", courses})
	}
	return l
}

// letterDescription is the activity's description with the hours the
// service knows: an Extra activity's hours of service, a job's weekly
// hours, an instructor's courses per cycle year.
func letterDescription(kind FormLetterKind, act points.Activity) string {
	parts := []string{}
	if d := strings.TrimSpace(act.Description); d != "" {
		parts = append(parts, d)
	}
	switch {
	case act.Hours > 0:
		parts = append(parts, fmt.Sprintf("Hours of service: %s.", strconv.FormatFloat(act.Hours, 'f', -1, 64)))
	case act.WeeklyHours > 0:
		parts = append(parts, fmt.Sprintf("Average hours a week: %s.", strconv.FormatFloat(act.WeeklyHours, 'f', -1, 64)))
	}
	if kind == LetterEmploymentInstructors && len(act.CoursesTaught) > 0 {
		years := make([]int, 0, len(act.CoursesTaught))
		for y := range act.CoursesTaught {
			years = append(years, y)
		}
		slices.Sort(years)
		taught := make([]string, 0, len(years))
		for _, y := range years {
			taught = append(taught, fmt.Sprintf("cycle year %d: %d", y, act.CoursesTaught[y]))
		}
		parts = append(parts, "Courses taught per cycle year: "+strings.Join(taught, "; ")+".")
	}
	return strings.Join(parts, " ")
}

func totalCourses(act points.Activity) int {
	n := 0
	for _, c := range act.CoursesTaught {
		n += c
	}
	return n
}

func dayOrBlank(d *catalog.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}
