package application

import (
	"fmt"
	"strconv"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/points"
)

// applicationNotifications are the notifications the change of each
// application causes, with the figures of the rule tables in force; amount
// is the fee due on submission or the sum paid on a payment.
func applicationNotifications(snap *catalog.Snapshot, apps []*Application, action ApplicationAction, at time.Time, amount *catalog.Money) []catalog.Notification {
	var out []catalog.Notification
	for _, a := range apps {
		out = append(out, applicationNotification(snap, a, action, at, amount)...)
	}
	return out
}

// applicationNotification is the notification one application's change
// causes, if any.
func applicationNotification(snap *catalog.Snapshot, a *Application, action ApplicationAction, at time.Time, amount *catalog.Money) []catalog.Notification {
	today := catalog.DateOf(at)
	facts := map[string]string{"program": string(a.Program), "application": strconv.FormatInt(a.ID, 10),
		"expiresOn": a.Cycle.ExpiresOn.String()}
	var kind catalog.NotificationKind
	switch action {
	case ActionSubmit:
		kind = catalog.NotifySubmitted
		if amount != nil {
			facts["feeDue"] = formatMoney(*amount)
		}
		if a.BundleID != "" {
			facts["bundle"] = a.BundleID
		}
	case ActionRecordPayment:
		kind = catalog.NotifyPaymentRecorded
		if amount != nil {
			facts["paid"] = formatMoney(*amount)
		}
		if a.DecisionDueOn != nil {
			facts["decisionDueOn"] = a.DecisionDueOn.String()
		}
	case ActionApprove, ActionGrantDetailedReview, ActionGrantAppeal:
		kind = catalog.NotifyApproved
		if a.NewExpiresOn != nil {
			facts["newExpiresOn"] = a.NewExpiresOn.String()
		}
	case ActionUpholdDenial:
		kind = catalog.NotifyDenialUpheld
		appeal, _ := Fee(snap, catalog.FeeAppeal)
		facts["decidedOn"] = today.String()
		facts["reason"] = lastReason(a)
		facts["appealFee"] = formatMoney(appeal)
		facts["answerDays"] = strconv.Itoa(points.FiguresOf(snap).DecisionDays())
	case ActionRejectAppeal:
		kind = catalog.NotifyAppealRejected
		facts["decidedOn"] = today.String()
		facts["reason"] = lastReason(a)
	case ActionRequestInformation:
		kind = informationRequested(snap, a, today, facts)
	case ActionGrantExtension, ActionRefuseExtension:
		kind = extensionNotification(a, facts)
	case ActionDeny:
		kind = catalog.NotifyDenied
		free, _ := Fee(snap, catalog.FeeDetailedReview)
		late, _ := Fee(snap, catalog.FeeLateDetailedReview)
		appeal, _ := Fee(snap, catalog.FeeAppeal)
		facts["deniedOn"] = today.String()
		facts["freeReviewUntil"] = today.AddDays(points.FiguresOf(snap).FreeDetailedReviewDays()).String()
		facts["reviewFee"] = formatMoney(free)
		facts["lateReviewFee"] = formatMoney(late)
		facts["appealFee"] = formatMoney(appeal)
		facts["answerDays"] = strconv.Itoa(points.FiguresOf(snap).DecisionDays())
		for i, r := range a.DenialReasons {
			facts["reason"+strconv.Itoa(i+1)] = r
		}
	default:
		return nil
	}
	if kind == "" {
		return nil
	}
	return []catalog.Notification{{CandidateID: a.CandidateID, Kind: kind, Facts: facts, CreatedAt: at,
		Key: fmt.Sprintf("application:%d|%s|v%d", a.ID, kind, a.Version)}}
}

// lastReason is the reason recorded with the change being made to the
// application.
func lastReason(a *Application) string {
	if n := len(a.NewEvents); n > 0 {
		return a.NewEvents[n-1].Reason
	}
	return ""
}

// extensionNotification fills the facts of a decided extension and
// returns its kind, or "" when no extension was decided.
func extensionNotification(a *Application, facts map[string]string) catalog.NotificationKind {
	x := a.Extension
	if x == nil {
		return ""
	}
	facts["courseEndsOn"] = x.CourseEndsOn.String()
	facts["reason"] = x.Decision
	switch x.State() {
	case ExtensionGranted:
		if x.Until != nil {
			facts["newExpiresOn"] = x.Until.String()
		}
		return catalog.NotifyExtensionGranted
	case ExtensionRefused:
		return catalog.NotifyExtensionRefused
	}
	return ""
}
