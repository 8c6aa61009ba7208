package application

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
)

// IdempotencyKey makes a retried request take effect once: the first
// request with a key stores its result; a retry with the same key and the
// same request gets that result again.
type IdempotencyKey struct {
	// Subject is the principal the key belongs to.
	Subject string
	// Key is the client's key.
	Key string
	// Operation names the mutation.
	Operation string
	// RequestHash identifies the request's input.
	RequestHash string
	// ResultID is the application the request produced.
	ResultID int64
}

// hashRequest identifies a request's input for an idempotency key.
func hashRequest(v any) string {
	raw, _ := json.Marshal(v)
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// ApplicationFilter narrows the staff queue of applications.
type ApplicationFilter struct {
	// Statuses keeps applications with any of these statuses; none keeps all.
	Statuses []ApplicationStatus
	// DueBefore keeps applications whose decision is due on or before this day.
	DueBefore *catalog.Date
	// Reviewer keeps applications assigned to this staff member.
	Reviewer string
}

// ExpiringCertification is a held certification nearing its expiration.
type ExpiringCertification struct {
	// Candidate holds it.
	Candidate *candidate.Candidate
	// Held is the certification.
	Held candidate.HeldCertification
}

// ApplicationStore is what applications need from persistence. An
// application is saved whole, with its activities, under optimistic
// locking; its history is append-only: each save adds the application's
// NewEvents, and the history is read only when asked for.
type ApplicationStore interface {
	// CreateApplication stores a new application and sets its ID, with
	// the idempotency key, if any, in the same transaction.
	CreateApplication(ctx context.Context, a *Application, idem *IdempotencyKey, change catalog.Change) error
	// ApplicationByID returns the application, or nil.
	ApplicationByID(ctx context.Context, id int64) (*Application, error)
	HistoryReader
	// ApplicationsOfCandidate returns a candidate's applications, newest first.
	ApplicationsOfCandidate(ctx context.Context, candidateID int64) ([]*Application, error)
	// PageApplications pages the applications by decision due date.
	PageApplications(ctx context.Context, f ApplicationFilter, req catalog.PageRequest) (catalog.Page[*Application], error)
	// BundleByID returns the bundle of applications paid together, or nil.
	BundleByID(ctx context.Context, id string) (*ApplicationBundle, error)
	// UpdateApplications saves the applications when each stored version is
	// the expected one, with the bundle an application carries (added, or
	// updated when stored at the version before its own), the held
	// certifications given, and the idempotency key, in one transaction;
	// another version is a CONFLICT error.
	UpdateApplications(ctx context.Context, apps []*Application, expected []int, held []candidate.HeldCertification, idem *IdempotencyKey, change catalog.Change) error
	// IdempotentResult returns the stored use of a key, or nil.
	IdempotentResult(ctx context.Context, subject, key string) (*IdempotencyKey, error)
	// ExpiringCertifications returns the held certifications expiring
	// between the two days, soonest first.
	ExpiringCertifications(ctx context.Context, from, to catalog.Date) ([]ExpiringCertification, error)
}
