-- The version of the open catalog reviews, which the credential check keeps
-- in memory: every change of a review or of its submitters moves it on. On
-- PostgreSQL it is also announced on the recert_open_review_changes channel,
-- whoever wrote it; SQLite serves one process, which hears of the change
-- from the store.
-- +goose Up
CREATE TABLE open_reviews_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    BIGINT NOT NULL,
    updated_at {{.Timestamp}} NOT NULL
);
INSERT INTO open_reviews_state (id, version, updated_at) VALUES (1, 1, {{.Now}});
{{/* SQLite triggers take one event each, so five of them run this body. */ -}}
{{define "move the version on"}}BEGIN
    UPDATE open_reviews_state SET version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = 1;
END;{{end -}}
{{if .Postgres}}
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
{{else}}
-- +goose StatementBegin
CREATE TRIGGER catalog_reviews_inserted_open_reviews_changed AFTER INSERT ON catalog_reviews
{{template "move the version on"}}
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_reviews_updated_open_reviews_changed
    AFTER UPDATE OF status, certification_name, organization_name, due_on ON catalog_reviews
{{template "move the version on"}}
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_reviews_deleted_open_reviews_changed AFTER DELETE ON catalog_reviews
{{template "move the version on"}}
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_review_submitters_inserted_open_reviews_changed AFTER INSERT ON catalog_review_submitters
{{template "move the version on"}}
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER catalog_review_submitters_deleted_open_reviews_changed AFTER DELETE ON catalog_review_submitters
{{template "move the version on"}}
-- +goose StatementEnd
{{end}}
-- +goose Down
{{if .Postgres -}}
DROP TRIGGER catalog_review_submitters_open_reviews_changed ON catalog_review_submitters;
DROP TRIGGER catalog_reviews_open_reviews_changed ON catalog_reviews;
DROP FUNCTION open_reviews_changed();
{{- else -}}
DROP TRIGGER catalog_review_submitters_deleted_open_reviews_changed;
DROP TRIGGER catalog_review_submitters_inserted_open_reviews_changed;
DROP TRIGGER catalog_reviews_deleted_open_reviews_changed;
DROP TRIGGER catalog_reviews_updated_open_reviews_changed;
DROP TRIGGER catalog_reviews_inserted_open_reviews_changed;
{{- end}}
DROP TABLE open_reviews_state;
