package gormstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/mssc/recert/catalog/gormstore"
)

// TestSubmissionsMigrationKeepsJoinersApart checks that migration 00007
// gives the submitter who opened a review the documentation and copy the
// review holds, and a submitter who joined it before submissions were kept
// only the certification's and organization's names: never the opener's
// copy, documents or answer. The migration can be rolled back and applied
// again.
func TestSubmissionsMigrationKeepsJoinersApart(t *testing.T) {
	t.Parallel()
	forEachDialectMigratedTo(t, 6, func(t *testing.T, store *gormstore.Store) {
		ctx := context.Background()
		opened := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		for _, stmt := range []struct {
			sql  string
			args []any
		}{
			{`INSERT INTO catalog_reviews (id, certification_name, review_key, organization_name, organization_url, organization_description,
				training_requirements, key_activity_ids, earning_methods, recognition, flags, file_key, file_sha256, file_size, file_content_type, file_name,
				status, submitted_at, due_on, information_request, information_response, version, updated_at, updated_by)
				VALUES (1, 'Certified Widget Rigger', 'certified widget rigger|widget rigging board', 'Widget Rigging Board', 'https://widgets.example.org',
				'Alice''s employer', 'Alice''s training', '[3,4]', '["WRITTEN_ASSESSMENT"]', '["NATIONAL"]', '[]', 'sha256/ab/alice', 'alicesha', 77,
				'application/pdf', 'alice.pdf', 'INFORMATION_REQUESTED', ?, ?, 'Who accredits it', 'Alice: ANSI', 3, ?, 'C-1001')`,
				[]any{opened, opened.AddDate(0, 0, 30), opened}},
			{`INSERT INTO catalog_review_submitters (review_id, subject, candidate_number, added_at) VALUES (1, 'C-1001', 'C-1001', ?)`, []any{opened}},
			{`INSERT INTO catalog_review_submitters (review_id, subject, candidate_number, added_at) VALUES (1, 'A-0000', 'A-0000', ?)`, []any{opened.Add(time.Hour)}},
		} {
			if err := store.Exec(ctx, stmt.sql, stmt.args...); err != nil {
				t.Fatalf("writing the old rows: %v", err)
			}
		}
		if err := store.Migrate(ctx); err != nil {
			t.Fatalf("Migrate: %v", err)
		}
		r, err := store.ReviewByID(ctx, 1)
		if err != nil || r == nil || len(r.Submitters) != 2 {
			t.Fatalf("ReviewByID: %v %v", r, err)
		}
		opener, joiner := r.Submitters[0], r.Submitters[1]
		if opener.Subject != "C-1001" || opener.Copy.Key != "sha256/ab/alice" || opener.TrainingRequirements != "Alice's training" ||
			opener.Organization.Description != "Alice's employer" || opener.InformationResponse != "Alice: ANSI" ||
			len(opener.KeyActivityIDs) != 2 || len(opener.EarningMethods) != 1 || len(opener.Recognition) != 1 {
			t.Errorf("the opener's submission = %+v", opener)
		}
		if joiner.Subject != "A-0000" || joiner.CertificationName != "Certified Widget Rigger" || joiner.Organization.Name != "Widget Rigging Board" ||
			joiner.Copy.Key != "" || joiner.TrainingRequirements != "" || joiner.Organization.Description != "" || joiner.Organization.URL != "" ||
			joiner.InformationResponse != "" || len(joiner.KeyActivityIDs) != 0 {
			t.Errorf("the joiner's submission holds the opener's documents: %+v", joiner)
		}
		if err := store.MigrateDownTo(ctx, 6); err != nil {
			t.Fatalf("rolling 00007 back: %v", err)
		}
		if err := store.Migrate(ctx); err != nil {
			t.Fatalf("applying 00007 again: %v", err)
		}
	})
}
