package catalog

import (
	"sort"
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
	// NotifyInformationRequested tells a candidate that staff ask for more
	// information on their application, with the question and the day to
	// answer by.
	NotifyInformationRequested NotificationKind = "APPLICATION_INFORMATION_REQUESTED"
	// NotifyApplicationAnswered tells staff that a candidate answered their
	// question on an application.
	NotifyApplicationAnswered NotificationKind = "APPLICATION_ANSWERED"
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

// FactList returns a notification's facts sorted by name, for display.
func (n *Notification) FactList() []NotificationFact {
	out := make([]NotificationFact, 0, len(n.Facts))
	for k, v := range n.Facts {
		out = append(out, NotificationFact{Name: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// NotificationFact is one date, fee or name a notification gives.
type NotificationFact struct {
	// Name says what it is, such as expiresOn.
	Name string
	// Value is its value, as the message shows it.
	Value string
}
