package blobstore

import (
	"path"
	"strings"
	"unicode"
)

const (
	// maxNameLength is the most characters (runes) kept of a declared name.
	maxNameLength = 200
	// maxKeptExt is the longest extension, dot included, that truncation
	// keeps at the end of a name.
	maxKeptExt = 16
	// fallbackName stands in for a declared name with nothing left.
	fallbackName = "upload"
)

// sanitizeName makes a declared file name safe to store and show: invalid
// UTF-8, control characters and invisible formatting characters (such as
// right-to-left overrides that disguise an extension) are removed, only the
// part after the last "/" or "\" is kept, surrounding spaces are trimmed, and
// the result is cut to maxNameLength characters, keeping a short extension.
// A name with nothing left becomes "upload".
func sanitizeName(name string) string {
	name = strings.ToValidUTF8(name, "")
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." {
		return fallbackName
	}
	runes := []rune(name)
	if len(runes) <= maxNameLength {
		return name
	}
	ext := []rune(path.Ext(name))
	if len(ext) > maxKeptExt || len(ext) == len(runes) {
		ext = nil
	}
	stem := strings.TrimSpace(string(runes[:maxNameLength-len(ext)]))
	return stem + string(ext)
}
