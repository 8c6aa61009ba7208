package gormstore_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/catalog/points"
	"github.com/mssc/recert/catalog/review"
	"github.com/mssc/recert/internal/blobstore"
	"github.com/mssc/recert/internal/testdb"
)

// The model-based test of the application lifecycle: random sequences of
// actions by random actors (the owner, another candidate, three staff
// members, anonymous callers) go through the service layer, and after
// every step the stored application, its history, fees and payments, and
// the held certification are compared with a small model written from the
// README and DOMAIN.md, not from the service's code. rapid prints the seed
// of a failing sequence (-rapid.seed=N reproduces it).

// modelSequences and modelSteps bound the run: sequences per database and
// the average number of actions of one, unless given with -rapid.checks or
// -rapid.steps.
const (
	modelSequences = 100
	modelSteps     = 25
)

// progressWeight is how many more times than any other action Progress is drawn.
const progressWeight = 20

func TestApplicationLifecycleModel(t *testing.T) {
	setRapidDefault("rapid.checks", modelSequences)
	setRapidDefault("rapid.steps", modelSteps)
	setRapidDefault("rapid.nofailfile", true)
	for _, d := range testdb.Dialects {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			w := newModelWorld(t, d)
			rapid.Check(t, func(rt *rapid.T) {
				m := w.newMachine(rt)
				actions := rapid.StateMachineActions(m)
				for i := range progressWeight {
					actions[fmt.Sprintf("Progress%d", i)] = m.Progress
				}
				rt.Repeat(actions)
				w.reached(m)
			})
			t.Logf("statuses reached, in sequences: %v", w.statuses)
		})
	}
}

// setRapidDefault sets a rapid flag unless the command line gave it.
func setRapidDefault(name string, value any) {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	if !given {
		_ = flag.Set(name, fmt.Sprint(value))
	}
}

// modelWorld is one seeded database and the services every sequence shares.
type modelWorld struct {
	dialect  gormstore.Dialect
	store    *gormstore.Store
	cat      *catalog.Catalog
	reviews  *review.Reviews
	files    catalog.FileStorage
	employed int
	course   int
	sequence atomic.Int64
	mu       sync.Mutex
	statuses map[application.ApplicationStatus]int
}

// reached counts the statuses a sequence's application went through.
func (w *modelWorld) reached(m *machine) {
	if m.app == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.statuses == nil {
		w.statuses = map[application.ApplicationStatus]int{}
	}
	for _, s := range m.seen {
		w.statuses[s]++
	}
}

// modelStart is the first day of every sequence; its certification
// expires modelRoom days later, inside the application window.
var modelStart = catalog.NewDate(2030, time.March, 1)

// modelRoom is the number of days from a sequence's start to the expiration.
const modelRoom = 60

func newModelWorld(t *testing.T, d gormstore.Dialect) *modelWorld {
	store := testdb.OpenSeeded(t, d, nil)
	blobs, err := blobstore.Open(context.Background(), "mem://")
	if err != nil {
		t.Fatal(err)
	}
	files := blobs.Files(blobstore.DefaultLimits())
	cat := catalog.New(store)
	clock := func() time.Time { return modelStart.Time() }
	w := &modelWorld{dialect: d, store: store, cat: cat, reviews: review.NewReviews(cat, store, files, clock), files: files}
	snap, err := cat.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rb, err := points.NewRulebook(snap)
	if err != nil {
		t.Fatal(err)
	}
	expires := modelStart.AddDays(modelRoom)
	cycle := points.PointsCycle{CertifiedOn: expires.AddYears(-5), ExpiresOn: expires}
	score := func(a points.Activity) int {
		a.ProofAttached = true
		return points.ComputePoints(rb, catalog.ProgramCPT, cycle, []points.Activity{a}, modelStart).Total
	}
	w.employed, w.course = score(employment(cycle)), score(course(cycle))
	if w.employed >= 100 || w.employed+w.course < 100 {
		t.Fatalf("the model's activities earn %d and %d: the employment alone must fall short of 100 and both reach it", w.employed, w.course)
	}
	return w
}

// employment is a full-time job from the cycle's first day to the day
// before the sequence starts.
func employment(c points.PointsCycle) points.Activity {
	start, end := c.CertifiedOn, modelStart.AddDays(-1)
	return points.Activity{Category: catalog.CategoryEmployment, TypeKey: "e-direct", Title: "Machine operator, Acme", StartOn: &start, EndOn: &end, WeeklyHours: 40}
}

// course is a third-party training completed in the cycle's second year.
func course(c points.PointsCycle) points.Activity {
	done := c.CertifiedOn.AddYears(1)
	return points.Activity{Category: catalog.CategoryContinuingEducation, TypeKey: "ce-third-party", Title: "Lockout/tagout training", CompletedOn: &done}
}

// The actors of a sequence.
const (
	owner     = "owner"
	other     = "other"
	anonymous = "anonymous"
)

var (
	staffMembers = []string{"staff-1", "staff-2", "staff-3"}
	actors       = append([]string{owner, other, anonymous}, staffMembers...)
)

func isStaff(actor string) bool { return slices.Contains(staffMembers, actor) }

// modelActivity is what the model knows of a claimed activity.
type modelActivity struct {
	kind     string
	proof    bool
	reviewer *int
	refused  bool
}

// modelApplication is what the model knows of an application.
type modelApplication struct {
	id           int64
	version      int
	status       application.ApplicationStatus
	cycleExpires catalog.Date
	activities   map[int64]*modelActivity
	extension    application.ExtensionStatus
	until        catalog.Date
	feeKind      catalog.FeeKind
	feeDue       int64
	hasFee       bool
	paid         map[catalog.FeeKind]int64
	payments     int
	deniedOn     catalog.Date
	decidedBy    map[application.ApplicationAction]string
	history      []string
	submitKey    string
	submitAt     int
}

// machine is one sequence: the model, and the service under test with its
// own clock.
type machine struct {
	w            *modelWorld
	svc          *application.Applications
	today        catalog.Date
	numbers      map[string]string
	ownerID      int64
	cycleStart   catalog.Date
	cycleExpires catalog.Date
	heldExpires  catalog.Date
	extendedFrom *catalog.Date
	app          *modelApplication
	applications int
	createdByKey int64
	courseBefore bool
	firstCycle   bool
	force        *forcedStep
	seen         []application.ApplicationStatus
}

// forcedStep is a step Progress takes: the actor and the activity it
// names, with the current version and the first of every choice.
type forcedStep struct {
	actor    string
	activity int64
}

// weightedActors are the actors an action is drawn for: mostly the owner
// and staff, so sequences get far enough to decide.
var weightedActors = []string{owner, owner, owner, owner, staffMembers[0], staffMembers[0], staffMembers[1], staffMembers[1], staffMembers[2], other, anonymous}

// actor is the actor of the step: the forced one, or one drawn.
func (m *machine) actor(t *rapid.T) string {
	if m.force != nil {
		return m.force.actor
	}
	return rapid.SampledFrom(weightedActors).Draw(t, "actor")
}

// pick draws one of the options, or takes the first in a forced step.
func pick[T any](m *machine, t *rapid.T, label string, options []T) T {
	if m != nil && m.force != nil {
		return options[0]
	}
	return rapid.SampledFrom(options).Draw(t, label)
}

// as runs an action as a forced step by the actor.
func (m *machine) as(t *rapid.T, actor string, activity int64, action func(*rapid.T)) {
	m.force = &forcedStep{actor: actor, activity: activity}
	defer func() { m.force = nil }()
	action(t)
}

// Progress takes the application one step along the way to a decision,
// by the actor who may take it: sequences reach every status.
func (m *machine) Progress(t *rapid.T) {
	if m.app == nil || m.app.status == application.AppApproved || m.app.status == application.AppClosedDenied {
		m.as(t, owner, 0, m.Create)
		return
	}
	owed := m.app.feeDue - m.app.paid[m.app.feeKind]
	switch m.app.status {
	case application.AppDraft:
		m.progressDraft(t)
	case application.AppSubmitted:
		m.as(t, staffMembers[0], 0, m.RecordPayment)
	case application.AppInReview:
		m.as(t, staffMembers[0], 0, pick(nil, t, "approve", []func(*rapid.T){m.Approve, m.Deny}))
	case application.AppDenied:
		m.as(t, owner, 0, m.RequestDetailedReview)
	case application.AppDetailedReview:
		m.payOrDecide(t, staffMembers[1], owed, m.GrantDetailedReview, m.UpholdDenial)
	case application.AppDenialUpheld:
		m.as(t, owner, 0, m.Appeal)
	case application.AppAppealed:
		m.payOrDecide(t, staffMembers[2], owed, m.GrantAppeal, m.RejectAppeal)
	}
}

// payOrDecide records what is owed, or else grants or refuses the stage,
// as the staff member.
func (m *machine) payOrDecide(t *rapid.T, staff string, owed int64, grant, refuse func(*rapid.T)) {
	if owed > 0 {
		m.as(t, staff, 0, m.RecordPayment)
		return
	}
	m.as(t, staff, 0, pick(nil, t, "grant", []func(*rapid.T){grant, refuse}))
}

// progressDraft claims the employment and the course, attaches their
// proofs, and submits.
func (m *machine) progressDraft(t *rapid.T) {
	has := map[string]bool{}
	for id, a := range m.app.activities {
		has[a.kind] = true
		if !a.proof {
			m.as(t, owner, id, m.AttachProof)
			return
		}
	}
	switch {
	case !has["employment"]:
		m.as(t, owner, 0, m.SaveEmployment)
	case !has["course"]:
		m.as(t, owner, 0, m.SaveCourse)
	default:
		m.as(t, owner, 0, m.Submit)
	}
}

func (w *modelWorld) newMachine(rt *rapid.T) *machine {
	n := w.sequence.Add(1)
	m := &machine{w: w, today: modelStart, firstCycle: true, numbers: map[string]string{
		owner: fmt.Sprintf("M%d-OWN", n), other: fmt.Sprintf("M%d-OTH", n),
	}}
	m.svc = application.NewApplications(w.cat, w.store, w.store, w.reviews, w.files, func() time.Time { return m.today.Time().Add(9 * time.Hour) })
	m.cycleExpires = modelStart.AddDays(modelRoom)
	m.cycleStart, m.heldExpires = m.cycleExpires.AddYears(-5), m.cycleExpires
	candidates := candidate.NewCandidates(w.store, func() time.Time { return m.today.Time() })
	staff := catalog.WithPrincipal(context.Background(), &catalog.Principal{Subject: "registrar", Roles: []catalog.Role{catalog.RoleStaff}})
	for who, program := range map[string]catalog.Program{owner: catalog.ProgramCPT, other: catalog.ProgramCLT} {
		c, errs, err := candidates.Register(staff, m.numbers[who], candidate.ContactDetails{Name: "Model " + who, Email: m.numbers[who] + "@example.com"},
			[]candidate.HeldCertification{{Program: program, CertifiedOn: m.cycleStart, ExpiresOn: m.cycleExpires}})
		if err != nil || len(errs) > 0 {
			rt.Fatalf("registering %s: %v %v", who, err, errs)
		}
		if who == owner {
			m.ownerID = c.ID
		}
	}
	return m
}

// ctx is the context of a request by the actor.
func (m *machine) ctx(actor string) context.Context {
	ctx := context.Background()
	switch {
	case actor == anonymous:
		return ctx
	case isStaff(actor):
		return catalog.WithPrincipal(ctx, &catalog.Principal{Subject: actor, Roles: []catalog.Role{catalog.RoleStaff}})
	}
	return catalog.WithPrincipal(ctx, &catalog.Principal{Subject: m.numbers[actor], Roles: []catalog.Role{catalog.RoleCandidate}, CandidateNumber: m.numbers[actor]})
}

// subject is how the actor appears in the history.
func (m *machine) subject(actor string) string {
	if n, ok := m.numbers[actor]; ok {
		return n
	}
	return actor
}

// outcome names what a call answered: "" for success, "U:CODE" for a user
// error, "E:CODE" for an error.
func outcome(errs []*catalog.Error, err error) string {
	switch {
	case err != nil:
		return "E:" + string(catalog.ErrorCode(err))
	case len(errs) > 0:
		return "U:" + string(errs[0].Code)
	}
	return ""
}

// modelTransition is the model's own table of allowed changes.
var modelTransitions = map[application.ApplicationStatus]map[application.ApplicationAction]struct {
	staff bool
	to    application.ApplicationStatus
}{
	application.AppDraft: {
		application.ActionEdit: {false, application.AppDraft}, application.ActionSubmit: {false, application.AppSubmitted},
		application.ActionRequestExtension: {false, application.AppDraft}, application.ActionGrantExtension: {true, application.AppDraft},
		application.ActionRefuseExtension: {true, application.AppDraft},
	},
	application.AppSubmitted: {application.ActionRecordPayment: {true, application.AppInReview}},
	application.AppInReview: {
		application.ActionAssign: {true, application.AppInReview}, application.ActionSetPoints: {true, application.AppInReview},
		application.ActionRefuseActivity: {true, application.AppInReview}, application.ActionApprove: {true, application.AppApproved},
		application.ActionDeny: {true, application.AppDenied},
	},
	application.AppDenied: {application.ActionRequestDetailedReview: {false, application.AppDetailedReview}},
	application.AppDetailedReview: {
		application.ActionRecordPayment: {true, application.AppDetailedReview}, application.ActionGrantDetailedReview: {true, application.AppApproved},
		application.ActionUpholdDenial: {true, application.AppDenialUpheld},
	},
	application.AppDenialUpheld: {application.ActionAppeal: {false, application.AppAppealed}},
	application.AppAppealed: {
		application.ActionRecordPayment: {true, application.AppAppealed}, application.ActionGrantAppeal: {true, application.AppApproved},
		application.ActionRejectAppeal: {true, application.AppClosedDenied},
	},
}

// expectChange is what the model expects of an action on the application
// before the action's own checks: who may see it, the version, the table.
func (m *machine) expectChange(actor string, stale bool, action application.ApplicationAction) string {
	switch {
	case actor == anonymous:
		return "E:UNAUTHENTICATED"
	case actor == other:
		return "U:NOT_FOUND"
	case stale:
		return "U:CONFLICT"
	}
	row, ok := modelTransitions[m.app.status][action]
	switch {
	case !ok:
		return "U:CONFLICT"
	case row.staff != isStaff(actor):
		return "E:FORBIDDEN"
	}
	return ""
}

// record applies a successful change to the model.
func (m *machine) record(actor string, action application.ApplicationAction) {
	if to, ok := modelTransitions[m.app.status][action]; ok {
		m.app.status = to.to
		if !slices.Contains(m.seen, to.to) {
			m.seen = append(m.seen, to.to)
		}
	}
	m.app.version++
	m.app.history = append(m.app.history, string(action)+" by "+m.subject(actor))
}

// points is what the application's activities count, with the reviewer's figures.
func (m *machine) points() int {
	total := 0
	for _, a := range m.app.activities {
		switch {
		case a.refused:
		case a.reviewer != nil:
			total += *a.reviewer
		case !m.firstCycle:
		case a.kind == "employment":
			total += m.w.employed
		default:
			total += m.w.course
		}
	}
	return total
}

// version is the version a request names: the current one, or a stale one.
func (m *machine) version(t *rapid.T) (int, bool) {
	if m.force == nil && m.app.version > 1 && rapid.IntRange(0, 5).Draw(t, "stale") == 0 {
		return m.app.version - 1, true
	}
	return m.app.version, false
}

// needApp skips an action that needs an application before one exists.
func (m *machine) needApp(t *rapid.T) {
	if m.app == nil {
		t.Skip("no application yet")
	}
}

// modelChange is one change of the application by a drawn actor at a
// drawn version, now and then a stale one, with the outcome the model
// expects of it.
type modelChange struct {
	m      *machine
	action application.ApplicationAction
	actor  string
	v      int
	want   string
}

// begin draws who changes the application and the version they name, and
// sets what the model expects before the action's own checks.
func (m *machine) begin(t *rapid.T, action application.ApplicationAction) *modelChange {
	m.needApp(t)
	c := &modelChange{m: m, action: action, actor: m.actor(t)}
	v, stale := m.version(t)
	c.v, c.want = v, m.expectChange(c.actor, stale, action)
	return c
}

// end compares the service's answer with the model's and, when the change
// succeeded, applies it to the model with apply and records it.
func (c *modelChange) end(t *rapid.T, what string, errs []*catalog.Error, err error, apply func()) {
	compareStep(t, what+" by "+c.actor, c.want, outcome(errs, err))
	if c.want == "" {
		apply()
		c.m.record(c.actor, c.action)
	}
}

// compareStep fails the sequence when the service answered otherwise than the model.
func compareStep(t *rapid.T, step, want, got string) {
	if want != got {
		t.Fatalf("%s: the model expects %q, the service answered %q", step, want, got)
	}
}

func (m *machine) expectCreate(actor, key string) string {
	switch {
	case actor == anonymous:
		return "E:UNAUTHENTICATED"
	case isStaff(actor):
		return "E:FORBIDDEN"
	case actor == other:
		return "U:BAD_USER_INPUT"
	case key != "" && m.createdByKey != 0:
		return "replay"
	case m.today.After(m.lastStartable()):
		return "U:BAD_USER_INPUT"
	case m.app != nil && m.app.status != application.AppClosedDenied && m.app.cycleExpires.Equal(m.cycleExpires):
		return "U:CONFLICT"
	}
	return ""
}

// lastStartable is the last day an application may be started: the held
// certification's expiration plus the 90 days an extension could cover, or
// the expiration itself once an extension has moved it.
func (m *machine) lastStartable() catalog.Date {
	if m.extendedFrom != nil {
		return m.heldExpires
	}
	return m.heldExpires.AddDays(90)
}

// created starts the model of a new application.
func (m *machine) created(id int64) {
	m.app = &modelApplication{id: id, version: 1, status: application.AppDraft, cycleExpires: m.cycleExpires, activities: map[int64]*modelActivity{},
		paid: map[catalog.FeeKind]int64{}, decidedBy: map[application.ApplicationAction]string{}, history: []string{"CREATE by " + m.numbers[owner]}}
	if m.extendedFrom != nil {
		m.app.extension, m.app.until = application.ExtensionGranted, m.heldExpires
	}
	m.applications++
}

func (m *machine) Create(t *rapid.T) {
	actor := m.actor(t)
	key := pick(m, t, "key", []string{"", "create-key"})
	want := m.expectCreate(actor, key)
	a, errs, err := m.svc.Create(m.ctx(actor), catalog.ProgramCPT, key)
	got := outcome(errs, err)
	if want == "replay" {
		if got != "" || a == nil || a.ID != m.createdByKey {
			t.Fatalf("a replayed create answered %q with %v, want application %d", got, a, m.createdByKey)
		}
		return
	}
	compareStep(t, "create by "+actor, want, got)
	if got == "" {
		m.created(a.ID)
		if key != "" {
			m.createdByKey = a.ID
		}
	}
}

func (m *machine) ConcurrentCreates(t *rapid.T) {
	want := m.expectCreate(owner, "")
	results := make([]*application.Application, 4)
	codes := make([]string, 4)
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() {
			a, errs, err := m.svc.Create(m.ctx(owner), catalog.ProgramCPT, "")
			results[i], codes[i] = a, outcome(errs, err)
		})
	}
	wg.Wait()
	won := slices.Index(codes, "")
	if want == "" {
		if won < 0 || slices.ContainsFunc(append(slices.Clone(codes[:won]), codes[won+1:]...), func(c string) bool { return c != "U:CONFLICT" }) {
			t.Fatalf("concurrent creates answered %v, want one success and CONFLICTs", codes)
		}
		m.created(results[won].ID)
		return
	}
	for _, c := range codes {
		compareStep(t, "concurrent create", want, c)
	}
}

// saveKind adds the activity of the kind, or replaces the claimed one.
func (m *machine) saveKind(t *rapid.T, kind string) {
	c := m.begin(t, application.ActionEdit)
	cycle := points.PointsCycle{CertifiedOn: modelStart.AddDays(modelRoom).AddYears(-5), ExpiresOn: modelStart.AddDays(modelRoom)}
	act := employment(cycle)
	if kind == "course" {
		act = course(cycle)
	}
	var id int64
	for k, a := range m.app.activities {
		if a.kind == kind {
			id = k
		}
	}
	act.ID = id
	if c.want == "" && kind == "course" && m.courseBefore && !m.firstCycle {
		c.want = "U:CONFLICT"
	}
	_, errs, err := m.svc.SaveActivity(m.ctx(c.actor), m.app.id, c.v, act, 0)
	c.end(t, "save "+kind, errs, err, func() {
		if id == 0 {
			m.app.activities[m.app.maxID()+1] = &modelActivity{kind: kind}
		}
	})
}

func (m *machine) SaveEmployment(t *rapid.T) { m.saveKind(t, "employment") }

func (m *machine) SaveCourse(t *rapid.T) { m.saveKind(t, "course") }

// activityID draws an activity number, sometimes one the application lacks.
func (m *machine) activityID(t *rapid.T) int64 {
	if m.force != nil && m.force.activity != 0 {
		return m.force.activity
	}
	return int64(rapid.IntRange(1, int(m.app.maxID())+1).Draw(t, "activity"))
}

// maxID is the highest activity number claimed; a new activity takes the next.
func (a *modelApplication) maxID() int64 {
	var top int64
	for id := range a.activities {
		top = max(top, id)
	}
	return top
}

func (m *machine) RemoveActivity(t *rapid.T) {
	c, id := m.beginOnActivity(t, application.ActionEdit)
	_, errs, err := m.svc.RemoveActivity(m.ctx(c.actor), m.app.id, c.v, id)
	c.end(t, "remove", errs, err, func() { delete(m.app.activities, id) })
}

// beginOnActivity begins a change of a drawn activity, which the model
// expects to find.
func (m *machine) beginOnActivity(t *rapid.T, action application.ApplicationAction) (*modelChange, int64) {
	c := m.begin(t, action)
	id := m.activityID(t)
	if c.want == "" && m.app.activities[id] == nil {
		c.want = "U:NOT_FOUND"
	}
	return c, id
}

func (m *machine) AttachProof(t *rapid.T) {
	c, id := m.beginOnActivity(t, application.ActionEdit)
	up := catalog.Upload{Name: "proof.pdf", Content: bytes.NewReader([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))}
	_, errs, err := m.svc.AttachProof(m.ctx(c.actor), m.app.id, c.v, id, up)
	c.end(t, "attach", errs, err, func() { m.app.activities[id].proof = true })
}

func (m *machine) RequestExtension(t *rapid.T) {
	c := m.begin(t, application.ActionRequestExtension)
	days := pick(m, t, "courseDays", []int{20, 90, 91})
	switch {
	case c.want != "":
	case m.app.extension != "":
		c.want = "U:CONFLICT"
	case days > 90:
		c.want = "U:BAD_USER_INPUT"
	}
	_, errs, err := m.svc.RequestExtension(m.ctx(c.actor), m.app.id, c.v, m.app.cycleExpires.AddDays(days), "welding course")
	c.end(t, "request extension", errs, err, func() { m.app.extension = application.ExtensionRequested })
}

// granted applies a grant to the model: the held certification expires at
// the extension's end.
func (m *machine) granted() {
	m.app.extension, m.app.until = application.ExtensionGranted, m.app.cycleExpires.AddDays(90)
	from := m.app.cycleExpires
	m.heldExpires, m.extendedFrom = m.app.until, &from
}

// beginDecideExtension begins a grant or refusal of the extension.
func (m *machine) beginDecideExtension(t *rapid.T, action application.ApplicationAction) *modelChange {
	c := m.begin(t, action)
	if c.want == "" && m.app.extension != application.ExtensionRequested {
		c.want = "U:CONFLICT"
	}
	return c
}

func (m *machine) GrantExtension(t *rapid.T) {
	c := m.beginDecideExtension(t, application.ActionGrantExtension)
	_, errs, err := m.svc.GrantExtension(m.ctx(c.actor), m.app.id, c.v, "course confirmed")
	c.end(t, "grant extension", errs, err, m.granted)
}

func (m *machine) ConcurrentGrants(t *rapid.T) {
	m.needApp(t)
	want := m.expectChange(staffMembers[0], false, application.ActionGrantExtension)
	if want == "" && m.app.extension != application.ExtensionRequested {
		want = "U:CONFLICT"
	}
	codes := make([]string, len(staffMembers))
	var wg sync.WaitGroup
	for i, s := range staffMembers {
		wg.Go(func() {
			_, errs, err := m.svc.GrantExtension(m.ctx(s), m.app.id, m.app.version, "course confirmed")
			codes[i] = outcome(errs, err)
		})
	}
	wg.Wait()
	if want != "" {
		for _, c := range codes {
			compareStep(t, "concurrent grant", want, c)
		}
		return
	}
	won := slices.Index(codes, "")
	if won < 0 || slices.ContainsFunc(append(slices.Clone(codes[:won]), codes[won+1:]...), func(c string) bool { return c != "U:CONFLICT" }) {
		t.Fatalf("concurrent grants answered %v, want one grant and CONFLICTs", codes)
	}
	m.granted()
	m.record(staffMembers[won], application.ActionGrantExtension)
}

func (m *machine) RefuseExtension(t *rapid.T) {
	c := m.beginDecideExtension(t, application.ActionRefuseExtension)
	_, errs, err := m.svc.RefuseExtension(m.ctx(c.actor), m.app.id, c.v, "not related")
	c.end(t, "refuse extension", errs, err, func() { m.app.extension = application.ExtensionRefused })
}

// lastDay is the last day the application may be submitted.
func (m *machine) lastDay() catalog.Date {
	if m.app.extension == application.ExtensionGranted {
		return m.app.until
	}
	return m.app.cycleExpires
}

func (m *machine) Submit(t *rapid.T) {
	m.needApp(t)
	actor := m.actor(t)
	v, stale := m.version(t)
	key := fmt.Sprintf("submit-%d-%d", m.app.id, v)
	if m.app.submitKey == key {
		m.replaySubmit(t, actor)
		return
	}
	want := ""
	switch {
	case actor == anonymous:
		want = "E:UNAUTHENTICATED"
	case isStaff(actor):
		want = "E:FORBIDDEN"
	case actor == other:
		want = "U:NOT_FOUND"
	case stale, m.app.status != application.AppDraft:
		want = "U:CONFLICT"
	case m.today.Before(m.app.cycleExpires.AddDays(-90)), m.today.After(m.lastDay()), m.points() < 100:
		want = "U:BAD_USER_INPUT"
	case slices.ContainsFunc(mapValues(m.app.activities), func(a *modelActivity) bool { return !a.proof }):
		want = "U:BAD_USER_INPUT"
	}
	_, errs, err := m.svc.Submit(m.ctx(actor), []int64{m.app.id}, []int{v}, key)
	compareStep(t, "submit by "+actor, want, outcome(errs, err))
	if want == "" {
		m.app.feeKind, m.app.feeDue, m.app.hasFee = catalog.FeeApplication, 7500, true
		m.app.submitKey = key
		m.record(actor, application.ActionSubmit)
		m.app.submitAt = m.app.version
	}
}

// replaySubmit sends the key of the submission again: the owner gets the
// original answer, and nothing changes.
func (m *machine) replaySubmit(t *rapid.T, actor string) {
	apps, errs, err := m.svc.Submit(m.ctx(actor), []int64{m.app.id}, []int{m.app.submitAt - 1}, m.app.submitKey)
	got := outcome(errs, err)
	switch actor {
	case owner:
		if got != "" || len(apps) != 1 || apps[0].ID != m.app.id {
			t.Fatalf("a replayed submission answered %q %v", got, apps)
		}
	case anonymous:
		compareStep(t, "replayed submission by "+actor, "E:UNAUTHENTICATED", got)
	case other:
		compareStep(t, "replayed submission by "+actor, "U:NOT_FOUND", got)
	default:
		compareStep(t, "replayed submission by "+actor, "E:FORBIDDEN", got)
	}
}

func mapValues[K comparable, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func (m *machine) RecordPayment(t *rapid.T) {
	m.needApp(t)
	actor := m.actor(t)
	v, stale := m.version(t)
	owed := m.app.feeDue - m.app.paid[m.app.feeKind]
	amount := pick(m, t, "amount", []int64{owed, owed + 100, 0})
	want := ""
	_, payable := modelTransitions[m.app.status][application.ActionRecordPayment]
	switch {
	case actor == anonymous:
		want = "E:UNAUTHENTICATED"
	case !isStaff(actor):
		want = "E:FORBIDDEN"
	case stale, !payable, owed <= 0:
		want = "U:CONFLICT"
	case amount != owed:
		want = "U:BAD_USER_INPUT"
	}
	_, errs, err := m.svc.RecordPayment(m.ctx(actor), m.app.id, v, catalog.Money{Cents: amount, Currency: "USD"}, "RCPT")
	compareStep(t, fmt.Sprintf("payment of %d by %s", amount, actor), want, outcome(errs, err))
	if want == "" {
		m.app.paid[m.app.feeKind] += amount
		m.app.payments++
		m.record(actor, application.ActionRecordPayment)
	}
}

func (m *machine) Assign(t *rapid.T) {
	c := m.begin(t, application.ActionAssign)
	_, errs, err := m.svc.Assign(m.ctx(c.actor), m.app.id, c.v, "")
	c.end(t, "assign", errs, err, func() {})
}

func (m *machine) SetPoints(t *rapid.T) {
	c, id := m.beginOnActivity(t, application.ActionSetPoints)
	points := rapid.SampledFrom([]int{0, 5, 10, 11, 60, 100, 101}).Draw(t, "points")
	if a := m.app.activities[id]; c.want == "" && (a.kind == "course" && points != 10 || a.kind == "employment" && (points < 1 || points > 100)) {
		c.want = "U:BAD_USER_INPUT"
	}
	_, errs, err := m.svc.SetActivityPoints(m.ctx(c.actor), m.app.id, c.v, id, points, "checked the proof")
	c.end(t, fmt.Sprintf("set %d points on activity %d", points, id), errs, err, func() {
		m.app.activities[id].reviewer, m.app.activities[id].refused = &points, false
	})
}

func (m *machine) RefuseActivity(t *rapid.T) {
	c, id := m.beginOnActivity(t, application.ActionRefuseActivity)
	_, errs, err := m.svc.RefuseActivity(m.ctx(c.actor), m.app.id, c.v, id, application.RefusalNotRelated, "not related")
	c.end(t, fmt.Sprintf("refuse activity %d", id), errs, err, func() {
		m.app.activities[id].reviewer, m.app.activities[id].refused = nil, true
	})
}

// approved applies a recertification to the model: the next cycle starts
// the day after the cycle's own expiration and ends five years after it.
func (m *machine) approved() {
	next := m.app.cycleExpires.AddYears(5)
	m.cycleStart, m.cycleExpires, m.heldExpires, m.extendedFrom = m.app.cycleExpires.AddDays(1), next, next, nil
	for _, a := range m.app.activities {
		m.courseBefore = m.courseBefore || a.kind == "course"
	}
	m.firstCycle = false
}

func (m *machine) Approve(t *rapid.T) {
	c := m.begin(t, application.ActionApprove)
	if c.want == "" && m.points() < 100 {
		c.want = "U:BAD_USER_INPUT"
	}
	_, errs, err := m.svc.Approve(m.ctx(c.actor), m.app.id, c.v, "proved")
	c.end(t, "approve", errs, err, func() {
		m.app.decidedBy[application.ActionApprove] = c.actor
		m.approved()
	})
}

func (m *machine) Deny(t *rapid.T) {
	c := m.begin(t, application.ActionDeny)
	_, errs, err := m.svc.Deny(m.ctx(c.actor), m.app.id, c.v, []string{"not related"})
	c.end(t, "deny", errs, err, func() { m.app.decidedBy[application.ActionDeny], m.app.deniedOn = c.actor, m.today })
}

func (m *machine) RequestDetailedReview(t *rapid.T) {
	c := m.begin(t, application.ActionRequestDetailedReview)
	_, errs, err := m.svc.RequestDetailedReview(m.ctx(c.actor), m.app.id, c.v, "please look again")
	c.end(t, "request detailed review", errs, err, func() {
		m.app.feeKind, m.app.feeDue = catalog.FeeDetailedReview, 0
		if m.app.deniedOn.DaysUntil(m.today) > 30 {
			m.app.feeKind, m.app.feeDue = catalog.FeeLateDetailedReview, 2500
		}
	})
}

func (m *machine) Appeal(t *rapid.T) {
	c := m.begin(t, application.ActionAppeal)
	_, errs, err := m.svc.Appeal(m.ctx(c.actor), m.app.id, c.v, "to the committee")
	c.end(t, "appeal", errs, err, func() { m.app.feeKind, m.app.feeDue = catalog.FeeAppeal, 5000 })
}

// decideStage runs a decision of a detailed review or an appeal.
func (m *machine) decideStage(t *rapid.T, action application.ApplicationAction, approves bool,
	call func(ctx context.Context, id int64, version int, reason string) (*application.Application, []*catalog.Error, error)) {
	c := m.begin(t, action)
	if c.want == "" {
		for done, who := range m.app.decidedBy {
			if who == c.actor && done != application.ActionApprove {
				c.want = "U:FORBIDDEN"
			}
		}
	}
	switch {
	case c.want != "":
	case m.app.paid[m.app.feeKind] < m.app.feeDue:
		c.want = "U:CONFLICT"
	case approves && m.points() < 100:
		c.want = "U:BAD_USER_INPUT"
	}
	_, errs, err := call(m.ctx(c.actor), m.app.id, c.v, "decided")
	c.end(t, string(action), errs, err, func() {
		m.app.decidedBy[action] = c.actor
		if approves {
			m.approved()
		}
	})
}

func (m *machine) GrantDetailedReview(t *rapid.T) {
	m.decideStage(t, application.ActionGrantDetailedReview, true, m.svc.GrantDetailedReview)
}

func (m *machine) UpholdDenial(t *rapid.T) {
	m.decideStage(t, application.ActionUpholdDenial, false, m.svc.UpholdDenial)
}

func (m *machine) GrantAppeal(t *rapid.T) {
	m.decideStage(t, application.ActionGrantAppeal, true, m.svc.GrantAppeal)
}

func (m *machine) RejectAppeal(t *rapid.T) {
	m.decideStage(t, application.ActionRejectAppeal, false, m.svc.RejectAppeal)
}

func (m *machine) Advance(t *rapid.T) {
	m.today = m.today.AddDays(rapid.SampledFrom([]int{1, 15, 31}).Draw(t, "days"))
}

// Check compares the stored application, its history, fees and payments,
// and the held certification with the model.
func (m *machine) Check(t *rapid.T) {
	ctx := context.Background()
	all, err := m.w.store.ApplicationsOfCandidate(ctx, m.ownerID)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != m.applications {
		t.Fatalf("the owner has %d applications; the model %d", len(all), m.applications)
	}
	open := 0
	for _, a := range all {
		if a.Status != application.AppClosedDenied && a.Cycle.ExpiresOn.Equal(m.cycleExpires) {
			open++
		}
	}
	if open > 1 {
		t.Fatalf("%d open applications for one cycle", open)
	}
	c, err := m.w.store.CandidateByID(ctx, m.ownerID)
	if err != nil {
		t.Fatal(err)
	}
	h := c.Holds(catalog.ProgramCPT)
	if !h.CertifiedOn.Equal(m.cycleStart) || !h.ExpiresOn.Equal(m.heldExpires) || (h.ExtendedFrom == nil) != (m.extendedFrom == nil) ||
		(h.ExtendedFrom != nil && !h.ExtendedFrom.Equal(*m.extendedFrom)) {
		t.Fatalf("the held CPT is %s to %s (extended from %v); the model %s to %s (%v)", h.CertifiedOn, h.ExpiresOn, h.ExtendedFrom, m.cycleStart, m.heldExpires, m.extendedFrom)
	}
	if m.app == nil {
		return
	}
	a, err := m.w.store.ApplicationByID(ctx, m.app.id)
	if err != nil || a == nil {
		t.Fatalf("application %d: %v", m.app.id, err)
	}
	if a.Status != m.app.status || a.Version != m.app.version {
		t.Fatalf("the application is %s at version %d; the model %s at %d", a.Status, a.Version, m.app.status, m.app.version)
	}
	if len(a.NewEvents) != 0 {
		t.Fatalf("an application read from the store carries unsaved events: %+v", a.NewEvents)
	}
	found, err := m.w.store.ApplicationHistories(ctx, []int64{m.app.id}, application.MaxHistoryEvents)
	if err != nil {
		t.Fatalf("the history of application %d: %v", m.app.id, err)
	}
	events := found[m.app.id]
	var history []string
	for _, e := range events {
		history = append(history, string(e.Action)+" by "+e.Actor)
		if e.At.IsZero() || e.Actor == "" {
			t.Fatalf("a history entry without time or actor: %+v", e)
		}
	}
	if !slices.Equal(history, m.app.history) {
		t.Fatalf("history %v; the model %v", history, m.app.history)
	}
	if len(a.Activities) != len(m.app.activities) {
		t.Fatalf("%d activities; the model %d", len(a.Activities), len(m.app.activities))
	}
	for _, x := range a.Activities {
		want := m.app.activities[x.ID]
		if want == nil || (len(x.Proofs) > 0) != want.proof || (x.Refusal != nil) != want.refused || (x.ReviewerPoints == nil) != (want.reviewer == nil) ||
			(want.reviewer != nil && (*x.ReviewerPoints != *want.reviewer || x.ReviewerSetBy == "" || x.ReviewerSetAt == nil)) {
			t.Fatalf("activity %d is %+v; the model %+v", x.ID, x, want)
		}
	}
	state := application.ExtensionStatus("")
	if a.Extension != nil {
		state = a.Extension.State()
	}
	if state != m.app.extension || (state == application.ExtensionGranted && !a.Extension.Until.Equal(m.app.until)) {
		t.Fatalf("the extension is %+v; the model %s until %s", a.Extension, m.app.extension, m.app.until)
	}
	if m.app.feeKind != "" && (a.FeeKind != m.app.feeKind || a.FeeDue == nil || a.FeeDue.Cents != m.app.feeDue) {
		t.Fatalf("the fee due is %s %v; the model %s %d", a.FeeKind, a.FeeDue, m.app.feeKind, m.app.feeDue)
	}
	var paid int64
	for _, p := range a.Payments {
		if p.Amount.Cents <= 0 {
			t.Fatalf("a payment of %d cents was recorded", p.Amount.Cents)
		}
		paid += p.Amount.Cents
	}
	var modelPaid int64
	for _, n := range m.app.paid {
		modelPaid += n
	}
	if len(a.Payments) != m.app.payments || paid != modelPaid {
		t.Fatalf("%d payments of %d cents; the model %d of %d", len(a.Payments), paid, m.app.payments, modelPaid)
	}
}
