// Package csvcell writes the CSV files the service serves and guards their
// cells against spreadsheet formula injection (OWASP "CSV Injection"): a
// cell that Excel, LibreOffice or Google Sheets would run as a formula is
// written so that they show it as text, and every field is quoted, so that
// a spreadsheet that splits lines at another separator than the comma
// cannot start a new cell in the middle of one.
package csvcell

import (
	"bufio"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// formulaStarts are the characters that make a spreadsheet read a cell as
// a formula when it starts with one: the four OWASP names, and their
// full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20), which Excel in a
// Japanese locale is reported to run as the ASCII ones (OWASP
// www-community issue 1088); LibreOffice 7.4 (measured) shows them as
// text.
const formulaStarts = "=+-@\uFF1D\uFF0B\uFF0D\uFF20"

// lineStarts are the characters that a spreadsheet may skip before looking
// at the next one for a formula: a tab, a carriage return and a line feed
// (the last a line break inside a quoted field). A cell starting with one
// is guarded whatever follows, as the OWASP page asks.
const lineStarts = "\t\r\n"

// cellBreaks are the separators other than the comma at which a
// spreadsheet may read the file: the semicolon of many European locales,
// and the tab. Reading a line of quoted fields at semicolons, LibreOffice
// 7.4 (measured) keeps a semicolon inside a field as text, except when
// nothing but double quotes and spaces come before it in the field: then
// the field's opening quote is taken for the end of a cell, and what
// follows the semicolon starts a new one, which may be a formula.
const cellBreaks = ";\t"

// breaksCell reports whether value has a character of cellBreaks before
// anything but double quotes and white space.
func breaksCell(value string) bool {
	for _, r := range value {
		switch {
		case strings.ContainsRune(cellBreaks, r):
			return true
		case r != '"' && !unicode.IsSpace(r):
			return false
		}
	}
	return false
}

// Text returns value as a CSV cell that spreadsheets show as text, putting
// a single quote in front, as OWASP recommends, of a value that
//   - starts with a tab, a carriage return or a line feed;
//   - has "=", "+", "-", "@" or the full-width form of one of them as its
//     first character after any leading white space; or
//   - has a semicolon or a tab before anything but double quotes and
//     white space (see cellBreaks).
//
// Any other value is returned as it is. Give it every cell of text; a cell
// written from a number (a negative one included) is a number by
// construction and is written without it.
//
// White space before a formula character counts. A spreadsheet that keeps
// the space shows " =1+1" as text, but LibreOffice (7.4, measured) with its
// "Trim spaces" import option drops the space of an unquoted cell and runs
// the rest as a formula. Writer quotes every field, and LibreOffice keeps
// the space of a quoted one, but a copy saved again by a spreadsheet need
// not be quoted, so such a cell is guarded too; the service trims what it
// stores, so a harmless " -5" that gets a quote is rare.
func Text(value string) string {
	if value == "" {
		return value
	}
	if strings.IndexByte(lineStarts, value[0]) >= 0 {
		return "'" + value
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(value, unicode.IsSpace))
	if first != utf8.RuneError && strings.ContainsRune(formulaStarts, first) {
		return "'" + value
	}
	if breaksCell(value) {
		return "'" + value
	}
	return value
}

// Writer writes CSV records as RFC 4180 describes them, with every field
// in double quotes and a double quote inside a field doubled, where
// encoding/csv quotes a field only when it holds a comma, a quote or a line
// break or starts with a space. A spreadsheet whose locale separates
// fields with semicolons reads a comma-separated file at its semicolons:
// LibreOffice 7.4 so (measured) ran "=1+2" out of a cell x;=1+2 that
// encoding/csv left unquoted, and even out of x;=HYPERLINK("...","...")
// that it quoted, the line's first cell having started without a quote.
// With every field quoted, each semicolon of a cell stands between quotes
// and the same reading keeps it in the text, but for one that comes first
// in a field, which Text guards. A line break inside a field still ends
// the line for that reading, and what follows it is read as a line of its
// own, quotes or not: write no line break in a cell that may be read so
// (the catalog's checks refuse control characters). Lines end in "\n", as they
// do with encoding/csv's Writer, which the service used before. Writes
// are buffered: call Flush when done.
type Writer struct {
	w *bufio.Writer
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w)}
}

// Write writes one record, every field quoted, and the line end. It
// returns the first error of the underlying writer, if any.
func (w *Writer) Write(record []string) error {
	for i, field := range record {
		if i > 0 {
			_ = w.w.WriteByte(',')
		}
		_ = w.w.WriteByte('"')
		_, _ = w.w.WriteString(strings.ReplaceAll(field, `"`, `""`))
		_ = w.w.WriteByte('"')
	}
	_, err := w.w.WriteString("\n")
	return err
}

// Flush writes any buffered data to the underlying writer and returns the
// first error met, if any.
func (w *Writer) Flush() error {
	return w.w.Flush()
}
