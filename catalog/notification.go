package catalog

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// NotificationKind says what a notification tells its reader.
type NotificationKind string

// The notifications the service sends.
const (
	// NotifyWindowOpens tells a candidate the application window is open.
	NotifyWindowOpens NotificationKind = "WINDOW_OPENS"
	// NotifyExpiresSoon tells a candidate without a submitted application
	// that the certification expires within the contact period.
	NotifyExpiresSoon NotificationKind = "EXPIRES_SOON"
	// NotifyExpired tells a candidate the certification expired without a
	// submitted application.
	NotifyExpired NotificationKind = "EXPIRED"
	// NotifySubmitted confirms an application was submitted, with its fee.
	NotifySubmitted NotificationKind = "APPLICATION_SUBMITTED"
	// NotifyPaymentRecorded confirms a payment.
	NotifyPaymentRecorded NotificationKind = "PAYMENT_RECORDED"
	// NotifyApproved announces an approval with the new expiration.
	NotifyApproved NotificationKind = "APPLICATION_APPROVED"
	// NotifyDenied announces a denial with the review and appeal options.
	NotifyDenied NotificationKind = "APPLICATION_DENIED"
	// NotifyDenialUpheld announces that a detailed review upheld a denial,
	// with the appeal, its fee and how long the committee takes.
	NotifyDenialUpheld NotificationKind = "DENIAL_UPHELD"
	// NotifyAppealRejected announces that the appeal upheld the denial, finally.
	NotifyAppealRejected NotificationKind = "APPEAL_REJECTED"
	// NotifyExtensionGranted announces a granted extension with the new expiration.
	NotifyExtensionGranted NotificationKind = "EXTENSION_GRANTED"
	// NotifyExtensionRefused announces a refused extension with the reason.
	NotifyExtensionRefused NotificationKind = "EXTENSION_REFUSED"
	// NotifyReviewReceived confirms a certification was received for catalog review.
	NotifyReviewReceived NotificationKind = "CATALOG_REVIEW_RECEIVED"
	// NotifyReviewInformationRequested tells a submitter that staff ask
	// for more information on their catalog review.
	NotifyReviewInformationRequested NotificationKind = "CATALOG_REVIEW_INFORMATION_REQUESTED"
	// NotifyReviewApproved tells a submitter the certification joined the catalog.
	NotifyReviewApproved NotificationKind = "CATALOG_REVIEW_APPROVED"
	// NotifyReviewRejected tells a submitter the certification was turned
	// down, and why.
	NotifyReviewRejected NotificationKind = "CATALOG_REVIEW_REJECTED"
	// NotifyReviewAnswered tells staff a submitter answered their request
	// for information.
	NotifyReviewAnswered NotificationKind = "CATALOG_REVIEW_ANSWERED"
	// NotifyStaffDigest lists a staff member's applications and catalog
	// reviews due soon or overdue.
	NotifyStaffDigest NotificationKind = "STAFF_DIGEST"
)

// NotificationKinds are every kind the service sends, in the order the
// schema lists them.
var NotificationKinds = []NotificationKind{
	NotifyWindowOpens, NotifyExpiresSoon, NotifyExpired, NotifySubmitted, NotifyPaymentRecorded,
	NotifyInformationRequested, NotifyApplicationAnswered, NotifyApproved, NotifyDenied,
	NotifyDenialUpheld, NotifyAppealRejected, NotifyExtensionGranted, NotifyExtensionRefused,
	NotifyReviewReceived, NotifyReviewInformationRequested, NotifyReviewApproved, NotifyReviewRejected, NotifyReviewAnswered,
	NotifyStaffDigest,
}

// IsReminder reports whether a candidate may turn the kind off: reminders
// can be turned off, decisions and confirmations cannot.
func (k NotificationKind) IsReminder() bool {
	return k == NotifyWindowOpens || k == NotifyExpiresSoon || k == NotifyExpired
}

// Notification is one message to one person, recorded with the change that
// caused it and sent once.
type Notification struct {
	// ID is the storage identity.
	ID int64
	// CandidateID is the candidate it is for; zero for staff.
	CandidateID int64
	// Recipient is the staff member's address; a candidate's is read when
	// the message is sent.
	Recipient string
	// Kind says what it tells.
	Kind NotificationKind
	// Key makes it unique: recipient, kind and the day it is about.
	Key string
	// Facts are the dates, fees and names the message gives, by name.
	Facts map[string]string
	// CreatedAt is when it was recorded.
	CreatedAt time.Time
	// SentAt is when the mail server took it.
	SentAt *time.Time
	// ReadAt is when its reader marked it read.
	ReadAt *time.Time
}

// NotificationStore is what notifications need from persistence.
type NotificationStore interface {
	// AddNotifications records notifications, skipping those whose Key is
	// already recorded, and returns how many were new.
	AddNotifications(ctx context.Context, ns []Notification) (int, error)
	// RemindersOff reports whether the candidate turned reminders off.
	RemindersOff(ctx context.Context, candidateID int64) (bool, error)
}

// candidateKey is the unique key of a candidate's notification about a day.
func candidateKey(candidateID int64, kind NotificationKind, program Program, day Date) string {
	return fmt.Sprintf("candidate:%d|%s|%s|%s", candidateID, kind, program, day)
}

// applicationNotifications are the notifications the change of each
// application causes, with the figures of the rule tables in force; amount
// is the fee due on submission or the sum paid on a payment.
func applicationNotifications(snap *Snapshot, apps []*Application, action ApplicationAction, at time.Time, amount *Money) []Notification {
	var out []Notification
	for _, a := range apps {
		out = append(out, applicationNotification(snap, a, action, at, amount)...)
	}
	return out
}

// applicationNotification is the notification one application's change
// causes, if any.
func applicationNotification(snap *Snapshot, a *Application, action ApplicationAction, at time.Time, amount *Money) []Notification {
	today := DateOf(at)
	facts := map[string]string{"program": string(a.Program), "application": strconv.FormatInt(a.ID, 10),
		"expiresOn": a.Cycle.ExpiresOn.String()}
	var kind NotificationKind
	switch action {
	case ActionSubmit:
		kind = NotifySubmitted
		if amount != nil {
			facts["feeDue"] = formatMoney(*amount)
		}
		if a.BundleID != "" {
			facts["bundle"] = a.BundleID
		}
	case ActionRecordPayment:
		kind = NotifyPaymentRecorded
		if amount != nil {
			facts["paid"] = formatMoney(*amount)
		}
		if a.DecisionDueOn != nil {
			facts["decisionDueOn"] = a.DecisionDueOn.String()
		}
	case ActionApprove, ActionGrantDetailedReview, ActionGrantAppeal:
		kind = NotifyApproved
		if a.NewExpiresOn != nil {
			facts["newExpiresOn"] = a.NewExpiresOn.String()
		}
	case ActionUpholdDenial:
		kind = NotifyDenialUpheld
		appeal, _ := snap.Fee(FeeAppeal)
		facts["decidedOn"] = today.String()
		facts["reason"] = lastReason(a)
		facts["appealFee"] = formatMoney(appeal)
		facts["answerDays"] = strconv.Itoa(snap.ruleDays("decision_days"))
	case ActionRejectAppeal:
		kind = NotifyAppealRejected
		facts["decidedOn"] = today.String()
		facts["reason"] = lastReason(a)
	case ActionRequestInformation:
		kind = informationRequested(snap, a, today, facts)
	case ActionGrantExtension, ActionRefuseExtension:
		kind = extensionNotification(a, facts)
	case ActionDeny:
		kind = NotifyDenied
		free, _ := snap.Fee(FeeDetailedReview)
		late, _ := snap.Fee(FeeLateDetailedReview)
		appeal, _ := snap.Fee(FeeAppeal)
		facts["deniedOn"] = today.String()
		facts["freeReviewUntil"] = today.AddDays(snap.ruleDays("free_detailed_review_days")).String()
		facts["reviewFee"] = formatMoney(free)
		facts["lateReviewFee"] = formatMoney(late)
		facts["appealFee"] = formatMoney(appeal)
		facts["answerDays"] = strconv.Itoa(snap.ruleDays("decision_days"))
		for i, r := range a.DenialReasons {
			facts["reason"+strconv.Itoa(i+1)] = r
		}
	default:
		return nil
	}
	if kind == "" {
		return nil
	}
	return []Notification{{CandidateID: a.CandidateID, Kind: kind, Facts: facts, CreatedAt: at,
		Key: fmt.Sprintf("application:%d|%s|v%d", a.ID, kind, a.Version)}}
}

// lastReason is the reason recorded with the change being made to the
// application.
func lastReason(a *Application) string {
	if n := len(a.NewEvents); n > 0 {
		return a.NewEvents[n-1].Reason
	}
	return ""
}

// extensionNotification fills the facts of a decided extension and
// returns its kind, or "" when no extension was decided.
func extensionNotification(a *Application, facts map[string]string) NotificationKind {
	x := a.Extension
	if x == nil {
		return ""
	}
	facts["courseEndsOn"] = x.CourseEndsOn.String()
	facts["reason"] = x.Decision
	switch x.State() {
	case ExtensionGranted:
		if x.Until != nil {
			facts["newExpiresOn"] = x.Until.String()
		}
		return NotifyExtensionGranted
	case ExtensionRefused:
		return NotifyExtensionRefused
	}
	return ""
}
