package application

import (
	"context"
	"fmt"
	"time"

	"github.com/mssc/recert/catalog"
)

// ApplicationBundle is a CPT and a CLT application submitted together for
// the bundled fee. The fee and its payments belong to the bundle, once:
// each application names the bundle (BundleID) and carries no application
// fee of its own, so that nothing can count the bundled fee twice. Fees of
// later stages (a detailed review, an appeal) stay with each application.
type ApplicationBundle struct {
	// ID is the bundle's identity, named by both applications.
	ID string
	// CandidateID is the candidate who submitted both.
	CandidateID int64
	// ApplicationIDs are the two applications, in the order submitted.
	ApplicationIDs []int64
	// FeeKind is the fee the bundle owes, the bundled application fee.
	FeeKind catalog.FeeKind
	// FeeDue is the bundled fee, for both applications together.
	FeeDue catalog.Money
	// Payments are the payments recorded against the bundled fee.
	Payments []Payment
	// CreatedAt is when the bundle was submitted.
	CreatedAt time.Time
	// Version counts the bundle's changes; 0 is a bundle not yet stored.
	Version int
}

// Paid is what was paid towards the bundled fee.
func (b *ApplicationBundle) Paid() catalog.Money {
	var n int64
	for _, p := range b.FeePayments() {
		n += p.Amount.Cents
	}
	return catalog.Money{Cents: n, Currency: b.FeeDue.Currency}
}

// Balance is what is still to pay of the bundled fee; zero once settled.
func (b *ApplicationBundle) Balance() catalog.Money {
	return catalog.Money{Cents: max(b.FeeDue.Cents-b.Paid().Cents, 0), Currency: b.FeeDue.Currency}
}

// FeePayments are the payments of the bundled fee.
func (b *ApplicationBundle) FeePayments() []Payment {
	out := []Payment{}
	for _, p := range b.Payments {
		if p.Fee == b.FeeKind {
			out = append(out, p)
		}
	}
	return out
}

// newBundle bundles the applications submitted together at the fee.
func newBundle(apps []*Application, kind catalog.FeeKind, fee catalog.Money, at time.Time) *ApplicationBundle {
	b := &ApplicationBundle{CandidateID: apps[0].CandidateID, FeeKind: kind, FeeDue: fee, Payments: []Payment{}, CreatedAt: at, Version: 1}
	for _, a := range apps {
		b.ApplicationIDs = append(b.ApplicationIDs, a.ID)
	}
	b.ID = fmt.Sprintf("bundle-%d-%d", apps[0].ID, apps[1].ID)
	return b
}

// Bundle returns the bundle an application was submitted in, or nil when
// it was submitted alone; the caller has been allowed to see a.
func (s *Applications) Bundle(ctx context.Context, a *Application) (*ApplicationBundle, error) {
	if a.BundleID == "" {
		return nil, nil
	}
	return s.store.BundleByID(ctx, a.BundleID)
}

// BundledApplications returns the applications of a bundle the caller may
// see, in the order submitted.
func (s *Applications) BundledApplications(ctx context.Context, b *ApplicationBundle) ([]*Application, error) {
	out := make([]*Application, 0, len(b.ApplicationIDs))
	for _, id := range b.ApplicationIDs {
		a, err := s.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if a != nil {
			out = append(out, a)
		}
	}
	return out, nil
}

// owedFee is the fee an application's payment goes to: the bundle's
// application fee while a bundled application waits for it, else the
// application's own fee of its current stage. It returns the fee's kind,
// what is still due of it, its currency, and the bundle when the bundle
// owes it.
func (s *Applications) owedFee(ctx context.Context, a *Application) (catalog.FeeKind, int64, string, *ApplicationBundle, error) {
	if a.Status == AppSubmitted && a.BundleID != "" {
		b, err := s.store.BundleByID(ctx, a.BundleID)
		if err != nil {
			return "", 0, "", nil, err
		}
		if b == nil {
			return "", 0, "", nil, catalog.Internal(fmt.Errorf("application %d names bundle %s, which is not stored", a.ID, a.BundleID))
		}
		return b.FeeKind, b.Balance().Cents, b.FeeDue.Currency, b, nil
	}
	kind, due := stageFee(a)
	currency := ""
	if a.FeeDue != nil {
		currency = a.FeeDue.Currency
	}
	return kind, due - paidFor(a, kind), currency, nil, nil
}
