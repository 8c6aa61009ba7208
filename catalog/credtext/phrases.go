package credtext

import "strings"

// PhraseSet is a list of words and phrases padded with spaces, so that a
// search in padded text finds them as whole words only.
type PhraseSet []string

// Phrases pads the words and phrases for whole-word search.
func Phrases(words ...string) PhraseSet {
	out := make(PhraseSet, len(words))
	for i, w := range words {
		out[i] = " " + w + " "
	}
	return out
}

// HasAny reports whether normalized text contains any of the phrases as
// whole words.
func HasAny(text string, set PhraseSet) bool {
	padded := " " + text + " "
	for _, w := range set {
		if strings.Contains(padded, w) {
			return true
		}
	}
	return false
}

// WordSet returns the single words of the phrases, for leaving them out of matching.
func WordSet(set PhraseSet) map[string]bool {
	out := map[string]bool{}
	for _, p := range set {
		for _, w := range strings.Fields(p) {
			out[w] = true
		}
	}
	return out
}

// TrainingWordSet holds the single words of TrainingWords and
// NotYetEarnedWords, which a text of training, or of a certification not
// yet earned, is matched to the catalog without.
var TrainingWordSet = WordSet(append(append(PhraseSet{}, TrainingWords...), NotYetEarnedWords...))

// RemovePhrases removes the phrases of set from normalized text.
func RemovePhrases(text string, set PhraseSet) string {
	padded := " " + text + " "
	for _, p := range set {
		padded = strings.ReplaceAll(padded, p, " ")
	}
	return strings.Join(strings.Fields(padded), " ")
}
