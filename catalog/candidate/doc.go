// Package candidate holds the candidates, their held certifications and
// contact details, and their import from CSV files.
package candidate
