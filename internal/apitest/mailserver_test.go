package apitest

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// delivered is one message the test mail server accepted.
type delivered struct {
	To      string
	Subject string
	Key     string
	Text    string
	HTML    string
}

// mailServer is a real SMTP server on loopback, built with go-smtp, that
// requires authentication and can be made to fail like a mail server that
// is down.
type mailServer struct {
	addr string
	mu   sync.Mutex
	got  []delivered
	down bool
	// refused counts the messages refused while down.
	refused int
}

const (
	mailUser     = "recert"
	mailPassword = "s3cret"
)

// startMailServer runs the server until the test ends.
func startMailServer(t *testing.T) *mailServer {
	t.Helper()
	m := &mailServer{}
	srv := smtp.NewServer(m)
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	m.addr = ln.Addr().String()
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return m
}

// setDown makes the server refuse every message, or accept them again.
func (m *mailServer) setDown(down bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.down = down
}

// messages returns the messages accepted so far.
func (m *mailServer) messages() []delivered {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]delivered(nil), m.got...)
}

// refusals returns how many messages were refused while down.
func (m *mailServer) refusals() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.refused
}

// NewSession starts a session.
func (m *mailServer) NewSession(*smtp.Conn) (smtp.Session, error) {
	return &mailSession{server: m}, nil
}

// mailSession is one SMTP conversation with the test server.
type mailSession struct {
	server *mailServer
	authed bool
	to     string
}

// AuthMechanisms offers PLAIN only.
func (s *mailSession) AuthMechanisms() []string { return []string{sasl.Plain} }

// Auth checks the test's user name and password.
func (s *mailSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, password string) error {
		if user != mailUser || password != mailPassword {
			return errors.New("bad credentials")
		}
		s.authed = true
		return nil
	}), nil
}

// Mail refuses a sender that did not authenticate.
func (s *mailSession) Mail(string, *smtp.MailOptions) error {
	if !s.authed {
		return smtp.ErrAuthRequired
	}
	return nil
}

// Rcpt records the recipient.
func (s *mailSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = to
	return nil
}

// Data keeps the message, or refuses it with a temporary failure while the server is down.
func (s *mailSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.server.mu.Lock()
	defer s.server.mu.Unlock()
	if s.server.down {
		s.server.refused++
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "mail server unavailable"}
	}
	d, err := parseDelivered(raw)
	if err != nil {
		return err
	}
	d.To = s.to
	s.server.got = append(s.server.got, d)
	return nil
}

// Reset forgets nothing: each session sends one message.
func (s *mailSession) Reset() {}

// Logout ends the session.
func (s *mailSession) Logout() error { return nil }

// parseDelivered reads a message's headers and its text and HTML bodies.
func parseDelivered(raw []byte) (delivered, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return delivered{}, err
	}
	dec := new(mime.WordDecoder)
	subject, _ := dec.DecodeHeader(msg.Header.Get("Subject"))
	d := delivered{Subject: subject, Key: msg.Header.Get("X-Recert-Notification")}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return delivered{}, err
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return delivered{}, err
		}
		var body io.Reader = p
		if strings.EqualFold(p.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
			body = quotedprintable.NewReader(p)
		}
		b, err := io.ReadAll(body)
		if err != nil {
			return delivered{}, err
		}
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/html") {
			d.HTML = string(b)
		} else {
			d.Text = string(b)
		}
	}
	return d, nil
}
