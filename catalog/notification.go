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
