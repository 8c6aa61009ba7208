package notify

import (
	"strings"
	"testing"

	"github.com/mssc/recert/catalog"
)

// TestEveryKindHasItsMessage renders each kind the service sends: a kind
// added without its subject and body templates fails here, not in a
// retried job.
func TestEveryKindHasItsMessage(t *testing.T) {
	for _, kind := range catalog.NotificationKinds {
		t.Run(string(kind), func(t *testing.T) {
			n := catalog.Notification{Kind: kind, Key: "k", Facts: map[string]string{"program": "CPT", "certificationName": "Certified Forklift Operator & Trainer"}}
			msg, err := render(n, "Ann Lee", "ann@example.com", "https://recert.example.org/app")
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(msg.Subject) == "" || strings.Contains(msg.Subject, "\n") {
				t.Errorf("subject %q", msg.Subject)
			}
			if !strings.Contains(msg.Text, "https://recert.example.org/app") || !strings.Contains(msg.HTML, "https://recert.example.org/app") {
				t.Errorf("the message gives no link to act on:\n%s", msg.Text)
			}
			if strings.Contains(msg.Text+msg.HTML, "<no value>") {
				t.Errorf("the message shows a missing value:\n%s", msg.Text)
			}
			if strings.Contains(msg.HTML, "Forklift Operator & Trainer") {
				t.Errorf("the HTML body does not escape the facts:\n%s", msg.HTML)
			}
		})
	}
	if _, err := render(catalog.Notification{Kind: "NO_SUCH_KIND"}, "", "a@example.com", ""); err == nil {
		t.Error("a kind without templates rendered")
	}
}
