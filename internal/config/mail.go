package config

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"
)

// MailConfig says where and how notifications are sent.
type MailConfig struct {
	// SMTPURL is the mail server (SMTP_URL); empty logs each message
	// instead, with a warning at start.
	SMTPURL string
	// From is the sender's address (MAIL_FROM).
	From string
	// StaffEmails receive the staff's daily digest (STAFF_EMAILS, comma
	// separated).
	StaffEmails []string
	// AppURL is the web app's address, the link in every message (APP_URL).
	AppURL string
}

// readMail reads SMTP_URL, MAIL_FROM, STAFF_EMAILS and APP_URL.
func readMail(getenv func(string) string, cfg *Config) error {
	m := MailConfig{
		SMTPURL: getenv("SMTP_URL"),
		From:    or(getenv("MAIL_FROM"), "MSSC Recertification <recertification@localhost>"),
		AppURL:  or(getenv("APP_URL"), "http://localhost:8080/"),
	}
	if m.SMTPURL != "" {
		if u, err := url.Parse(m.SMTPURL); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
			return fmt.Errorf("SMTP_URL is not a mail server URL; use smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS)")
		}
	}
	if _, err := mail.ParseAddress(m.From); err != nil {
		return fmt.Errorf("MAIL_FROM=%q is not an email address; use a form such as \"MSSC Recertification <recert@example.org>\"", m.From)
	}
	if u, err := url.Parse(m.AppURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("APP_URL=%q is not a web address; use the web app's https:// address", m.AppURL)
	}
	for _, v := range strings.Split(getenv("STAFF_EMAILS"), ",") {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		a, err := mail.ParseAddress(v)
		if err != nil {
			return fmt.Errorf("STAFF_EMAILS holds %q, which is not an email address; separate addresses with commas", v)
		}
		m.StaffEmails = append(m.StaffEmails, a.Address)
	}
	cfg.Mail = m
	return nil
}
