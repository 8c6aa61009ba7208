package gormstore

import (
	"context"
	"encoding/json"
	"time"

	"github.com/mssc/recert/catalog"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type notificationRow struct {
	ID          int64 `gorm:"primaryKey"`
	CandidateID *int64
	Recipient   string
	Kind        string
	DedupeKey   string
	Facts       string
	CreatedAt   time.Time
	EnqueuedAt  *time.Time
	SentAt      *time.Time
	ReadAt      *time.Time
}

func (notificationRow) TableName() string { return "notifications" }

type notificationPreferenceRow struct {
	CandidateID  int64 `gorm:"primaryKey"`
	RemindersOff bool
	UpdatedAt    time.Time
}

func (notificationPreferenceRow) TableName() string { return "notification_preferences" }

func fromNotification(n catalog.Notification) (notificationRow, error) {
	raw, err := json.Marshal(n.Facts)
	if err != nil {
		return notificationRow{}, err
	}
	row := notificationRow{Recipient: n.Recipient, Kind: string(n.Kind), DedupeKey: n.Key, Facts: string(raw), CreatedAt: n.CreatedAt.UTC()}
	if n.CandidateID != 0 {
		id := n.CandidateID
		row.CandidateID = &id
	}
	return row, nil
}

func toNotification(r notificationRow) catalog.Notification {
	n := catalog.Notification{ID: r.ID, Recipient: r.Recipient, Kind: catalog.NotificationKind(r.Kind), Key: r.DedupeKey,
		CreatedAt: r.CreatedAt, SentAt: r.SentAt, ReadAt: r.ReadAt}
	if r.CandidateID != nil {
		n.CandidateID = *r.CandidateID
	}
	_ = json.Unmarshal([]byte(r.Facts), &n.Facts)
	return n
}

// saveNotifications writes the notifications a change causes within its
// transaction, skipping any whose key is already recorded.
func saveNotifications(tx *gorm.DB, ns []catalog.Notification) (int, error) {
	added := 0
	for _, n := range ns {
		row, err := fromNotification(n)
		if err != nil {
			return added, err
		}
		res := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "dedupe_key"}}, DoNothing: true}).Create(&row)
		if res.Error != nil {
			return added, res.Error
		}
		added += int(res.RowsAffected)
	}
	return added, nil
}

// AddNotifications records notifications in one transaction, skipping
// those whose key is already recorded, and returns how many were new.
func (s *Store) AddNotifications(ctx context.Context, ns []catalog.Notification) (int, error) {
	added := 0
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		added, err = saveNotifications(tx, ns)
		return err
	})
	return added, mapError(err)
}

// UnqueuedNotifications returns up to limit notifications not yet handed
// to the delivery queue, oldest first.
func (s *Store) UnqueuedNotifications(ctx context.Context, limit int) ([]catalog.Notification, error) {
	var rows []notificationRow
	if err := s.db.WithContext(ctx).Where("enqueued_at IS NULL").Order("id").Limit(limit).Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	out := make([]catalog.Notification, len(rows))
	for i, r := range rows {
		out[i] = toNotification(r)
	}
	return out, nil
}

// MarkNotificationsQueued records that the delivery queue holds the
// notifications.
func (s *Store) MarkNotificationsQueued(ctx context.Context, ids []int64, at time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	return mapError(s.db.WithContext(ctx).Model(&notificationRow{}).Where("id IN ? AND enqueued_at IS NULL", ids).
		Update("enqueued_at", at.UTC()).Error)
}

// NotificationByID returns the notification, or nil.
func (s *Store) NotificationByID(ctx context.Context, id int64) (*catalog.Notification, error) {
	var rows []notificationRow
	if err := s.db.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	n := toNotification(rows[0])
	return &n, nil
}

// MarkNotificationSent records when the mail server took the notification.
func (s *Store) MarkNotificationSent(ctx context.Context, id int64, at time.Time) error {
	return mapError(s.db.WithContext(ctx).Model(&notificationRow{}).Where("id = ?", id).Update("sent_at", at.UTC()).Error)
}

// NotificationsOfCandidate returns a candidate's notifications, newest first.
func (s *Store) NotificationsOfCandidate(ctx context.Context, candidateID int64, limit int) ([]catalog.Notification, error) {
	var rows []notificationRow
	if err := s.db.WithContext(ctx).Where("candidate_id = ?", candidateID).Order("id DESC").Limit(limit).Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	out := make([]catalog.Notification, len(rows))
	for i, r := range rows {
		out[i] = toNotification(r)
	}
	return out, nil
}

// MarkNotificationRead marks a candidate's notification read; it reports
// whether the candidate has such a notification.
func (s *Store) MarkNotificationRead(ctx context.Context, candidateID, id int64, at time.Time) (bool, error) {
	res := s.db.WithContext(ctx).Model(&notificationRow{}).Where("id = ? AND candidate_id = ?", id, candidateID).
		Update("read_at", gorm.Expr("COALESCE(read_at, ?)", at.UTC()))
	return res.RowsAffected == 1, mapError(res.Error)
}

// RemindersOff reports whether the candidate turned reminders off.
func (s *Store) RemindersOff(ctx context.Context, candidateID int64) (bool, error) {
	var rows []notificationPreferenceRow
	if err := s.db.WithContext(ctx).Where("candidate_id = ?", candidateID).Limit(1).Find(&rows).Error; err != nil {
		return false, mapError(err)
	}
	return len(rows) == 1 && rows[0].RemindersOff, nil
}

// SetRemindersOff records whether the candidate wants reminders.
func (s *Store) SetRemindersOff(ctx context.Context, candidateID int64, off bool, at time.Time) error {
	row := notificationPreferenceRow{CandidateID: candidateID, RemindersOff: off, UpdatedAt: at.UTC()}
	return mapError(s.db.WithContext(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "candidate_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"reminders_off", "updated_at"})}).Create(&row).Error)
}
