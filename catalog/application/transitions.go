package application

import (
	"slices"

	"github.com/mssc/recert/catalog"
)

// ApplicationAction is something done to an application.
type ApplicationAction string

// The actions on an application.
const (
	// ActionCreate starts a draft.
	ActionCreate ApplicationAction = "CREATE"
	// ActionEdit changes the claimed activities of a draft.
	ActionEdit ApplicationAction = "EDIT"
	// ActionSubmit submits a draft.
	ActionSubmit ApplicationAction = "SUBMIT"
	// ActionRecordPayment records the fee paid.
	ActionRecordPayment ApplicationAction = "RECORD_PAYMENT"
	// ActionAssign gives the review to a staff member.
	ActionAssign ApplicationAction = "ASSIGN"
	// ActionSetPoints sets an activity's points during review.
	ActionSetPoints ApplicationAction = "SET_POINTS"
	// ActionApprove approves the application.
	ActionApprove ApplicationAction = "APPROVE"
	// ActionDeny denies it.
	ActionDeny ApplicationAction = "DENY"
	// ActionRequestDetailedReview asks for a detailed review of a denial.
	ActionRequestDetailedReview ApplicationAction = "REQUEST_DETAILED_REVIEW"
	// ActionGrantDetailedReview overturns the denial on detailed review.
	ActionGrantDetailedReview ApplicationAction = "GRANT_DETAILED_REVIEW"
	// ActionUpholdDenial upholds the denial on detailed review.
	ActionUpholdDenial ApplicationAction = "UPHOLD_DENIAL"
	// ActionAppeal takes an upheld denial to the Appeals and Complaints Committee.
	ActionAppeal ApplicationAction = "APPEAL"
	// ActionGrantAppeal overturns the denial on appeal.
	ActionGrantAppeal ApplicationAction = "GRANT_APPEAL"
	// ActionRejectAppeal upholds the denial on appeal, finally.
	ActionRejectAppeal ApplicationAction = "REJECT_APPEAL"
	// ActionRequestExtension asks for a 90-day extension of the expiration.
	ActionRequestExtension ApplicationAction = "REQUEST_EXTENSION"
	// ActionGrantExtension grants the extension asked for.
	ActionGrantExtension ApplicationAction = "GRANT_EXTENSION"
	// ActionRefuseExtension refuses the extension asked for.
	ActionRefuseExtension ApplicationAction = "REFUSE_EXTENSION"
	// ActionRefuseActivity refuses a claimed activity during review, with a
	// reason code; it then counts 0.
	ActionRefuseActivity ApplicationAction = "REFUSE_ACTIVITY"
)

// Transition is one allowed change of an application: in which status,
// by whom, and to which status.
type Transition struct {
	// From is the status the action applies in.
	From ApplicationStatus
	// Action is what is done.
	Action ApplicationAction
	// By is the role allowed to do it.
	By catalog.Role
	// To is the status after it.
	To ApplicationStatus
}

// Transitions is the one table of every allowed application change.
var Transitions = []Transition{
	{AppDraft, ActionEdit, catalog.RoleCandidate, AppDraft},
	{AppDraft, ActionSubmit, catalog.RoleCandidate, AppSubmitted},
	{AppDraft, ActionRequestExtension, catalog.RoleCandidate, AppDraft},
	{AppDraft, ActionGrantExtension, catalog.RoleStaff, AppDraft},
	{AppDraft, ActionRefuseExtension, catalog.RoleStaff, AppDraft},
	{AppSubmitted, ActionRecordPayment, catalog.RoleStaff, AppInReview},
	{AppInReview, ActionAssign, catalog.RoleStaff, AppInReview},
	{AppInReview, ActionSetPoints, catalog.RoleStaff, AppInReview},
	{AppInReview, ActionRefuseActivity, catalog.RoleStaff, AppInReview},
	{AppInReview, ActionApprove, catalog.RoleStaff, AppApproved},
	{AppInReview, ActionDeny, catalog.RoleStaff, AppDenied},
	{AppInReview, ActionRequestInformation, catalog.RoleStaff, AppInformationRequested},
	{AppInformationRequested, ActionProvideInformation, catalog.RoleCandidate, AppInReview},
	{AppInformationRequested, ActionApprove, catalog.RoleStaff, AppApproved},
	{AppInformationRequested, ActionDeny, catalog.RoleStaff, AppDenied},
	{AppDenied, ActionRequestDetailedReview, catalog.RoleCandidate, AppDetailedReview},
	{AppDetailedReview, ActionRecordPayment, catalog.RoleStaff, AppDetailedReview},
	{AppDetailedReview, ActionGrantDetailedReview, catalog.RoleStaff, AppApproved},
	{AppDetailedReview, ActionUpholdDenial, catalog.RoleStaff, AppDenialUpheld},
	{AppDenialUpheld, ActionAppeal, catalog.RoleCandidate, AppAppealed},
	{AppAppealed, ActionRecordPayment, catalog.RoleStaff, AppAppealed},
	{AppAppealed, ActionGrantAppeal, catalog.RoleStaff, AppApproved},
	{AppAppealed, ActionRejectAppeal, catalog.RoleStaff, AppClosedDenied},
}

// transition finds the allowed change of status for the action, or nil.
func transition(from ApplicationStatus, action ApplicationAction) *Transition {
	i := slices.IndexFunc(Transitions, func(t Transition) bool { return t.From == from && t.Action == action })
	if i < 0 {
		return nil
	}
	return &Transitions[i]
}
