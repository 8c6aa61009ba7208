-- The pre-approved catalog and the rule tables of the MSSC guide.
-- +goose Up
CREATE TABLE catalog_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    BIGINT NOT NULL,
    updated_at {{.Timestamp}} NOT NULL
);
INSERT INTO catalog_state (id, version, updated_at) VALUES (1, 0, {{.Now}});

CREATE TABLE organizations (
    id          {{.ID}},
    key         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    acronym     TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    created_at  {{.Timestamp}} NOT NULL,
    updated_at  {{.Timestamp}} NOT NULL
);

CREATE TABLE certifications (
    id                   {{.ID}},
    key                  TEXT NOT NULL UNIQUE,
    organization_id      BIGINT NOT NULL REFERENCES organizations (id),
    name                 TEXT NOT NULL,
    display_name         TEXT NOT NULL UNIQUE,
    group_name           TEXT NOT NULL DEFAULT '',
    level                TEXT NOT NULL DEFAULT '',
    note                 TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    approved_on          DATE,
    retired_on           DATE,
    provenance_source    TEXT NOT NULL,
    provenance_reference TEXT NOT NULL DEFAULT '',
    created_at           {{.Timestamp}} NOT NULL,
    updated_at           {{.Timestamp}} NOT NULL
);
CREATE INDEX certifications_organization_id ON certifications (organization_id);

CREATE TABLE certification_recognition_bases (
    certification_id BIGINT NOT NULL REFERENCES certifications (id) ON DELETE CASCADE,
    basis            TEXT NOT NULL CHECK (basis IN ('NAM_ENDORSED', 'ANSI_ISO_17024', 'NCCA', 'OSHA_GENERAL_INDUSTRY')),
    PRIMARY KEY (certification_id, basis)
);

CREATE TABLE certification_programs (
    certification_id BIGINT NOT NULL REFERENCES certifications (id) ON DELETE CASCADE,
    program          TEXT NOT NULL CHECK (program IN ('CPT', 'CLT')),
    PRIMARY KEY (certification_id, program)
);

CREATE TABLE certification_aliases (
    certification_id BIGINT NOT NULL REFERENCES certifications (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('ACRONYM', 'ALTERNATE_NAME', 'FORMER_NAME')),
    value            TEXT NOT NULL,
    position         INTEGER NOT NULL,
    PRIMARY KEY (certification_id, kind, value)
);

CREATE TABLE key_activities (
    id                  {{.ID}},
    key                 TEXT NOT NULL UNIQUE,
    program             TEXT NOT NULL CHECK (program IN ('CPT', 'CLT')),
    area                TEXT NOT NULL,
    number              INTEGER NOT NULL,
    title               TEXT NOT NULL,
    exam_weight_percent {{.Percent}},
    systems             TEXT NOT NULL DEFAULT '[]',
    UNIQUE (area, number)
);

CREATE TABLE fields (
    id       {{.ID}},
    key      TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    sector   TEXT NOT NULL DEFAULT '',
    name     TEXT NOT NULL,
    related  BOOLEAN NOT NULL,
    reason   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE activity_types (
    id             {{.ID}},
    key            TEXT NOT NULL UNIQUE,
    position       INTEGER NOT NULL,
    category       TEXT NOT NULL,
    name           TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    proof_required TEXT NOT NULL DEFAULT '',
    min_points     INTEGER NOT NULL,
    max_points     INTEGER NOT NULL,
    per            TEXT NOT NULL CHECK (per IN ('ACTIVITY', 'YEAR')),
    CHECK (min_points <= max_points)
);

CREATE TABLE employment_bands (
    id               {{.ID}},
    key              TEXT NOT NULL UNIQUE,
    position         INTEGER NOT NULL,
    label            TEXT NOT NULL,
    kind             TEXT NOT NULL,
    min_months       INTEGER NOT NULL DEFAULT 0,
    max_months       INTEGER NOT NULL DEFAULT 0,
    min_weeks        INTEGER NOT NULL DEFAULT 0,
    full_time_points INTEGER NOT NULL,
    part_time_points INTEGER NOT NULL
);

CREATE TABLE fees (
    id           {{.ID}},
    key          TEXT NOT NULL UNIQUE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
    currency     TEXT NOT NULL,
    refundable   BOOLEAN NOT NULL,
    conditions   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE rules (
    id          {{.ID}},
    key         TEXT NOT NULL UNIQUE,
    value       {{.Float}} NOT NULL,
    unit        TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT ''
);

-- +goose Down
DROP TABLE rules;
DROP TABLE fees;
DROP TABLE employment_bands;
DROP TABLE activity_types;
DROP TABLE fields;
DROP TABLE key_activities;
DROP TABLE certification_aliases;
DROP TABLE certification_programs;
DROP TABLE certification_recognition_bases;
DROP TABLE certifications;
DROP TABLE organizations;
DROP TABLE catalog_state;
