-- Search synonyms: a phrase candidates type and the catalog words it means
-- ("hydraulics" means "fluid power"). Seeded once by key, then edited by
-- staff with history; a removed synonym is kept so that the seed does not
-- bring it back.
-- +goose Up
CREATE TABLE search_synonyms (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    key        TEXT NOT NULL UNIQUE,
    phrase     TEXT NOT NULL CHECK (length(phrase) BETWEEN 1 AND 100),
    meaning    TEXT NOT NULL CHECK (length(meaning) BETWEEN 1 AND 100),
    removed    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL
);

-- +goose Down
DROP TABLE search_synonyms;
