package review

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
)

// OrganizationInput is an issuing body as staff enter it.
type OrganizationInput struct {
	// Name is the full name.
	Name string
	// Acronym is the short name, if any.
	Acronym string
	// URL is the public web site, if known.
	URL string
	// Description says what the body is.
	Description string
	// CTID is the body's Credential Engine identifier, if known.
	CTID string
}

// CertificationInput is a catalog entry as staff enter it.
type CertificationInput struct {
	// OrganizationID names an existing issuing body.
	OrganizationID int64
	// NewOrganization creates the issuing body with the entry.
	NewOrganization *OrganizationInput
	// Name is the name as the body lists it.
	Name string
	// DisplayName is a full name that makes sense on its own; made from the
	// body's acronym and the name when empty.
	DisplayName string
	// Group is the heading the entry belongs under, if any.
	Group string
	// Level is the level within the group, if any.
	Level string
	// Note keeps a remark.
	Note string
	// RecognitionBases are the grounds on which it is approved.
	RecognitionBases []catalog.RecognitionBasis
	// EligiblePrograms are the programs whose holders may count it; none means both.
	EligiblePrograms []catalog.Program
	// Aliases are other names it is known by.
	Aliases []catalog.Alias
	// ApprovedOn is the first day a credential earned counts, if bounded.
	ApprovedOn *catalog.Date
	// Description says what the certification attests, if known.
	Description string
	// URL is the issuer's page about the certification, if known.
	URL string
	// CTID is the Credential Engine identifier, if known.
	CTID string
	// RenewalPeriodMonths is how often the issuer requires renewal, in
	// months; 0 when unknown.
	RenewalPeriodMonths int
}

const maxCatalogText = 300

func checkText(errs *[]*catalog.Error, field, value string, required bool, limit int) {
	switch {
	case strings.TrimSpace(value) == "" && required:
		*errs = append(*errs, catalog.Invalid(field, "this field is required"))
	case utf8.RuneCountInString(value) > limit || catalog.HasControl(value):
		*errs = append(*errs, catalog.Invalid(field, "at most %d printable characters", limit))
	}
}

// normalize trims the input and checks it.
func (in *OrganizationInput) normalize(prefix string) []*catalog.Error {
	in.Name, in.Acronym = strings.TrimSpace(in.Name), strings.TrimSpace(in.Acronym)
	in.URL, in.Description = strings.TrimSpace(in.URL), strings.TrimSpace(in.Description)
	var errs []*catalog.Error
	checkText(&errs, prefix+"name", in.Name, true, maxCatalogText)
	checkText(&errs, prefix+"acronym", in.Acronym, false, 20)
	checkText(&errs, prefix+"description", in.Description, false, 2000)
	checkWebAddress(&errs, prefix+"url", in.URL)
	in.CTID = catalog.CheckCTID(&errs, prefix+"ctid", in.CTID)
	return errs
}

// maxWebAddress bounds a stored web address.
const maxWebAddress = 2000

// checkWebAddress checks an optional http or https address.
func checkWebAddress(errs *[]*catalog.Error, field, value string) {
	if value == "" {
		return
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(value) > maxWebAddress || catalog.HasControl(value) {
		*errs = append(*errs, catalog.Invalid(field, "a web address starting with https://, at most %d characters", maxWebAddress))
	}
}

// checkCertification trims the input and checks it against the snapshot:
// names required, the body known, display names unique, bases and
// programs valid. self is the entry being edited, if any.
func checkCertification(s *catalog.Snapshot, prefix string, in *CertificationInput, self *catalog.Certification) []*catalog.Error {
	in.Name, in.DisplayName = strings.TrimSpace(in.Name), strings.TrimSpace(in.DisplayName)
	in.Group, in.Level = strings.TrimSpace(in.Group), strings.TrimSpace(in.Level)
	var errs []*catalog.Error
	switch {
	case in.NewOrganization != nil && in.OrganizationID != 0:
		errs = append(errs, catalog.Invalid(prefix+"organizationId", "give either an existing organization or a new one, not both"))
	case in.NewOrganization != nil:
		errs = append(errs, in.NewOrganization.normalize(prefix+"newOrganization.")...)
	case s.Organization(in.OrganizationID) == nil:
		errs = append(errs, catalog.Invalid(prefix+"organizationId", "no organization has this ID"))
	}
	checkText(&errs, prefix+"name", in.Name, true, maxCatalogText)
	if in.DisplayName == "" && in.Name != "" {
		in.DisplayName = defaultDisplayName(s, in)
	}
	checkText(&errs, prefix+"displayName", in.DisplayName, true, maxCatalogText)
	checkText(&errs, prefix+"group", in.Group, false, maxCatalogText)
	checkText(&errs, prefix+"level", in.Level, false, maxCatalogText)
	checkText(&errs, prefix+"note", in.Note, false, 2000)
	in.Description, in.URL = strings.TrimSpace(in.Description), strings.TrimSpace(in.URL)
	checkText(&errs, prefix+"description", in.Description, false, 2000)
	checkWebAddress(&errs, prefix+"url", in.URL)
	in.CTID = catalog.CheckCTID(&errs, prefix+"ctid", in.CTID)
	if in.RenewalPeriodMonths < 0 || in.RenewalPeriodMonths > catalog.MaxRenewalMonths {
		errs = append(errs, catalog.Invalid(prefix+"renewalPeriodMonths", "a number of months from 1 to %d, or 0 when unknown", catalog.MaxRenewalMonths))
	}
	for _, c := range s.Certifications() {
		if (self == nil || c.ID != self.ID) && strings.EqualFold(c.DisplayName, in.DisplayName) {
			errs = append(errs, &catalog.Error{Code: catalog.CodeConflict, Field: prefix + "displayName", Message: "another catalog entry has this display name"})
		}
	}
	if len(in.RecognitionBases) == 0 {
		errs = append(errs, catalog.Invalid(prefix+"recognitionBases", "at least one recognition basis is required"))
	}
	in.RecognitionBases = catalog.SortedUnique(in.RecognitionBases)
	if len(in.EligiblePrograms) == 0 {
		in.EligiblePrograms = slices.Clone(catalog.Programs)
	}
	in.EligiblePrograms = catalog.SortedUnique(in.EligiblePrograms)
	seen := map[string]bool{}
	for i, a := range in.Aliases {
		field := prefix + "aliases." + strconv.Itoa(i) + ".value"
		a.Value = strings.TrimSpace(a.Value)
		in.Aliases[i] = a
		checkText(&errs, field, a.Value, true, maxCatalogText)
		key := string(a.Kind) + "|" + strings.ToLower(a.Value)
		if seen[key] {
			errs = append(errs, catalog.Invalid(field, "this alias is listed twice"))
		}
		seen[key] = true
	}
	return errs
}

func defaultDisplayName(s *catalog.Snapshot, in *CertificationInput) string {
	prefix := ""
	if in.NewOrganization != nil {
		prefix = in.NewOrganization.Acronym
		if prefix == "" {
			prefix = in.NewOrganization.Name
		}
	} else if o := s.Organization(in.OrganizationID); o != nil {
		prefix = o.Acronym
		if prefix == "" {
			prefix = o.Name
		}
	}
	return strings.TrimSpace(prefix + " " + strings.TrimSpace(in.Group+" "+in.Name))
}

// slugKey makes a stable key from words, unique among taken ones.
func slugKey(taken func(string) bool, words ...string) string {
	base := strings.ReplaceAll(catalog.NormalizeText(strings.Join(words, " ")), " ", "-")
	if len(base) > 60 {
		base = strings.TrimRight(base[:60], "-")
	}
	if base == "" {
		base = "entry"
	}
	key := base
	for n := 2; taken(key); n++ {
		key = base + "-" + strconv.Itoa(n)
	}
	return key
}

// newCertification builds the entry an input describes, with keys made
// for it and for its new organization.
func newCertification(s *catalog.Snapshot, in CertificationInput, source catalog.ProvenanceSource, reference string) (*catalog.Organization, *catalog.Certification) {
	var org, issuer *catalog.Organization
	orgKey := ""
	if in.NewOrganization != nil {
		n := in.NewOrganization
		orgKey = slugKey(func(k string) bool { return OrganizationByKey(s, k) != nil }, catalog.FirstNonEmpty(n.Acronym, n.Name))
		org = &catalog.Organization{Key: orgKey, Name: n.Name, Acronym: n.Acronym, URL: n.URL, Description: n.Description, CTID: n.CTID}
		issuer = org
	} else if o := s.Organization(in.OrganizationID); o != nil {
		orgKey = o.Key
		issuer = o
	}
	cert := &catalog.Certification{
		OrganizationID: in.OrganizationID, OrganizationKey: orgKey, Organization: issuer,
		Key:  slugKey(func(k string) bool { return CertificationByKey(s, k) != nil }, orgKey, in.Group, in.Level, in.Name),
		Name: in.Name, DisplayName: in.DisplayName, Group: in.Group, Level: in.Level, Note: in.Note,
		RecognitionBases: in.RecognitionBases, EligiblePrograms: in.EligiblePrograms, Aliases: in.Aliases,
		Status: catalog.StatusActive, ApprovedOn: in.ApprovedOn,
		Description: in.Description, URL: in.URL, CTID: in.CTID, RenewalPeriodMonths: in.RenewalPeriodMonths,
		Provenance: catalog.Provenance{Source: source, Reference: reference},
	}
	return org, cert
}

// OrganizationByKey returns the organization with the stable key, or nil.
func OrganizationByKey(s *catalog.Snapshot, key string) *catalog.Organization {
	return withKey(s.Organizations(), key, func(o *catalog.Organization) string { return o.Key })
}

// CertificationByKey returns the certification with the stable key, or nil.
func CertificationByKey(s *catalog.Snapshot, key string) *catalog.Certification {
	return withKey(s.Certifications(), key, func(c *catalog.Certification) string { return c.Key })
}

// withKey returns the entry with the stable key, or nil.
func withKey[T any](entries []T, key string, keyOf func(T) string) T {
	var none T
	for _, e := range entries {
		if keyOf(e) == key {
			return e
		}
	}
	return none
}
