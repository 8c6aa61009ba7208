package review

import (
	"context"
	"strings"

	"github.com/mssc/recert/catalog"
)

// SynonymInput is a search synonym as staff enter it.
type SynonymInput struct {
	// Phrase is what a candidate types, such as "hydraulics".
	Phrase string
	// Meaning is the words of the catalog it stands for, such as "fluid power".
	Meaning string
}

// CheckSynonym checks a synonym's phrase and meaning: each required, at
// most catalog.MaxSynonymText printable characters and six words, with a letter or
// digit, and the two different once case and punctuation are set aside.
func CheckSynonym(phrase, meaning string) []*catalog.Error {
	var errs []*catalog.Error
	for _, f := range []struct{ field, value string }{{"phrase", phrase}, {"meaning", meaning}} {
		before := len(errs)
		checkText(&errs, f.field, f.value, true, catalog.MaxSynonymText)
		if len(errs) > before {
			continue
		}
		switch words := strings.Fields(catalog.NormalizeText(f.value)); {
		case len(words) == 0:
			errs = append(errs, catalog.Invalid(f.field, "a word or a number is required"))
		case len(words) > catalog.MaxSynonymWords:
			errs = append(errs, catalog.Invalid(f.field, "at most %d words", catalog.MaxSynonymWords))
		}
	}
	if len(errs) == 0 && catalog.NormalizeText(phrase) == catalog.NormalizeText(meaning) {
		errs = append(errs, catalog.Invalid("meaning", "the meaning must differ from the phrase"))
	}
	return errs
}

// CreateSynonym adds a search synonym; staff only.
func (c *Curation) CreateSynonym(ctx context.Context, in SynonymInput, reason string) (*catalog.Synonym, []*catalog.Error, error) {
	snap, change, err := c.begin(ctx, "synonym.create", reason)
	if err != nil {
		return nil, nil, err
	}
	in.Phrase, in.Meaning = strings.TrimSpace(in.Phrase), strings.TrimSpace(in.Meaning)
	errs := append(checkSynonym(snap, in, 0), checkReason(reason)...)
	if len(errs) > 0 {
		return nil, errs, nil
	}
	taken := func(k string) bool {
		for _, x := range snap.Synonyms() {
			if x.Key == k {
				return true
			}
		}
		return false
	}
	after := &catalog.Synonym{Key: slugKey(taken, in.Phrase), Phrase: in.Phrase, Meaning: in.Meaning}
	return c.editSynonym(ctx, change, nil, after)
}

// UpdateSynonym replaces a search synonym's phrase and meaning; staff only.
func (c *Curation) UpdateSynonym(ctx context.Context, id int64, in SynonymInput, reason string) (*catalog.Synonym, []*catalog.Error, error) {
	snap, change, err := c.begin(ctx, "synonym.update", reason)
	if err != nil {
		return nil, nil, err
	}
	before := snap.Synonym(id)
	if before == nil {
		return nil, []*catalog.Error{noSuchSynonym()}, nil
	}
	in.Phrase, in.Meaning = strings.TrimSpace(in.Phrase), strings.TrimSpace(in.Meaning)
	errs := append(checkSynonym(snap, in, id), checkReason(reason)...)
	if len(errs) > 0 {
		return nil, errs, nil
	}
	after := *before
	after.Phrase, after.Meaning = in.Phrase, in.Meaning
	return c.editSynonym(ctx, change, before, &after)
}

// RemoveSynonym stops a search synonym applying; staff only. It is kept,
// removed, so that the seed does not bring it back.
func (c *Curation) RemoveSynonym(ctx context.Context, id int64, reason string) (*catalog.Synonym, []*catalog.Error, error) {
	snap, change, err := c.begin(ctx, "synonym.remove", reason)
	if err != nil {
		return nil, nil, err
	}
	before := snap.Synonym(id)
	if before == nil {
		return nil, []*catalog.Error{noSuchSynonym()}, nil
	}
	if errs := checkReason(reason); len(errs) > 0 {
		return nil, errs, nil
	}
	after := *before
	after.Removed = true
	return c.editSynonym(ctx, change, before, &after)
}

func noSuchSynonym() *catalog.Error {
	return &catalog.Error{Code: catalog.CodeNotFound, Field: "id", Message: "no search synonym in force has this ID"}
}

// checkSynonym checks the input, and that no other synonym in force has
// the same phrase and meaning; self is the synonym being edited, if any.
// The errors name the input's fields ("input.phrase").
func checkSynonym(s *catalog.Snapshot, in SynonymInput, self int64) []*catalog.Error {
	errs := CheckSynonym(in.Phrase, in.Meaning)
	for _, e := range errs {
		e.Field = "input." + e.Field
	}
	if len(errs) > 0 {
		return errs
	}
	for _, x := range s.Synonyms() {
		if x.ID != self && catalog.EqualFold(x.Phrase, in.Phrase) && catalog.EqualFold(x.Meaning, in.Meaning) {
			return []*catalog.Error{{Code: catalog.CodeConflict, Field: "input.phrase", Message: "another search synonym has this phrase and meaning"}}
		}
	}
	return nil
}

// editSynonym writes the synonym, its history and a new catalog version,
// so that no cached search outlives it.
func (c *Curation) editSynonym(ctx context.Context, change catalog.Change, before, after *catalog.Synonym) (*catalog.Synonym, []*catalog.Error, error) {
	edit := &CatalogEdit{Change: change, Synonym: after, EntityType: "SearchSynonym", After: record(after)}
	if before != nil {
		edit.Before = record(before)
	}
	if err := c.commit(ctx, edit); err != nil {
		return nil, catalog.ConflictAsUserError(err, "input.phrase"), catalog.UserErrorOrNil(err)
	}
	return after, nil, nil
}
