package relay

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"

	"github.com/mssc/recert/catalog"
)

// The type names global IDs carry.
const (
	// TypeCertification marks a Certification ID.
	TypeCertification = "Certification"
	// TypeOrganization marks an Organization ID.
	TypeOrganization = "Organization"
	// TypeKeyActivity marks a KeyActivity ID.
	TypeKeyActivity = "KeyActivity"
	// TypeRelatedField marks a RelatedField ID.
	TypeRelatedField = "RelatedField"
	// TypeActivityType marks an ActivityType ID.
	TypeActivityType = "ActivityType"
	// TypeCandidate marks a Candidate ID.
	TypeCandidate = "Candidate"
	// TypeCatalogReview marks a CatalogReview ID.
	TypeCatalogReview = "CatalogReview"
	// TypeApplication marks an Application ID.
	TypeApplication = "Application"
	// TypeNotification marks a Notification ID.
	TypeNotification = "Notification"
	// TypeSearchSynonym marks a SearchSynonym ID.
	TypeSearchSynonym = "SearchSynonym"
)

var knownTypes = map[string]bool{
	TypeCertification: true, TypeOrganization: true, TypeKeyActivity: true,
	TypeRelatedField: true, TypeActivityType: true, TypeCandidate: true, TypeCatalogReview: true, TypeApplication: true, TypeNotification: true,
	TypeSearchSynonym: true,
}

// GlobalID is a decoded global ID: the object's type and its storage ID.
type GlobalID struct {
	// Type is the GraphQL type name.
	Type string
	// ID is the storage identity within that type.
	ID int64
}

// EncodeID returns the opaque global ID of an object.
func EncodeID(typeName string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typeName + ":" + strconv.FormatInt(id, 10)))
}

// DecodeID reads a global ID. A string that is not one of this API's IDs is
// a CodeBadUserInput error about the named argument.
func DecodeID(field, s string) (GlobalID, error) {
	raw, err := decodeCanonical(s)
	if err != nil || len(s) > 64 {
		return GlobalID{}, malformedID(field)
	}
	typeName, num, ok := strings.Cut(string(raw), ":")
	if !ok || !knownTypes[typeName] {
		return GlobalID{}, malformedID(field)
	}
	id, err := strconv.ParseInt(num, 10, 64)
	if err != nil || id < 1 || strconv.FormatInt(id, 10) != num {
		return GlobalID{}, malformedID(field)
	}
	return GlobalID{Type: typeName, ID: id}, nil
}

// DecodeIDOf reads a global ID that must be of the given type.
func DecodeIDOf(field, typeName, s string) (int64, error) {
	g, err := DecodeID(field, s)
	if err != nil {
		return 0, err
	}
	if g.Type != typeName {
		return 0, catalog.Invalid(field, "this is the ID of a %s; a %s ID is expected", g.Type, typeName)
	}
	return g.ID, nil
}

func malformedID(field string) error {
	return catalog.Invalid(field, "not a valid ID; pass an `id` value returned by this API")
}

// decodeCanonical decodes unpadded URL-safe base64 and refuses any other
// spelling of the same bytes (stray bits, or the line breaks the decoder
// skips), so that one value has one encoding.
func decodeCanonical(s string) ([]byte, error) {
	raw, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, err
	}
	if base64.RawURLEncoding.EncodeToString(raw) != s {
		return nil, errors.New("not the canonical encoding")
	}
	return raw, nil
}
