package main

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"
)

// syntheticSource marks the certifications the growth table adds.
const syntheticSource = "make bench: synthetic entry for the growth table"

// synthetic words make the added names: each added entry is a real
// entry's name with two of these words in front, so the matcher sees
// more entries sharing the catalog's vocabulary, as a larger catalog would.
var (
	syntheticFirst  = []string{"Advanced", "Applied", "Industrial", "Senior", "Associate", "Master", "Field", "Plant", "Regional", "Global", "Digital", "Precision", "Integrated", "Technical", "Operational", "Strategic", "Modern", "Certified", "Professional", "Specialist"}
	syntheticSecond = []string{"Hydraulic", "Pneumatic", "Robotics", "Quality", "Safety", "Rigging", "Welding", "Machining", "Logistics", "Warehouse", "Electrical", "Mechanical", "Maintenance", "Automation", "Inspection", "Packaging", "Composites", "Metrology", "Fabrication", "Energy"}
)

// growCatalog adds synthetic certifications, each a copy of a real one
// (its organization and recognition bases) under a new name, until the
// catalog holds target active certifications; then it moves the catalog
// version on and announces it on the channel the servers listen on, as a
// change made through the service would.
func growCatalog(ctx context.Context, dbURL string, target int) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	var active, synthetic int
	if err := tx.QueryRow(ctx, `SELECT count(*) FILTER (WHERE status = 'ACTIVE'), count(*) FILTER (WHERE provenance_reference = $1) FROM certifications`, syntheticSource).Scan(&active, &synthetic); err != nil {
		return err
	}
	need := target - active
	if need <= 0 {
		return nil
	}
	rows, err := tx.Query(ctx, `SELECT id FROM certifications WHERE status = 'ACTIVE' AND provenance_reference <> $1 ORDER BY id`, syntheticSource)
	if err != nil {
		return err
	}
	templates, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	if len(templates) == 0 {
		return fmt.Errorf("no certification to copy")
	}
	if _, err := tx.Exec(ctx, `CREATE TEMP TABLE bench_synthetic (key TEXT, template_id BIGINT, prefix TEXT) ON COMMIT DROP`); err != nil {
		return err
	}
	var copyRows [][]any
	pairs := len(syntheticFirst) * len(syntheticSecond)
	for i := synthetic; i < synthetic+need; i++ {
		tpl := templates[i%len(templates)]
		pair := i / len(templates)
		prefix := syntheticFirst[pair%len(syntheticFirst)] + " " + syntheticSecond[(pair/len(syntheticFirst))%len(syntheticSecond)]
		if round := pair / pairs; round > 0 {
			prefix += fmt.Sprintf(" %d", round+1)
		}
		copyRows = append(copyRows, []any{fmt.Sprintf("bench-synthetic-%d", i+1), tpl, prefix})
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"bench_synthetic"}, []string{"key", "template_id", "prefix"}, pgx.CopyFromRows(copyRows)); err != nil {
		return err
	}
	for _, st := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO certifications (key, organization_id, name, display_name, group_name, level, note, status, approved_on, provenance_source, provenance_reference, created_at, updated_at)
		  SELECT s.key, t.organization_id, s.prefix || ' ' || t.name, s.prefix || ' ' || t.display_name, '', '', '', 'ACTIVE', t.approved_on, 'STAFF', $1, now(), now()
		  FROM bench_synthetic s JOIN certifications t ON t.id = s.template_id`, []any{syntheticSource}},
		{`INSERT INTO certification_recognition_bases (certification_id, basis)
		  SELECT c.id, b.basis FROM bench_synthetic s JOIN certifications c ON c.key = s.key JOIN certification_recognition_bases b ON b.certification_id = s.template_id`, nil},
		{`INSERT INTO certification_programs (certification_id, program)
		  SELECT c.id, p.program FROM bench_synthetic s JOIN certifications c ON c.key = s.key JOIN certification_programs p ON p.certification_id = s.template_id`, nil},
	} {
		if _, err := tx.Exec(ctx, st.sql, st.args...); err != nil {
			return err
		}
	}
	var version int64
	if err := tx.QueryRow(ctx, `UPDATE catalog_state SET version = version + 1, updated_at = now() WHERE id = 1 RETURNING version`).Scan(&version); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `SELECT pg_notify('recert_catalog_changes', $1)`, fmt.Sprint(version)); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// waitForCatalog waits until this service lists target certifications.
func waitForCatalog(client *http.Client, endpoint string, target int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var got float64
	for time.Now().Before(deadline) {
		data, err := call(client, endpoint, jsonHeader("Cache-Control", "no-cache"), `{ certifications(first: 1) { totalCount } }`, nil)
		if err == nil {
			got, _ = get(data, "certifications", "totalCount").(float64)
			if int(got) == target {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("the service lists %v certifications %s after the catalog grew to %d", got, timeout, target)
}
