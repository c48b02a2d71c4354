package data

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NormalizeID returns an id as it is compared: trimmed of spaces and in
// Unicode normal form C, so that "José" typed on a Mac (e + combining
// accent, NFD) and on Windows (é, NFC) is the same id.
func NormalizeID(s string) string { return nfc(strings.TrimSpace(s)) }

// SameID reports whether a and b are the same id once normalised.
func SameID(a, b string) bool { return NormalizeID(a) == NormalizeID(b) }

// nfc returns s in normal form C, without copying when it already is.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// printsLike returns the form of s that a reader sees: invisible
// characters (zero-width spaces and joiners, soft hyphens, byte-order
// marks) dropped, every space a plain space, compatibility forms folded
// (NFKC: "ﬁ" is "fi") and the Cyrillic and Greek letters that look like
// Latin ones replaced by them. Two different strings with the same
// printsLike cannot be told apart on screen.
func printsLike(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cf, r) || r == '\u00AD':
			continue
		case unicode.IsSpace(r):
			r = ' '
		default:
			if l, ok := latinLookAlike[r]; ok {
				r = l
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// latinLookAlike maps Cyrillic and Greek letters to the Latin letters they
// print like.
var latinLookAlike = map[rune]rune{
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd',
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
	'ο': 'o', 'ν': 'v', 'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
}

// codePoints writes s as its code points: U+004A U+006F …
func codePoints(s string) string {
	parts := make([]string, 0, len(s))
	for _, r := range s {
		parts = append(parts, fmt.Sprintf("U+%04X", r))
	}
	return strings.Join(parts, " ")
}

// lookAlikes finds, among known ids, one that prints like an unknown id.
type lookAlikes struct {
	ids   func(yield func(string) bool)
	index map[string]string // printsLike → first id, built on first use
}

// explain returns, for an unknown id that prints like a known one, the
// words telling them apart by their code points; "" otherwise.
func (la *lookAlikes) explain(id string) string {
	if la.index == nil {
		la.index = map[string]string{}
		for k := range la.ids {
			p := printsLike(k)
			if _, ok := la.index[p]; !ok {
				la.index[p] = k
			}
		}
	}
	known, ok := la.index[printsLike(id)]
	if !ok || known == id {
		return ""
	}
	return fmt.Sprintf(" (it prints like the id %q but is another string: %s here, %s there)", known, codePoints(id), codePoints(known))
}
