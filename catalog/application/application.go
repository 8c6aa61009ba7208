package application

import (
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/points"
)

// ApplicationStatus is where a recertification application stands.
type ApplicationStatus string

// The statuses of an application.
const (
	// AppDraft is being built by the candidate.
	AppDraft ApplicationStatus = "DRAFT"
	// AppSubmitted is submitted and waits for its fee to be paid.
	AppSubmitted ApplicationStatus = "SUBMITTED"
	// AppInReview is paid and waits for staff's decision.
	AppInReview ApplicationStatus = "IN_REVIEW"
	// AppApproved recertified the candidate.
	AppApproved ApplicationStatus = "APPROVED"
	// AppDenied was denied; a detailed review may be requested.
	AppDenied ApplicationStatus = "DENIED"
	// AppDetailedReview is a detailed review of the denial, by other staff.
	AppDetailedReview ApplicationStatus = "DETAILED_REVIEW"
	// AppDenialUpheld is a denial the detailed review upheld; an appeal may follow.
	AppDenialUpheld ApplicationStatus = "DENIAL_UPHELD"
	// AppAppealed is before the Appeals and Complaints Committee.
	AppAppealed ApplicationStatus = "APPEALED"
	// AppClosedDenied is a denial the appeal upheld; nothing more follows.
	AppClosedDenied ApplicationStatus = "CLOSED_DENIED"
)

// ApplicationActivity is an activity claimed in an application, with its proofs.
type ApplicationActivity struct {
	// Activity is the claim the points engine scores.
	points.Activity
	// Proofs are the files attached as proof.
	Proofs []catalog.StoredFile
	// CatalogReviewID is the open catalog review of an Industry
	// Certification not yet listed; it earns points once approved, and the
	// application's decision may wait for the review.
	CatalogReviewID int64
	// ReviewerSetBy is the staff member who set the reviewer's figure.
	ReviewerSetBy string
	// ReviewerSetAt is when the reviewer's figure was set.
	ReviewerSetAt *time.Time
	// Refusal says the reviewer refused the activity: it then counts 0.
	Refusal *ActivityRefusal
}

// ActivityRefusal is a reviewer's refusal of a claimed activity, a decision
// of its own rather than a figure of 0.
type ActivityRefusal struct {
	// Code names the ground of the refusal.
	Code ActivityRefusalCode
	// Reason explains it to the candidate.
	Reason string
	// By is the staff member who refused it.
	By string
	// At is when.
	At time.Time
}

// Payment is a fee payment staff recorded; no payment gateway is integrated.
type Payment struct {
	// Amount is what was paid.
	Amount catalog.Money
	// Reference is the payment's reference, such as a receipt number.
	Reference string
	// RecordedBy is the staff member who recorded it.
	RecordedBy string
	// RecordedAt is when.
	RecordedAt time.Time
	// Fee names what was paid for.
	Fee catalog.FeeKind
}

// ExtensionStatus is where the one extension of a cycle stands.
type ExtensionStatus string

// The states of an extension.
const (
	// ExtensionRequested waits for staff's answer.
	ExtensionRequested ExtensionStatus = "REQUESTED"
	// ExtensionGranted moved the last day of the cycle to Until.
	ExtensionGranted ExtensionStatus = "GRANTED"
	// ExtensionRefused was refused; the cycle keeps its expiration.
	ExtensionRefused ExtensionStatus = "REFUSED"
)

// Extension is the one 90-day extension of a cycle's expiration, for a
// candidate whose course ends after it: requested, then granted until a
// day or refused, once.
type Extension struct {
	// Status is where the extension stands; empty on rows written before
	// it was kept, read through State.
	Status ExtensionStatus
	// CourseEndsOn is the day the course ends.
	CourseEndsOn catalog.Date
	// Reason describes the course.
	Reason string
	// RequestedAt is when the candidate asked.
	RequestedAt time.Time
	// Until is the extended last day, once granted.
	Until *catalog.Date
	// GrantedBy is the staff member who granted it.
	GrantedBy string
	// RefusedBy is the staff member who refused it.
	RefusedBy string
	// DecidedAt is when staff granted or refused it.
	DecidedAt *time.Time
	// Decision is the reason staff gave for the grant or refusal.
	Decision string
}

// State is where the extension stands, also for rows kept before the
// status was.
func (e *Extension) State() ExtensionStatus {
	switch {
	case e.Status != "":
		return e.Status
	case e.Until != nil:
		return ExtensionGranted
	}
	return ExtensionRequested
}

// ApplicationEvent is one state change of an application, kept in its history.
type ApplicationEvent struct {
	// At is when it happened.
	At time.Time
	// Actor is who did it.
	Actor string
	// Action names what was done.
	Action ApplicationAction
	// From is the status before.
	From ApplicationStatus
	// To is the status after.
	To ApplicationStatus
	// Reason says why, where given.
	Reason string
}

// Application is a candidate's application to recertify one full certification.
type Application struct {
	// ID is the storage identity.
	ID int64
	// CandidateID is the applicant's candidate record.
	CandidateID int64
	// CandidateNumber is the applicant's MSSC candidate ID.
	CandidateNumber string
	// Program is the certification being recertified.
	Program catalog.Program
	// Cycle is the certification's current cycle.
	Cycle points.PointsCycle
	// Status is where the application stands.
	Status ApplicationStatus
	// Activities are the claims, each with its proofs.
	Activities []ApplicationActivity
	// SubmittedAt is when it was submitted.
	SubmittedAt *time.Time
	// BundleID links a CPT and a CLT application submitted together for the bundled fee.
	BundleID string
	// BundleChange is the bundle to save with the application when it changed
	// (submitted, or its fee paid); nil otherwise. Read the bundle with
	// Applications.Bundle.
	BundleChange *ApplicationBundle
	// FeeDue is the fee of the current stage that is the application's
	// own: the application fee once submitted alone (a bundled
	// application's fee is its bundle's), then the fee of a detailed
	// review or an appeal.
	FeeDue *catalog.Money
	// FeeKind says which fee FeeDue is.
	FeeKind catalog.FeeKind
	// Payments are the payments recorded.
	Payments []Payment
	// Reviewer is the staff member reviewing it.
	Reviewer string
	// DecisionDueOn is the day staff's answer is due.
	DecisionDueOn *catalog.Date
	// DecidedBy records who took each decision, by action, to keep later
	// stages with other staff.
	DecidedBy map[ApplicationAction]string
	// DeniedOn is the day of the denial the candidate may ask to review.
	DeniedOn *catalog.Date
	// DenialReasons say why it was denied.
	DenialReasons []string
	// Extension is the extension asked for or granted.
	Extension *Extension
	// NewExpiresOn is the expiration an approval set.
	NewExpiresOn *catalog.Date
	// NewEvents are the history events of the change being made, oldest
	// first, not yet saved: the store appends them to the application's
	// history in the transaction that saves the application, and clears
	// them once it committed. An application read from the store has
	// none; read its history with
	// Applications.History, which is kept apart so that a change never
	// reads or rewrites it whole.
	NewEvents []ApplicationEvent
	// Version counts the application's changes, for optimistic locking.
	Version int
}

// LastDay is the last day the application may be submitted: the
// expiration, or the end of a granted extension.
func (a *Application) LastDay() catalog.Date {
	if a.Extension != nil && a.Extension.State() == ExtensionGranted && a.Extension.Until != nil {
		return *a.Extension.Until
	}
	return a.Cycle.ExpiresOn
}

// CountingCycle is the cycle points are counted in: the certification's
// cycle, its last day moved to a granted extension's end, so a course
// completed within the extension counts.
func (a *Application) CountingCycle() points.PointsCycle {
	return points.PointsCycle{CertifiedOn: a.Cycle.CertifiedOn, ExpiresOn: a.LastDay()}
}

// Paid is the total recorded against the fee due.
func (a *Application) Paid() int64 {
	var n int64
	for _, p := range a.Payments {
		if p.Fee == catalog.FeeApplication || p.Fee == catalog.FeeBundledApplication {
			n += p.Amount.Cents
		}
	}
	return n
}
