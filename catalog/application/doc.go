// Package application holds recertification applications: their
// lifecycle, fees, bundles, extensions, appeals, proofs and form letters.
package application
