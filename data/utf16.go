package data

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// fromUTF16 decodes data when it begins with a UTF-16 byte-order mark, as
// Excel's "Unicode Text" export does (UTF-16 little-endian, tab-separated),
// and returns the text as UTF-8 without the mark, the name of the
// encoding, and true. Unpaired surrogates become U+FFFD; an odd last byte
// is dropped. Without the mark it returns data, "", false.
func fromUTF16(data []byte) ([]byte, string, bool) {
	var le bool
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		le = true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
	default:
		return data, "", false
	}
	body := data[2:]
	units := make([]uint16, len(body)/2)
	for i := range units {
		a, b := uint16(body[2*i]), uint16(body[2*i+1])
		if le {
			units[i] = a | b<<8
		} else {
			units[i] = a<<8 | b
		}
	}
	out := make([]byte, 0, len(units))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	if le {
		return out, EncodingUTF16LE, true
	}
	return out, EncodingUTF16BE, true
}
