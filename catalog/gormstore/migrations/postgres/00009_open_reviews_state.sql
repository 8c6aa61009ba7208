-- The version of the open catalog reviews, which the credential check keeps
-- in memory: every change of a review or of its submitters moves it on and
-- announces it on the recert_open_review_changes channel, whoever wrote it.
-- +goose Up
CREATE TABLE open_reviews_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
INSERT INTO open_reviews_state (id, version, updated_at) VALUES (1, 1, now());

-- +goose StatementBegin
CREATE FUNCTION open_reviews_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next BIGINT;
BEGIN
    UPDATE open_reviews_state SET version = version + 1, updated_at = now() WHERE id = 1 RETURNING version INTO next;
    PERFORM pg_notify('recert_open_review_changes', next::text);
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER catalog_reviews_open_reviews_changed
    AFTER INSERT OR DELETE OR UPDATE OF status, certification_name, organization_name, due_on ON catalog_reviews
    FOR EACH STATEMENT EXECUTE FUNCTION open_reviews_changed();
CREATE TRIGGER catalog_review_submitters_open_reviews_changed
    AFTER INSERT OR DELETE OR UPDATE ON catalog_review_submitters
    FOR EACH STATEMENT EXECUTE FUNCTION open_reviews_changed();

-- +goose Down
DROP TRIGGER catalog_review_submitters_open_reviews_changed ON catalog_review_submitters;
DROP TRIGGER catalog_reviews_open_reviews_changed ON catalog_reviews;
DROP FUNCTION open_reviews_changed();
DROP TABLE open_reviews_state;
