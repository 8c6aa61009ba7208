-- Candidates, the full certifications they hold, and the audit trail of writes.
-- +goose Up
CREATE TABLE candidates (
    id         {{.ID}},
    number     TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    created_at {{.Timestamp}} NOT NULL,
    created_by TEXT NOT NULL,
    updated_at {{.Timestamp}} NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE held_certifications (
    id           {{.ID}},
    candidate_id BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    program      TEXT NOT NULL CHECK (program IN ('CPT', 'CLT')),
    certified_on DATE NOT NULL,
    expires_on   DATE NOT NULL,
    created_at   {{.Timestamp}} NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   {{.Timestamp}} NOT NULL,
    updated_by   TEXT NOT NULL,
    UNIQUE (candidate_id, program),
    CHECK (expires_on > certified_on)
);
CREATE INDEX held_certifications_expires_on ON held_certifications (expires_on);

CREATE TABLE audit_events (
    id          {{.ID}},
    occurred_at {{.Timestamp}} NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   BIGINT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    details     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id, occurred_at);
CREATE INDEX audit_events_occurred_at ON audit_events (occurred_at);

-- +goose Down
DROP TABLE audit_events;
DROP TABLE held_certifications;
DROP TABLE candidates;
