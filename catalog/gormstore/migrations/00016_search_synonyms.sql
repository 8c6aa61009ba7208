-- Search synonyms: a phrase candidates type and the catalog words it means
-- ("hydraulics" means "fluid power"). Seeded once by key, then edited by
-- staff with history; a removed synonym is kept so that the seed does not
-- bring it back.
-- +goose Up
CREATE TABLE search_synonyms (
    id         {{.ID}},
    key        TEXT NOT NULL UNIQUE,
    phrase     TEXT NOT NULL CHECK (length(phrase) BETWEEN 1 AND 100),
    meaning    TEXT NOT NULL CHECK (length(meaning) BETWEEN 1 AND 100),
    removed    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at {{.Timestamp}} NOT NULL,
    updated_at {{.Timestamp}} NOT NULL
);

-- +goose Down
DROP TABLE search_synonyms;
