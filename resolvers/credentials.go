package resolvers

import (
	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/graph/model"
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
