package resolvers

import (
	"strconv"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/review"
	"github.com/mssc/recert/graph/model"
)

// bulkFile picks the one file of the input.
func bulkFile(in model.CatalogChangesInput) (review.BulkFile, []*catalog.Error) {
	switch {
	case in.CSV != nil && in.Yaml != nil:
		return review.BulkFile{}, []*catalog.Error{catalog.Invalid("input", "give the file as csv or as yaml, not both")}
	case in.CSV != nil:
		return review.BulkFile{Format: review.BulkCSV, Content: *in.CSV, Field: "input.csv"}, nil
	case in.Yaml != nil:
		return review.BulkFile{Format: review.BulkYAML, Content: *in.Yaml, Field: "input.yaml"}, nil
	}
	return review.BulkFile{}, []*catalog.Error{catalog.Invalid("input", "give the file as csv or as yaml")}
}

// applyPayload answers what applying a file did: its changes when it was
// applied, its problems either way.
func applyPayload(res *review.BulkResult, errs []*catalog.Error) *model.ApplyCatalogChangesPayload {
	out := &model.ApplyCatalogChangesPayload{Changes: []*review.BulkChange{}, Problems: []*review.BulkProblem{}, UserErrors: argumentErrors(errs)}
	if res == nil {
		return out
	}
	for i := range res.Plan.Problems {
		out.Problems = append(out.Problems, &res.Plan.Problems[i])
	}
	if len(errs) == 0 {
		version := strconv.FormatInt(res.CatalogVersion, 10)
		out.CatalogVersion = &version
		for i := range res.Plan.Changes {
			out.Changes = append(out.Changes, &res.Plan.Changes[i])
		}
	}
	return out
}
