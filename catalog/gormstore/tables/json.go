package tables

import (
	"slices"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
	"github.com/mssc/recert/catalog/points"
	"github.com/mssc/recert/catalog/review"
)

// The JSON columns' row types. Each field names its JSON key explicitly,
// so that what is stored does not depend on the domain types' Go field
// names: renaming a domain field changes a converter here, not the rows.

// MoneyJSON is an amount as a JSON column stores it.
type MoneyJSON struct {
	Cents    int64  `json:"Cents"`
	Currency string `json:"Currency"`
}

// PaymentJSON is a payment as the payments column stores it.
type PaymentJSON struct {
	Amount     MoneyJSON `json:"Amount"`
	Reference  string    `json:"Reference"`
	RecordedBy string    `json:"RecordedBy"`
	RecordedAt time.Time `json:"RecordedAt"`
	Fee        string    `json:"Fee"`
}

// ExtensionJSON is an extension as the extension column stores it.
type ExtensionJSON struct {
	Status       string        `json:"Status"`
	CourseEndsOn catalog.Date  `json:"CourseEndsOn"`
	Reason       string        `json:"Reason"`
	RequestedAt  time.Time     `json:"RequestedAt"`
	Until        *catalog.Date `json:"Until"`
	GrantedBy    string        `json:"GrantedBy"`
	RefusedBy    string        `json:"RefusedBy"`
	DecidedAt    *time.Time    `json:"DecidedAt"`
	Decision     string        `json:"Decision"`
}

// FromPayments converts payments to their stored rows; never nil, so the
// column stores [] rather than null.
func FromPayments(ps []application.Payment) []PaymentJSON {
	out := make([]PaymentJSON, len(ps))
	for i, p := range ps {
		out[i] = PaymentJSON{Amount: MoneyJSON{Cents: p.Amount.Cents, Currency: p.Amount.Currency}, Reference: p.Reference,
			RecordedBy: p.RecordedBy, RecordedAt: p.RecordedAt, Fee: string(p.Fee)}
	}
	return out
}

// ToPayments converts stored payment rows to payments; never nil.
func ToPayments(rows []PaymentJSON) []application.Payment {
	out := make([]application.Payment, len(rows))
	for i, r := range rows {
		out[i] = application.Payment{Amount: catalog.Money{Cents: r.Amount.Cents, Currency: r.Amount.Currency}, Reference: r.Reference,
			RecordedBy: r.RecordedBy, RecordedAt: r.RecordedAt, Fee: catalog.FeeKind(r.Fee)}
	}
	return out
}

// FromExtension converts an extension to its stored row, nil for none.
func FromExtension(x *application.Extension) *ExtensionJSON {
	if x == nil {
		return nil
	}
	return &ExtensionJSON{Status: string(x.Status), CourseEndsOn: x.CourseEndsOn, Reason: x.Reason, RequestedAt: x.RequestedAt,
		Until: x.Until, GrantedBy: x.GrantedBy, RefusedBy: x.RefusedBy, DecidedAt: x.DecidedAt, Decision: x.Decision}
}

// ToExtension converts a stored extension row to an extension, nil for
// none.
func ToExtension(r *ExtensionJSON) *application.Extension {
	if r == nil {
		return nil
	}
	return &application.Extension{Status: application.ExtensionStatus(r.Status), CourseEndsOn: r.CourseEndsOn, Reason: r.Reason,
		RequestedAt: r.RequestedAt, Until: r.Until, GrantedBy: r.GrantedBy, RefusedBy: r.RefusedBy, DecidedAt: r.DecidedAt, Decision: r.Decision}
}

// FileJSON is a stored file as an activity's proofs store it. It has the
// fields of catalog.StoredFile, so that each converts to the other: a
// renamed domain field stops the build here instead of changing the key.
type FileJSON struct {
	Key         string `json:"Key"`
	SHA256      string `json:"SHA256"`
	Size        int64  `json:"Size"`
	ContentType string `json:"ContentType"`
	Name        string `json:"Name"`
}

// RefusalJSON is a reviewer's refusal of an activity as the activities
// column stores it, with the fields of application.ActivityRefusal.
type RefusalJSON struct {
	Code   application.ActivityRefusalCode `json:"Code"`
	Reason string                          `json:"Reason"`
	By     string                          `json:"By"`
	At     time.Time                       `json:"At"`
}

// ClaimJSON is the points engine's claim of an activity as the activities
// column stores it, with the fields of points.Activity.
type ClaimJSON struct {
	ID                    int64                 `json:"ID"`
	Category              catalog.PointCategory `json:"Category"`
	TypeKey               string                `json:"TypeKey"`
	Title                 string                `json:"Title"`
	CompletedOn           *catalog.Date         `json:"CompletedOn"`
	StartOn               *catalog.Date         `json:"StartOn"`
	EndOn                 *catalog.Date         `json:"EndOn"`
	Ongoing               bool                  `json:"Ongoing"`
	CreditHours           float64               `json:"CreditHours"`
	Passed                *bool                 `json:"Passed"`
	WeeklyHours           float64               `json:"WeeklyHours"`
	Internship            bool                  `json:"Internship"`
	CoursesTaught         map[int]int           `json:"CoursesTaught"`
	Hours                 float64               `json:"Hours"`
	CertificationKey      string                `json:"CertificationKey"`
	LedToCertificationKey string                `json:"LedToCertificationKey"`
	ProofAttached         bool                  `json:"ProofAttached"`
	MSSCRecordsOnFile     bool                  `json:"MSSCRecordsOnFile"`
	ReviewerPoints        *int                  `json:"ReviewerPoints"`
	ReviewerReason        string                `json:"ReviewerReason"`
	Provider              string                `json:"Provider"`
	Description           string                `json:"Description"`
}

// ActivityJSON is a claimed activity as the activities column stores it:
// the claim's fields and the application's own, in one object.
type ActivityJSON struct {
	ClaimJSON
	Proofs          []FileJSON   `json:"Proofs"`
	CatalogReviewID int64        `json:"CatalogReviewID"`
	ReviewerSetBy   string       `json:"ReviewerSetBy"`
	ReviewerSetAt   *time.Time   `json:"ReviewerSetAt"`
	Refusal         *RefusalJSON `json:"Refusal"`
}

// FromActivities converts claimed activities to their stored rows; never
// nil, so the column stores [] rather than null.
func FromActivities(as []application.ApplicationActivity) []ActivityJSON {
	out := make([]ActivityJSON, len(as))
	for i, a := range as {
		out[i] = ActivityJSON{ClaimJSON: ClaimJSON(a.Activity), Proofs: convertSlice(a.Proofs, func(f catalog.StoredFile) FileJSON { return FileJSON(f) }),
			CatalogReviewID: a.CatalogReviewID, ReviewerSetBy: a.ReviewerSetBy, ReviewerSetAt: a.ReviewerSetAt}
		if a.Refusal != nil {
			x := RefusalJSON(*a.Refusal)
			out[i].Refusal = &x
		}
	}
	return out
}

// ToActivities converts stored activity rows to claimed activities; never
// nil.
func ToActivities(rows []ActivityJSON) []application.ApplicationActivity {
	out := make([]application.ApplicationActivity, len(rows))
	for i, r := range rows {
		out[i] = application.ApplicationActivity{Activity: points.Activity(r.ClaimJSON), Proofs: convertSlice(r.Proofs, func(f FileJSON) catalog.StoredFile { return catalog.StoredFile(f) }),
			CatalogReviewID: r.CatalogReviewID, ReviewerSetBy: r.ReviewerSetBy, ReviewerSetAt: r.ReviewerSetAt}
		if r.Refusal != nil {
			x := application.ActivityRefusal(*r.Refusal)
			out[i].Refusal = &x
		}
	}
	return out
}

// convertSlice converts each element, keeping nil as nil so that an
// empty list is stored as it always was.
func convertSlice[T, U any](in []T, convert func(T) U) []U {
	if in == nil {
		return nil
	}
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = convert(v)
	}
	return out
}

// DecidedByJSON is who took each decision on an application, by action, as
// the decided_by column stores it.
type DecidedByJSON map[string]string

// FromDecidedBy converts who decided what to its stored row; never nil,
// so the column stores {} rather than null.
func FromDecidedBy(m map[application.ApplicationAction]string) DecidedByJSON {
	out := make(DecidedByJSON, len(m))
	for action, by := range m {
		out[string(action)] = by
	}
	return out
}

// ToDecidedBy converts the stored row to who decided what; never nil.
func ToDecidedBy(row DecidedByJSON) map[application.ApplicationAction]string {
	out := make(map[application.ApplicationAction]string, len(row))
	for action, by := range row {
		out[application.ApplicationAction(action)] = by
	}
	return out
}

// FlagJSON is a flag screening raised on a catalog review as the flags
// column stores it.
type FlagJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// FromFlags converts a review's flags to their stored rows; never nil, so
// the column stores [] rather than null.
func FromFlags(fs []review.ReviewFlag) []FlagJSON {
	out := make([]FlagJSON, len(fs))
	for i, f := range fs {
		out[i] = FlagJSON{Code: string(f.Code), Message: f.Message}
	}
	return out
}

// ToFlags converts stored flag rows to a review's flags, nil for none.
func ToFlags(rows []FlagJSON) []review.ReviewFlag {
	var out []review.ReviewFlag
	for _, r := range rows {
		out = append(out, review.ReviewFlag{Code: catalog.RuleCode(r.Code), Message: r.Message})
	}
	return out
}

// OtherNamesJSON is an organization's other names as the other_names
// column stores them: a JSON list of the names as written.
type OtherNamesJSON []string

// FromOtherNames converts an organization's other names to their stored
// row; never nil, so the column stores [] rather than null.
func FromOtherNames(names []string) OtherNamesJSON {
	out := make(OtherNamesJSON, len(names))
	copy(out, names)
	return out
}

// ToOtherNames converts the stored row to an organization's other names,
// nil for none.
func ToOtherNames(row OtherNamesJSON) []string {
	if len(row) == 0 {
		return nil
	}
	return slices.Clone([]string(row))
}
