package application

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/points"
	"github.com/mssc/recert/catalog/review"
)

// CandidateReader is what applications read of the candidates' store.
type CandidateReader interface {
	// CandidateByID returns the candidate, or nil when there is none.
	CandidateByID(ctx context.Context, id int64) (*candidate.Candidate, error)
	// CandidatesByNumber returns the candidates with these MSSC candidate IDs.
	CandidatesByNumber(ctx context.Context, numbers []string) (map[string]*candidate.Candidate, error)
}

// Applications is the service of recertification applications: candidates
// build and submit them, staff review and decide, and denials may be
// reviewed and appealed. Every state change follows Transitions.
type Applications struct {
	catalog    *catalog.Catalog
	store      ApplicationStore
	candidates CandidateReader
	reviews    *review.Reviews
	files      catalog.FileStorage
	now        func() time.Time
	// maxActivities bounds the activities of one application.
	maxActivities int
	// staff are the addresses told when a candidate answers a question.
	staff []string
}

// NewApplications returns the application service; reviews finds the
// catalog reviews activities may name; now is the clock.
func NewApplications(cat *catalog.Catalog, store ApplicationStore, candidates CandidateReader, reviews *review.Reviews, files catalog.FileStorage, now func() time.Time) *Applications {
	return &Applications{catalog: cat, store: store, candidates: candidates, reviews: reviews, files: files, now: now, maxActivities: DefaultMaxActivities}
}

func (s *Applications) today() catalog.Date { return catalog.DateOf(s.now().UTC()) }

// Today is the service's current day.
func (s *Applications) Today() catalog.Date { return s.today() }

func (s *Applications) mine(ctx context.Context, p *catalog.Principal) (*candidate.Candidate, error) {
	found, err := s.candidates.CandidatesByNumber(ctx, []string{p.CandidateNumber})
	if err != nil {
		return nil, err
	}
	return found[p.CandidateNumber], nil
}

// Create starts a draft application for a certification the candidate
// holds. One application is open per candidate, program and cycle, also
// under concurrent requests (the store enforces it); the loser gets a
// CONFLICT user error. With an idempotency key, a retried request returns
// the same application, also while the first is still in flight.
func (s *Applications) Create(ctx context.Context, program catalog.Program, idemKey string) (*Application, []*catalog.Error, error) {
	p, err := catalog.Require(ctx, catalog.RoleCandidate)
	if err != nil {
		return nil, nil, err
	}
	idem, earlier, errs, err := s.idempotent(ctx, p, idemKey, "createApplication", program)
	if earlier != nil || errs != nil || err != nil {
		return earlier, errs, err
	}
	a, errs, err := s.create(ctx, p, program, idem)
	if idem != nil && (errs != nil || catalog.ErrorCode(err) == catalog.CodeConflict) {
		if earlier, replayErrs, replayErr := s.replay(ctx, p, idem); earlier != nil || replayErrs != nil || replayErr != nil {
			return earlier, replayErrs, replayErr
		}
	}
	return a, errs, err
}

// create checks and stores a new draft.
func (s *Applications) create(ctx context.Context, p *catalog.Principal, program catalog.Program, idem *IdempotencyKey) (*Application, []*catalog.Error, error) {
	c, err := s.mine(ctx, p)
	if err != nil {
		return nil, nil, err
	}
	if c == nil {
		return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Message: "no candidate record is registered for your candidate ID; ask MSSC staff"}}, nil
	}
	held := c.Holds(program)
	if held == nil {
		return nil, []*catalog.Error{{Code: catalog.CodeBadUserInput, Field: "program", Message: "you do not hold the full " + string(program) + " certification"}}, nil
	}
	snap, err := s.catalog.Snapshot(ctx)
	if err != nil {
		return nil, nil, err
	}
	if e := CheckCanStart(snap, held, s.today()); e != nil {
		return nil, []*catalog.Error{e}, nil
	}
	existing, err := s.store.ApplicationsOfCandidate(ctx, c.ID)
	if err != nil {
		return nil, nil, err
	}
	cycle := points.PointsCycle{CertifiedOn: held.CertifiedOn, ExpiresOn: held.CycleExpiresOn()}
	for _, a := range existing {
		if a.Program == program && a.Cycle.ExpiresOn.Equal(cycle.ExpiresOn) && a.Status != AppClosedDenied {
			return nil, []*catalog.Error{openApplicationExists(program, a.Status)}, nil
		}
	}
	change := catalog.Change{Action: string(ActionCreate), Actor: p.Actor(), At: s.now().UTC()}
	a := &Application{
		CandidateID: c.ID, CandidateNumber: c.Number, Program: program, Cycle: cycle,
		Status: AppDraft, DecidedBy: map[ApplicationAction]string{}, Version: 1,
		NewEvents: []ApplicationEvent{{At: change.At, Actor: change.Actor, Action: ActionCreate, To: AppDraft}},
	}
	if held.ExtendedFrom != nil {
		until := held.ExpiresOn
		a.Extension = &Extension{Status: ExtensionGranted, Until: &until, Reason: "granted on an earlier application of this cycle"}
	}
	if err := s.store.CreateApplication(ctx, a, idem, change); err != nil {
		if catalog.ErrorCode(err) == catalog.CodeConflict {
			return nil, []*catalog.Error{openApplicationExists(program, AppDraft)}, nil
		}
		return nil, nil, err
	}
	return a, nil, nil
}

// openApplicationExists refuses a second open application for a cycle.
func openApplicationExists(program catalog.Program, status ApplicationStatus) *catalog.Error {
	return &catalog.Error{Code: catalog.CodeConflict, Field: "program", Message: fmt.Sprintf("an application for this %s cycle exists already (%s); one application is open per certification and cycle", program, status)}
}

// idempotent looks up an idempotency key: a key used before for the same
// request returns the application it produced; used for another request
// it is a conflict.
func (s *Applications) idempotent(ctx context.Context, p *catalog.Principal, key, operation string, request any) (*IdempotencyKey, *Application, []*catalog.Error, error) {
	if key == "" {
		return nil, nil, nil, nil
	}
	if len(key) > 200 {
		return nil, nil, []*catalog.Error{catalog.Invalid("idempotencyKey", "an idempotency key has at most 200 characters")}, nil
	}
	idem := &IdempotencyKey{Subject: p.Subject, Key: key, Operation: operation, RequestHash: hashRequest(request)}
	earlier, errs, err := s.replay(ctx, p, idem)
	if earlier != nil || errs != nil || err != nil {
		return nil, earlier, errs, err
	}
	return idem, nil, nil, nil
}

func (s *Applications) replay(ctx context.Context, p *catalog.Principal, idem *IdempotencyKey) (*Application, []*catalog.Error, error) {
	rec, err := s.store.IdempotentResult(ctx, p.Subject, idem.Key)
	if err != nil || rec == nil {
		return nil, nil, err
	}
	if rec.Operation != idem.Operation || rec.RequestHash != idem.RequestHash {
		return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "idempotencyKey", Message: "this idempotency key was used for another request"}}, nil
	}
	a, err := s.store.ApplicationByID(ctx, rec.ResultID)
	return a, nil, err
}

// Get returns an application to its candidate and to staff; to anyone else
// it is answered exactly like one that does not exist.
func (s *Applications) Get(ctx context.Context, id int64) (*Application, error) {
	a, err := s.store.ApplicationByID(ctx, id)
	if err != nil || a == nil {
		return nil, err
	}
	if mayRead(ctx, a) {
		return a, nil
	}
	return nil, nil
}

// mayRead reports whether the caller may read the application: its
// candidate and staff may.
func mayRead(ctx context.Context, a *Application) bool {
	p := catalog.PrincipalFrom(ctx)
	return p.Has(catalog.RoleStaff) || (p.Has(catalog.RoleCandidate) && p.CandidateNumber == a.CandidateNumber)
}

// Mine returns the signed-in candidate's applications.
func (s *Applications) Mine(ctx context.Context) ([]*Application, error) {
	p, err := catalog.Require(ctx, catalog.RoleCandidate)
	if err != nil {
		return nil, err
	}
	c, err := s.mine(ctx, p)
	if err != nil || c == nil {
		return []*Application{}, err
	}
	return s.store.ApplicationsOfCandidate(ctx, c.ID)
}

// Report scores an application's activities with the rule tables, read
// through the snapshot's rulebook, which is built once per catalog version
// and shared by every application read against it.
func (s *Applications) Report(ctx context.Context, a *Application) (points.PointsReport, error) {
	snap, err := s.catalog.Snapshot(ctx)
	if err != nil {
		return points.PointsReport{}, err
	}
	rb, err := points.RulebookOf(snap)
	if err != nil {
		return points.PointsReport{}, catalog.Internal(err)
	}
	return points.ComputePoints(rb, a.Program, a.CountingCycle(), activitiesOf(a), s.today()), nil
}

// activitiesOf is what the points engine scores: the claims with their
// proofs noted, a refused one at the reviewer's figure 0.
func activitiesOf(a *Application) []points.Activity {
	out := make([]points.Activity, len(a.Activities))
	for i, x := range a.Activities {
		out[i] = x.Activity
		out[i].ProofAttached = len(x.Proofs) > 0
		if r := x.Refusal; r != nil {
			zero := 0
			out[i].ReviewerPoints, out[i].ReviewerReason = &zero, fmt.Sprintf("refused (%s): %s", r.Code, r.Reason)
		}
	}
	return out
}

// errsOf wraps one user error, or none, in a list.
func errsOf(e *catalog.Error) []*catalog.Error {
	if e == nil {
		return nil
	}
	return []*catalog.Error{e}
}

// change runs one allowed action on an application under optimistic
// locking: it checks the principal's role and ownership and the
// transition, applies the change, and saves it with the history event
// every action writes (actor, time and reason).
func (s *Applications) change(ctx context.Context, id int64, version int, action ApplicationAction, reason string,
	apply func(p *catalog.Principal, a *Application, snap *catalog.Snapshot) ([]*catalog.Error, error)) (*Application, []*catalog.Error, error) {
	return s.changeHeld(ctx, id, version, action, reason, func(p *catalog.Principal, a *Application, snap *catalog.Snapshot, _ time.Time) ([]candidate.HeldCertification, []*catalog.Error, error) {
		errs, err := apply(p, a, snap)
		return nil, errs, err
	})
}

// changeHeld is change for actions that also move the candidate's held
// certification, written in the same transaction; apply gets the time the
// change is recorded at.
func (s *Applications) changeHeld(ctx context.Context, id int64, version int, action ApplicationAction, reason string,
	apply func(p *catalog.Principal, a *Application, snap *catalog.Snapshot, at time.Time) ([]candidate.HeldCertification, []*catalog.Error, error)) (*Application, []*catalog.Error, error) {
	p := catalog.PrincipalFrom(ctx)
	if p == nil {
		return nil, nil, &catalog.Error{Code: catalog.CodeUnauthenticated, Message: "sign in to do this"}
	}
	a, err := s.store.ApplicationByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	owner := a != nil && p.Has(catalog.RoleCandidate) && p.CandidateNumber == a.CandidateNumber
	if a == nil || !(owner || p.Has(catalog.RoleStaff)) {
		return nil, []*catalog.Error{{Code: catalog.CodeNotFound, Field: "applicationId", Message: "no application has this ID"}}, nil
	}
	if a.Version != version {
		return nil, []*catalog.Error{staleVersion(a)}, nil
	}
	t := transition(a.Status, action)
	if t == nil {
		return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "applicationId", Message: fmt.Sprintf("an application that is %s cannot take %s", a.Status, action)}}, nil
	}
	if (t.By == catalog.RoleCandidate && !owner) || (t.By == catalog.RoleStaff && !p.Has(catalog.RoleStaff)) {
		return nil, nil, &catalog.Error{Code: catalog.CodeForbidden, Message: "you are not allowed to do this"}
	}
	snap, err := s.catalog.Snapshot(ctx)
	if err != nil {
		return nil, nil, err
	}
	at := s.now().UTC()
	held, errs, err := apply(p, a, snap, at)
	if errs != nil || err != nil {
		return nil, errs, err
	}
	a.NewEvents = append(a.NewEvents, ApplicationEvent{At: at, Actor: p.Actor(), Action: action, From: t.From, To: t.To, Reason: reason})
	a.Status = t.To
	expected := a.Version
	a.Version++
	toStaff, err := s.staffNotifications(ctx, a, action, at)
	if err != nil {
		return nil, nil, err
	}
	change := catalog.Change{Action: string(action), Actor: p.Actor(), At: at, Reason: reason,
		Notify: append(applicationNotifications(snap, []*Application{a}, action, at, nil), toStaff...)}
	if err := s.store.UpdateApplications(ctx, []*Application{a}, []int{expected}, held, nil, change); err != nil {
		if catalog.ErrorCode(err) == catalog.CodeConflict {
			return nil, []*catalog.Error{{Code: catalog.CodeConflict, Field: "version", Message: "the application was changed at the same time; reload it and try again"}}, nil
		}
		return nil, nil, err
	}
	return a, nil, nil
}

func staleVersion(a *Application) *catalog.Error {
	return &catalog.Error{Code: catalog.CodeConflict, Field: "version", Message: "the application changed since version was read (it is at version " + strconv.Itoa(a.Version) + "); reload it and try again"}
}

// SaveActivity adds a claimed activity to a draft (ID 0) or replaces one.
// An Industry Certification under catalog review names the review.
func (s *Applications) SaveActivity(ctx context.Context, id int64, version int, act points.Activity, reviewID int64) (*Application, []*catalog.Error, error) {
	what := fmt.Sprintf("added activity %q", act.Title)
	if act.ID != 0 {
		what = fmt.Sprintf("replaced activity %d with %q", act.ID, act.Title)
	}
	return s.change(ctx, id, version, ActionEdit, what, func(_ *catalog.Principal, a *Application, snap *catalog.Snapshot) ([]*catalog.Error, error) {
		rb, err := points.RulebookOf(snap)
		if err != nil {
			return nil, catalog.Internal(err)
		}
		act.ReviewerPoints, act.ReviewerReason = nil, ""
		if e, err := s.claimedBefore(ctx, a, act); e != nil || err != nil {
			return errsOf(e), err
		}
		if reviewID != 0 {
			if act.Category != catalog.CategoryIndustryCertification || act.CertificationKey != "" {
				return []*catalog.Error{catalog.Invalid("activity.catalogReviewId", "a catalog review is named only by an Industry Certification that is not listed")}, nil
			}
			if e := s.checkReview(ctx, reviewID); e != nil {
				return []*catalog.Error{e}, nil
			}
		}
		if errs := validateLetterDetails(act); len(errs) > 0 {
			return errs, nil
		}
		if errs := points.ValidateActivity("activity.", act, rb, s.today()); len(errs) > 0 && !(reviewID != 0 && onlyUnlisted(errs)) {
			return errs, nil
		}
		if act.ID == 0 {
			if len(a.Activities) >= s.maxActivities {
				return []*catalog.Error{tooManyActivities(s.maxActivities)}, nil
			}
			for _, x := range a.Activities {
				act.ID = max(act.ID, x.ID)
			}
			act.ID++
			a.Activities = append(a.Activities, ApplicationActivity{Activity: act, CatalogReviewID: reviewID})
			return nil, nil
		}
		i := slices.IndexFunc(a.Activities, func(x ApplicationActivity) bool { return x.ID == act.ID })
		if i < 0 {
			return []*catalog.Error{{Code: catalog.CodeNotFound, Field: "activity.id", Message: "the application has no such activity"}}, nil
		}
		a.Activities[i].Activity, a.Activities[i].CatalogReviewID = act, reviewID
		return nil, nil
	})
}

// checkReview accepts a catalog review the candidate may name: one they
// submitted that is still open.
func (s *Applications) checkReview(ctx context.Context, reviewID int64) *catalog.Error {
	if s.reviews == nil {
		return catalog.Invalid("activity.catalogReviewId", "catalog reviews are not available")
	}
	r, err := s.reviews.Get(ctx, reviewID)
	if err != nil || r == nil {
		return &catalog.Error{Code: catalog.CodeNotFound, Field: "activity.catalogReviewId", Message: "no catalog review of yours has this ID"}
	}
	if !r.Status.Open() {
		return &catalog.Error{Code: catalog.CodeConflict, Field: "activity.catalogReviewId", Message: "the catalog review was decided: " + string(r.Status) + "; claim the listed certification instead"}
	}
	return nil
}

// onlyUnlisted reports whether the only problem of an activity is that its
// certification is not listed yet, which a catalog review may settle.
func onlyUnlisted(errs []*catalog.Error) bool {
	for _, e := range errs {
		if e.Field != "activity.certificationKey" {
			return false
		}
	}
	return true
}

// reviewDelay is how many days an application's decision may wait for
// the catalog reviews its activities name.
func (s *Applications) reviewDelay(ctx context.Context, a *Application, snap *catalog.Snapshot) (int, error) {
	for _, x := range a.Activities {
		if x.CatalogReviewID == 0 || s.reviews == nil {
			continue
		}
		open, err := s.reviews.IsOpen(ctx, x.CatalogReviewID)
		if err != nil {
			return 0, err
		}
		if open {
			return points.FiguresOf(snap).CatalogReviewMaxDelayDays(), nil
		}
	}
	return 0, nil
}

// RemoveActivity removes a claimed activity from a draft.
func (s *Applications) RemoveActivity(ctx context.Context, id int64, version int, activityID int64) (*Application, []*catalog.Error, error) {
	return s.change(ctx, id, version, ActionEdit, fmt.Sprintf("removed activity %d", activityID), func(_ *catalog.Principal, a *Application, _ *catalog.Snapshot) ([]*catalog.Error, error) {
		i := slices.IndexFunc(a.Activities, func(x ApplicationActivity) bool { return x.ID == activityID })
		if i < 0 {
			return []*catalog.Error{{Code: catalog.CodeNotFound, Field: "activityId", Message: "the application has no such activity"}}, nil
		}
		a.Activities = slices.Delete(a.Activities, i, i+1)
		return nil, nil
	})
}

// AttachProof stores a proof file and attaches it to a claimed activity.
func (s *Applications) AttachProof(ctx context.Context, id int64, version int, activityID int64, up catalog.Upload) (*Application, []*catalog.Error, error) {
	return s.change(ctx, id, version, ActionEdit, fmt.Sprintf("attached proof %q to activity %d", up.Name, activityID), func(_ *catalog.Principal, a *Application, _ *catalog.Snapshot) ([]*catalog.Error, error) {
		i := slices.IndexFunc(a.Activities, func(x ApplicationActivity) bool { return x.ID == activityID })
		if i < 0 {
			return []*catalog.Error{{Code: catalog.CodeNotFound, Field: "activityId", Message: "the application has no such activity"}}, nil
		}
		if up.Content == nil {
			return []*catalog.Error{catalog.Invalid("file", "attach a file (PDF, PNG or JPEG)")}, nil
		}
		file, err := s.files.Put(ctx, up.Content, up.Name)
		if err != nil {
			if catalog.ErrorCode(err) == catalog.CodeBadUserInput {
				return []*catalog.Error{{Code: catalog.CodeBadUserInput, Field: "file", Message: catalog.AsError(err).Message}}, nil
			}
			return nil, err
		}
		a.Activities[i].Proofs = append(a.Activities[i].Proofs, file)
		return nil, nil
	})
}
