-- Catalog reviews of certifications not yet listed, and the history of
-- every catalog change.
-- +goose Up
CREATE TABLE catalog_reviews (
    id                       {{.ID}},
    certification_name       TEXT NOT NULL,
    review_key               TEXT NOT NULL,
    organization_name        TEXT NOT NULL,
    organization_url         TEXT NOT NULL DEFAULT '',
    organization_description TEXT NOT NULL DEFAULT '',
    training_requirements    TEXT NOT NULL,
    key_activity_ids         TEXT NOT NULL DEFAULT '[]',
    earning_methods          TEXT NOT NULL DEFAULT '[]',
    recognition              TEXT NOT NULL DEFAULT '[]',
    flags                    TEXT NOT NULL DEFAULT '[]',
    file_key                 TEXT NOT NULL DEFAULT '',
    file_sha256              TEXT NOT NULL DEFAULT '',
    file_size                BIGINT NOT NULL DEFAULT 0,
    file_content_type        TEXT NOT NULL DEFAULT '',
    file_name                TEXT NOT NULL DEFAULT '',
    status                   TEXT NOT NULL CHECK (status IN ('PENDING', 'INFORMATION_REQUESTED', 'APPROVED', 'REJECTED')),
    submitted_at             {{.Timestamp}} NOT NULL,
    due_on                   DATE NOT NULL,
    assignee                 TEXT NOT NULL DEFAULT '',
    paused_at                {{.Timestamp}},
    paused_days              INTEGER NOT NULL DEFAULT 0,
    information_request      TEXT NOT NULL DEFAULT '',
    information_response     TEXT NOT NULL DEFAULT '',
    decision_reason          TEXT NOT NULL DEFAULT '',
    decision_message         TEXT NOT NULL DEFAULT '',
    decided_by               TEXT NOT NULL DEFAULT '',
    decided_at               {{.Timestamp}},
    certification_id         BIGINT REFERENCES certifications (id),
    version                  INTEGER NOT NULL,
    updated_at               {{.Timestamp}} NOT NULL,
    updated_by               TEXT NOT NULL
);
-- At most one open review per certification of a body.
CREATE UNIQUE INDEX catalog_reviews_open_key ON catalog_reviews (review_key) WHERE status IN ('PENDING', 'INFORMATION_REQUESTED');
CREATE INDEX catalog_reviews_due ON catalog_reviews (status, due_on, id);

CREATE TABLE catalog_review_submitters (
    review_id        BIGINT NOT NULL REFERENCES catalog_reviews (id) ON DELETE CASCADE,
    subject          TEXT NOT NULL,
    candidate_number TEXT NOT NULL DEFAULT '',
    added_at         {{.Timestamp}} NOT NULL,
    PRIMARY KEY (review_id, subject)
);
CREATE INDEX catalog_review_submitters_subject ON catalog_review_submitters (subject);

CREATE TABLE catalog_changes (
    id              {{.ID}},
    occurred_at     {{.Timestamp}} NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    entity_type     TEXT NOT NULL,
    entity_id       BIGINT NOT NULL,
    before          TEXT NOT NULL DEFAULT '',
    after           TEXT NOT NULL DEFAULT '',
    reason          TEXT NOT NULL DEFAULT '',
    review_id       BIGINT,
    catalog_version BIGINT NOT NULL
);
CREATE INDEX catalog_changes_entity ON catalog_changes (entity_type, entity_id, occurred_at);
CREATE INDEX catalog_changes_occurred_at ON catalog_changes (occurred_at, id);

-- +goose Down
DROP TABLE catalog_changes;
DROP TABLE catalog_review_submitters;
DROP TABLE catalog_reviews;
