package catalog_test

import (
	"testing"

	"github.com/mssc/recert/catalog"
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

// BenchmarkCheckCredential measures one check over the whole seeded catalog.
func BenchmarkCheckCredential(b *testing.B) {
	snap := seededSnapshot(b)
	inputs := benchInputs(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		snap.CheckCredential(inputs[i%len(inputs)])
	}
}

// BenchmarkCheck100Credentials measures a batch of 100 checks, as a résumé's list.
func BenchmarkCheck100Credentials(b *testing.B) {
	snap := seededSnapshot(b)
	inputs := benchInputs(b)[:100]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, in := range inputs {
			snap.CheckCredential(in)
		}
	}
}
