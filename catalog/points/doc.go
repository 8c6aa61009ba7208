// Package points is the pure points engine of recertification: it scores
// the activities a candidate claims against the one typed, validated
// Rulebook built from the rule tables of a catalog snapshot.
package points
