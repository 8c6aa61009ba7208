package main

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

func TestAnswerOK(t *testing.T) {
	for body, want := range map[string]bool{
		`{"data":{"certifications":{"nodes":[]}}}`:          true,
		`{"data":{"x":1},"extensions":{"cost":3}}`:          true,
		`{"errors":[{"message":"boom"}],"data":{"x":null}}`: false,
		`{"data":{"x":1},"errors":[{"message":"partial"}]}`: false,
		`{"data":null,"errors":[{"message":"no"}]}`:         false,
		`{"errors":[{"message":"RATE_LIMITED"}]}`:           false,
		`not json`: false,
	} {
		if got := answerOK([]byte(body)); got != want {
			t.Errorf("answerOK(%s) = %v, want %v", body, got, want)
		}
	}
}

// Every answer under load is checked: a GraphQL error in an HTTP 200 and
// a non-200 status both count as failed.
func TestAttackCountsFailedAnswers(t *testing.T) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) % 10 {
		case 0:
			w.Write([]byte(`{"errors":[{"message":"boom"}],"data":null}`))
		case 5:
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			w.Write([]byte(`{"data":{"ok":true}}`))
		}
	}))
	defer srv.Close()
	s := attack("t", []vegeta.Target{{Method: http.MethodPost, URL: srv.URL, Body: []byte(`{}`)}}, 300*time.Millisecond, 4)
	if s.Requests < 20 || s.Failed == 0 || s.Failed > s.Requests/4 || s.FirstFailure == "" || s.RPS <= 0 || s.P99 < s.P50 {
		t.Fatalf("sample = %+v", s)
	}
}

func TestMedian(t *testing.T) {
	if got := median([]float64{3, 1, 2}); got != 2 {
		t.Errorf("median of 3 = %v", got)
	}
	if got := median([]time.Duration{4, 1, 3, 2}); got != 2 {
		t.Errorf("median of 4 = %v", got)
	}
}

func TestEmbeddedInputs(t *testing.T) {
	terms := searchTerms()
	inputs, err := credentialInputs()
	if err != nil || len(terms) != 200 || len(inputs) != 200 {
		t.Fatalf("%d terms, %d inputs, %v", len(terms), len(inputs), err)
	}
	seen := map[string]bool{}
	for _, term := range terms {
		if seen[term] {
			t.Errorf("search term %q twice", term)
		}
		seen[term] = true
	}
}
