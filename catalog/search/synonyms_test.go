package search_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/mssc/recert/catalog/review"

	"github.com/mssc/recert/catalog"
	"github.com/mssc/recert/catalog/search"
)

// TestSynonymsFindTheEntriesOfTheirMeaning adds, as staff may, an entry
// named with the seeded forklift synonyms' meaning: the phrases, typed
// whole, joined, split, with a typo or as a prefix of three letters or
// more, find it; other words do not; before it exists they find nothing,
// and a removed synonym finds nothing.
func TestSynonymsFindTheEntriesOfTheirMeaning(t *testing.T) {
	texts := []string{"forklift", "forkliftt", "fork lift", "fork lif", "forkl", "lift truck", "lifttruck", "liftt truck", "fork truck"}
	seeded := seededSnapshot(t)
	for _, text := range texts {
		if keys := searchKeys(t, seeded, text); len(keys) != 0 {
			t.Errorf("search %q on the seeded catalog = %v: no entry is named powered industrial truck", text, keys)
		}
	}
	data := withEntry(t, "Powered Industrial Truck Operator Trainer", "")
	data.Certifications[len(data.Certifications)-1].Status = catalog.StatusActive
	snap := catalog.NewSnapshot(data)
	for _, text := range texts {
		if keys := searchKeys(t, snap, text); len(keys) == 0 || keys[0] != "staff-added-entry" {
			t.Errorf("search %q = %v, want the powered industrial truck entry first", text, keys)
		}
	}
	for _, text := range []string{"fo", "lift crane", "forklifting trucks"} {
		if keys := searchKeys(t, snap, text); slices.Contains(keys, "staff-added-entry") {
			t.Errorf("search %q = %v: it names no synonym's phrase", text, keys)
		}
	}
	for i := range data.Synonyms {
		data.Synonyms[i].Removed = data.Synonyms[i].Meaning == "powered industrial truck"
	}
	data.Version++
	removed := catalog.NewSnapshot(data)
	if keys := searchKeys(t, removed, "forklift"); len(keys) != 0 {
		t.Errorf("search forklift with its synonym removed = %v", keys)
	}
	if slices.ContainsFunc(removed.Synonyms(), func(s *catalog.Synonym) bool { return s.Phrase == "forklift" }) {
		t.Error("a removed synonym is still listed")
	}
}

// TestSynonymHighlightsMarkTheMeaning checks that a result found through a
// synonym highlights the words of the meaning in its name.
func TestSynonymHighlightsMarkTheMeaning(t *testing.T) {
	snap := seededSnapshot(t)
	r, err := search.FindCertifications(snap, catalog.CertificationCriteria{Search: "hydraulics"}, catalog.CertificationSort{}, catalog.PageRequest{First: new(10)})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range r.Page.Edges {
		if e.Node.Key != "ifps-engineer" {
			continue
		}
		raw, _ := json.Marshal(r.Highlights(e.Node))
		if !strings.Contains(string(raw), `"Text":"Fluid Power Engineer","Start":0,"Length":5`) || !strings.Contains(string(raw), `"Start":6,"Length":5`) {
			t.Errorf("highlights of %s for hydraulics = %s, want Fluid and Power", e.Node.Key, raw)
		}
		return
	}
	t.Fatal("search hydraulics did not find the fluid power engineer")
}

// TestTheCredentialCheckIgnoresSynonyms checks that the synonyms serve the
// search only: every case of the credential evaluation set gets the same
// answer with and without them, so the check keeps asking rather than
// guessing.
func TestTheCredentialCheckIgnoresSynonyms(t *testing.T) {
	with := seededSnapshot(t)
	data := seededData(t)
	data.Synonyms = nil
	without := catalog.NewSnapshot(data)
	if len(with.Synonyms()) == 0 {
		t.Fatal("the seed has no synonyms")
	}
	for _, c := range loadEvalCases(t) {
		in := c.input(t)
		if search.ValidateCredential("", in, evalToday) != nil {
			continue
		}
		a, _ := json.Marshal(search.CheckCredential(with, in))
		b, _ := json.Marshal(search.CheckCredential(without, in))
		if string(a) != string(b) {
			t.Errorf("%s: the answer with synonyms %s differs from the one without %s", c.ID, a, b)
		}
	}
}

// TestSplitAndJoinedWordsWithTypos checks words written as one that the
// catalog writes as two and the reverse, with a typo and being typed.
func TestSplitAndJoinedWordsWithTypos(t *testing.T) {
	snap := seededSnapshot(t)
	belts := []string{"sme-six-sigma-green-belt", "sme-six-sigma-black-belt", "sme-six-sigma-master-black-belt"}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"sixsigma", belts},
		{"sixsigmma", belts},
		{"sixsig", belts},
		{"six sigmma", belts},
		{"signalpersn", []string{"nccco-signalperson", "nccer-rigger-signal-person"}},
		{"signal persn", []string{"nccco-signalperson", "nccer-rigger-signal-person"}},
		{"signal pers", []string{"nccco-signalperson", "nccer-rigger-signal-person"}},
		{"over hed crane", []string{"nccco-overhead-crane-operator", "oecp-overhead-crane"}},
		{"hazardousmaterials", []string{"ihmm-chmm", "ihmm-chmp"}},
	} {
		keys := searchKeys(t, snap, tc.text)
		for _, k := range tc.want {
			if i := slices.Index(keys, k); i < 0 || i >= len(tc.want) {
				t.Errorf("search %q = %v, want %v first", tc.text, keys, tc.want)
				break
			}
		}
	}
	// A typo joined with the next word's letters says nothing of that word.
	for _, text := range []string{"welding i", "weldng i"} {
		keys := searchKeys(t, snap, text)
		if len(keys) < 3 || !slices.Equal(slices.Sorted(slices.Values(keys[:3])), []string{"aws-cawi", "aws-cwi", "aws-scwi"}) {
			t.Errorf("search %q = %v, want the three inspectors first", text, keys)
		}
	}
}

// TestCheckSynonym checks the rules of a synonym's texts.
func TestCheckSynonym(t *testing.T) {
	for _, tc := range []struct {
		phrase, meaning, field string
	}{
		{"hydraulics", "fluid power", ""},
		{"", "fluid power", "phrase"},
		{"hydraulics", " ", "meaning"},
		{"?!", "fluid power", "phrase"},
		{"Fluid-Power", "fluid power", "meaning"},
		{"a b c d e f g", "fluid power", "phrase"},
		{strings.Repeat("h", catalog.MaxSynonymText+1), "fluid power", "phrase"},
		{"hydraulics\x00", "fluid power", "phrase"},
	} {
		errs := review.CheckSynonym(tc.phrase, tc.meaning)
		switch {
		case tc.field == "" && len(errs) > 0:
			t.Errorf("CheckSynonym(%q, %q) = %v, want none", tc.phrase, tc.meaning, errs[0])
		case tc.field != "" && (len(errs) != 1 || errs[0].Field != tc.field || errs[0].Code != catalog.CodeBadUserInput):
			t.Errorf("CheckSynonym(%q, %q) = %v, want one invalid %s", tc.phrase, tc.meaning, errs, tc.field)
		}
	}
}
