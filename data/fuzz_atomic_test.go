package data

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDetectEncoding checks that the encoding DetectEncoding names is the
// one Load reads in: bytes it calls UTF-8 or Windows-1252 never give an
// encoding problem about UTF-8, and damaged UTF-8 always does, at a line
// of the file.
func FuzzDetectEncoding(f *testing.F) {
	for _, s := range []string{
		"id,name\n1,Hélène\n", "id;nom\n1;H\xe9l\xe8ne\n", "id,name\n1,\xc5\x81ukasz\n2,B\xe9\n",
		"\xef\xbb\xbfid,name\n1,B\xe9\n", "id,name\r\n1,A\rB\r\n", "id,name\n1,\xe2\x82\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		enc := DetectEncoding(b)
		_, _, err := Load(Inputs{People: &Source{Name: "people.csv", Data: b}}, ReadOptions{})
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		damaged := strings.Contains(msg, "not valid UTF-8")
		switch enc {
		case EncodingUTF8, EncodingUTF8BOM, EncodingWindows1252:
			if damaged {
				t.Fatalf("%q detected as %s, yet: %s", b, enc, msg)
			}
		case "":
			if !damaged && utf8.Valid(b) {
				t.Fatalf("%q is valid UTF-8 but detected as nothing", b)
			}
		}
		if enc == "" && !damaged && !strings.Contains(msg, "unreadable encoding") && !strings.Contains(msg, "empty") {
			t.Fatalf("%q: no encoding and no encoding problem: %s", b, msg)
		}
	})
}

// FuzzPrintsLike checks that printsLike never panics, is stable, and
// keeps strings that already print plainly.
func FuzzPrintsLike(f *testing.F) {
	for _, s := range []string{"José", "Jose\u0301", "J\u043esé", "An\u200bn", "ﬁle", "a\u00a0b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := printsLike(s)
		if q := printsLike(p); q != p {
			t.Fatalf("printsLike not stable on %q: %q then %q", s, p, q)
		}
		if codePoints(s) == "" && s != "" {
			t.Fatalf("no code points for %q", s)
		}
	})
}
