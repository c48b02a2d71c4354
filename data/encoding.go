package data

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Encodings that [DetectEncoding] names.
const (
	EncodingUTF8        = "UTF-8"
	EncodingUTF8BOM     = "UTF-8 with byte-order mark"
	EncodingWindows1252 = "Windows-1252"
	EncodingUTF16LE     = "UTF-16 little-endian with byte-order mark"
	EncodingUTF16BE     = "UTF-16 big-endian with byte-order mark"
)

// utf8BOM is the UTF-8 byte-order mark.
var utf8BOM = []byte("\xEF\xBB\xBF")

// DetectEncoding names the encoding the bytes of a CSV file are read in:
// UTF-8 (with or without byte-order mark) when they are valid UTF-8;
// Windows-1252 when they hold no valid UTF-8 multi-byte sequence and at
// least one byte invalid in UTF-8 (a file with both is UTF-8 with invalid
// bytes, an error); UTF-16 little- or big-endian when they begin with its
// byte-order mark. It returns "" for bytes read in no encoding (UTF-8 with
// invalid bytes) or recognised elsewhere (workbooks).
func DetectEncoding(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return EncodingUTF16LE
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return EncodingUTF16BE
	case bytes.HasPrefix(b, utf8BOM):
		if utf8.Valid(b[3:]) {
			return EncodingUTF8BOM
		}
		return ""
	case utf8.Valid(b):
		return EncodingUTF8
	case hasMultiByte(b):
		return ""
	}
	return EncodingWindows1252
}

// hasMultiByte reports whether b holds at least one valid UTF-8 sequence
// of more than one byte.
func hasMultiByte(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			return true
		}
		i++
	}
	return false
}

// maxEncodingProblems caps the invalid bytes reported one by one.
const maxEncodingProblems = 20

// reportInvalidUTF8 reports to c every run of bytes of b from offset start
// on that is not valid UTF-8, at its line and column (up to a cap, then
// one problem counting the rest).
func reportInvalidUTF8(c *collector, b []byte, start int) {
	hint := "the rest of the file is UTF-8: retype the character there, or save the file again as CSV UTF-8"
	reported, more := 0, 0
	for i := start; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		if r, size := utf8.DecodeRune(b[i:]); r != utf8.RuneError || size > 1 {
			i += size
			continue
		}
		j := i + 1
		for j < len(b) && b[j] >= utf8.RuneSelf {
			if r, size := utf8.DecodeRune(b[j:]); r != utf8.RuneError || size > 1 {
				break
			}
			j++
		}
		if reported == maxEncodingProblems {
			more++
		} else {
			reported++
			c.add(physicalLine(b, i), fieldColumn(b, i), invalidBytesMsg(b[i:j]), hint)
		}
		i = j
	}
	if more > 0 {
		c.add(physicalLine(b, len(b)-1), 1, fmt.Sprintf("%d more places with bytes that are not valid UTF-8", more), hint)
	}
}

func invalidBytesMsg(run []byte) string {
	hex := make([]string, len(run))
	for k, x := range run {
		hex[k] = fmt.Sprintf("0x%02X", x)
	}
	if len(run) == 1 {
		return "unreadable encoding: byte " + hex[0] + " is not valid UTF-8"
	}
	return "unreadable encoding: bytes " + strings.Join(hex, " ") + " are not valid UTF-8"
}

// checkLoneCR reports every carriage return of b outside quotes that is
// not followed by a line feed, in a file whose lines end with LF: such a
// CR ends a line for some programs and not for others, so the rows around
// it cannot be trusted. lineOffset is added to line numbers. It returns
// whether there was none.
func checkLoneCR(b []byte, lineOffset int, c *collector) bool {
	quoted, n := false, 0
	for i, ch := range b {
		switch {
		case ch == '"':
			quoted = !quoted
		case ch == '\r' && !quoted && (i+1 == len(b) || b[i+1] != '\n'):
			n++
			if n <= maxEncodingProblems {
				c.add(physicalLine(b, i)+lineOffset, fieldColumn(b, i),
					"line ending: a lone carriage return (CR) ends a line here, while the other lines end with a line feed (LF)",
					"save the file again so that every line ends the same way (CRLF or LF), or put the cell in quotes if the CR belongs to it")
			}
		}
	}
	return n == 0
}
