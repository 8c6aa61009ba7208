package review

import "github.com/mssc/recert/catalog"

// fillFromReview completes an approval's input with what the review
// already holds: the submitted name when staff give none, and, when they
// name no organization, the existing one of the submitted organization's
// name or else a new one as submitted.
func fillFromReview(s *catalog.Snapshot, in *CertificationInput, r *CatalogReview) {
	if in.Name == "" {
		in.Name = r.CertificationName
	}
	if in.OrganizationID != 0 || in.NewOrganization != nil {
		return
	}
	for _, o := range s.Organizations() {
		if catalog.EqualFold(o.Name, r.Organization.Name) || o.Acronym != "" && catalog.EqualFold(o.Acronym, r.Organization.Name) {
			in.OrganizationID = o.ID
			return
		}
	}
	in.NewOrganization = &OrganizationInput{Name: r.Organization.Name, URL: r.Organization.URL, Description: r.Organization.Description}
}
