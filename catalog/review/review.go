package review

import (
	"time"

	"github.com/mssc/recert/catalog"
)

// ReviewStatus is where a catalog review stands.
type ReviewStatus string

// The statuses of a catalog review.
const (
	// ReviewPending waits for a staff decision; its clock runs.
	ReviewPending ReviewStatus = "PENDING"
	// ReviewInformationRequested waits for the submitter; its clock is paused.
	ReviewInformationRequested ReviewStatus = "INFORMATION_REQUESTED"
	// ReviewApproved added the certification to the catalog.
	ReviewApproved ReviewStatus = "APPROVED"
	// ReviewRejected turned the certification down.
	ReviewRejected ReviewStatus = "REJECTED"
)

// Open reports whether the review still waits for a decision.
func (s ReviewStatus) Open() bool { return s == ReviewPending || s == ReviewInformationRequested }

// EarningMethod is how a certification is earned.
type EarningMethod string

// The ways a certification may be earned.
const (
	// EarnedByWrittenAssessment is a written exam.
	EarnedByWrittenAssessment EarningMethod = "WRITTEN_ASSESSMENT"
	// EarnedByObservation is an observed performance test.
	EarnedByObservation EarningMethod = "OBSERVATION_PERFORMANCE"
	// EarnedByAttendance is attending training.
	EarnedByAttendance EarningMethod = "TRAINING_ATTENDANCE"
)

// RecognitionScope is where a certification is recognised.
type RecognitionScope string

// The scopes of recognition, narrowest first.
const (
	// RecognizedByCompany is one company.
	RecognizedByCompany RecognitionScope = "COMPANY"
	// RecognizedInCity is one city.
	RecognizedInCity RecognitionScope = "CITY"
	// RecognizedInState is one state.
	RecognizedInState RecognitionScope = "STATE"
	// RecognizedInRegion is a region.
	RecognizedInRegion RecognitionScope = "REGION"
	// RecognizedNationally is the whole country.
	RecognizedNationally RecognitionScope = "NATIONAL"
	// RecognizedInternationally is several countries.
	RecognizedInternationally RecognitionScope = "INTERNATIONAL"
)

// RejectionReason is why a review turned a certification down.
type RejectionReason string

// The reasons for a rejection.
const (
	// RejectedLocal is a local or company-specific certificate.
	RejectedLocal RejectionReason = "LOCAL_OR_COMPANY_SPECIFIC"
	// RejectedAttendanceOnly is a certificate earned by attendance alone.
	RejectedAttendanceOnly RejectionReason = "ATTENDANCE_ONLY"
	// RejectedNotRelated is a certification outside manufacturing and logistics.
	RejectedNotRelated RejectionReason = "NOT_A_RELATED_FIELD"
	// RejectedInsufficientDocumentation lacks the documentation to judge it.
	RejectedInsufficientDocumentation RejectionReason = "INSUFFICIENT_DOCUMENTATION"
	// RejectedOther is another reason, given in the message.
	RejectedOther RejectionReason = "OTHER"
)

// ReviewFlag is a concern screening raised for staff to confirm.
type ReviewFlag struct {
	// Code names the guide's rule the concern comes from.
	Code catalog.RuleCode
	// Message says what staff should confirm.
	Message string
}

// ReviewOrganization is the issuing body as the submitter describes it.
type ReviewOrganization struct {
	// Name is the body's name.
	Name string
	// URL links to its web site.
	URL string
	// Description describes it, or cites published material.
	Description string
}

// SubmittedCertification is a certification as a candidate describes it
// for review, less the copy of it they send.
type SubmittedCertification struct {
	// CertificationName is the certification's name.
	CertificationName string
	// Organization is the issuing body as described.
	Organization ReviewOrganization
	// TrainingRequirements describes the training the certification requires.
	TrainingRequirements string
	// KeyActivityIDs are the CPT and CLT key activities it covers.
	KeyActivityIDs []int64
	// EarningMethods are how it is earned.
	EarningMethods []EarningMethod
	// Recognition is where it is recognised.
	Recognition []RecognitionScope
}

// ReviewSubmitter is one candidate's submission of a certification under
// review: the documentation they sent, their copy of the certification and
// their answers to staff. It stays theirs: attaching to an open review of
// the same certification merges only the staff-side decision, and another
// submitter never sees it.
type ReviewSubmitter struct {
	// Subject is the candidate principal's subject.
	Subject string
	// CandidateNumber is the MSSC candidate ID.
	CandidateNumber string
	// AddedAt is when they submitted it.
	AddedAt time.Time
	// SubmittedCertification is the certification as they describe it.
	SubmittedCertification
	// Copy is their copy of the certification; its Key is empty for a
	// submitter who joined before submissions were kept.
	Copy catalog.StoredFile
	// InformationResponse is what they last answered staff.
	InformationResponse string
	// RespondedAt is when they last answered, if ever.
	RespondedAt *time.Time
}

// ReviewDecision is staff's decision on a review.
type ReviewDecision struct {
	// Outcome is APPROVED or REJECTED.
	Outcome ReviewStatus
	// Reason is why it was rejected.
	Reason RejectionReason
	// Message is what the submitter is told.
	Message string
	// DecidedBy is the deciding staff member's subject.
	DecidedBy string
	// DecidedAt is when.
	DecidedAt time.Time
	// CertificationID is the catalog entry an approval created.
	CertificationID int64
}

// CatalogReview is the review of a certification not on the pre-approved
// list, submitted by candidates and decided by staff within 30 days.
type CatalogReview struct {
	// ID is the storage identity.
	ID int64
	// SubmittedCertification is the certification as submitted.
	SubmittedCertification
	// Copy is the uploaded copy of the certification.
	Copy catalog.StoredFile
	// Status is where the review stands.
	Status ReviewStatus
	// Flags are the concerns screening raised.
	Flags []ReviewFlag
	// Submitters are the candidates who submitted it; the first opened it.
	Submitters []ReviewSubmitter
	// SubmittedAt is when the review was opened.
	SubmittedAt time.Time
	// DueOn is the day the decision is due; it moves on while the clock is paused.
	DueOn catalog.Date
	// Assignee is the subject of the staff member working on it.
	Assignee string
	// PausedAt is when staff asked for information, while waiting.
	PausedAt *time.Time
	// PausedDays is how many days the clock has been paused in all.
	PausedDays int
	// InformationRequest is what staff last asked the submitter.
	InformationRequest string
	// InformationResponse is what the submitter last answered.
	InformationResponse string
	// Decision is staff's decision, once taken.
	Decision *ReviewDecision
	// Version counts the review's changes, for optimistic locking.
	Version int
}

// SubmittedBy reports whether the candidate principal submitted the review.
func (r *CatalogReview) SubmittedBy(p *catalog.Principal) bool {
	if !p.Has(catalog.RoleCandidate) {
		return false
	}
	for _, s := range r.Submitters {
		if s.Subject == p.Subject {
			return true
		}
	}
	return false
}

// Submission returns the principal's own submission of the review, or nil.
func (r *CatalogReview) Submission(p *catalog.Principal) *ReviewSubmitter {
	if !p.Has(catalog.RoleCandidate) {
		return nil
	}
	for i := range r.Submitters {
		if r.Submitters[i].Subject == p.Subject {
			return &r.Submitters[i]
		}
	}
	return nil
}

// SeenBy returns the review as the principal may see it, or nil when they
// may not see it at all. Staff see everything. A submitter sees the
// staff-side state every submitter shares (status, due date, assignee,
// staff's question, the decision) and, for the documentation, flags and
// answer, only their own submission: never another submitter's documents,
// answers or identity, nor how many others there are. Anyone else sees
// nothing.
func (r *CatalogReview) SeenBy(p *catalog.Principal) *CatalogReview {
	if r == nil {
		return nil
	}
	if p.Has(catalog.RoleStaff) {
		return r
	}
	own := r.Submission(p)
	if own == nil {
		return nil
	}
	v := *r
	v.SubmittedCertification, v.Copy, v.InformationResponse = own.SubmittedCertification, own.Copy, own.InformationResponse
	v.Flags = screen(own.EarningMethods, own.Recognition)
	v.Submitters = []ReviewSubmitter{*own}
	return &v
}

// Overdue reports whether the decision is late on the given day.
func (r *CatalogReview) Overdue(today catalog.Date) bool {
	return r.Status == ReviewPending && today.After(r.DueOn)
}

// CatalogChange is one recorded change of the catalog: who, when, what
// (the entry before and after), and why.
type CatalogChange struct {
	// ID is the storage identity.
	ID int64
	// At is when the change was made.
	At time.Time
	// Actor is the subject of the principal who made it.
	Actor string
	// Action names the change, such as "certification.retire".
	Action string
	// EntityType is Certification or Organization.
	EntityType string
	// EntityID is the changed entry's ID.
	EntityID int64
	// Before is the entry before the change, as JSON; empty for a creation.
	Before string
	// After is the entry after the change, as JSON.
	After string
	// Reason says why, as the actor gave it.
	Reason string
	// ReviewID is the catalog review the change came from, if any.
	ReviewID int64
	// Version is the catalog version the change produced.
	Version int64
}
