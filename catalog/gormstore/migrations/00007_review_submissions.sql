-- Each submitter of a catalog review keeps their own submission: the
-- documentation they sent, their copy of the certification and their
-- answers to staff. Attaching to an open review of the same certification
-- merges only the staff-side decision.
-- +goose Up
ALTER TABLE catalog_review_submitters ADD COLUMN certification_name TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_review_submitters ADD COLUMN organization_name TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_review_submitters ADD COLUMN organization_url TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_review_submitters ADD COLUMN organization_description TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_review_submitters ADD COLUMN training_requirements TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_review_submitters ADD COLUMN key_activity_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE catalog_review_submitters ADD COLUMN earning_methods TEXT NOT NULL DEFAULT '[]';
ALTER TABLE catalog_review_submitters ADD COLUMN recognition TEXT NOT NULL DEFAULT '[]';
ALTER TABLE catalog_review_submitters ADD COLUMN file_key TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_review_submitters ADD COLUMN file_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_review_submitters ADD COLUMN file_size BIGINT NOT NULL DEFAULT 0;
ALTER TABLE catalog_review_submitters ADD COLUMN file_content_type TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_review_submitters ADD COLUMN file_name TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_review_submitters ADD COLUMN information_response TEXT NOT NULL DEFAULT '';
ALTER TABLE catalog_review_submitters ADD COLUMN responded_at {{.Timestamp}};
CREATE INDEX catalog_review_submitters_file ON catalog_review_submitters (file_key);

-- The submitter who opened a review sent the documentation the review
-- holds. Those who joined it before submissions were kept sent the same
-- certification and organization names; their documents were not kept.
UPDATE catalog_review_submitters SET
    certification_name = (SELECT r.certification_name FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    organization_name = (SELECT r.organization_name FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id);
UPDATE catalog_review_submitters SET
    organization_url = (SELECT r.organization_url FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    organization_description = (SELECT r.organization_description FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    training_requirements = (SELECT r.training_requirements FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    key_activity_ids = (SELECT r.key_activity_ids FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    earning_methods = (SELECT r.earning_methods FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    recognition = (SELECT r.recognition FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    file_key = (SELECT r.file_key FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    file_sha256 = (SELECT r.file_sha256 FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    file_size = (SELECT r.file_size FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    file_content_type = (SELECT r.file_content_type FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    file_name = (SELECT r.file_name FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id),
    information_response = (SELECT r.information_response FROM catalog_reviews r WHERE r.id = catalog_review_submitters.review_id)
WHERE subject = (
    SELECT s.subject FROM catalog_review_submitters s
    WHERE s.review_id = catalog_review_submitters.review_id
    ORDER BY s.added_at, s.subject LIMIT 1
);

-- +goose Down
DROP INDEX catalog_review_submitters_file;
ALTER TABLE catalog_review_submitters DROP COLUMN responded_at;
ALTER TABLE catalog_review_submitters DROP COLUMN information_response;
ALTER TABLE catalog_review_submitters DROP COLUMN file_name;
ALTER TABLE catalog_review_submitters DROP COLUMN file_content_type;
ALTER TABLE catalog_review_submitters DROP COLUMN file_size;
ALTER TABLE catalog_review_submitters DROP COLUMN file_sha256;
ALTER TABLE catalog_review_submitters DROP COLUMN file_key;
ALTER TABLE catalog_review_submitters DROP COLUMN recognition;
ALTER TABLE catalog_review_submitters DROP COLUMN earning_methods;
ALTER TABLE catalog_review_submitters DROP COLUMN key_activity_ids;
ALTER TABLE catalog_review_submitters DROP COLUMN training_requirements;
ALTER TABLE catalog_review_submitters DROP COLUMN organization_description;
ALTER TABLE catalog_review_submitters DROP COLUMN organization_url;
ALTER TABLE catalog_review_submitters DROP COLUMN organization_name;
ALTER TABLE catalog_review_submitters DROP COLUMN certification_name;
