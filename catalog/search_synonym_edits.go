package catalog

import (
	"context"
	"strings"
)

// SynonymInput is a search synonym as staff enter it.
type SynonymInput struct {
	// Phrase is what a candidate types, such as "hydraulics".
	Phrase string
	// Meaning is the words of the catalog it stands for, such as "fluid power".
	Meaning string
}

// CheckSynonym checks a synonym's phrase and meaning: each required, at
// most MaxSynonymText printable characters and six words, with a letter or
// digit, and the two different once case and punctuation are set aside.
func CheckSynonym(phrase, meaning string) []*Error {
	var errs []*Error
	for _, f := range []struct{ field, value string }{{"phrase", phrase}, {"meaning", meaning}} {
		before := len(errs)
		checkText(&errs, f.field, f.value, true, MaxSynonymText)
		if len(errs) > before {
			continue
		}
		switch words := strings.Fields(normalizeText(f.value)); {
		case len(words) == 0:
			errs = append(errs, Invalid(f.field, "a word or a number is required"))
		case len(words) > maxSynonymWords:
			errs = append(errs, Invalid(f.field, "at most %d words", maxSynonymWords))
		}
	}
	if len(errs) == 0 && normalizeText(phrase) == normalizeText(meaning) {
		errs = append(errs, Invalid("meaning", "the meaning must differ from the phrase"))
	}
	return errs
}

// CreateSynonym adds a search synonym; staff only.
func (c *Curation) CreateSynonym(ctx context.Context, in SynonymInput, reason string) (*Synonym, []*Error, error) {
	snap, change, err := c.begin(ctx, "synonym.create", reason)
	if err != nil {
		return nil, nil, err
	}
	in.Phrase, in.Meaning = strings.TrimSpace(in.Phrase), strings.TrimSpace(in.Meaning)
	errs := append(snap.checkSynonym(in, 0), checkReason(reason)...)
	if len(errs) > 0 {
		return nil, errs, nil
	}
	taken := func(k string) bool {
		for _, x := range snap.synonyms {
			if x.Key == k {
				return true
			}
		}
		return false
	}
	after := &Synonym{Key: slugKey(taken, in.Phrase), Phrase: in.Phrase, Meaning: in.Meaning}
	return c.editSynonym(ctx, change, nil, after)
}

// UpdateSynonym replaces a search synonym's phrase and meaning; staff only.
func (c *Curation) UpdateSynonym(ctx context.Context, id int64, in SynonymInput, reason string) (*Synonym, []*Error, error) {
	snap, change, err := c.begin(ctx, "synonym.update", reason)
	if err != nil {
		return nil, nil, err
	}
	before := snap.Synonym(id)
	if before == nil {
		return nil, []*Error{noSuchSynonym()}, nil
	}
	in.Phrase, in.Meaning = strings.TrimSpace(in.Phrase), strings.TrimSpace(in.Meaning)
	errs := append(snap.checkSynonym(in, id), checkReason(reason)...)
	if len(errs) > 0 {
		return nil, errs, nil
	}
	after := *before
	after.Phrase, after.Meaning = in.Phrase, in.Meaning
	return c.editSynonym(ctx, change, before, &after)
}

// RemoveSynonym stops a search synonym applying; staff only. It is kept,
// removed, so that the seed does not bring it back.
func (c *Curation) RemoveSynonym(ctx context.Context, id int64, reason string) (*Synonym, []*Error, error) {
	snap, change, err := c.begin(ctx, "synonym.remove", reason)
	if err != nil {
		return nil, nil, err
	}
	before := snap.Synonym(id)
	if before == nil {
		return nil, []*Error{noSuchSynonym()}, nil
	}
	if errs := checkReason(reason); len(errs) > 0 {
		return nil, errs, nil
	}
	after := *before
	after.Removed = true
	return c.editSynonym(ctx, change, before, &after)
}

func noSuchSynonym() *Error {
	return &Error{Code: CodeNotFound, Field: "id", Message: "no search synonym in force has this ID"}
}

// checkSynonym checks the input, and that no other synonym in force has
// the same phrase and meaning; self is the synonym being edited, if any.
// The errors name the input's fields ("input.phrase").
func (s *Snapshot) checkSynonym(in SynonymInput, self int64) []*Error {
	errs := CheckSynonym(in.Phrase, in.Meaning)
	for _, e := range errs {
		e.Field = "input." + e.Field
	}
	if len(errs) > 0 {
		return errs
	}
	for _, x := range s.Synonyms() {
		if x.ID != self && equalFold(x.Phrase, in.Phrase) && equalFold(x.Meaning, in.Meaning) {
			return []*Error{{Code: CodeConflict, Field: "input.phrase", Message: "another search synonym has this phrase and meaning"}}
		}
	}
	return nil
}

// editSynonym writes the synonym, its history and a new catalog version,
// so that no cached search outlives it.
func (c *Curation) editSynonym(ctx context.Context, change Change, before, after *Synonym) (*Synonym, []*Error, error) {
	edit := &CatalogEdit{Change: change, Synonym: after, EntityType: "SearchSynonym", After: record(after)}
	if before != nil {
		edit.Before = record(before)
	}
	if err := c.commit(ctx, edit); err != nil {
		return nil, conflictAsUserError(err, "input.phrase"), userErrorOrNil(err)
	}
	return after, nil, nil
}
