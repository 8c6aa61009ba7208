package candidate

import (
	"context"
	"github.com/mssc/recert/catalog"
	"strconv"
	"time"
)

// CandidateStore is what the candidate service needs from persistence.
// Every write records the acting principal and the time, in the record and
// in the audit trail, in the same transaction.
type CandidateStore interface {
	// CandidateByID returns the candidate, or nil when there is none.
	CandidateByID(ctx context.Context, id int64) (*Candidate, error)
	BatchReader
	// CandidatesByNumber returns the candidates with these MSSC candidate IDs.
	CandidatesByNumber(ctx context.Context, numbers []string) (map[string]*Candidate, error)
	// PageCandidates pages the candidates by candidate ID, optionally only
	// those whose ID, name or email contains search.
	PageCandidates(ctx context.Context, search string, req catalog.PageRequest) (catalog.Page[*Candidate], error)
	// SaveCandidates creates the new candidates (ID 0) and adds the held
	// certifications with ID 0 of existing ones, in one transaction.
	SaveCandidates(ctx context.Context, candidates []*Candidate, change catalog.Change) error
	// UpdateContact changes a candidate's name and email.
	UpdateContact(ctx context.Context, id int64, d ContactDetails, change catalog.Change) (*Candidate, error)
}

// BatchReader reads several candidates at once.
type BatchReader interface {
	// CandidatesByID returns the candidates with these IDs, each with its
	// held certifications, by ID; an ID without a candidate is missing
	// from the map.
	CandidatesByID(ctx context.Context, ids []int64) (map[int64]*Candidate, error)
}

type batchReaderKey struct{}

// WithBatchReader returns a context in which Get reads candidates through
// r, such as a reader that gathers the reads of one request into one
// query; without one they are read from the store, one at a time.
// Authorization stays with the service: r may read candidates the caller
// may not see, and Get answers each only to those who may.
func WithBatchReader(ctx context.Context, r BatchReader) context.Context {
	return context.WithValue(ctx, batchReaderKey{}, r)
}

// Candidates is the service for candidate profiles and held certifications.
type Candidates struct {
	store CandidateStore
	now   func() time.Time
}

// NewCandidates returns the candidate service; now is the clock.
func NewCandidates(store CandidateStore, now func() time.Time) *Candidates {
	return &Candidates{store: store, now: now}
}

func (s *Candidates) change(p *catalog.Principal, action string) catalog.Change {
	return catalog.Change{Action: action, Actor: p.Actor(), At: s.now().UTC()}
}

// visible reports whether the principal may see the candidate: staff see
// every candidate, a candidate only themself.
func visible(p *catalog.Principal, c *Candidate) bool {
	return p.Has(catalog.RoleStaff) || (p.Has(catalog.RoleCandidate) && p.CandidateNumber != "" && p.CandidateNumber == c.Number)
}

// Get returns the candidate when the principal of ctx may see it; an
// invisible candidate is answered exactly like one that does not exist.
func (s *Candidates) Get(ctx context.Context, id int64) (*Candidate, error) {
	c, err := s.read(ctx, id)
	if err != nil || c == nil || !visible(catalog.PrincipalFrom(ctx), c) {
		return nil, err
	}
	return c, nil
}

// read reads the candidate through the context's batch reader, if any, or
// else from the store; nil when there is none. It does not check who may
// see it.
func (s *Candidates) read(ctx context.Context, id int64) (*Candidate, error) {
	batched, ok := ctx.Value(batchReaderKey{}).(BatchReader)
	if !ok {
		return s.store.CandidateByID(ctx, id)
	}
	found, err := batched.CandidatesByID(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	return found[id], nil
}

// Mine returns the candidate record of a candidate principal, or nil.
func (s *Candidates) Mine(ctx context.Context) (*Candidate, error) {
	p := catalog.PrincipalFrom(ctx)
	if !p.Has(catalog.RoleCandidate) || p.CandidateNumber == "" {
		return nil, nil
	}
	found, err := s.store.CandidatesByNumber(ctx, []string{p.CandidateNumber})
	if err != nil {
		return nil, err
	}
	return found[p.CandidateNumber], nil
}

// List pages every candidate; staff only.
func (s *Candidates) List(ctx context.Context, search string, req catalog.PageRequest) (catalog.Page[*Candidate], error) {
	if _, err := catalog.Require(ctx, catalog.RoleStaff); err != nil {
		return catalog.Page[*Candidate]{}, err
	}
	if err := req.Validate(); err != nil {
		return catalog.Page[*Candidate]{}, err
	}
	return s.store.PageCandidates(ctx, search, req)
}

// Register creates a candidate with the certifications they hold; staff
// only. Input problems come back as user errors and nothing is written.
func (s *Candidates) Register(ctx context.Context, number string, d ContactDetails, held []HeldCertification) (*Candidate, []*catalog.Error, error) {
	p, err := catalog.Require(ctx, catalog.RoleStaff)
	if err != nil {
		return nil, nil, err
	}
	var userErrs []*catalog.Error
	if e := CheckCandidateNumber("msscCandidateId", number); e != nil {
		userErrs = append(userErrs, e)
	}
	userErrs = append(userErrs, d.Normalize("")...)
	seen := map[catalog.Program]bool{}
	for i, h := range held {
		prefix := "heldCertifications." + strconv.Itoa(i) + "."
		userErrs = append(userErrs, CheckHeld(prefix, h)...)
		if seen[h.Program] {
			userErrs = append(userErrs, catalog.Invalid(prefix+"program", "%s is listed twice", h.Program))
		}
		seen[h.Program] = true
	}
	if len(userErrs) > 0 {
		return nil, userErrs, nil
	}
	existing, err := s.store.CandidatesByNumber(ctx, []string{number})
	if err != nil {
		return nil, nil, err
	}
	if existing[number] != nil {
		return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "msscCandidateId", Message: "a candidate with this ID is already registered"}}, nil
	}
	c := &Candidate{Number: number, Name: d.Name, Email: d.Email, Held: held}
	if err := s.store.SaveCandidates(ctx, []*Candidate{c}, s.change(p, "candidate.register")); err != nil {
		return nil, catalog.ConflictAsUserError(err, "msscCandidateId"), catalog.UserErrorOrNil(err)
	}
	return c, nil, nil
}

// AddHeld records a full certification a candidate holds; staff only.
func (s *Candidates) AddHeld(ctx context.Context, candidateID int64, h HeldCertification) (*Candidate, []*catalog.Error, error) {
	p, err := catalog.Require(ctx, catalog.RoleStaff)
	if err != nil {
		return nil, nil, err
	}
	if errs := CheckHeld("", h); len(errs) > 0 {
		return nil, errs, nil
	}
	c, err := s.store.CandidateByID(ctx, candidateID)
	if err != nil {
		return nil, nil, err
	}
	if c == nil {
		return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Field: "candidateId", Message: "no candidate has this ID"}}, nil
	}
	if c.Holds(h.Program) != nil {
		return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "program", Message: "the candidate already holds " + string(h.Program)}}, nil
	}
	c.Held = append(c.Held, h)
	if err := s.store.SaveCandidates(ctx, []*Candidate{c}, s.change(p, "candidate.held.add")); err != nil {
		return nil, catalog.ConflictAsUserError(err, "program"), catalog.UserErrorOrNil(err)
	}
	return c, nil, nil
}

// UpdateMyContact lets a candidate correct their own name and email.
func (s *Candidates) UpdateMyContact(ctx context.Context, d ContactDetails) (*Candidate, []*catalog.Error, error) {
	p, err := catalog.Require(ctx, catalog.RoleCandidate)
	if err != nil {
		return nil, nil, err
	}
	if errs := d.Normalize(""); len(errs) > 0 {
		return nil, errs, nil
	}
	mine, err := s.Mine(ctx)
	if err != nil {
		return nil, nil, err
	}
	if mine == nil {
		return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Message: "no candidate record is registered for your candidate ID; ask MSSC staff"}}, nil
	}
	c, err := s.store.UpdateContact(ctx, mine.ID, d, s.change(p, "candidate.contact.update"))
	if err != nil {
		return nil, nil, err
	}
	return c, nil, nil
}
