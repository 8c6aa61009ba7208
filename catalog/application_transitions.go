package catalog

import "slices"

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
	By Role
	// To is the status after it.
	To ApplicationStatus
}

// Transitions is the one table of every allowed application change.
var Transitions = []Transition{
	{AppDraft, ActionEdit, RoleCandidate, AppDraft},
	{AppDraft, ActionSubmit, RoleCandidate, AppSubmitted},
	{AppDraft, ActionRequestExtension, RoleCandidate, AppDraft},
	{AppDraft, ActionGrantExtension, RoleStaff, AppDraft},
	{AppDraft, ActionRefuseExtension, RoleStaff, AppDraft},
	{AppSubmitted, ActionRecordPayment, RoleStaff, AppInReview},
	{AppInReview, ActionAssign, RoleStaff, AppInReview},
	{AppInReview, ActionSetPoints, RoleStaff, AppInReview},
	{AppInReview, ActionRefuseActivity, RoleStaff, AppInReview},
	{AppInReview, ActionApprove, RoleStaff, AppApproved},
	{AppInReview, ActionDeny, RoleStaff, AppDenied},
	{AppInReview, ActionRequestInformation, RoleStaff, AppInformationRequested},
	{AppInformationRequested, ActionProvideInformation, RoleCandidate, AppInReview},
	{AppInformationRequested, ActionApprove, RoleStaff, AppApproved},
	{AppInformationRequested, ActionDeny, RoleStaff, AppDenied},
	{AppDenied, ActionRequestDetailedReview, RoleCandidate, AppDetailedReview},
	{AppDetailedReview, ActionRecordPayment, RoleStaff, AppDetailedReview},
	{AppDetailedReview, ActionGrantDetailedReview, RoleStaff, AppApproved},
	{AppDetailedReview, ActionUpholdDenial, RoleStaff, AppDenialUpheld},
	{AppDenialUpheld, ActionAppeal, RoleCandidate, AppAppealed},
	{AppAppealed, ActionRecordPayment, RoleStaff, AppAppealed},
	{AppAppealed, ActionGrantAppeal, RoleStaff, AppApproved},
	{AppAppealed, ActionRejectAppeal, RoleStaff, AppClosedDenied},
}

// transition finds the allowed change of status for the action, or nil.
func transition(from ApplicationStatus, action ApplicationAction) *Transition {
	i := slices.IndexFunc(Transitions, func(t Transition) bool { return t.From == from && t.Action == action })
	if i < 0 {
		return nil
	}
	return &Transitions[i]
}
