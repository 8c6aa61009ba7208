-- Notifications: a transactional outbox written in the same transaction as
-- the change that causes each message, read by the delivery queue and by
-- viewer.notifications. dedupe_key (recipient, kind and the day or version
-- it is about) makes each notification exist once. Candidates' preferences
-- say whether reminders are wanted; decisions are always sent.
-- +goose Up
CREATE TABLE notifications (
    id           {{.ID}},
    candidate_id BIGINT REFERENCES candidates (id),
    recipient    TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL,
    dedupe_key   TEXT NOT NULL UNIQUE,
    facts        TEXT NOT NULL DEFAULT '{}',
    created_at   {{.Timestamp}} NOT NULL,
    enqueued_at  {{.Timestamp}},
    sent_at      {{.Timestamp}},
    read_at      {{.Timestamp}}
);
CREATE INDEX notifications_candidate ON notifications (candidate_id, id);
CREATE INDEX notifications_unqueued ON notifications (id) WHERE enqueued_at IS NULL;

CREATE TABLE notification_preferences (
    candidate_id  BIGINT PRIMARY KEY REFERENCES candidates (id),
    reminders_off BOOLEAN NOT NULL,
    updated_at    {{.Timestamp}} NOT NULL
);

-- +goose Down
DROP TABLE notification_preferences;
DROP TABLE notifications;
