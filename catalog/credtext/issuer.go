package credtext

import (
	"slices"
	"strings"

	"github.com/mssc/recert/catalog"
)

// IssuerMentioned reports whether the entry's data name the issuer, as a
// word or words of its note, description, aliases, or its body's
// description or other names: a body it is administered by or certified
// through ("SMRP" of the CMRT, "CMAA" of CMCI's CCM).
func IssuerMentioned(entry *catalog.Certification, issuer string) bool {
	name := catalog.NormalizeText(issuer)
	if name == "" {
		return false
	}
	texts := []string{entry.Note, entry.Description}
	for _, a := range entry.Aliases {
		texts = append(texts, a.Value)
	}
	if o := entry.Organization; o != nil {
		texts = append(append(texts, o.Description), o.OtherNames...)
	}
	for _, t := range texts {
		if strings.Contains(" "+catalog.NormalizeText(t)+" ", " "+name+" ") {
			return true
		}
	}
	return false
}

// ShortenedName reports whether normalized text is the normalized name
// with some of its words cut short, word for word, stop words aside: each
// word of the text is the name's word or, of three letters or more, its
// beginning ("amer welding soc" of "american welding society").
func ShortenedName(text, name string) bool {
	content := func(s string) []string {
		return slices.DeleteFunc(strings.Fields(s), func(w string) bool { return catalog.StopWords[w] })
	}
	have, want := content(text), content(name)
	if len(want) < 2 || len(have) != len(want) {
		return false
	}
	for i, w := range have {
		if w != want[i] && (len(w) < 3 || !strings.HasPrefix(want[i], w)) {
			return false
		}
	}
	return true
}
