package application

import (
	"fmt"
	"strconv"
	"time"

	"github.com/mssc/recert/catalog"
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
			facts["feeDue"] = FormatMoney(*amount)
		}
		if a.BundleID != "" {
			facts["bundle"] = a.BundleID
		}
	case ActionRecordPayment:
		kind = catalog.NotifyPaymentRecorded
		if amount != nil {
			facts["paid"] = FormatMoney(*amount)
		}
		if a.DecisionDueOn != nil {
			facts["decisionDueOn"] = a.DecisionDueOn.String()
		}
	case ActionApprove, ActionGrantDetailedReview, ActionGrantAppeal:
		kind = catalog.NotifyApproved
		if a.NewExpiresOn != nil {
			facts["newExpiresOn"] = a.NewExpiresOn.String()
		}
	case ActionDeny:
		kind = catalog.NotifyDenied
		free, _ := Fee(snap, catalog.FeeDetailedReview)
		late, _ := Fee(snap, catalog.FeeLateDetailedReview)
		appeal, _ := Fee(snap, catalog.FeeAppeal)
		facts["deniedOn"] = today.String()
		facts["freeReviewUntil"] = today.AddDays(Figures(snap).FreeDetailedReviewDays).String()
		facts["reviewFee"] = FormatMoney(free)
		facts["lateReviewFee"] = FormatMoney(late)
		facts["appealFee"] = FormatMoney(appeal)
		facts["answerDays"] = strconv.Itoa(Figures(snap).DecisionDays)
		for i, r := range a.DenialReasons {
			facts["reason"+strconv.Itoa(i+1)] = r
		}
	default:
		return nil
	}
	return []catalog.Notification{{CandidateID: a.CandidateID, Kind: kind, Facts: facts, CreatedAt: at,
		Key: fmt.Sprintf("application:%d|%s|v%d", a.ID, kind, a.Version)}}
}
