package resolvers

import (
	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/graph/model"
	"github.com/mssc/recert/graph/relay"
)

// credentialInput decodes a GraphQL credential into the catalog's input.
func credentialInput(in *model.CredentialCheckInput) catalog.CredentialInput {
	out := catalog.CredentialInput{Text: in.Text, EarnedOn: in.EarnedOn}
	if in.Issuer != nil {
		out.Issuer = *in.Issuer
	}
	if in.Held != nil {
		out.Held = &catalog.HeldCycle{Program: in.Held.Program, CertifiedOn: in.Held.CertifiedOn, ExpiresOn: in.Held.ExpiresOn}
	}
	return out
}

// optionalID encodes the global ID of an object of the type, or nil for
// the ID 0, which names none.
func optionalID(typeName string, id int64) *string {
	if id == 0 {
		return nil
	}
	out := relay.EncodeID(typeName, id)
	return &out
}
