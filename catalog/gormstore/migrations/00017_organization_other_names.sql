-- Other names of an organization: names the body had or has taken since
-- (APICS is now the Association for Supply Chain Management), which name
-- it as an issuer too. A JSON list of strings, set by the seed.
-- +goose Up
ALTER TABLE organizations ADD COLUMN other_names TEXT NOT NULL DEFAULT '[]';

-- +goose Down
ALTER TABLE organizations DROP COLUMN other_names;
