// Package notify delivers the service's notifications: a River queue on the
// service's own database takes each notification recorded in the outbox,
// renders it from the embedded templates and sends it over SMTP, once, with
// retries and backoff while the mail server fails.
package notify

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"time"

	"github.com/wneessen/go-mail"
)

// Message is one email, ready to send.
type Message struct {
	// To is the recipient's address.
	To string
	// Subject is the subject line.
	Subject string
	// Text is the plain-text body.
	Text string
	// HTML is the HTML body.
	HTML string
	// Key is the notification's unique key, sent as a header so that a
	// mail server or a test can see which notification a message is.
	Key string
}

// Mailer sends messages.
type Mailer interface {
	// Send hands the message to the mail server, or fails.
	Send(ctx context.Context, m Message) error
}

// KeyHeader names the header that carries the notification's key.
const KeyHeader = "X-Recert-Notification"

// SMTPMailer sends over SMTP with go-mail.
type SMTPMailer struct {
	from string
	host string
	opts []mail.Option
}

// NewSMTPMailer reads an SMTP_URL: smtp://user:password@host:port sends
// with STARTTLS when the server offers it (?tls=starttls requires it,
// ?tls=none never uses it), smtps:// connects over TLS; a user name turns
// authentication on, with the strongest mechanism the server offers
// (?auth= names one: plain, login, cram-md5, scram-sha-256, or plain-noenc
// for a server on loopback without TLS).
func NewSMTPMailer(rawURL, from string) (*SMTPMailer, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" {
		return nil, fmt.Errorf("SMTP_URL is not a mail server URL; use smtp://user:password@host:587 or smtps://host:465")
	}
	opts := []mail.Option{mail.WithTimeout(15 * time.Second)}
	switch u.Scheme {
	case "smtp":
		switch u.Query().Get("tls") {
		case "", "opportunistic":
			opts = append(opts, mail.WithTLSPortPolicy(mail.TLSOpportunistic))
		case "starttls":
			opts = append(opts, mail.WithTLSPortPolicy(mail.TLSMandatory))
		case "none":
			opts = append(opts, mail.WithTLSPortPolicy(mail.NoTLS))
		default:
			return nil, fmt.Errorf("SMTP_URL's tls= is %q; use starttls, opportunistic or none", u.Query().Get("tls"))
		}
	case "smtps":
		opts = append(opts, mail.WithSSLPort(false))
	default:
		return nil, fmt.Errorf("SMTP_URL's scheme is %q; use smtp or smtps", u.Scheme)
	}
	if p := u.Port(); p != "" {
		port, err := strconv.Atoi(p)
		if err != nil || port < 1 || port > 65535 {
			return nil, fmt.Errorf("SMTP_URL's port %q is not a port number", p)
		}
		opts = append(opts, mail.WithPort(port))
	}
	if u.User != nil && u.User.Username() != "" {
		pw, _ := u.User.Password()
		mech := mail.SMTPAuthAutoDiscover
		if v := u.Query().Get("auth"); v != "" {
			if err := mech.UnmarshalString(v); err != nil {
				return nil, fmt.Errorf("SMTP_URL's auth= is %q; use plain, login, cram-md5, scram-sha-256 or leave it out to use the strongest the server offers", v)
			}
		}
		opts = append(opts, mail.WithSMTPAuth(mech), mail.WithUsername(u.User.Username()), mail.WithPassword(pw))
	}
	if err := mail.NewMsg().From(from); err != nil {
		return nil, fmt.Errorf("MAIL_FROM %q is not an email address", from)
	}
	return &SMTPMailer{from: from, host: u.Hostname(), opts: opts}, nil
}

// Send connects, sends the message and disconnects.
func (s *SMTPMailer) Send(ctx context.Context, m Message) error {
	msg := mail.NewMsg()
	if err := msg.From(s.from); err != nil {
		return err
	}
	if err := msg.To(m.To); err != nil {
		return fmt.Errorf("the recipient %q is not an email address: %w", m.To, err)
	}
	msg.Subject(m.Subject)
	msg.SetGenHeader(mail.Header(KeyHeader), m.Key)
	msg.SetBodyString(mail.TypeTextPlain, m.Text)
	msg.AddAlternativeString(mail.TypeTextHTML, m.HTML)
	client, err := mail.NewClient(s.host, s.opts...)
	if err != nil {
		return err
	}
	return client.DialAndSendWithContext(ctx, msg)
}

// LogMailer logs each message instead of sending it, for development
// without SMTP_URL.
type LogMailer struct {
	// Logger receives one line per message.
	Logger *slog.Logger
}

// Send logs the message.
func (l LogMailer) Send(_ context.Context, m Message) error {
	l.Logger.Info("mail not sent: SMTP_URL is not set", "to", m.To, "subject", m.Subject, "key", m.Key, "text", m.Text)
	return nil
}
