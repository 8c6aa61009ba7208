package resolvers

// The mapping of domain errors to the GraphQL user errors of payloads.

import (
	"strings"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/graph/model"
)

// userErrors turns domain input errors into GraphQL user errors whose
// field path starts at the mutation's input argument.
func userErrors(errs []*catalog.Error) []*model.UserError {
	out := make([]*model.UserError, 0, len(errs))
	for _, e := range errs {
		u := &model.UserError{Code: e.Code, Message: e.Message}
		if e.Field != "" {
			path := strings.Split(strings.TrimPrefix(e.Field, "input."), ".")
			u.Field = append([]string{"input"}, path...)
		}
		out = append(out, u)
	}
	return out
}

func prefixed(prefix string, errs []*catalog.Error) []*catalog.Error {
	for _, e := range errs {
		if e.Field != "" {
			e.Field = prefix + e.Field
		}
	}
	return errs
}
