package notification

import (
	"context"
	"sort"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
)

// InboxStore is what a candidate's notifications need from persistence.
type InboxStore interface {
	// NotificationsOfCandidate returns a candidate's notifications, newest first.
	NotificationsOfCandidate(ctx context.Context, candidateID int64, limit int) ([]catalog.Notification, error)
	// NotificationByID returns a notification, or nil.
	NotificationByID(ctx context.Context, id int64) (*catalog.Notification, error)
	// MarkNotificationRead marks a candidate's notification read and
	// reports whether the candidate has it.
	MarkNotificationRead(ctx context.Context, candidateID, id int64, at time.Time) (bool, error)
	// RemindersOff reports whether the candidate turned reminders off.
	RemindersOff(ctx context.Context, candidateID int64) (bool, error)
	// SetRemindersOff records whether the candidate wants reminders.
	SetRemindersOff(ctx context.Context, candidateID int64, off bool, at time.Time) error
}

// DeliveryFailure is a notification whose every send failed.
type DeliveryFailure struct {
	// NotificationID is the notification.
	NotificationID int64
	// Key is its unique key: recipient, kind and day.
	Key string
	// Attempts is how many sends were tried.
	Attempts int
	// LastError is the mail server's last answer.
	LastError string
	// FailedAt is when the queue gave it up.
	FailedAt time.Time
}

// DeliveryFailures lists the notifications the delivery queue gave up.
type DeliveryFailures interface {
	// Failed lists them, newest first.
	Failed(ctx context.Context, limit int) ([]DeliveryFailure, error)
}

// NotificationPreferences are what a candidate wants to be told.
type NotificationPreferences struct {
	// RemindersOn says whether date-driven reminders are sent; decisions
	// and confirmations always are.
	RemindersOn bool
}

// maxInbox bounds the notifications a candidate's list reads.
const maxInbox = 1000

// Inbox is the service for a candidate's notifications and preferences,
// and staff's view of failed deliveries.
type Inbox struct {
	store      InboxStore
	candidates *candidate.Candidates
	failures   DeliveryFailures
	now        func() time.Time
}

// NewInbox returns the inbox service.
func NewInbox(store InboxStore, candidates *candidate.Candidates, now func() time.Time) *Inbox {
	return &Inbox{store: store, candidates: candidates, now: now}
}

// SetDeliveries names where failed deliveries are read, once the delivery
// queue runs.
func (s *Inbox) SetDeliveries(f DeliveryFailures) { s.failures = f }

// Mine pages the signed-in candidate's notifications, newest first; staff
// and a candidate without a record have none.
func (s *Inbox) Mine(ctx context.Context, unreadOnly bool, req catalog.PageRequest) (catalog.Page[*catalog.Notification], error) {
	o := catalog.Ordering[*catalog.Notification]{Scope: "notifications", Descending: true,
		Key: func(*catalog.Notification) string { return "" }, ID: func(n *catalog.Notification) int64 { return n.ID }}
	c, err := s.candidates.Mine(ctx)
	if err != nil {
		return catalog.Page[*catalog.Notification]{}, err
	}
	var items []*catalog.Notification
	if c != nil {
		ns, err := s.store.NotificationsOfCandidate(ctx, c.ID, maxInbox)
		if err != nil {
			return catalog.Page[*catalog.Notification]{}, err
		}
		for i := range ns {
			if !unreadOnly || ns[i].ReadAt == nil {
				items = append(items, &ns[i])
			}
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].ID > items[j].ID })
	return catalog.Paginate(items, o, req)
}

// MarkRead marks one of the signed-in candidate's notifications read.
func (s *Inbox) MarkRead(ctx context.Context, id int64) (*catalog.Notification, []*catalog.Error, error) {
	c, err := s.mine(ctx)
	if err != nil {
		return nil, nil, err
	}
	ok, err := s.store.MarkNotificationRead(ctx, c.ID, id, s.now().UTC())
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Field: "id", Message: "you have no notification with this ID"}}, nil
	}
	n, err := s.store.NotificationByID(ctx, id)
	return n, nil, err
}

// Get returns a notification to the candidate it is for; to anyone else
// it is answered exactly like one that does not exist.
func (s *Inbox) Get(ctx context.Context, id int64) (*catalog.Notification, error) {
	c, err := s.candidates.Mine(ctx)
	if err != nil || c == nil {
		return nil, err
	}
	n, err := s.store.NotificationByID(ctx, id)
	if err != nil || n == nil || n.CandidateID != c.ID {
		return nil, err
	}
	return n, nil
}

// Preferences returns the signed-in candidate's preferences; nil for staff.
func (s *Inbox) Preferences(ctx context.Context) (*NotificationPreferences, error) {
	c, err := s.candidates.Mine(ctx)
	if err != nil || c == nil {
		return nil, err
	}
	off, err := s.store.RemindersOff(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	return &NotificationPreferences{RemindersOn: !off}, nil
}

// SetPreferences turns the signed-in candidate's reminders on or off.
func (s *Inbox) SetPreferences(ctx context.Context, remindersOn bool) (*NotificationPreferences, error) {
	c, err := s.mine(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.store.SetRemindersOff(ctx, c.ID, !remindersOn, s.now().UTC()); err != nil {
		return nil, err
	}
	return &NotificationPreferences{RemindersOn: remindersOn}, nil
}

// Failed lists the notifications whose every send failed, for staff.
func (s *Inbox) Failed(ctx context.Context, limit int) ([]DeliveryFailure, error) {
	if _, err := catalog.Require(ctx, catalog.RoleStaff); err != nil {
		return nil, err
	}
	if limit < 1 || limit > catalog.MaxPageSize {
		return nil, catalog.Invalid("first", "first must be between 1 and %d, got %d", catalog.MaxPageSize, limit)
	}
	if s.failures == nil {
		return nil, &catalog.Error{Code: catalog.CodeUnavailable, Message: "the notification queue is not running"}
	}
	return s.failures.Failed(ctx, limit)
}

// mine returns the signed-in candidate's record, or an error saying why
// there is none.
func (s *Inbox) mine(ctx context.Context) (*candidate.Candidate, error) {
	if _, err := catalog.Require(ctx, catalog.RoleCandidate); err != nil {
		return nil, err
	}
	c, err := s.candidates.Mine(ctx)
	if err != nil {
		return nil, err
	}
	if c == nil {
		return nil, &catalog.Error{Code: catalog.CodeNotFound, Message: "no candidate record is registered for you"}
	}
	return c, nil
}
