package application

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/points"
)

// Staff may ask a candidate for more information on an application under
// review, as they may on a catalog review: the application waits for the
// candidate's answer with its decision clock paused, and the answer moves
// the decision's due date on by the days it waited. The question and the
// answer are the reasons of the two history events, so the application
// keeps every question and answer in order.
const (
	// AppInformationRequested waits for the candidate's answer to staff's
	// question; the decision's clock is paused.
	AppInformationRequested ApplicationStatus = "INFORMATION_REQUESTED"
	// ActionRequestInformation asks the candidate for more information.
	ActionRequestInformation ApplicationAction = "REQUEST_INFORMATION"
	// ActionProvideInformation answers staff's question.
	ActionProvideInformation ApplicationAction = "PROVIDE_INFORMATION"
)

// InformationExchange is staff's latest question on an application and
// the candidate's answer to it, read from the application's history.
type InformationExchange struct {
	// Question is staff's latest question; empty when none was asked.
	Question string
	// AskedAt is when the question was asked; nil when none was.
	AskedAt *time.Time
	// Answer is the candidate's answer to the latest question; empty while
	// it is unanswered.
	Answer string
}

// informationExchange reads the latest question and its answer from an
// application's history, oldest first.
func informationExchange(history []*ApplicationEvent) InformationExchange {
	var asked, answered *ApplicationEvent
	for _, e := range history {
		switch e.Action {
		case ActionRequestInformation:
			asked, answered = e, nil
		case ActionProvideInformation:
			if asked != nil {
				answered = e
			}
		}
	}
	var x InformationExchange
	if asked != nil {
		at := asked.At
		x.Question, x.AskedAt = asked.Reason, &at
	}
	if answered != nil {
		x.Answer = answered.Reason
	}
	return x
}

// Information returns staff's latest question on the application and the
// candidate's answer, to its candidate and to staff; to anyone else it is
// empty.
func (s *Applications) Information(ctx context.Context, a *Application) (InformationExchange, error) {
	history, err := s.History(ctx, a, nil)
	if err != nil {
		return InformationExchange{}, err
	}
	return informationExchange(history), nil
}

// AnswerBy is the day a candidate asked a question on askedOn is asked to
// answer by: the rule figure decision_days later. The question's
// notification and the application's informationAnswerBy both give it.
func AnswerBy(s *catalog.Snapshot, askedOn catalog.Date) catalog.Date {
	return askedOn.AddDays(points.FiguresOf(s).DecisionDays())
}

// InformationAnswerBy returns the day the candidate is asked to answer
// staff's open question by, the day its notification gives; nil when no
// question is open, and to anyone but its candidate and staff.
func (s *Applications) InformationAnswerBy(ctx context.Context, a *Application) (*catalog.Date, error) {
	if a.Status != AppInformationRequested {
		return nil, nil
	}
	x, err := s.Information(ctx, a)
	if err != nil || x.AskedAt == nil {
		return nil, err
	}
	snap, err := s.catalog.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	by := AnswerBy(snap, catalog.DateOf(x.AskedAt.UTC()))
	return &by, nil
}

// RequestInformation asks the candidate a question on an application under
// review; its decision waits for the answer.
func (s *Applications) RequestInformation(ctx context.Context, id int64, version int, message string) (*Application, []*catalog.Error, error) {
	return s.change(ctx, id, version, ActionRequestInformation, message, func(_ *catalog.Principal, _ *Application, _ *catalog.Snapshot) ([]*catalog.Error, error) {
		return errsOf(decisionReason("message", message, "write the question for the candidate")), nil
	})
}

// ProvideInformation answers staff's question; the application is back in
// review, its decision due as many days later as it waited.
func (s *Applications) ProvideInformation(ctx context.Context, id int64, version int, response string) (*Application, []*catalog.Error, error) {
	return s.change(ctx, id, version, ActionProvideInformation, response, func(_ *catalog.Principal, a *Application, _ *catalog.Snapshot) ([]*catalog.Error, error) {
		if e := decisionReason("response", response, "write your answer to staff's question"); e != nil {
			return []*catalog.Error{e}, nil
		}
		history, err := s.newestHistory(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		if asked := informationExchange(history).AskedAt; asked != nil && a.DecisionDueOn != nil {
			due := a.DecisionDueOn.AddDays(catalog.DateOf(asked.UTC()).DaysUntil(s.today()))
			a.DecisionDueOn = &due
		}
		return nil, nil
	})
}

// NotifyStaff names the addresses told when a candidate answers staff's
// question on an application.
func (s *Applications) NotifyStaff(staff []string) { s.staff = staff }

// staffNotifications are the notifications an application's change sends
// to staff: a candidate's answer to their question, which it reads from the
// application's history.
func (s *Applications) staffNotifications(ctx context.Context, a *Application, action ApplicationAction, at time.Time) ([]catalog.Notification, error) {
	if action != ActionProvideInformation {
		return nil, nil
	}
	history, err := s.newestHistory(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	facts := map[string]string{"program": string(a.Program), "application": strconv.FormatInt(a.ID, 10), "candidateNumber": a.CandidateNumber,
		"question": informationExchange(history).Question, "answer": lastReason(a), "answeredOn": catalog.DateOf(at).String()}
	if a.DecisionDueOn != nil {
		facts["decisionDueOn"] = a.DecisionDueOn.String()
	}
	out := make([]catalog.Notification, 0, len(s.staff))
	for _, addr := range s.staff {
		out = append(out, catalog.Notification{Recipient: addr, Kind: catalog.NotifyApplicationAnswered, Facts: facts, CreatedAt: at,
			Key: fmt.Sprintf("application:%d|%s|v%d|staff:%s", a.ID, catalog.NotifyApplicationAnswered, a.Version, strings.ToLower(addr))})
	}
	return out, nil
}

// informationRequested fills the facts of staff's question and returns its
// kind.
func informationRequested(snap *catalog.Snapshot, a *Application, today catalog.Date, facts map[string]string) catalog.NotificationKind {
	facts["question"] = lastReason(a)
	facts["askedOn"] = today.String()
	facts["answerBy"] = AnswerBy(snap, today).String()
	return catalog.NotifyInformationRequested
}
