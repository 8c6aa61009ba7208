package review

import (
	"context"
	"strconv"

	"github.com/mssc/recert/catalog"
)

// BulkFile is a bulk catalog file as staff send it.
type BulkFile struct {
	// Format is CSV or YAML.
	Format BulkFormat
	// Content is the file's text.
	Content string
	// Field names the argument the file came in, for user errors.
	Field string
}

// BulkResult is what applying a bulk catalog file did.
type BulkResult struct {
	// Plan is what the file changed, worked out as the preview does.
	Plan *BulkPlan
	// CatalogVersion is the catalog version the changes were written at.
	CatalogVersion int64
}

// planFile reads the file and works it out on the current catalog, read
// afresh from the store so that the version is the stored one.
func (c *Curation) planFile(ctx context.Context, f BulkFile, reason string) (*BulkPlan, error) {
	p, err := catalog.Require(ctx, catalog.RoleStaff)
	if err != nil {
		return nil, err
	}
	snap, err := c.catalog.Latest(ctx)
	if err != nil {
		return nil, err
	}
	rows, problems := readBulkFile(f.Format, f.Content)
	if len(problems) > 0 {
		return &BulkPlan{CatalogVersion: snap.Version(), Problems: problems}, nil
	}
	return planBulk(snap, rows, catalog.Change{Actor: p.Actor(), At: c.now().UTC(), Reason: reason}), nil
}

// PreviewChanges answers what the file would change on the catalog as it
// now is, and every problem of it with its line; nothing is written.
func (c *Curation) PreviewChanges(ctx context.Context, f BulkFile) (*BulkPlan, error) {
	return c.planFile(ctx, f, "")
}

// ApplyChanges applies the file in one transaction, with one history
// entry per change, all at one new catalog version. It refuses, writing
// nothing, when the file has a problem or the catalog is no longer at the
// version the preview was made on.
func (c *Curation) ApplyChanges(ctx context.Context, f BulkFile, previewedVersion, reason string) (*BulkResult, []*catalog.Error, error) {
	expected, err := strconv.ParseInt(previewedVersion, 10, 64)
	if err != nil || expected < 0 {
		return nil, []*catalog.Error{catalog.Invalid("catalogVersion", "the catalogVersion a preview of this file answered")}, nil
	}
	if errs := checkReason(reason); len(errs) > 0 {
		return nil, errs, nil
	}
	plan, err := c.planFile(ctx, f, reason)
	if err != nil {
		return nil, nil, err
	}
	if plan.CatalogVersion != expected {
		return &BulkResult{Plan: plan}, []*catalog.Error{catalogMoved(expected, plan.CatalogVersion)}, nil
	}
	if len(plan.Problems) > 0 {
		errs := make([]*catalog.Error, len(plan.Problems))
		for i, p := range plan.Problems {
			msg := "line " + strconv.Itoa(p.Line)
			if p.Field != "" {
				msg += ", column " + p.Field
			}
			errs[i] = &catalog.Error{Code: p.Code, Field: f.Field, Message: msg + ": " + p.Message}
		}
		return &BulkResult{Plan: plan}, errs, nil
	}
	if len(plan.Changes) == 0 {
		return &BulkResult{Plan: plan, CatalogVersion: expected}, nil, nil
	}
	edits := make([]*CatalogEdit, len(plan.Changes))
	for i, ch := range plan.Changes {
		edits[i] = ch.edit
	}
	version, err := c.store.EditCatalogBatch(ctx, expected, edits)
	if catalog.ErrorCode(err) == catalog.CodeConflict {
		return &BulkResult{Plan: plan}, []*catalog.Error{catalogMoved(expected, -1)}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	c.catalog.Changed(ctx)
	return &BulkResult{Plan: plan, CatalogVersion: version}, nil, nil
}

func catalogMoved(expected, now int64) *catalog.Error {
	msg := "the catalog changed since the preview at version " + strconv.FormatInt(expected, 10)
	if now >= 0 {
		msg += " (it is now at " + strconv.FormatInt(now, 10) + ")"
	}
	return &catalog.Error{Code: catalog.CodeConflict, Field: "catalogVersion", Message: msg + "; preview the file again and apply that"}
}
