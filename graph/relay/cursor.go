package relay

import (
	"encoding/base64"
	"encoding/json"

	"github.com/mssc/recert/catalog"
)

// EncodeCursor returns the opaque string form of a cursor.
func EncodeCursor(c catalog.Cursor) string {
	raw, _ := json.Marshal([]any{c.Scope, c.Key, c.ID})
	return base64.RawURLEncoding.EncodeToString(raw)
}

// DecodeCursor reads an opaque cursor; nil stays nil. A string that is not
// one of this API's cursors is a CodeBadUserInput error about the named argument.
func DecodeCursor(field string, s *string) (*catalog.Cursor, error) {
	if s == nil {
		return nil, nil
	}
	bad := catalog.Invalid(field, "not a valid cursor; pass a `cursor` or `pageInfo` value returned by this connection")
	if len(*s) > 1024 {
		return nil, bad
	}
	raw, err := decodeCanonical(*s)
	if err != nil {
		return nil, bad
	}
	var parts []json.RawMessage
	if json.Unmarshal(raw, &parts) != nil || len(parts) != 3 {
		return nil, bad
	}
	var c catalog.Cursor
	if json.Unmarshal(parts[0], &c.Scope) != nil || json.Unmarshal(parts[1], &c.Key) != nil ||
		json.Unmarshal(parts[2], &c.ID) != nil || c.Scope == "" {
		return nil, bad
	}
	return &c, nil
}

// PageRequest decodes the Relay paging arguments.
func PageRequest(first *int, after *string, last *int, before *string) (catalog.PageRequest, error) {
	a, err := DecodeCursor("after", after)
	if err != nil {
		return catalog.PageRequest{}, err
	}
	b, err := DecodeCursor("before", before)
	if err != nil {
		return catalog.PageRequest{}, err
	}
	req := catalog.PageRequest{First: first, After: a, Last: last, Before: b}
	return req, req.Validate()
}
