-- Application history in a table of its own, append-only: every change of
-- an application adds its events here in the transaction that saves the
-- application, and the history is read only when a query asks for it.
-- Kept in the applications.history JSON column, it was read and rewritten
-- whole by every edit, which cost more the longer an application lived.
-- Existing histories move here, oldest event first, and the column goes.
-- +goose Up
CREATE TABLE application_events (
    id             {{.ID}},
    application_id BIGINT NOT NULL REFERENCES applications (id),
    at             {{.Timestamp}} NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    from_status    TEXT NOT NULL DEFAULT '',
    to_status      TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX application_events_application ON application_events (application_id, id);

INSERT INTO application_events (id, application_id, at, actor, action, from_status, to_status, reason)
{{if .Postgres -}}
SELECT row_number() OVER (ORDER BY a.id, e.n), a.id, (e.event ->> 'At')::timestamptz, COALESCE(e.event ->> 'Actor', ''),
       COALESCE(e.event ->> 'Action', ''), COALESCE(e.event ->> 'From', ''), COALESCE(e.event ->> 'To', ''), COALESCE(e.event ->> 'Reason', '')
FROM applications a
CROSS JOIN LATERAL jsonb_array_elements(a.history::jsonb) WITH ORDINALITY AS e (event, n);
SELECT setval(pg_get_serial_sequence('application_events', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM application_events;
{{- else -}}
SELECT row_number() OVER (ORDER BY a.id, e.key), a.id, json_extract(e.value, '$.At'), COALESCE(json_extract(e.value, '$.Actor'), ''),
       COALESCE(json_extract(e.value, '$.Action'), ''), COALESCE(json_extract(e.value, '$.From'), ''), COALESCE(json_extract(e.value, '$.To'), ''),
       COALESCE(json_extract(e.value, '$.Reason'), '')
FROM applications a, json_each(a.history) e;
{{- end}}

ALTER TABLE applications DROP COLUMN history;

-- +goose Down
-- Times go back as RFC 3339 text in UTC, as the column held them.
ALTER TABLE applications ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
{{if .Postgres -}}
UPDATE applications SET history = h.events
FROM (SELECT application_id,
             json_agg(json_build_object('At', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'Actor', actor, 'Action', action, 'From', from_status, 'To', to_status, 'Reason', reason) ORDER BY id)::text AS events
      FROM application_events GROUP BY application_id) h
WHERE h.application_id = applications.id;
{{- else -}}
UPDATE applications SET history = (
    SELECT json_group_array(json_object('At', replace(replace(at, ' ', 'T'), '+00:00', 'Z'), 'Actor', actor, 'Action', action, 'From', from_status, 'To', to_status, 'Reason', reason))
    FROM (SELECT * FROM application_events WHERE application_id = applications.id ORDER BY id))
WHERE id IN (SELECT application_id FROM application_events);
{{- end}}
DROP TABLE application_events;
