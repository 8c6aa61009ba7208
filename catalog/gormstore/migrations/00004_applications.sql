-- Recertification applications, saved whole under optimistic locking, and
-- the idempotency keys of create and submit requests.
-- +goose Up
CREATE TABLE applications (
    id                {{.ID}},
    candidate_id      BIGINT NOT NULL REFERENCES candidates (id),
    candidate_number  TEXT NOT NULL,
    program           TEXT NOT NULL CHECK (program IN ('CPT', 'CLT')),
    cycle_certified_on DATE NOT NULL,
    cycle_expires_on  DATE NOT NULL,
    status            TEXT NOT NULL,
    submitted_at      {{.Timestamp}},
    bundle_id         TEXT NOT NULL DEFAULT '',
    reviewer          TEXT NOT NULL DEFAULT '',
    decision_due_on   DATE,
    denied_on         DATE,
    new_expires_on    DATE,
    fee_kind          TEXT NOT NULL DEFAULT '',
    fee_cents         BIGINT,
    fee_currency      TEXT NOT NULL DEFAULT '',
    activities        TEXT NOT NULL DEFAULT '[]',
    payments          TEXT NOT NULL DEFAULT '[]',
    history           TEXT NOT NULL DEFAULT '[]',
    decided_by        TEXT NOT NULL DEFAULT '{}',
    denial_reasons    TEXT NOT NULL DEFAULT '[]',
    extension         TEXT,
    version           INTEGER NOT NULL,
    created_at        {{.Timestamp}} NOT NULL,
    updated_at        {{.Timestamp}} NOT NULL,
    updated_by        TEXT NOT NULL
);
CREATE INDEX applications_candidate ON applications (candidate_id, id);
CREATE INDEX applications_queue ON applications (status, decision_due_on, id);

CREATE TABLE idempotency_keys (
    subject      TEXT NOT NULL,
    key          TEXT NOT NULL,
    operation    TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    result_id    BIGINT NOT NULL,
    created_at   {{.Timestamp}} NOT NULL,
    PRIMARY KEY (subject, key)
);

-- +goose Down
DROP TABLE idempotency_keys;
DROP TABLE applications;
