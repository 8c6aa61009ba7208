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
	// NotifyStaffDigest lists a staff member's applications due soon or overdue.
	NotifyStaffDigest NotificationKind = "STAFF_DIGEST"
)

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
	return []Notification{{CandidateID: a.CandidateID, Kind: kind, Facts: facts, CreatedAt: at,
		Key: fmt.Sprintf("application:%d|%s|v%d", a.ID, kind, a.Version)}}
}
