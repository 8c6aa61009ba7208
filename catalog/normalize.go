package catalog

import (
	"slices"
	"strings"
	"unicode"
)

// NormalizeText lower-cases s, spells "&" as "and" and "+" as "plus"
// ("A+" and "A plus" are one name), drops apostrophes,
// turns every other non-alphanumeric rune into a space, splits letters
// from digits ("OSHA30" becomes "osha 30") and collapses spaces.
func NormalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	var prev rune
	space := true
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
			continue
		case r == '&' || r == '+':
			if !space {
				b.WriteByte(' ')
			}
			if r == '&' {
				b.WriteString("and ")
			} else {
				b.WriteString("plus ")
			}
			space, prev = true, ' '
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if !space && (unicode.IsDigit(r) != unicode.IsDigit(prev)) {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space, prev = false, r
		default:
			if !space {
				b.WriteByte(' ')
			}
			space, prev = true, ' '
		}
	}
	return strings.TrimSpace(b.String())
}

// WithoutFormatCharacters removes the invisible formatting characters
// (Unicode category Cf: bidirectional overrides and isolates such as
// U+202E, zero-width spaces and joiners, the byte-order mark) from a name,
// as uploaded file names lose them: they could make one name look like
// another, or reverse how the rest of a line reads.
func WithoutFormatCharacters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// ParenthesisedParts returns the text with its parenthesised parts replaced
// by spaces, and those parts.
func ParenthesisedParts(s string) (string, []string) {
	if !strings.Contains(s, "(") {
		return s, nil
	}
	var (
		out   strings.Builder
		parts []string
	)
	for {
		open := strings.IndexByte(s, '(')
		if open < 0 {
			break
		}
		closing := strings.IndexByte(s[open:], ')')
		if closing < 0 {
			break
		}
		out.WriteString(s[:open])
		out.WriteByte(' ')
		parts = append(parts, s[open+1:open+closing])
		s = s[open+closing+1:]
	}
	out.WriteString(s)
	return out.String(), parts
}

// StripParenthesised removes parenthesised parts, such as a trailing acronym.
func StripParenthesised(s string) string {
	out, _ := ParenthesisedParts(s)
	return out
}

// FirstNonEmpty returns the first value that is not empty, or "".
func FirstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// HasControl reports whether s holds a control character.
func HasControl(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) {
			return true
		}
	}
	return false
}

// EqualFold reports whether two names are equal once normalized.
func EqualFold(a, b string) bool { return NormalizeText(a) == NormalizeText(b) }

func SortedUnique[T ~string](in []T) []T {
	out := slices.Clone(in)
	slices.Sort(out)
	return slices.Compact(out)
}
