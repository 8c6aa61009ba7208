// Package scalar marshals the custom GraphQL scalars to and from domain types.
package scalar

import (
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"github.com/mssc/recert/catalog"
)

// MarshalDate writes a catalog.Date as an ISO-8601 string.
func MarshalDate(d catalog.Date) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(d.String()))
	})
}

// UnmarshalDate reads an ISO-8601 date string.
func UnmarshalDate(v any) (catalog.Date, error) {
	s, ok := v.(string)
	if !ok {
		return catalog.Date{}, fmt.Errorf("a Date must be a string in the form YYYY-MM-DD")
	}
	return catalog.ParseDate(s)
}
