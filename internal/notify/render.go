package notify

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"

	"github.com/mssc/recert/catalog"
)

//go:embed templates
var templateFiles embed.FS

var (
	textTemplates = texttemplate.Must(texttemplate.New("text").Option("missingkey=zero").ParseFS(templateFiles, "templates/text.tmpl"))
	htmlTemplate  = htmltemplate.Must(htmltemplate.New("html").ParseFS(templateFiles, "templates/html.tmpl"))
)

// messageData is what the templates read.
type messageData struct {
	// Name is the reader's name.
	Name string
	// Facts are the notification's dates, fees and names.
	Facts map[string]string
	// Link is where the reader acts.
	Link string
}

// htmlData is what the HTML layout reads.
type htmlData struct {
	// Subject is the message's subject.
	Subject string
	// Paragraphs are the text body's paragraphs, escaped by html/template.
	Paragraphs []string
	// Link is where the reader acts.
	Link string
}

// render builds the message of a notification for its reader: the text
// body from the kind's template, the HTML body from the same paragraphs.
func render(n catalog.Notification, name, to, link string) (Message, error) {
	data := messageData{Name: name, Facts: n.Facts, Link: link}
	if data.Facts == nil {
		data.Facts = map[string]string{}
	}
	var subject, text bytes.Buffer
	if err := textTemplates.ExecuteTemplate(&subject, string(n.Kind)+".subject", data); err != nil {
		return Message{}, fmt.Errorf("no subject template for %s: %w", n.Kind, err)
	}
	if err := textTemplates.ExecuteTemplate(&text, string(n.Kind), data); err != nil {
		return Message{}, fmt.Errorf("no body template for %s: %w", n.Kind, err)
	}
	body := strings.TrimSpace(text.String())
	var paragraphs []string
	for _, p := range strings.Split(body, "\n\n") {
		if !strings.HasSuffix(strings.TrimSpace(p), link) || link == "" {
			paragraphs = append(paragraphs, p)
		}
	}
	var html bytes.Buffer
	if err := htmlTemplate.ExecuteTemplate(&html, "html", htmlData{Subject: subject.String(), Paragraphs: paragraphs, Link: link}); err != nil {
		return Message{}, err
	}
	return Message{To: to, Subject: subject.String(), Text: body + "\n", HTML: html.String(), Key: n.Key}, nil
}
