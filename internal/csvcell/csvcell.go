// Package csvcell guards the cells of the CSV files the service writes
// against spreadsheet formula injection (OWASP "CSV Injection"): a cell that
// Excel, LibreOffice or Google Sheets would run as a formula is written so
// that they show it as text.
package csvcell

import "strings"

// formulaStarts are the first characters that make a spreadsheet read a cell
// as a formula: the four OWASP names, and the tab and carriage return some
// spreadsheets skip before looking at the next one.
const formulaStarts = "=+-@\t\r"

// Text returns value as a CSV cell that spreadsheets show as text: a value
// starting with "=", "+", "-", "@", a tab or a carriage return gets a
// single quote in front, as OWASP recommends; any other value is returned
// as it is. Give it every cell of text; a cell written from a number (a
// negative one included) is a number by construction and is written without
// it.
func Text(value string) string {
	if value != "" && strings.IndexByte(formulaStarts, value[0]) >= 0 {
		return "'" + value
	}
	return value
}
