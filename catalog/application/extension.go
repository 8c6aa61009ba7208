package application

import (
	"context"
	"time"
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/candidate"
)

// RequestExtension asks for the cycle's one extension, for a course ending
// after the expiration within the extension period. A cycle has one
// extension: a second request is refused, naming the day already granted
// or the refusal.
func (s *Applications) RequestExtension(ctx context.Context, id int64, version int, courseEndsOn catalog.Date, reason string) (*Application, []*catalog.Error, error) {
	return s.change(ctx, id, version, ActionRequestExtension, reason, func(_ *catalog.Principal, a *Application, snap *catalog.Snapshot) ([]*catalog.Error, error) {
		if e := extensionTaken(a.Extension); e != nil {
			return []*catalog.Error{e}, nil
		}
		if e := decisionReason("reason", reason, "describe the course the extension is for"); e != nil {
			return []*catalog.Error{e}, nil
		}
		if _, e := CheckExtension(snap, a.Cycle.ExpiresOn, courseEndsOn); e != nil {
			return []*catalog.Error{e}, nil
		}
		a.Extension = &Extension{Status: ExtensionRequested, CourseEndsOn: courseEndsOn, Reason: reason, RequestedAt: s.now().UTC()}
		return nil, nil
	})
}

// extensionTaken refuses a new request when the cycle's extension was
// asked for already.
func extensionTaken(x *Extension) *catalog.Error {
	if x == nil {
		return nil
	}
	switch x.State() {
	case ExtensionGranted:
		return &catalog.Error{Code: catalog.CodeConflict, Field: "applicationId", Message: "an extension of this cycle was granted already, until " + x.Until.String() + "; a cycle has one extension"}
	case ExtensionRefused:
		return &catalog.Error{Code: catalog.CodeConflict, Field: "applicationId", Message: "the extension of this cycle was refused; a cycle has one extension"}
	}
	return &catalog.Error{Code: catalog.CodeConflict, Field: "applicationId", Message: "an extension for a course ending on " + x.CourseEndsOn.String() + " was asked for already and waits for staff"}
}

// pendingExtension returns the extension waiting for staff's answer, or
// says why there is none.
func pendingExtension(a *Application) (*Extension, *catalog.Error) {
	x := a.Extension
	switch {
	case x == nil:
		return nil, &catalog.Error{Code: catalog.CodeConflict, Field: "applicationId", Message: "no extension was asked for"}
	case x.State() == ExtensionGranted:
		return nil, &catalog.Error{Code: catalog.CodeConflict, Field: "applicationId", Message: "the extension was granted already, until " + x.Until.String()}
	case x.State() == ExtensionRefused:
		return nil, &catalog.Error{Code: catalog.CodeConflict, Field: "applicationId", Message: "the extension was refused already"}
	}
	return x, nil
}

// GrantExtension grants the extension asked for, once: the held
// certification's expiration moves to the extension's last day, and
// activities completed up to it count. The next cycle still counts from
// the original expiration.
func (s *Applications) GrantExtension(ctx context.Context, id int64, version int, reason string) (*Application, []*catalog.Error, error) {
	return s.changeHeld(ctx, id, version, ActionGrantExtension, reason, func(p *catalog.Principal, a *Application, snap *catalog.Snapshot, at time.Time) ([]candidate.HeldCertification, []*catalog.Error, error) {
		if utf8.RuneCountInString(reason) > MaxDecisionReason || catalog.HasControl(reason) {
			return nil, []*catalog.Error{catalog.Invalid("reason", "a reason has at most %d printable characters", MaxDecisionReason)}, nil
		}
		x, e := pendingExtension(a)
		if e != nil {
			return nil, []*catalog.Error{e}, nil
		}
		until, e := CheckExtension(snap, a.Cycle.ExpiresOn, x.CourseEndsOn)
		if e != nil {
			return nil, []*catalog.Error{e}, nil
		}
		held, conflict, err := s.heldCycle(ctx, a)
		if conflict != nil || err != nil {
			return nil, conflict, err
		}
		x.Status, x.Until, x.GrantedBy, x.DecidedAt, x.Decision = ExtensionGranted, &until, p.Subject, &at, reason
		moved := *held
		original := a.Cycle.ExpiresOn
		moved.ExpiresOn, moved.ExtendedFrom = until, &original
		return []candidate.HeldCertification{moved}, nil, nil
	})
}

// RefuseExtension refuses the extension asked for, with the reason; the
// cycle keeps its expiration and has no other extension.
func (s *Applications) RefuseExtension(ctx context.Context, id int64, version int, reason string) (*Application, []*catalog.Error, error) {
	return s.changeHeld(ctx, id, version, ActionRefuseExtension, reason, func(p *catalog.Principal, a *Application, _ *catalog.Snapshot, at time.Time) ([]candidate.HeldCertification, []*catalog.Error, error) {
		x, e := pendingExtension(a)
		if e != nil {
			return nil, []*catalog.Error{e}, nil
		}
		if e := decisionReason("reason", reason, "give the reason for the refusal"); e != nil {
			return nil, []*catalog.Error{e}, nil
		}
		x.Status, x.RefusedBy, x.DecidedAt, x.Decision = ExtensionRefused, p.Subject, &at, reason
		return nil, nil, nil
	})
}
