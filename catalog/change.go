package catalog

import "time"

// Change describes a write for the audit trail.
type Change struct {
	// Action names what was done, such as "candidate.register".
	Action string
	// Actor is the subject of the principal who did it.
	Actor string
	// At is when it was done.
	At time.Time
	// Reason says why, where the caller gave a reason.
	Reason string
	// Notify are the notifications the change causes, written in the same
	// transaction as the change (a transactional outbox).
	Notify []Notification
}

// ConflictAsUserError turns a store conflict (a unique key taken by a
// concurrent write) into a user error on the field.
func ConflictAsUserError(err error, field string) []*Error {
	if ErrorCode(err) == CodeConflict {
		return []*Error{{Code: CodeConflict, Field: field, Message: "this was changed by someone else at the same time; try again"}}
	}
	return nil
}

// UserErrorOrNil is nil for a CONFLICT, which ConflictAsUserError reports
// as a user error, and err itself otherwise.
func UserErrorOrNil(err error) error {
	if ErrorCode(err) == CodeConflict {
		return nil
	}
	return err
}
