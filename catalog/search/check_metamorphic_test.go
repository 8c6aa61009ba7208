package search_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/search"
)

// answerOf is what a metamorphic relation compares of an answer: the
// verdict and the entry.
func answerOf(c catalog.CredentialCheck) string {
	if c.Entry != nil {
		return string(c.Verdict) + " " + c.Entry.Key
	}
	return string(c.Verdict)
}

// evalInputs returns the labelled set's valid inputs, by case id.
func evalInputs(t *testing.T) ([]evalCase, map[string]catalog.CredentialInput) {
	t.Helper()
	cases := loadEvalCases(t)
	ins := map[string]catalog.CredentialInput{}
	var kept []evalCase
	for _, c := range cases {
		in := c.input(t)
		if c.Error != "" || search.ValidateCredential("", in, evalToday) != nil {
			continue
		}
		ins[c.ID] = in
		kept = append(kept, c)
	}
	return kept, ins
}

// TestCheckIsStableUnderRewriting rewrites every text of the labelled set
// as candidates do without changing what it says, and expects the same
// verdict and entry: upper, lower and title case; punctuation added at the
// ends, doubled spaces and hyphens between words written as spaces; the
// words of a one-part text in reverse order; and a year added to a text
// whose verdict cannot depend on it (no cycle given, or an earned date
// given, which wins over a year in the text).
func TestCheckIsStableUnderRewriting(t *testing.T) {
	snap := seededSnapshot(t)
	cases, ins := evalInputs(t)
	onePart := onePartWithout(organizationNames(t))
	rewrites := []struct {
		name    string
		applies func(c evalCase, in catalog.CredentialInput) bool
		rewrite func(string) string
		// least is how many cases the rewrite must apply to.
		least int
	}{
		{"upper case", always, strings.ToUpper, 400},
		{"lower case", always, strings.ToLower, 400},
		{"title case", always, titleCase, 300},
		{"a full stop and quotes", always, func(s string) string { return `"` + s + `."` }, 400},
		{"doubled spaces", always, func(s string) string { return strings.ReplaceAll(s, " ", "  ") }, 400},
		{"hyphens as spaces", always, hyphensAsSpaces, 10},
		{"reversed word order", onePart, reverseWords, 50},
		{"an added year", yearCannotMatter, func(s string) string { return s + " 2024" }, 100},
	}
	for _, rw := range rewrites {
		t.Run(rw.name, func(t *testing.T) {
			tried := 0
			for _, c := range cases {
				in := ins[c.ID]
				if !rw.applies(c, in) {
					continue
				}
				changed := in
				changed.Text = rw.rewrite(in.Text)
				if utf8.RuneCountInString(changed.Text) > search.MaxCredentialText || changed.Text == in.Text {
					continue
				}
				tried++
				if before, after := answerOf(search.CheckCredential(snap, in)), answerOf(search.CheckCredential(snap, changed)); before != after {
					t.Errorf("%s: %q answers %s, rewritten %q answers %s", c.ID, in.Text, before, changed.Text, after)
				}
			}
			if tried < rw.least {
				t.Fatalf("the rewrite applied to %d cases only", tried)
			}
		})
	}
}

func always(evalCase, catalog.CredentialInput) bool { return true }

// onePartWithout returns whether a text has no separators and none of
// the ordered phrases or organization names, so that reversing its words
// keeps what it says: a phrase whose words mean something only in their
// order ("Six Sigma", "Class A", "American Welding Society") is left out.
func onePartWithout(organizations []string) func(evalCase, catalog.CredentialInput) bool {
	return func(_ evalCase, in catalog.CredentialInput) bool {
		if strings.ContainsAny(in.Text, ",;|()-–—/&") {
			return false
		}
		lower := " " + strings.ToLower(in.Text) + " "
		for _, phrase := range append(slices.Clone(orderedPhrases), organizations...) {
			if strings.Contains(lower, " "+phrase+" ") {
				return false
			}
		}
		return true
	}
}

// organizationNames returns the names of the organizations of the seed
// catalog that have more than one word, in lower case.
func organizationNames(t *testing.T) []string {
	var out []string
	for _, o := range seededData(t).Organizations {
		if strings.Contains(o.Name, " ") {
			out = append(out, strings.ToLower(o.Name))
		}
	}
	return out
}

// orderedPhrases are phrases whose words mean something only in this
// order; a text holding one is not reversed.
var orderedPhrases = []string{
	"six sigma", "class a", "class b", "class c", "general industry", "in house", "company issued", "by", "from",
	"through", "issued", "disaster site", "site certification", "boot camp", "learning system", "contact hours",
	"art appreciation", "social studies", "public speaking", "fork lift", "reach truck", "pallet jack", "powered industrial truck",
	"aerial lift", "scissor lift", "order picker", "hazardous materials", "dangerous goods", "certified production technician", "outreach",
	"of", "for", "in", "and", "lean six sigma", "commercial driver", "train the trainer",
	// A compound the catalog writes as one word ("Signalperson").
	"signal person",
}

// yearCannotMatter reports whether a year added to the text can change
// nothing: no cycle is given, or an earned date is, and the text has no
// year of its own.
func yearCannotMatter(c evalCase, in catalog.CredentialInput) bool {
	return (in.Held == nil || in.EarnedOn != nil) && !strings.ContainsAny(in.Text, "0123456789")
}

func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = strings.ToUpper(string(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

func reverseWords(s string) string {
	words := strings.Fields(s)
	slices.Reverse(words)
	return strings.Join(words, " ")
}

// hyphensAsSpaces writes a hyphen between two letters or digits as a
// space ("OSHA-30" as "OSHA 30"); a dash between spaces stays.
func hyphensAsSpaces(s string) string {
	r := []rune(s)
	for i := 1; i+1 < len(r); i++ {
		if r[i] == '-' && r[i-1] != ' ' && r[i+1] != ' ' {
			r[i] = ' '
		}
	}
	return string(r)
}

// generatedWord returns a made-up word of n letters that no catalog uses.
func generatedWord(rng *rand.Rand, n int) string {
	const consonants, vowels = "bdfgkmnpqrstvxz", "aeiouy"
	var b strings.Builder
	b.WriteString("Q")
	for i := 1; i < n; i++ {
		if i%2 == 1 {
			b.WriteByte(vowels[rng.IntN(len(vowels))])
		} else {
			b.WriteByte(consonants[rng.IntN(len(consonants))])
		}
	}
	return b.String()
}

// withGeneratedEntries returns the seed catalog with n more entries of a
// new organization, all with generated names.
func withGeneratedEntries(t *testing.T, seed uint64, n int) *catalog.Data {
	t.Helper()
	data := seededData(t)
	rng := rand.New(rand.NewPCG(seed, seed))
	orgID := int64(len(data.Organizations) + 1)
	org := catalog.Organization{ID: orgID, Key: fmt.Sprintf("generated-%d", seed),
		Name: generatedWord(rng, 9) + " " + generatedWord(rng, 8) + " Board", Acronym: "QX" + strings.ToUpper(generatedWord(rng, 3)[1:])}
	data.Organizations = append(data.Organizations, org)
	for i := range n {
		name := "Certified " + generatedWord(rng, 10) + " " + generatedWord(rng, 9)
		data.Certifications = append(data.Certifications, catalog.Certification{
			ID: int64(len(data.Certifications) + 1), Key: fmt.Sprintf("generated-%d-%d", seed, i), Name: name, DisplayName: org.Acronym + " " + name,
			OrganizationID: orgID, OrganizationKey: org.Key,
			RecognitionBases: []catalog.RecognitionBasis{catalog.BasisANSI}, EligiblePrograms: []catalog.Program{catalog.ProgramCPT, catalog.ProgramCLT},
			Aliases: []catalog.Alias{{Kind: catalog.AliasAcronym, Value: strings.ToUpper(generatedWord(rng, 4))}},
		})
	}
	data.Version++
	return data
}

// TestAnUnrelatedEntryChangesNoVerdict adds entries with generated names
// to the catalog: no text of the labelled set names them, so no verdict
// or entry may change.
func TestAnUnrelatedEntryChangesNoVerdict(t *testing.T) {
	before := seededSnapshot(t)
	cases, ins := evalInputs(t)
	for _, seed := range []uint64{1, 2, 3} {
		after := catalog.NewSnapshot(withGeneratedEntries(t, seed, int(seed)*5))
		for _, c := range cases {
			in := ins[c.ID]
			if b, a := answerOf(search.CheckCredential(before, in)), answerOf(search.CheckCredential(after, in)); b != a {
				t.Errorf("seed %d: %s (%q) answered %s, and %s once unrelated entries were added", seed, c.ID, in.Text, b, a)
			}
		}
	}
}

// TestARemovedEntryQualifiesNoOtherText removes each entry of the catalog
// in turn: a text that did not qualify and did not name the removed
// entry (neither as its answer, an alternative nor a labelled candidate)
// must not qualify without it.
func TestARemovedEntryQualifiesNoOtherText(t *testing.T) {
	full := seededSnapshot(t)
	cases, ins := evalInputs(t)
	type notQualifying struct {
		c     evalCase
		in    catalog.CredentialInput
		named map[string]bool
	}
	var watched []notQualifying
	for _, c := range cases {
		got := search.CheckCredential(full, ins[c.ID])
		if got.Verdict == catalog.VerdictIndustryCertification {
			continue
		}
		named := map[string]bool{}
		for _, k := range append([]string{c.Entry}, c.Candidates...) {
			named[k] = true
		}
		if got.Entry != nil {
			named[got.Entry.Key] = true
		}
		for _, a := range got.Alternatives {
			named[a.Certification.Key] = true
		}
		watched = append(watched, notQualifying{c, ins[c.ID], named})
	}
	data := seededData(t)
	for i, removed := range data.Certifications {
		without := *data
		without.Certifications = slices.Delete(slices.Clone(data.Certifications), i, i+1)
		snap := catalog.NewSnapshot(&without)
		for _, w := range watched {
			if w.named[removed.Key] {
				continue
			}
			if got := search.CheckCredential(snap, w.in); got.Verdict == catalog.VerdictIndustryCertification {
				t.Errorf("without %s, %s (%q) qualifies as %s", removed.Key, w.c.ID, w.in.Text, got.Entry.Key)
			}
		}
	}
}

// TestAnIssuerReadsTheSameInItsFieldAsInTheText moves the issuer of each
// labelled text between the text and the issuer field: a text beginning
// with an organization's acronym has it moved to the field, and an issuer
// field holding an organization's acronym or name has its acronym put
// before the text. Where the issuer is written cannot change what was
// earned, so the verdict and entry must stay.
func TestAnIssuerReadsTheSameInItsFieldAsInTheText(t *testing.T) {
	snap := seededSnapshot(t)
	cases, ins := evalInputs(t)
	acronyms := map[string]string{}
	for _, o := range seededData(t).Organizations {
		if o.Acronym != "" {
			acronyms[strings.ToLower(o.Acronym)] = o.Acronym
			acronyms[strings.ToLower(o.Name)] = o.Acronym
		}
	}
	moved := 0
	for _, c := range cases {
		in := ins[c.ID]
		changed := in
		first, rest, _ := strings.Cut(in.Text, " ")
		switch acronym, named := acronyms[strings.ToLower(in.Issuer)]; {
		case in.Issuer == "" && acronyms[strings.ToLower(first)] == first && rest != "" && !strings.ContainsAny(rest, ",;|()/"):
			changed.Text, changed.Issuer = rest, first
		case named:
			changed.Text, changed.Issuer = acronym+" "+in.Text, ""
		default:
			continue
		}
		moved++
		if before, after := answerOf(search.CheckCredential(snap, in)), answerOf(search.CheckCredential(snap, changed)); before != after {
			t.Errorf("%s: %+v answers %s, and %+v answers %s", c.ID, in, before, changed, after)
		}
	}
	if moved < 60 {
		t.Fatalf("the issuer moved in %d cases only", moved)
	}
}
