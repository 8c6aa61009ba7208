package search_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/search"
)

// benchInputs are credentials as candidates write them, one of each kind.
func benchInputs(b *testing.B) []catalog.CredentialInput {
	b.Helper()
	var out []catalog.CredentialInput
	for _, c := range loadEvalCases(b) {
		if c.Error == "" {
			out = append(out, c.input(b))
		}
	}
	return out
}

// BenchmarkCheckCredential measures one check over the whole seeded
// catalog. Besides the wall time it reports cpu-ns/op, the processor time
// the process spent per check, which other programs sharing the machine do
// not inflate.
func BenchmarkCheckCredential(b *testing.B) {
	snap := seededSnapshot(b)
	inputs := benchInputs(b)
	b.ResetTimer()
	before := processorTime(b)
	for i := 0; i < b.N; i++ {
		search.CheckCredential(snap, inputs[i%len(inputs)])
	}
	b.ReportMetric(float64(processorTime(b)-before)/float64(b.N), "cpu-ns/op")
}

// processorTime returns the user and system time the process has spent.
func processorTime(b *testing.B) time.Duration {
	b.Helper()
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// BenchmarkCheck100Credentials measures a batch of 100 checks, as a résumé's list.
func BenchmarkCheck100Credentials(b *testing.B) {
	snap := seededSnapshot(b)
	inputs := benchInputs(b)[:100]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, in := range inputs {
			search.CheckCredential(snap, in)
		}
	}
}
