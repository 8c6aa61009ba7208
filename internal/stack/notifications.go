package stack

import (
	"context"
	"log/slog"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/gormstore"
	"github.com/mssc/recert/catalog/notification"
	"github.com/mssc/recert/internal/config"
	"github.com/mssc/recert/internal/notify"
)

// Mailer is where production sends the notifications: to SMTP_URL, or to
// the log without it.
func Mailer(cfg config.MailConfig, logger *slog.Logger) (notify.Mailer, error) {
	if cfg.SMTPURL == "" {
		logger.Warn("SMTP_URL is not set: notifications are logged, not sent")
		return notify.LogMailer{Logger: logger}, nil
	}
	return notify.NewSMTPMailer(cfg.SMTPURL, cfg.From)
}

// startNotifications runs the notification queue on the service's own
// database, sending with mailer.
func startNotifications(ctx context.Context, cfg config.Config, mailer notify.Mailer, store *gormstore.Store, cat *catalog.Catalog, clock func() time.Time, logger *slog.Logger) (*notify.Queue, error) {
	q, err := notify.New(ctx, store, store, notify.Config{
		Mailer:    mailer,
		Reminders: notification.NewReminders(cat, store, store, store, cfg.Mail.StaffEmails, clock),
		Link:      cfg.Mail.AppURL,
		Logger:    logger,
	})
	if err != nil {
		return nil, err
	}
	if err := q.Start(ctx); err != nil {
		return nil, err
	}
	return q, nil
}

// stopNotifications lets the sends under way finish, within the grace period.
func stopNotifications(q *notify.Queue, grace time.Duration, logger *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := q.Stop(ctx); err != nil {
		logger.Warn("the notification queue stopped with an error", "error", err.Error())
	}
}
