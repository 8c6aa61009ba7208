package resolvers

import (
	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/graph/model"
)

// synonymPayload answers a change of a search synonym.
func synonymPayload(synonym *catalog.Synonym, errs []*catalog.Error, err error) (*model.SearchSynonymPayload, error) {
	if err != nil {
		return nil, err
	}
	return &model.SearchSynonymPayload{Synonym: synonym, UserErrors: argumentErrors(errs)}, nil
}
