package catalog

// Limits of a synonym's texts.
const (
	// MaxSynonymText is the most characters of a synonym's phrase or meaning.
	MaxSynonymText = 100
	// MaxSynonymWords is the most words of a synonym's phrase or meaning.
	MaxSynonymWords = 6
)

// Synonym says that a phrase candidates type means words the catalog
// uses: a search for the phrase ("hydraulics", "forklift", "ASCM") also
// finds the entries named with its meaning ("fluid power", "powered
// industrial truck", "APICS"). Synonyms are catalog data: seeded, edited
// by staff with history, and every change moves the catalog version.
type Synonym struct {
	// ID is the storage identity.
	ID int64
	// Key is the stable key the seed knows it by.
	Key string
	// Phrase is what a candidate types.
	Phrase string
	// Meaning is the words of the catalog it stands for.
	Meaning string
	// Removed says staff removed it; it is kept so that the seed does not
	// bring it back, and searches ignore it.
	Removed bool
}

// Synonyms returns the synonyms in force, by phrase.
func (s *Snapshot) Synonyms() []*Synonym {
	out := make([]*Synonym, 0, len(s.synonyms))
	for _, x := range s.synonyms {
		if !x.Removed {
			out = append(out, x)
		}
	}
	return out
}

// Synonym returns the synonym in force with the given ID, or nil.
func (s *Snapshot) Synonym(id int64) *Synonym {
	for _, x := range s.synonyms {
		if x.ID == id && !x.Removed {
			return x
		}
	}
	return nil
}
