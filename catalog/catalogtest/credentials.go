package catalogtest

import (
	"fmt"
	"os"

	"github.com/goccy/go-yaml"
)

// CredentialChecksFile is the labelled credential set, from the module root;
// catalog/search/testdata/README.md says what each field means.
const CredentialChecksFile = "catalog/search/testdata/credential_checks.yaml"

// CredentialCase is one labelled case of the credential set: a credential
// as a candidate writes it and what the check must answer.
type CredentialCase struct {
	// ID names the case; its prefix gives the verdict family.
	ID string `yaml:"id"`
	// Text is the credential as written.
	Text string `yaml:"text"`
	// Issuer is the issuing body as written, if given.
	Issuer string `yaml:"issuer"`
	// Earned is the completion date, YYYY-MM-DD, if given.
	Earned string `yaml:"earned"`
	// Program is the full certification the candidate holds, CPT or CLT,
	// if given; CycleStart and CycleEnd are then its cycle.
	Program    string `yaml:"program"`
	CycleStart string `yaml:"cycleStart"`
	CycleEnd   string `yaml:"cycleEnd"`
	// Verdict is the answer the check must give.
	Verdict string `yaml:"verdict"`
	// Entry is the key of the catalog entry the answer must name.
	Entry string `yaml:"entry"`
	// Candidates are, for an AMBIGUOUS case, the entries that fit equally.
	Candidates []string `yaml:"candidates"`
	// Rule is the code of a rule the answer must apply, if given.
	Rule string `yaml:"rule"`
	// Alternatives, when given, is the set every alternative of the answer
	// must belong to.
	Alternatives []string `yaml:"alternatives"`
	// Note is the one-line reason for the label.
	Note string `yaml:"note"`
	// Error is, instead of a verdict, the error code the check must answer
	// with.
	Error string `yaml:"error"`
}

// ReadCredentialCases reads the labelled cases at path, refusing fields the
// set does not define.
func ReadCredentialCases(path string) ([]CredentialCase, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cases []CredentialCase
	if err := yaml.UnmarshalWithOptions(raw, &cases, yaml.DisallowUnknownField()); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cases, nil
}
