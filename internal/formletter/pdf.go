// Package formletter prints the guide's Recertification Letters of
// Confirmation as one-page PDFs whose text can be extracted (searched,
// copied, read by pdftotext), filled with what the service knows.
package formletter

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/go-pdf/fpdf"
	"github.com/mssc/recert/catalog/application"
)

// Page layout in millimetres on US Letter paper.
const (
	margin     = 18.0
	pageWidth  = 215.9
	pageHeight = 279.4
	lineHeight = 6.0
	labelWidth = 34.0
	halfWidth  = (pageWidth - 2*margin) / 2
)

// Render prints the letter as a one-page PDF in Helvetica (a core PDF font,
// so nothing is embedded and the text is extractable); blank lines are
// drawn as rules to write on.
func Render(l *application.FormLetter) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "Letter", "")
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin)
	pdf.SetTitle(l.Heading+": "+l.Section, true)
	pdf.SetCreator("MSSC recertification service", true)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.AddPage()

	pdf.SetFont("Helvetica", "B", 16)
	pdf.CellFormat(0, 9, tr(l.Heading), "", 1, "C", false, 0, "")
	pdf.SetFont("Helvetica", "B", 13)
	pdf.CellFormat(0, 8, tr(l.Section), "", 1, "C", false, 0, "")
	pdf.Ln(2)
	pdf.SetFont("Helvetica", "I", 9)
	pdf.MultiCell(0, 4.5, tr(l.Instruction), "", "L", false)
	pdf.Ln(3)

	for i := 0; i < len(l.Lines); i += 2 {
		y := pdf.GetY()
		field(pdf, tr, margin, y, l.Lines[i])
		if i+1 < len(l.Lines) {
			field(pdf, tr, margin+halfWidth, y, l.Lines[i+1])
		}
		pdf.SetXY(margin, y+lineHeight+2)
	}
	pdf.Ln(2)
	pdf.SetFont("Helvetica", "B", 10)
	pdf.CellFormat(labelWidth+10, lineHeight, tr(l.DescriptionLabel+":"), "", 0, "L", false, 0, "")
	pdf.SetFont("Helvetica", "I", 8)
	pdf.CellFormat(0, lineHeight, tr(l.DescriptionHint), "", 1, "L", false, 0, "")
	pdf.SetFont("Helvetica", "", 10)
	top := pdf.GetY()
	if l.Description != "" {
		pdf.MultiCell(0, 5, tr(l.Description), "", "L", false)
	}
	for y := pdf.GetY() + 1; y < top+30; y += 7 {
		pdf.Line(margin, y+5, pageWidth-margin, y+5)
	}
	pdf.SetY(max(pdf.GetY(), top+30) + 6)

	pdf.SetFont("Helvetica", "", 9)
	pdf.MultiCell(0, 4.5, tr(l.Confirmation), "", "L", false)
	pdf.Ln(3)
	y := pdf.GetY()
	for i, line := range l.VerifierLines {
		field(pdf, tr, margin, y+float64(i)*(lineHeight+3), line)
	}
	for i, line := range l.CandidateLines {
		field(pdf, tr, margin+halfWidth, y+float64(i)*(lineHeight+3), line)
	}
	if pdf.GetY() > pageHeight-margin {
		return nil, fmt.Errorf("the %s form letter does not fit one page", l.Section)
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, fmt.Errorf("printing the %s form letter: %w", l.Section, err)
	}
	return out.Bytes(), nil
}

// field prints a label and its value at (x, y) over a rule, half a line
// wide; an empty value leaves the rule blank to write on.
func field(pdf *fpdf.Fpdf, tr func(string) string, x, y float64, line application.LetterLine) {
	pdf.SetXY(x, y)
	pdf.SetFont("Helvetica", "B", 9)
	label := tr(line.Label)
	if !strings.HasSuffix(label, "?") {
		label += ":"
	}
	width := max(labelWidth, pdf.GetStringWidth(label)+2)
	pdf.CellFormat(width, lineHeight, label, "", 0, "L", false, 0, "")
	pdf.SetFont("Helvetica", "", 10)
	room := halfWidth - width - 3
	value := tr(line.Value)
	for value != "" && pdf.GetStringWidth(value) > room {
		value = value[:len(value)-1]
	}
	pdf.CellFormat(room, lineHeight, value, "B", 0, "L", false, 0, "")
}
