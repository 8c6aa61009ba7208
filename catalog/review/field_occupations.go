package review

import (
	"context"
	"slices"

	"github.com/mssc/recert/catalog"
)

// maxOnetSocCodes bounds the occupation codes of one field.
const maxOnetSocCodes = 50

// SetFieldOccupations replaces the O*NET-SOC occupation codes linked to a
// related field; the change is in the history like any catalog edit.
func (c *Curation) SetFieldOccupations(ctx context.Context, id int64, codes []string, reason string) (*catalog.RelatedField, []*catalog.Error, error) {
	snap, change, err := c.begin(ctx, "field.occupations", reason)
	if err != nil {
		return nil, nil, err
	}
	found := snap.Node("RelatedField", id)
	if found == nil {
		return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Field: "id", Message: "no related field has this ID"}}, nil
	}
	before := found.(*catalog.RelatedField)
	errs := checkReason(reason)
	if len(codes) > maxOnetSocCodes {
		errs = append(errs, catalog.Invalid("onetSocCodes", "at most %d codes", maxOnetSocCodes))
		codes = nil
	}
	after := *before
	after.OnetSocCodes = catalog.CheckOnetSocCodes(&errs, "onetSocCodes", codes)
	if len(errs) > 0 {
		return nil, errs, nil
	}
	if slices.Equal(after.OnetSocCodes, before.OnetSocCodes) {
		return before, nil, nil
	}
	edit := &CatalogEdit{Change: change, Field: &after, EntityType: "RelatedField", Before: record(before), After: record(&after)}
	if err := c.commit(ctx, edit); err != nil {
		return nil, catalog.ConflictAsUserError(err, "onetSocCodes"), catalog.UserErrorOrNil(err)
	}
	return &after, nil, nil
}
