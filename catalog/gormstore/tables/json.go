package tables

import (
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/application"
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
