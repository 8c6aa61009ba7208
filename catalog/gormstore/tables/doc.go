// Package tables holds the gorm row types of the store's tables and their
// conversions to and from the domain types, in one place: gorm tags live
// only here.
package tables
