-- Application bundles: a CPT and a CLT application submitted together for
-- the bundled fee. The fee and its payments belong to the bundle, once;
-- each bundled application names it by bundle_id and no longer carries
-- the fee itself. Existing bundles move their fee here; the payment was
-- recorded on the first application of each, whose payments are copied.
-- +goose Up
CREATE TABLE application_bundles (
    id              TEXT PRIMARY KEY,
    candidate_id    BIGINT NOT NULL REFERENCES candidates (id),
    application_ids TEXT NOT NULL DEFAULT '[]',
    fee_kind        TEXT NOT NULL,
    fee_cents       BIGINT NOT NULL CHECK (fee_cents >= 0),
    fee_currency    TEXT NOT NULL,
    payments        TEXT NOT NULL DEFAULT '[]',
    version         INTEGER NOT NULL,
    created_at      {{.Timestamp}} NOT NULL,
    updated_at      {{.Timestamp}} NOT NULL,
    updated_by      TEXT NOT NULL
);
CREATE INDEX application_bundles_candidate ON application_bundles (candidate_id);

INSERT INTO application_bundles (id, candidate_id, application_ids, fee_kind, fee_cents, fee_currency, payments, version, created_at, updated_at, updated_by)
SELECT a.bundle_id, a.candidate_id, '[' || a.id || ',' || b.id || ']', 'BUNDLED_APPLICATION', COALESCE(a.fee_cents, 0), a.fee_currency,
       a.payments, 1, COALESCE(a.submitted_at, a.created_at), a.updated_at, a.updated_by
FROM applications a
JOIN applications b ON b.bundle_id = a.bundle_id AND b.id > a.id
WHERE a.bundle_id <> '' AND a.fee_kind = 'BUNDLED_APPLICATION';

UPDATE applications SET fee_kind = '', fee_cents = NULL, fee_currency = ''
WHERE bundle_id <> '' AND fee_kind = 'BUNDLED_APPLICATION';

-- +goose Down
UPDATE applications SET fee_kind = 'BUNDLED_APPLICATION',
    fee_cents = (SELECT fee_cents FROM application_bundles WHERE application_bundles.id = applications.bundle_id),
    fee_currency = (SELECT fee_currency FROM application_bundles WHERE application_bundles.id = applications.bundle_id)
WHERE bundle_id <> '' AND fee_kind = '' AND status IN ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'DENIED');
DROP TABLE application_bundles;
