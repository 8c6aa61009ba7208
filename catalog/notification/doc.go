// Package notification holds what candidates and staff are told: the
// inbox of notifications and the reminders written ahead of each day.
package notification
