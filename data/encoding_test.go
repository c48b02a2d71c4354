package data

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const hintInvalidUTF8 = " (the rest of the file is UTF-8: retype the character there, or save the file again as CSV UTF-8)"

// TestInvalidUTF8IsAnError: a UTF-8 file with one invalid byte is not
// re-read as Windows-1252 (which would turn every "é" into "Ã©"): the
// invalid byte is an error at its own line and column, never at the line
// of a valid letter.
func TestInvalidUTF8IsAnError(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{"one invalid byte among valid letters", "id,name\n1,Hélène\n2,Ann\n3,Bo\xe9\n4,Łukasz\n", []string{
			"people.csv:4:2: unreadable encoding: byte 0xE9 is not valid UTF-8" + hintInvalidUTF8}},
		{"valid letter on an earlier line", "id,name,team\n1,Łukasz,A\n2,Ann,B\xff\xfe\n", []string{
			"people.csv:3:3: unreadable encoding: bytes 0xFF 0xFE are not valid UTF-8" + hintInvalidUTF8}},
		{"a truncated sequence", "id,name\n1,Zoë\n2,\xe2\x82\n", []string{
			"people.csv:3:2: unreadable encoding: bytes 0xE2 0x82 are not valid UTF-8" + hintInvalidUTF8}},
		{"with a byte-order mark", "\xef\xbb\xbfid,name\n1,Ann\n2,B\xe9b\n", []string{
			"people.csv:3:2: unreadable encoding: byte 0xE9 is not valid UTF-8" + hintInvalidUTF8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemLines(t, Inputs{People: src("people.csv", tt.data)}, ReadOptions{})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("capped", func(t *testing.T) {
		text := "id,name\n1,Zoë\n" + strings.Repeat("2,B\xe9b\n", 30)
		got := problemLines(t, Inputs{People: src("people.csv", text)}, ReadOptions{})
		if len(got) != maxEncodingProblems+1 || got[maxEncodingProblems] != "people.csv:32:1: 10 more places with bytes that are not valid UTF-8"+hintInvalidUTF8 {
			t.Errorf("problems %q", got)
		}
	})
}

func TestDetectEncoding(t *testing.T) {
	for _, tt := range []struct{ data, want string }{
		{"id,name\n1,Ann\n", EncodingUTF8},
		{"id,name\n1,Hélène\n", EncodingUTF8},
		{"\xef\xbb\xbfid,name\n", EncodingUTF8BOM},
		{"id;nom\n1;H\xe9l\xe8ne\n", EncodingWindows1252},
		{"id;nom\n1;H\xe9l\xe8ne \xc5\x81ukasz\n", ""}, // a valid Ł: damaged UTF-8
		{"\xef\xbb\xbfid,name\n1,B\xe9\n", ""},
		{"\xff\xfei\x00d\x00\n\x00", EncodingUTF16LE},
		{"\xfe\xff\x00i\x00d\x00\n", EncodingUTF16BE},
	} {
		if got := DetectEncoding([]byte(tt.data)); got != tt.want {
			t.Errorf("DetectEncoding(%q) = %q, want %q", tt.data, got, tt.want)
		}
	}
}

// TestLoneCR: a carriage return alone in a file of LF lines is a problem of
// line endings at its place, not a count of commas; inside quotes it is
// text.
func TestLoneCR(t *testing.T) {
	got := problemLines(t, Inputs{People: src("people.csv", "id,name\n1,Ann\r2,Bob\n3,Cy\n")}, ReadOptions{})
	want := []string{"people.csv:2:2: line ending: a lone carriage return (CR) ends a line here, while the other lines end with a line feed (LF) (save the file again so that every line ends the same way (CRLF or LF), or put the cell in quotes if the CR belongs to it)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
	ds := mustLoad(t, Inputs{People: src("people.csv", "id,name\r\n1,\"Ann\rLee\"\r\n")}, ReadOptions{})
	if ds.People[0].Name != "Ann\rLee" {
		t.Errorf("name %q", ds.People[0].Name)
	}
}
