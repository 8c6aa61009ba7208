package observe

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/VictoriaMetrics/metrics"
)

// contentType is the media type of the Prometheus text format, version
// 0.0.4, that the metrics handler writes.
const contentType = "text/plain; version=0.0.4; charset=utf-8"

// Handler serves the metrics in the Prometheus text format, each family
// with its # TYPE line and, where the service describes it, its # HELP
// line.
func (m *Metrics) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		var text bytes.Buffer
		m.set.WritePrometheus(&text)
		w.Header().Set("Content-Type", contentType)
		_, _ = w.Write(m.help.fill(text.Bytes()))
	})
}

// counterFunc registers a counter whose value f reads at each scrape.
func (m *Metrics) counterFunc(name, help string, f func() int64) {
	m.help.describe(name, help)
	m.set.RegisterMetricsWriter(func(w io.Writer) {
		metrics.WriteCounterUint64(w, name, uint64(max(f(), 0)))
	})
}

// writeRuntime writes the Go runtime's and the process's metrics (go_*
// and process_*, open file descriptors included).
func writeRuntime(w io.Writer) {
	metrics.WriteGoMetrics(w)
	metrics.WriteProcMetrics(w)
	metrics.WriteFDMetrics(w)
}

// labelValue escapes a label value as the text format asks: backslash,
// double quote and line feed.
var labelValue = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// series names one series of a metric as the metrics library wants it:
// the metric's name followed by its labels, given as name and value
// pairs, each value escaped.
func series(name string, labels ...string) string {
	if len(labels) == 0 {
		return name
	}
	var b strings.Builder
	b.WriteString(name)
	for i := 0; i+1 < len(labels); i += 2 {
		if i == 0 {
			b.WriteByte('{')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(labels[i])
		b.WriteString(`="`)
		b.WriteString(labelValue.Replace(labels[i+1]))
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

// helpTexts are the descriptions of the service's metric families. The
// metrics library writes an empty "# HELP family" line before each
// family; fill puts the description there, or drops the line for a family
// the service does not describe (the Go runtime's and the process's).
type helpTexts struct {
	mu   sync.Mutex
	text map[string]string
}

// describe records the description of a metric family.
func (h *helpTexts) describe(family, help string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.text == nil {
		h.text = map[string]string{}
	}
	h.text[family] = help
}

// fill returns the exposition text with each empty # HELP line given its
// family's description, or left out.
func (h *helpTexts) fill(text []byte) []byte {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]byte, 0, len(text)+len(text)/8)
	for line := range bytes.Lines(text) {
		family, ok := bytes.CutPrefix(line, []byte("# HELP "))
		if !ok {
			out = append(out, line...)
			continue
		}
		if help := h.text[string(bytes.TrimSuffix(family, []byte("\n")))]; help != "" {
			out = append(out, bytes.TrimSuffix(line, []byte("\n"))...)
			out = append(out, ' ')
			out = append(out, help...)
			out = append(out, '\n')
		}
	}
	return out
}
