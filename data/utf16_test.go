package data

import (
	"bytes"
	"encoding/csv"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// unicodeText re-saves a CSV source as Excel's "Unicode Text" does:
// tab-separated, CRLF, UTF-16 with a byte-order mark, little- or
// big-endian.
func unicodeText(t *testing.T, s *Source, bigEndian bool) *Source {
	t.Helper()
	if s == nil {
		return nil
	}
	recs, err := csv.NewReader(bytes.NewReader(s.Data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", s.Name, err)
	}
	var text bytes.Buffer
	w := csv.NewWriter(&text)
	w.Comma, w.UseCRLF = '\t', true
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(text.String())) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return &Source{Name: s.Name, Data: out}
}

// TestUTF16TwinOfTheSample loads the embedded sample and its twin saved as
// Excel's "Unicode Text" (UTF-16 LE and BE with a byte-order mark,
// tab-separated, CRLF) and checks that they give the same dataset.
func TestUTF16TwinOfTheSample(t *testing.T) {
	in, err := SampleInputs()
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := Load(in, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, be := range []bool{false, true} {
		twin := Inputs{
			People: unicodeText(t, in.People, be), Positions: unicodeText(t, in.Positions, be),
			Moves: unicodeText(t, in.Moves, be), Mentors: unicodeText(t, in.Mentors, be),
			Mentees: unicodeText(t, in.Mentees, be), History: unicodeText(t, in.History, be),
		}
		if bytes.Equal(twin.People.Data[:4], in.People.Data[:4]) {
			t.Fatal("the twin is not re-encoded")
		}
		got, notes, err := Load(twin, ReadOptions{})
		if err != nil {
			t.Fatalf("big-endian %v: %v", be, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("big-endian %v: datasets differ (-UTF-8 +UTF-16):\n%s", be, diff)
		}
		note := "sample/people.csv: encoding UTF-16 little-endian with byte-order mark; delimiter tab detected from the header line"
		if be {
			note = "sample/people.csv: encoding UTF-16 big-endian with byte-order mark; delimiter tab detected from the header line"
		}
		if notes[0] != note {
			t.Errorf("note %q, want %q", notes[0], note)
		}
	}
}

// TestFromUTF16 checks unpaired surrogates, an odd last byte and text
// without a byte-order mark.
func TestFromUTF16(t *testing.T) {
	got, _, ok := fromUTF16([]byte{0xFF, 0xFE, 'a', 0, 0x00, 0xD8, 'b', 0, 'c'})
	if !ok || string(got) != "a\uFFFDb" {
		t.Errorf("got %q, %v", got, ok)
	}
	if got, _, ok := fromUTF16([]byte("abc")); ok || string(got) != "abc" {
		t.Errorf("no mark: %q, %v", got, ok)
	}
}

// FuzzLoadUTF16 loads people.csv files that begin with a UTF-16 mark:
// Load must never panic, and a file it reads must hold valid UTF-8.
func FuzzLoadUTF16(f *testing.F) {
	f.Add([]byte("i\x00d\x00\t\x00n\x00a\x00m\x00e\x00\n\x001\x00\t\x00A\x00\n\x00"), false)
	f.Add([]byte("\x00i\x00d\x00,\x00n\x00a\x00m\x00e\x00\n\x002\x00,\x00B"), true)
	f.Add([]byte{0x00, 0xD8, 'x'}, false)
	f.Fuzz(func(t *testing.T, body []byte, bigEndian bool) {
		mark := []byte{0xFF, 0xFE}
		if bigEndian {
			mark = []byte{0xFE, 0xFF}
		}
		ds, _, err := Load(Inputs{People: &Source{Name: "people.csv", Data: append(mark, body...)}}, ReadOptions{})
		if err != nil {
			return
		}
		for _, p := range ds.People {
			if !utf8.ValidString(p.ID) || !utf8.ValidString(p.Name) {
				t.Fatalf("invalid UTF-8 in %+v", p)
			}
		}
	})
}
