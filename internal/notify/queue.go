package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/catalog/notification"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
)

// Store is what delivery needs from persistence.
type Store interface {
	// UnqueuedNotifications returns notifications not yet queued, oldest first.
	UnqueuedNotifications(ctx context.Context, limit int) ([]catalog.Notification, error)
	// MarkNotificationsQueued records that the queue holds them.
	MarkNotificationsQueued(ctx context.Context, ids []int64, at time.Time) error
	// NotificationByID returns a notification, or nil.
	NotificationByID(ctx context.Context, id int64) (*catalog.Notification, error)
	// MarkNotificationSent records when the mail server took it.
	MarkNotificationSent(ctx context.Context, id int64, at time.Time) error
	// CandidateByID returns a candidate, or nil.
	CandidateByID(ctx context.Context, id int64) (*candidate.Candidate, error)
	// RemindersOff reports whether the candidate turned reminders off.
	RemindersOff(ctx context.Context, candidateID int64) (bool, error)
}

// Config sets up delivery.
type Config struct {
	// Mailer sends the messages.
	Mailer Mailer
	// Reminders finds the date-driven reminders; nil runs none.
	Reminders *notification.Reminders
	// Link is the web app's address, put in every message.
	Link string
	// PollInterval is how often the outbox is read and the queue polled;
	// zero means one second.
	PollInterval time.Duration
	// ReminderInterval is how often the reminders are looked for; zero
	// means one hour.
	ReminderInterval time.Duration
	// RetryBase is the first retry's delay after a failed send, doubled
	// at each attempt up to RetryMax; zero means one minute.
	RetryBase time.Duration
	// RetryMax caps the delay between retries; zero means six hours.
	RetryMax time.Duration
	// MaxAttempts is how many sends are tried before a notification is
	// given up and listed as failed; zero means 12.
	MaxAttempts int
	// Logger receives the queue's log lines.
	Logger *slog.Logger
}

// sendKind is the River job kind that sends one notification.
const sendKind = "notification_send"

// SendArgs are the arguments of the job that sends one notification. The
// job is unique by the notification's key (recipient, kind and day), in
// every state, so that a notification is queued once however often the
// outbox is read.
type SendArgs struct {
	// NotificationID is the notification to send.
	NotificationID int64 `json:"notification_id"`
	// Key is the notification's unique key.
	Key string `json:"key" river:"unique"`
}

// Kind names the job.
func (SendArgs) Kind() string { return sendKind }

// InsertOpts makes the job unique by its key, whatever its state.
func (SendArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: rivertype.JobStates()}}
}

// RemindersArgs are the arguments of the periodic job that looks for the
// reminders due on the service's today.
type RemindersArgs struct{}

// Kind names the job.
func (RemindersArgs) Kind() string { return "notification_reminders" }

// queueClient is the part of River's client the queue uses, whatever the
// driver.
type queueClient interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
	InsertMany(ctx context.Context, params []river.InsertManyParams) ([]*rivertype.JobInsertResult, error)
	JobList(ctx context.Context, params *river.JobListParams) (*river.JobListResult, error)
}

// Queue delivers notifications with River on the service's own database.
type Queue struct {
	store  Store
	cfg    Config
	client queueClient
	pool   *pgxpool.Pool
	done   chan struct{}
	cancel context.CancelFunc
}

// backoff doubles the delay after each failed attempt, up to a cap.
type backoff struct{ base, max time.Duration }

// NextRetry is when the job is tried again.
func (b backoff) NextRetry(job *rivertype.JobRow) time.Time {
	d := b.base
	for i := 1; i < job.Attempt && d < b.max; i++ {
		d *= 2
	}
	return time.Now().Add(min(d, b.max))
}

// Migrate applies River's own migrations to the store's database.
func Migrate(ctx context.Context, store *gormstore.Store) error {
	if pc := store.PostgresConfig(); pc != nil {
		pool, err := openPool(ctx, store)
		if err != nil {
			return err
		}
		defer pool.Close()
		return migrate(ctx, riverpgxv5.New(pool))
	}
	db, err := store.SQLDB()
	if err != nil {
		return err
	}
	driver, err := sqliteDriver(db)
	if err != nil {
		return err
	}
	return migrate(ctx, driver)
}

func migrate[TTx any](ctx context.Context, driver riverdriver.Driver[TTx]) error {
	m, err := rivermigrate.New(driver, nil)
	if err != nil {
		return err
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("applying the queue's migrations: %w", err)
	}
	return nil
}

func openPool(ctx context.Context, store *gormstore.Store) (*pgxpool.Pool, error) {
	pc, err := pgxpool.ParseConfig("")
	if err != nil {
		return nil, err
	}
	pc.ConnConfig = store.PostgresConfig()
	pc.MaxConns = 4
	return pgxpool.NewWithConfig(ctx, pc)
}

// New builds the queue on the store's database; Start runs it.
func New(ctx context.Context, store *gormstore.Store, notifications Store, cfg Config) (*Queue, error) {
	if cfg.Mailer == nil {
		return nil, errors.New("notify: no mailer")
	}
	cfg.PollInterval = cmpOr(cfg.PollInterval, time.Second)
	cfg.ReminderInterval = cmpOr(cfg.ReminderInterval, time.Hour)
	cfg.RetryBase = cmpOr(cfg.RetryBase, time.Minute)
	cfg.RetryMax = cmpOr(cfg.RetryMax, 6*time.Hour)
	if cfg.MaxAttempts == 0 {
		cfg.MaxAttempts = 12
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	q := &Queue{store: notifications, cfg: cfg}
	workers := river.NewWorkers()
	river.AddWorker(workers, &sendWorker{q: q})
	var periodic []*river.PeriodicJob
	if cfg.Reminders != nil {
		river.AddWorker(workers, &remindersWorker{reminders: cfg.Reminders})
		periodic = append(periodic, river.NewPeriodicJob(river.PeriodicInterval(cfg.ReminderInterval),
			func() (river.JobArgs, *river.InsertOpts) { return RemindersArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}))
	}
	rc := &river.Config{
		Queues:            map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 4}},
		Workers:           workers,
		PeriodicJobs:      periodic,
		FetchPollInterval: cfg.PollInterval,
		FetchCooldown:     min(cfg.PollInterval, river.FetchCooldownDefault),
		MaxAttempts:       cfg.MaxAttempts,
		RetryPolicy:       backoff{base: cfg.RetryBase, max: cfg.RetryMax},
		JobTimeout:        time.Minute,
		Logger:            cfg.Logger,
	}
	if store.PostgresConfig() != nil {
		pool, err := openPool(ctx, store)
		if err != nil {
			return nil, err
		}
		client, err := river.NewClient(riverpgxv5.New(pool), rc)
		if err != nil {
			pool.Close()
			return nil, err
		}
		q.client, q.pool = client, pool
		return q, nil
	}
	db, err := store.SQLDB()
	if err != nil {
		return nil, err
	}
	driver, err := sqliteDriver(db)
	if err != nil {
		return nil, err
	}
	client, err := river.NewClient(driver, rc)
	if err != nil {
		return nil, err
	}
	q.client = client
	return q, nil
}

func cmpOr(d, fallback time.Duration) time.Duration {
	if d <= 0 {
		return fallback
	}
	return d
}

// Start runs the queue's workers and the outbox relay until Stop.
func (q *Queue) Start(ctx context.Context) error {
	if err := q.client.Start(ctx); err != nil {
		return err
	}
	ctx, q.cancel = context.WithCancel(ctx)
	q.done = make(chan struct{})
	go q.relay(ctx)
	return nil
}

// Stop lets running sends finish, then stops the workers and the relay.
func (q *Queue) Stop(ctx context.Context) error {
	if q.cancel != nil {
		q.cancel()
		<-q.done
	}
	err := q.client.Stop(ctx)
	if q.pool != nil {
		q.pool.Close()
	}
	return err
}

// relay hands the outbox's new notifications to the queue, every poll
// interval; the unique key keeps a notification from being queued twice
// when two instances or a restart read the same rows.
func (q *Queue) relay(ctx context.Context) {
	defer close(q.done)
	t := time.NewTicker(q.cfg.PollInterval)
	defer t.Stop()
	for {
		if err := q.Relay(ctx); err != nil && ctx.Err() == nil {
			q.cfg.Logger.Warn("notifications not queued yet", "error", err.Error())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// relayBatch bounds the notifications queued at once.
const relayBatch = 100

// Relay queues the notifications the outbox holds that are not yet queued.
func (q *Queue) Relay(ctx context.Context) error {
	for {
		ns, err := q.store.UnqueuedNotifications(ctx, relayBatch)
		if err != nil || len(ns) == 0 {
			return err
		}
		params := make([]river.InsertManyParams, len(ns))
		ids := make([]int64, len(ns))
		for i, n := range ns {
			params[i] = river.InsertManyParams{Args: SendArgs{NotificationID: n.ID, Key: n.Key}}
			ids[i] = n.ID
		}
		if _, err := q.client.InsertMany(ctx, params); err != nil {
			return err
		}
		if err := q.store.MarkNotificationsQueued(ctx, ids, time.Now()); err != nil {
			return err
		}
		if len(ns) < relayBatch {
			return nil
		}
	}
}

// Failed lists the notifications the queue gave up, newest first.
func (q *Queue) Failed(ctx context.Context, limit int) ([]notification.DeliveryFailure, error) {
	res, err := q.client.JobList(ctx, river.NewJobListParams().Kinds(sendKind).
		States(rivertype.JobStateDiscarded, rivertype.JobStateCancelled).OrderBy(river.JobListOrderByID, river.SortOrderDesc).First(limit))
	if err != nil {
		return nil, err
	}
	out := make([]notification.DeliveryFailure, 0, len(res.Jobs))
	for _, j := range res.Jobs {
		f := notification.DeliveryFailure{Attempts: j.Attempt}
		var args SendArgs
		if err := decodeArgs(j.EncodedArgs, &args); err == nil {
			f.NotificationID, f.Key = args.NotificationID, args.Key
		}
		if n := len(j.Errors); n > 0 {
			f.LastError = j.Errors[n-1].Error
		}
		if j.FinalizedAt != nil {
			f.FailedAt = *j.FinalizedAt
		}
		out = append(out, f)
	}
	return out, nil
}

// sendWorker sends one notification.
type sendWorker struct {
	river.WorkerDefaults[SendArgs]
	q *Queue
}

// Work renders and sends the notification, unless it was sent already or
// is a reminder its candidate turned off; an error makes River retry.
func (w *sendWorker) Work(ctx context.Context, job *river.Job[SendArgs]) error {
	n, err := w.q.store.NotificationByID(ctx, job.Args.NotificationID)
	if err != nil {
		return err
	}
	if n == nil || n.SentAt != nil {
		return nil
	}
	to, name := n.Recipient, "colleague"
	if n.CandidateID != 0 {
		c, err := w.q.store.CandidateByID(ctx, n.CandidateID)
		if err != nil {
			return err
		}
		if c == nil {
			return river.JobCancel(fmt.Errorf("candidate %d no longer exists", n.CandidateID))
		}
		to, name = c.Email, c.Name
		if n.Kind.IsReminder() {
			off, err := w.q.store.RemindersOff(ctx, n.CandidateID)
			if err != nil {
				return err
			}
			if off {
				return nil
			}
		}
	}
	if strings.TrimSpace(to) == "" {
		return river.JobCancel(fmt.Errorf("notification %d has no address to send to", n.ID))
	}
	msg, err := render(*n, name, to, w.q.cfg.Link)
	if err != nil {
		return river.JobCancel(err)
	}
	if err := w.q.cfg.Mailer.Send(ctx, msg); err != nil {
		return err
	}
	return w.q.store.MarkNotificationSent(ctx, n.ID, time.Now())
}

// remindersWorker records the reminders due today.
type remindersWorker struct {
	river.WorkerDefaults[RemindersArgs]
	reminders *notification.Reminders
}

// Work records the reminders due on the service's today.
func (w *remindersWorker) Work(ctx context.Context, _ *river.Job[RemindersArgs]) error {
	_, err := w.reminders.Record(ctx)
	return err
}

func decodeArgs(raw []byte, v any) error { return json.Unmarshal(raw, v) }
