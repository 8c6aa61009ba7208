-- The version of the open catalog reviews, which the credential check keeps
-- in memory: every change of a review or of its submitters moves it on.
-- SQLite serves one process, which hears of the change from the store.
-- +goose Up
CREATE TABLE open_reviews_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    BIGINT NOT NULL,
    updated_at DATETIME NOT NULL
);
INSERT INTO open_reviews_state (id, version, updated_at) VALUES (1, 1, CURRENT_TIMESTAMP);

-- +goose StatementBegin
CREATE TRIGGER catalog_reviews_inserted_open_reviews_changed AFTER INSERT ON catalog_reviews
BEGIN
    UPDATE open_reviews_state SET version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_reviews_updated_open_reviews_changed
    AFTER UPDATE OF status, certification_name, organization_name, due_on ON catalog_reviews
BEGIN
    UPDATE open_reviews_state SET version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_reviews_deleted_open_reviews_changed AFTER DELETE ON catalog_reviews
BEGIN
    UPDATE open_reviews_state SET version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_review_submitters_inserted_open_reviews_changed AFTER INSERT ON catalog_review_submitters
BEGIN
    UPDATE open_reviews_state SET version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_review_submitters_deleted_open_reviews_changed AFTER DELETE ON catalog_review_submitters
BEGIN
    UPDATE open_reviews_state SET version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER catalog_review_submitters_deleted_open_reviews_changed;
DROP TRIGGER catalog_review_submitters_inserted_open_reviews_changed;
DROP TRIGGER catalog_reviews_deleted_open_reviews_changed;
DROP TRIGGER catalog_reviews_updated_open_reviews_changed;
DROP TRIGGER catalog_reviews_inserted_open_reviews_changed;
DROP TABLE open_reviews_state;
