package candidate

import (
	"github.com/mssc/recert/catalog"
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Candidate is a person who holds, or has held, a full MSSC certification.
type Candidate struct {
	// ID is the storage identity.
	ID int64
	// Number is the MSSC candidate ID.
	Number string
	// Name is the candidate's full name.
	Name string
	// Email is where MSSC writes to the candidate.
	Email string
	// Held are the full certifications the candidate holds.
	Held []HeldCertification
	// Audit records who created and last changed the candidate, and when.
	Audit Audit
}

// HeldCertification is a full CPT or CLT certification a candidate holds,
// with its five-year cycle.
type HeldCertification struct {
	// ID is the storage identity.
	ID int64
	// Program is CPT or CLT.
	Program catalog.Program
	// CertifiedOn is the day the cycle began.
	CertifiedOn catalog.Date
	// ExpiresOn is the day the certification expires: a granted
	// extension's last day while one runs.
	ExpiresOn catalog.Date
	// ExtendedFrom is the cycle's own expiration while a granted extension
	// has moved ExpiresOn; the next cycle counts from it.
	ExtendedFrom *catalog.Date
	// Audit records who created and last changed the record, and when.
	Audit Audit
}

// CycleExpiresOn is the last day of the certification's cycle without any
// extension: the day the next cycle counts from.
func (h *HeldCertification) CycleExpiresOn() catalog.Date {
	if h.ExtendedFrom != nil {
		return *h.ExtendedFrom
	}
	return h.ExpiresOn
}

// Audit records who created and last changed a record, and when.
type Audit struct {
	// CreatedAt is when the record was created.
	CreatedAt time.Time
	// CreatedBy is the subject of the principal who created it.
	CreatedBy string
	// UpdatedAt is when the record last changed.
	UpdatedAt time.Time
	// UpdatedBy is the subject of the principal who last changed it.
	UpdatedBy string
}

// Holds returns the candidate's certification of the program, or nil.
func (c *Candidate) Holds(p catalog.Program) *HeldCertification {
	for i := range c.Held {
		if c.Held[i].Program == p {
			return &c.Held[i]
		}
	}
	return nil
}

// Limits of candidate fields.
const (
	maxNameLength  = 200
	maxEmailLength = 254
)

var candidateNumberPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]{2,39}$`)

// ContactDetails are the parts of a candidate the candidate may correct.
type ContactDetails struct {
	// Name is the full name.
	Name string
	// Email is the email address.
	Email string
}

// Normalize trims the details and checks them, returning one error per bad
// field, with field names prefixed by prefix.
func (d *ContactDetails) Normalize(prefix string) []*catalog.Error {
	d.Name = strings.Join(strings.Fields(d.Name), " ")
	d.Email = strings.TrimSpace(d.Email)
	var errs []*catalog.Error
	switch {
	case d.Name == "":
		errs = append(errs, catalog.Invalid(prefix+"name", "a name is required"))
	case utf8.RuneCountInString(d.Name) > maxNameLength || catalog.HasControl(d.Name):
		errs = append(errs, catalog.Invalid(prefix+"name", "a name has at most %d printable characters", maxNameLength))
	}
	if addr, err := mail.ParseAddress(d.Email); err != nil || addr.Address != d.Email || len(d.Email) > maxEmailLength {
		errs = append(errs, catalog.Invalid(prefix+"email", "%q is not an email address such as name@example.com", d.Email))
	}
	return errs
}

// CheckCandidateNumber checks the form of an MSSC candidate ID.
func CheckCandidateNumber(field, number string) *catalog.Error {
	if !candidateNumberPattern.MatchString(number) {
		return catalog.Invalid(field, "a candidate ID has 3 to 40 letters, digits or hyphens")
	}
	return nil
}

// CheckHeld checks a held certification's program and dates.
func CheckHeld(prefix string, h HeldCertification) []*catalog.Error {
	var errs []*catalog.Error
	if h.Program != catalog.ProgramCPT && h.Program != catalog.ProgramCLT {
		errs = append(errs, catalog.Invalid(prefix+"program", "the program must be CPT or CLT"))
	}
	if h.CertifiedOn.IsZero() {
		errs = append(errs, catalog.Invalid(prefix+"certifiedOn", "the certification date is required"))
	}
	if h.ExpiresOn.IsZero() {
		errs = append(errs, catalog.Invalid(prefix+"expiresOn", "the expiration date is required"))
	}
	if !h.CertifiedOn.IsZero() && !h.ExpiresOn.IsZero() && !h.ExpiresOn.After(h.CertifiedOn) {
		errs = append(errs, catalog.Invalid(prefix+"expiresOn", "the expiration date must come after the certification date"))
	}
	return errs
}
