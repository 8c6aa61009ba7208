package review

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/points"
	"github.com/mssc/recert/catalog/search"
)

// ReviewSubmission is a certification a candidate submits for review,
// with the documentation the guide asks for.
type ReviewSubmission struct {
	// SubmittedCertification is the certification as described.
	SubmittedCertification
	// Copy is the copy of the certification.
	Copy *catalog.Upload
}

// SubmissionResult says what a submission did.
type SubmissionResult struct {
	// Review is the review opened, or the open one the candidate joined.
	Review *CatalogReview
	// AlreadyListed is the catalog entry the certification already is.
	AlreadyListed *catalog.Certification
	// Attached says the candidate joined an open review of the same certification.
	Attached bool
}

// Reviews is the service for catalog reviews: candidates submit
// certifications that are not listed; staff screen, ask, and decide.
type Reviews struct {
	catalog *catalog.Catalog
	store   ReviewStore
	files   catalog.FileStorage
	now     func() time.Time
	// open is told of every change this service makes to the reviews.
	open *catalog.OpenReviews
	// maxOpenPerCandidate caps the open reviews one candidate may have
	// submitted; 0 sets no cap.
	maxOpenPerCandidate int
	// notifier builds the notifications of each change; nil records none.
	notifier *reviewNotifier
}

// NewReviews returns the review service; now is the clock.
func NewReviews(cat *catalog.Catalog, store ReviewStore, files catalog.FileStorage, now func() time.Time) *Reviews {
	return &Reviews{catalog: cat, store: store, files: files, now: now}
}

// UseOpenReviews keeps open, the open reviews the credential check reads,
// in step with every change this service makes, and caps the open reviews
// one candidate may have submitted at maxPerCandidate (0 sets no cap).
func (s *Reviews) UseOpenReviews(open *catalog.OpenReviews, maxPerCandidate int) {
	s.open, s.maxOpenPerCandidate = open, maxPerCandidate
}

// openReviewsChanged tells the open reviews that this service changed one.
func (s *Reviews) openReviewsChanged(ctx context.Context) {
	if s.open != nil {
		s.open.Changed(ctx)
	}
}

// OpenReviewLimitReached is the user error of a candidate who has max
// catalog reviews open and submits another.
func OpenReviewLimitReached(max int) *catalog.Error {
	return &catalog.Error{Code: catalog.CodeBadUserInput, Message: fmt.Sprintf(
		"you have %d catalog reviews waiting for a decision, the most one candidate may have open; submit another once one of them is decided", max)}
}

// withinOpenReviewLimit returns the candidate's open review of the same
// certification, if any, or a user error when the candidate may open no
// other review.
func (s *Reviews) withinOpenReviewLimit(ctx context.Context, p *catalog.Principal, in ReviewSubmission) (*CatalogReview, []*catalog.Error, error) {
	if s.maxOpenPerCandidate <= 0 {
		return nil, nil, nil
	}
	mine, err := s.store.ReviewsSubmittedBy(ctx, p.Subject)
	if err != nil {
		return nil, nil, err
	}
	key, open := reviewKey(in.CertificationName, in.Organization.Name), 0
	for _, r := range mine {
		if !r.Status.Open() {
			continue
		}
		if reviewKey(r.CertificationName, r.Organization.Name) == key {
			return r, nil, nil
		}
		open++
	}
	if open >= s.maxOpenPerCandidate {
		return nil, []*catalog.Error{OpenReviewLimitReached(s.maxOpenPerCandidate)}, nil
	}
	return nil, nil, nil
}

func (s *Reviews) today() catalog.Date { return catalog.DateOf(s.now().UTC()) }

// reviewKey identifies the same certification of the same body.
func reviewKey(name, organization string) string {
	return catalog.NormalizeText(name) + "|" + catalog.NormalizeText(organization)
}

// Submit opens a review, unless the certification is already listed (the
// answer names the entry) or under review already (the candidate joins
// that review). Missing documentation comes back as user errors.
func (s *Reviews) Submit(ctx context.Context, in ReviewSubmission) (SubmissionResult, []*catalog.Error, error) {
	p, err := catalog.Require(ctx, catalog.RoleCandidate)
	if err != nil {
		return SubmissionResult{}, nil, err
	}
	snap, err := s.catalog.Snapshot(ctx)
	if err != nil {
		return SubmissionResult{}, nil, err
	}
	if errs := s.checkSubmission(snap, &in); len(errs) > 0 {
		return SubmissionResult{}, errs, nil
	}
	check := search.CheckCredential(snap, catalog.CredentialInput{Text: in.CertificationName, Issuer: in.Organization.Name})
	if check.Verdict == catalog.VerdictIndustryCertification && check.Entry != nil {
		return SubmissionResult{AlreadyListed: check.Entry}, nil, nil
	}
	if own, errs, err := s.withinOpenReviewLimit(ctx, p, in); own != nil || len(errs) > 0 || err != nil {
		return SubmissionResult{Review: own.SeenBy(p), Attached: own != nil}, errs, err
	}
	// The copy is stored before anything else: a candidate who joins an
	// open review keeps their own copy in their own submission.
	file, err := s.files.Put(ctx, in.Copy.Content, in.Copy.Name)
	if err != nil {
		if catalog.ErrorCode(err) == catalog.CodeBadUserInput {
			return SubmissionResult{}, []*catalog.Error{{Code: catalog.CodeBadUserInput, Field: "copy", Message: catalog.AsError(err).Message}}, nil
		}
		return SubmissionResult{}, nil, err
	}
	change := catalog.Change{Action: "review.submit", Actor: p.Actor(), At: s.now().UTC()}
	submitter := ReviewSubmitter{
		Subject: p.Subject, CandidateNumber: p.CandidateNumber, AddedAt: change.At, SubmittedCertification: in.SubmittedCertification, Copy: file,
	}
	if joined, err := s.join(ctx, submitter, change); joined != nil || err != nil {
		s.openReviewsChanged(ctx)
		return SubmissionResult{Review: joined.SeenBy(p), Attached: joined != nil}, nil, err
	}
	days := points.FiguresOf(snap).CatalogReviewDays()
	r := &CatalogReview{
		SubmittedCertification: in.SubmittedCertification, Copy: file,
		Status: ReviewPending, Flags: screen(in.EarningMethods, in.Recognition), Submitters: []ReviewSubmitter{submitter},
		SubmittedAt: change.At, DueOn: s.today().AddDays(days), Version: 1,
	}
	receipt, err := s.received(ctx, submitter)
	if err != nil {
		return SubmissionResult{}, nil, err
	}
	if err := s.store.CreateReview(ctx, r, change, receipt, s.maxOpenPerCandidate); err != nil {
		switch {
		case catalog.ErrorCode(err) == catalog.CodeConflict:
			joined, err := s.join(ctx, submitter, change)
			s.openReviewsChanged(ctx)
			return SubmissionResult{Review: joined.SeenBy(p), Attached: joined != nil}, nil, err
		case catalog.ErrorCode(err) == catalog.CodeBadUserInput:
			return SubmissionResult{}, []*catalog.Error{catalog.AsError(err)}, nil
		}
		return SubmissionResult{}, nil, err
	}
	s.openReviewsChanged(ctx)
	return SubmissionResult{Review: r.SeenBy(p)}, nil, nil
}

// join attaches the submission to an open review of the same
// certification, if there is one: the review's decision is shared, the
// submission stays the submitter's own.
func (s *Reviews) join(ctx context.Context, who ReviewSubmitter, change catalog.Change) (*CatalogReview, error) {
	open, err := s.store.OpenReviews(ctx)
	if err != nil {
		return nil, err
	}
	key := reviewKey(who.CertificationName, who.Organization.Name)
	for _, r := range open {
		if reviewKey(r.CertificationName, r.Organization.Name) != key {
			continue
		}
		if slices.ContainsFunc(r.Submitters, func(x ReviewSubmitter) bool { return x.Subject == who.Subject }) {
			return r, nil
		}
		change.Action = "review.join"
		receipt, err := s.received(ctx, who)
		if err != nil {
			return nil, err
		}
		change.Notify = receipt(r)
		joined, err := s.store.JoinReview(ctx, r.ID, who, change)
		if err != nil || !joined {
			return nil, err
		}
		return s.store.ReviewByID(ctx, r.ID)
	}
	return nil, nil
}

func (s *Reviews) checkSubmission(snap *catalog.Snapshot, in *ReviewSubmission) []*catalog.Error {
	// Names lose invisible formatting characters, so that one cannot pass
	// for another nor reverse how staff read it.
	in.CertificationName = strings.TrimSpace(catalog.WithoutFormatCharacters(in.CertificationName))
	in.Organization.Name = strings.TrimSpace(catalog.WithoutFormatCharacters(in.Organization.Name))
	in.Organization.URL = strings.TrimSpace(in.Organization.URL)
	in.Organization.Description = strings.TrimSpace(in.Organization.Description)
	var errs []*catalog.Error
	checkText(&errs, "certificationName", in.CertificationName, true, maxCatalogText)
	checkText(&errs, "organization.name", in.Organization.Name, true, maxCatalogText)
	checkText(&errs, "organization.description", in.Organization.Description, false, 5000)
	if in.Organization.URL == "" && in.Organization.Description == "" {
		errs = append(errs, catalog.Invalid("organization.url", "give a link to the organization's web site or a description of it (or of its published material)"))
	} else if in.Organization.URL != "" {
		org := OrganizationInput{Name: in.Organization.Name, URL: in.Organization.URL}
		for _, e := range org.normalize("organization.") {
			if e.Field == "organization.url" {
				errs = append(errs, e)
			}
		}
	}
	checkText(&errs, "trainingRequirements", in.TrainingRequirements, true, 5000)
	if len(in.KeyActivityIDs) == 0 {
		errs = append(errs, catalog.Invalid("keyActivityIds", "name at least one CPT or CLT key activity the certification covers"))
	}
	for i, id := range in.KeyActivityIDs {
		if snap.Node("KeyActivity", id) == nil {
			errs = append(errs, catalog.Invalid("keyActivityIds."+strconv.Itoa(i), "no key activity has this ID"))
		}
	}
	in.KeyActivityIDs = slices.Compact(slices.Sorted(slices.Values(in.KeyActivityIDs)))
	if len(in.EarningMethods) == 0 {
		errs = append(errs, catalog.Invalid("earningMethods", "say how the certification is earned"))
	}
	if len(in.Recognition) == 0 {
		errs = append(errs, catalog.Invalid("recognition", "say where the certification is recognised"))
	}
	in.EarningMethods, in.Recognition = catalog.SortedUnique(in.EarningMethods), catalog.SortedUnique(in.Recognition)
	if in.Copy == nil || in.Copy.Content == nil {
		errs = append(errs, catalog.Invalid("copy", "attach a copy of the certification (PDF, PNG or JPEG)"))
	}
	return errs
}

// screen raises the guide's concerns for staff to confirm, from how a
// certification is earned and where it is recognised.
func screen(methods []EarningMethod, recognition []RecognitionScope) []ReviewFlag {
	var flags []ReviewFlag
	if !slices.ContainsFunc(recognition, func(r RecognitionScope) bool { return r != RecognizedByCompany && r != RecognizedInCity }) {
		flags = append(flags, ReviewFlag{catalog.RuleLocalOrCompanySpecific,
			"recognised only by a company or a city: local or company-specific certificates will not qualify for recertification points (guide)"})
	}
	if !slices.ContainsFunc(methods, func(m EarningMethod) bool { return m != EarnedByAttendance }) {
		flags = append(flags, ReviewFlag{catalog.RuleAttendanceOnly,
			"earned by training attendance only: certificates earned by simple attendance will not qualify for recertification points (guide)"})
	}
	return flags
}

// Get returns a review to staff and, as they may see it, to its
// submitters; to anyone else it is answered exactly like one that does not
// exist.
func (s *Reviews) Get(ctx context.Context, id int64) (*CatalogReview, error) {
	r, err := s.store.ReviewByID(ctx, id)
	if err != nil || r == nil {
		return nil, err
	}
	return r.SeenBy(catalog.PrincipalFrom(ctx)), nil
}

// Mine returns the reviews the signed-in candidate submitted, each as
// they may see it.
func (s *Reviews) Mine(ctx context.Context) ([]*CatalogReview, error) {
	p, err := catalog.Require(ctx, catalog.RoleCandidate)
	if err != nil {
		return nil, err
	}
	reviews, err := s.store.ReviewsSubmittedBy(ctx, p.Subject)
	for i, r := range reviews {
		reviews[i] = r.SeenBy(p)
	}
	return reviews, err
}

// Queue pages the reviews for staff, by due date.
func (s *Reviews) Queue(ctx context.Context, f ReviewFilter, req catalog.PageRequest) (catalog.Page[*CatalogReview], error) {
	if _, err := catalog.Require(ctx, catalog.RoleStaff); err != nil {
		return catalog.Page[*CatalogReview]{}, err
	}
	if err := req.Validate(); err != nil {
		return catalog.Page[*CatalogReview]{}, err
	}
	return s.store.PageReviews(ctx, f, req)
}

// Today is the service's current day, for telling overdue reviews.
func (s *Reviews) Today() catalog.Date { return s.today() }

// IsOpen reports whether the catalog review with the ID exists and is
// still open, whoever asks: an application's decision waits for it.
func (s *Reviews) IsOpen(ctx context.Context, id int64) (bool, error) {
	r, err := s.store.ReviewByID(ctx, id)
	if err != nil {
		return false, err
	}
	return r != nil && r.Status.Open(), nil
}

// transition loads a review, checks the principal and its state, applies
// the change and saves it with optimistic locking.
func (s *Reviews) transition(ctx context.Context, id int64, role catalog.Role, action string, apply func(p *catalog.Principal, r *CatalogReview, change catalog.Change) (*CatalogEdit, []*catalog.Error)) (*CatalogReview, []*catalog.Error, error) {
	p, err := catalog.Require(ctx, role)
	if err != nil {
		return nil, nil, err
	}
	r, err := s.store.ReviewByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if r == nil || (role == catalog.RoleCandidate && !r.SubmittedBy(p)) {
		return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Field: "reviewId", Message: "no catalog review has this ID"}}, nil
	}
	change := catalog.Change{Action: action, Actor: p.Actor(), At: s.now().UTC()}
	expected := r.Version
	edit, errs := apply(p, r, change)
	if len(errs) > 0 {
		return nil, errs, nil
	}
	r.Version++
	if change.Notify, err = s.reviewNotifications(ctx, action, p, r, change.At); err != nil {
		return nil, nil, err
	}
	if err := s.store.UpdateReview(ctx, r, expected, change, edit); err != nil {
		if catalog.ErrorCode(err) == catalog.CodeConflict {
			return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "reviewId", Message: "the review was changed by someone else at the same time; reload it and try again"}}, nil
		}
		return nil, nil, err
	}
	if edit != nil {
		s.catalog.Changed(ctx)
	}
	s.openReviewsChanged(ctx)
	return r.SeenBy(p), nil, nil
}

func notOpen(r *CatalogReview) []*catalog.Error {
	return []*catalog.Error{{Code: catalog.CodeConflict, Field: "reviewId", Message: "the review was already decided: " + string(r.Status)}}
}

// Assign gives a review to a staff member (the caller when assignee is empty).
func (s *Reviews) Assign(ctx context.Context, id int64, assignee string) (*CatalogReview, []*catalog.Error, error) {
	return s.transition(ctx, id, catalog.RoleStaff, "review.assign", func(p *catalog.Principal, r *CatalogReview, _ catalog.Change) (*CatalogEdit, []*catalog.Error) {
		if !r.Status.Open() {
			return nil, notOpen(r)
		}
		r.Assignee = catalog.FirstNonEmpty(strings.TrimSpace(assignee), p.Subject)
		return nil, nil
	})
}

// RequestInformation asks the submitter for more; the review's clock pauses.
func (s *Reviews) RequestInformation(ctx context.Context, id int64, message string) (*CatalogReview, []*catalog.Error, error) {
	return s.transition(ctx, id, catalog.RoleStaff, "review.request_information", func(_ *catalog.Principal, r *CatalogReview, change catalog.Change) (*CatalogEdit, []*catalog.Error) {
		if r.Status != ReviewPending {
			return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "reviewId", Message: "only a pending review can ask for information; it is " + string(r.Status)}}
		}
		var errs []*catalog.Error
		if checkText(&errs, "message", message, true, 5000); len(errs) > 0 {
			return nil, errs
		}
		at := change.At
		r.Status, r.PausedAt, r.InformationRequest = ReviewInformationRequested, &at, message
		return nil, nil
	})
}

// ProvideInformation answers staff's request; the review's clock resumes
// and its due date moves on by the days it was paused. The answer is kept
// in the submitter's own submission, which no other submitter sees; staff
// see it there and as the review's latest answer.
func (s *Reviews) ProvideInformation(ctx context.Context, id int64, response string) (*CatalogReview, []*catalog.Error, error) {
	return s.transition(ctx, id, catalog.RoleCandidate, "review.provide_information", func(p *catalog.Principal, r *CatalogReview, change catalog.Change) (*CatalogEdit, []*catalog.Error) {
		if r.Status != ReviewInformationRequested {
			return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "reviewId", Message: "no information is requested of this review"}}
		}
		var errs []*catalog.Error
		if checkText(&errs, "response", response, true, 5000); len(errs) > 0 {
			return nil, errs
		}
		// The clock is paused for the calendar days between question and answer.
		paused := catalog.DateOf(r.PausedAt.UTC()).DaysUntil(catalog.DateOf(change.At.UTC()))
		r.Status, r.PausedAt, r.InformationResponse = ReviewPending, nil, response
		own := r.Submission(p)
		at := change.At
		own.InformationResponse, own.RespondedAt = response, &at
		r.PausedDays += paused
		r.DueOn = r.DueOn.AddDays(paused)
		return nil, nil
	})
}

// Approve adds the certification to the catalog, as staff describe it,
// with provenance pointing at the review; what staff leave out and the
// review holds is taken from the review. Exactly one decision wins.
func (s *Reviews) Approve(ctx context.Context, id int64, in CertificationInput, reason string) (*CatalogReview, *catalog.Certification, []*catalog.Error, error) {
	snap, err := s.catalog.Snapshot(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	var cert *catalog.Certification
	r, errs, err := s.transition(ctx, id, catalog.RoleStaff, "review.approve", func(_ *catalog.Principal, r *CatalogReview, change catalog.Change) (*CatalogEdit, []*catalog.Error) {
		if r.Status != ReviewPending {
			return nil, notOpen(r)
		}
		fillFromReview(snap, &in, r)
		if errs := checkCertification(snap, "certification.", &in, nil); len(errs) > 0 {
			return nil, errs
		}
		var org *catalog.Organization
		org, cert = newCertification(snap, in, catalog.SourceCatalogReview, fmt.Sprintf("catalog review #%d", r.ID))
		change.Reason = catalog.FirstNonEmpty(reason, "approved on review")
		r.Status = ReviewApproved
		r.Decision = &ReviewDecision{Outcome: ReviewApproved, Message: reason, DecidedBy: change.Actor, DecidedAt: change.At}
		return &CatalogEdit{Change: change, Organization: org, Certification: cert, EntityType: "Certification", After: record(cert), ReviewID: r.ID}, nil
	})
	if r != nil && cert != nil {
		r.Decision.CertificationID = cert.ID
	}
	return r, cert, errs, err
}

// Reject turns the certification down with a reason and a message the
// submitter sees.
func (s *Reviews) Reject(ctx context.Context, id int64, reason RejectionReason, message string) (*CatalogReview, []*catalog.Error, error) {
	return s.transition(ctx, id, catalog.RoleStaff, "review.reject", func(_ *catalog.Principal, r *CatalogReview, change catalog.Change) (*CatalogEdit, []*catalog.Error) {
		if r.Status != ReviewPending {
			return nil, notOpen(r)
		}
		var errs []*catalog.Error
		if checkText(&errs, "message", message, true, 5000); len(errs) > 0 {
			return nil, errs
		}
		r.Status = ReviewRejected
		r.Decision = &ReviewDecision{Outcome: ReviewRejected, Reason: reason, Message: message, DecidedBy: change.Actor, DecidedAt: change.At}
		return nil, nil
	})
}

// OpenFile reads an uploaded copy of a review: staff may read any, a
// candidate only the copy of their own submissions (never another
// submitter's copy of a review they joined); to anyone else the file does
// not exist.
func (s *Reviews) OpenFile(ctx context.Context, key string) (io.ReadCloser, catalog.StoredFile, error) {
	p := catalog.PrincipalFrom(ctx)
	var reviews []*CatalogReview
	var err error
	switch {
	case key == "":
	case p.Has(catalog.RoleStaff):
		reviews, err = s.store.ReviewsWithFile(ctx, key)
	case p.Has(catalog.RoleCandidate):
		reviews, err = s.store.ReviewsSubmittedBy(ctx, p.Subject)
	}
	if err != nil {
		return nil, catalog.StoredFile{}, err
	}
	for _, r := range reviews {
		if v := r.SeenBy(p); v != nil {
			files := []catalog.StoredFile{v.Copy}
			for _, sub := range v.Submitters {
				files = append(files, sub.Copy)
			}
			for _, f := range files {
				if f.Key == key {
					rc, err := s.files.Open(ctx, key)
					return rc, f, err
				}
			}
		}
	}
	return nil, catalog.StoredFile{}, catalog.NotFound("no such file")
}
