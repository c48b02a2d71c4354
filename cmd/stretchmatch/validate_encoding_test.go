package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"
)

// utf16File encodes text as UTF-16 with its byte-order mark, as Excel's
// "Unicode Text" export writes it.
func utf16File(text string, littleEndian bool) []byte {
	units := utf16.Encode([]rune(text))
	out := []byte{0xFE, 0xFF}
	if littleEndian {
		out = []byte{0xFF, 0xFE}
	}
	for _, u := range units {
		if littleEndian {
			out = append(out, byte(u), byte(u>>8))
		} else {
			out = append(out, byte(u>>8), byte(u))
		}
	}
	return out
}

// TestValidateSaysEveryEncoding: validate names the encoding of every
// file it did not read as UTF-8 — Windows-1252, UTF-16 little-endian and
// big-endian — in English and in French, and says nothing of UTF-8 files.
func TestValidateSaysEveryEncoding(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	people := write("people.csv", utf16File("id\tname\tmanager_id\n1\tHélène\t\n2\tBo\t1\n", true))
	positions := write("positions.csv", utf16File("position_id,title\nP1,Chef\n", false))
	moves := write("moves.csv", []byte("move_id;person_id;position_id\nM1;2;P1\n"))
	history := write("history.csv", []byte("mentee_id,mentor_id,status,note\n2,1,ended,\xabfini\xbb\n"))
	for _, tt := range []struct {
		lang, want string
	}{
		{"en", people + ": read as UTF-16 little-endian with byte-order mark, not UTF-8\n" +
			positions + ": read as UTF-16 big-endian with byte-order mark, not UTF-8\n" +
			history + ": read as Windows-1252, not UTF-8\n"},
		{"fr", people + " : lu en UTF-16 petit-boutiste avec marque d'ordre des octets, pas en UTF-8\n" +
			positions + " : lu en UTF-16 gros-boutiste avec marque d'ordre des octets, pas en UTF-8\n" +
			history + " : lu en Windows-1252, pas en UTF-8\n"},
	} {
		var out, errOut bytes.Buffer
		if code := Run([]string{"validate", dir, "--lang", tt.lang, "--format", "csv"}, nil, &out, &errOut); code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.lang, code, errOut.String())
		}
		got := errOut.String()
		if i := bytes.LastIndexByte([]byte(got[:len(got)-1]), '\n'); i < 0 || got[:i+1] != tt.want {
			t.Errorf("%s: stderr\n%s\nwant the lines\n%s", tt.lang, got, tt.want)
		}
		if bytes.Contains(errOut.Bytes(), []byte(moves)) {
			t.Errorf("%s: the UTF-8 file %s is named: %s", tt.lang, moves, got)
		}
	}
}
