-- Application history in a table of its own, append-only: every change of
-- an application adds its events here in the transaction that saves the
-- application, and the history is read only when a query asks for it.
-- Kept in the applications.history JSON column, it was read and rewritten
-- whole by every edit, which cost more the longer an application lived.
-- Existing histories move here, oldest event first, and the column goes.
-- +goose Up
CREATE TABLE application_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id BIGINT NOT NULL REFERENCES applications (id),
    at             DATETIME NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    from_status    TEXT NOT NULL DEFAULT '',
    to_status      TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX application_events_application ON application_events (application_id, id);

INSERT INTO application_events (id, application_id, at, actor, action, from_status, to_status, reason)
SELECT row_number() OVER (ORDER BY a.id, e.key), a.id, json_extract(e.value, '$.At'), COALESCE(json_extract(e.value, '$.Actor'), ''),
       COALESCE(json_extract(e.value, '$.Action'), ''), COALESCE(json_extract(e.value, '$.From'), ''), COALESCE(json_extract(e.value, '$.To'), ''),
       COALESCE(json_extract(e.value, '$.Reason'), '')
FROM applications a, json_each(a.history) e;

ALTER TABLE applications DROP COLUMN history;

-- +goose Down
-- Times go back as RFC 3339 text in UTC, as the column held them.
ALTER TABLE applications ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
UPDATE applications SET history = (
    SELECT json_group_array(json_object('At', replace(replace(at, ' ', 'T'), '+00:00', 'Z'), 'Actor', actor, 'Action', action, 'From', from_status, 'To', to_status, 'Reason', reason))
    FROM (SELECT * FROM application_events WHERE application_id = applications.id ORDER BY id))
WHERE id IN (SELECT application_id FROM application_events);
DROP TABLE application_events;
