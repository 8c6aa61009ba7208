package application

import (
	"fmt"
	"strings"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/points"
)

// categoryNames are the guide's names of the point categories, as a
// refusal shows them.
var categoryNames = map[catalog.PointCategory]string{
	catalog.CategoryContinuingEducation:   "Continuing Education",
	catalog.CategoryIndustryCertification: "Industry Certification",
	catalog.CategoryEmployment:            "Employment",
	catalog.CategoryExtra:                 "Extra",
}

// shortfallRefusal refuses a submission short of the required points,
// saying how many are missing and what each category earned, so that the
// candidate sees where to add.
func shortfallRefusal(field string, report points.PointsReport) *catalog.Error {
	parts := make([]string, 0, len(report.ByCategory))
	for _, c := range report.ByCategory {
		parts = append(parts, fmt.Sprintf("%s %d", categoryNames[c.Category], c.Points))
	}
	return &catalog.Error{Code: catalog.CodeBadUserInput, Field: field, Message: fmt.Sprintf(
		"the application has %d points; %d are required: %d more are needed (by category: %s)",
		report.Total, report.Required, report.Shortfall, strings.Join(parts, ", "))}
}

// missingProofRefusal refuses a submission whose activities lack the proof
// their type asks for, naming every one of them with its title, or nil
// when none does.
func missingProofRefusal(field string, a *Application, report points.PointsReport) *catalog.Error {
	var missing []string
	for _, w := range report.Warnings {
		if w.Code != points.WarningMissingProof {
			continue
		}
		for _, id := range w.ActivityIDs {
			missing = append(missing, fmt.Sprintf("activity %d (%s)", id, activityTitle(a, id)))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return &catalog.Error{Code: catalog.CodeBadUserInput, Field: field, Message: fmt.Sprintf(
		"attach the proof each activity needs; %d have none: %s", len(missing), strings.Join(missing, ", "))}
}

func activityTitle(a *Application, id int64) string {
	for _, x := range a.Activities {
		if x.ID == id {
			return x.Title
		}
	}
	return ""
}

// CheckCanStart refuses to start an application for a certification that
// expired so long ago that no extension could still reach today: such a
// draft could never be submitted. A certification whose expiration an
// extension has already moved cannot be extended again.
func CheckCanStart(s *catalog.Snapshot, held *candidate.HeldCertification, today catalog.Date) *catalog.Error {
	lastExtendable := held.ExpiresOn.AddDays(points.FiguresOf(s).ExtensionDays())
	if held.ExtendedFrom != nil {
		lastExtendable = held.ExpiresOn
	}
	if !today.After(lastExtendable) {
		return nil
	}
	return &catalog.Error{Code: catalog.CodeBadUserInput, Field: "program", Message: fmt.Sprintf(
		"your %s certification expired on %s and the %d days an extension could cover ended on %s: it can no longer be recertified; earn the certification again instead",
		held.Program, held.ExpiresOn, points.FiguresOf(s).ExtensionDays(), lastExtendable)}
}
