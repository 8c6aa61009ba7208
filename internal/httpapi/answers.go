package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/internal/observe"
	"github.com/mssc/recert/internal/ratelimit"
)

// PublicReads is what the answer memo needs of a response cache: which
// operations it took as public reads and for how long their answers may
// be kept (as the schema's @cacheControl hints say), and the versions of
// the data (the catalog and the open catalog reviews) the answers depend
// on.
type PublicReads interface {
	// DataVersion returns the versions of the catalog and of the open
	// reviews the request of ctx reads, as one string, or false when they
	// cannot be read.
	DataVersion(ctx context.Context) (string, bool)
	// PublicMaxAge returns how long the answer of the operation just run
	// in the request of ctx may be kept: above 0 only for a public read,
	// the same for every anonymous caller at one version of the data.
	PublicMaxAge(ctx context.Context) time.Duration
	// ServedWhole records that the request of ctx was answered from the
	// memo with an answer that may be kept for maxAge.
	ServedWhole(ctx context.Context, maxAge time.Duration)
}

// maxMemoRequestBytes bounds the requests the memo keeps answers for,
// so that its keys stay small.
const maxMemoRequestBytes = 4 << 10

// maxMemoAnswerBytes bounds the answers the memo keeps, so that it holds
// at most its size times this much; a larger answer is still served from
// the response cache, after parsing.
const maxMemoAnswerBytes = 64 << 10

// answerMemo keeps the whole answers to anonymous public catalog reads by
// the exact request: the method, the response type, the versions of the
// catalog and of the open reviews, and the request's bytes (the JSON
// body, or the query string of a GET). A repeated read is answered from it before it is decoded, parsed or
// validated. A request the memo does not know runs as any other, and its
// answer is kept, for its maxAge, when the response cache took it as a
// public read and it succeeded. It changes nothing a client can see: the answer carries the
// client's own budget, and it is charged nothing, as a hit of the response
// cache is.
type answerMemo struct {
	entries *lru.Cache[string, *keptAnswer]
	reads   PublicReads
	limiter ratelimit.Store
}

// keptAnswer is a successful answer with what its operation asked for.
type keptAnswer struct {
	data json.RawMessage
	// requested is the operation's cost, reported in extensions.cost.
	requested int
	// operation and rootField name the operation in logs and metrics.
	operation, rootField string
	// maxAge is how long the answer may be kept, and expires when it
	// must no longer be served.
	maxAge  time.Duration
	expires time.Time
}

// newAnswerMemo returns a memo of at most size answers, or nil (no memo)
// when size is not positive or reads is nil.
func newAnswerMemo(size int, reads PublicReads, limiter ratelimit.Store) *answerMemo {
	if size <= 0 || reads == nil {
		return nil
	}
	entries, _ := lru.New[string, *keptAnswer](size)
	return &answerMemo{entries: entries, reads: reads, limiter: limiter}
}

// key returns the memo key of a request, or "" when its answer must not be
// kept or served: a signed-in caller, a client that asked caches to step
// aside, a request too large to key on.
func (m *answerMemo) key(r *http.Request, media string, request []byte) string {
	if m == nil || len(request) > maxMemoRequestBytes || catalog.PrincipalFrom(r.Context()) != nil {
		return ""
	}
	if v := r.Header.Get("Cache-Control"); v == "no-cache" || v == "no-store" {
		return ""
	}
	version, ok := m.reads.DataVersion(r.Context())
	if !ok {
		return ""
	}
	return r.Method + " " + media + " " + version + "\n" + string(request)
}

// serve answers the request from the memo and reports whether it did. A
// kept answer costs nothing, so it is served whatever the client's budget
// holds, as the response cache serves its hits.
func (m *answerMemo) serve(w http.ResponseWriter, r *http.Request, media, key string) bool {
	if key == "" {
		return false
	}
	kept, ok := m.entries.Get(key)
	if !ok {
		return false
	}
	start := time.Now()
	if !start.Before(kept.expires) {
		m.entries.Remove(key)
		return false
	}
	ctx := r.Context()
	var budget *ratelimit.Status
	if m.limiter != nil {
		b := m.limiter.Peek(ctx, clientKey(ctx))
		setBudgetHeaders(w.Header(), b)
		budget = &b
	}
	m.reads.ServedWhole(ctx, kept.maxAge)
	var ext [160]byte
	writeResponse(w, http.StatusOK, media, wireResponse{Data: kept.data, RawExtensions: appendHitCost(ext[:0], kept.requested, budget)})
	observe.Answered(ctx, kept.operation, kept.rootField, "ok", time.Since(start))
	return true
}

// keep keeps the answer to the request of key, for its maxAge, when the
// response cache took its operation as a public read and it succeeded.
func (m *answerMemo) keep(ctx context.Context, key string, resp *graphql.Response) {
	if key == "" || resp == nil || len(resp.Errors) > 0 || len(resp.Data) == 0 || len(resp.Data) > maxMemoAnswerBytes {
		return
	}
	maxAge := m.reads.PublicMaxAge(ctx)
	if maxAge <= 0 {
		return
	}
	r := receiptFrom(ctx)
	if r == nil || r.refused {
		return
	}
	m.entries.Add(key, &keptAnswer{
		data: resp.Data, requested: r.requested,
		operation: observe.OperationName(ctx), rootField: observe.RootField(ctx),
		maxAge: maxAge, expires: time.Now().Add(maxAge),
	})
}

// appendHitCost appends the extensions of an answer served from the memo,
// as costReporter writes them for a cache hit: the operation's requested
// cost, nothing actually charged, and the client's budget when there is
// one. The members are in json.Marshal's order.
func appendHitCost(b []byte, requested int, budget *ratelimit.Status) []byte {
	b = append(b, `{"cost":{"actual":0`...)
	if budget != nil {
		b = append(b, `,"limit":`...)
		b = strconv.AppendInt(b, int64(budget.Limit), 10)
		b = append(b, `,"remaining":`...)
		b = strconv.AppendInt(b, int64(budget.Remaining), 10)
	}
	b = append(b, `,"requested":`...)
	b = strconv.AppendInt(b, int64(requested), 10)
	if budget != nil {
		rate, err := json.Marshal(budget.RestoreRate)
		if err != nil {
			rate = []byte("null")
		}
		b = append(b, `,"restoreRate":`...)
		b = append(b, rate...)
	}
	return append(b, "}}"...)
}
