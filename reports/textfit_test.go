package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func fitFixture() *Table {
	t := &Table{Name: "t", Columns: []Column{
		{Key: "move_id", Label: "Move"},
		{Key: "person_name", Label: "Person"},
		{Key: "challenge", Label: "Challenge", Kind: Number},
		{Key: "reasons", Label: "Reasons"},
	}}
	t.Add("M-000123456789", "Marie-Ève Lévesque-Tremblay de la Fontaine", "52.4",
		"take-charge leadership required (+7.7, rated); abrupt leap into new tasks (+7.7, derived); new conditions of exercise (+7.7, derived); failure possible and visible (+5.8, rated)")
	t.Add("M2", "Zoé", "-3.25", "short")
	return t
}

// TestWriteTextWidthFits checks that a table fits the width: long text is
// wrapped and cut with "…", ids and numbers are whole.
func TestWriteTextWidthFits(t *testing.T) {
	for _, width := range []int{60, 80, 100} {
		var b bytes.Buffer
		if err := WriteTextWidth(&b, fitFixture(), width); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			if w := runewidth.StringWidth(line); w > width {
				t.Errorf("width %d: line of %d cells: %s", width, w, line)
			}
		}
		for _, whole := range []string{"M-000123456789", "52.4", "-3.25", "M2", "short"} {
			if !strings.Contains(out, whole) {
				t.Errorf("width %d: %q was cut:\n%s", width, whole, out)
			}
		}
		if !strings.Contains(out, "…") {
			t.Errorf("width %d: the long reasons were not cut:\n%s", width, out)
		}
	}
	// No limit: one line per row, nothing cut.
	var b bytes.Buffer
	if err := WriteTextWidth(&b, fitFixture(), 0); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "…") || !strings.Contains(b.String(), "failure possible and visible (+5.8, rated)") {
		t.Errorf("no limit:\n%s", b.String())
	}
	if n := strings.Count(b.String(), "\n"); n != 6 {
		t.Errorf("no limit: %d lines, want 6:\n%s", n, b.String())
	}
}

// TestWrapCell is the table of wrapping and cutting.
func TestWrapCell(t *testing.T) {
	for _, tt := range []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two\nthree four"},
		{"abcdefghijklmnop", 10, "abcdefghij\nklmnop"},
		{"a b c d e f g h i j k l m n o p q r s t u v w x y z", 10, "a b c d e\nf g h i j\nk l m n o…"},
		{"café crème brûlée à la carte des vins", 10, "café crème\nbrûlée à\nla carte …"},
	} {
		if got := wrapCell(tt.in, tt.width); got != tt.want {
			t.Errorf("wrapCell(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

// TestVisibleControls checks that no control character reaches the
// terminal: ESC, BEL, NUL, DEL, C1 controls and bidirectional overrides
// become escapes.
func TestVisibleControls(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain é", "plain é"},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"bell\a", `bell\x07`},
		{"a\tb\nc\rd", `a\tb\nc\rd`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"c1\u009b", `c1\u009B`},
		{"evil\u202Egnp.exe", `evil\u202Egnp.exe`},
		{"iso\u2066x\u2069", `iso\u2066x\u2069`},
	} {
		if got := VisibleControls(tt.in); got != tt.want {
			t.Errorf("VisibleControls(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	tb := &Table{Name: "t", Columns: []Column{{Key: "name", Label: "Name\x1b]0;x\a"}}}
	tb.Add("\x1b[2J\x1b[Hgone")
	var b bytes.Buffer
	if err := WriteTextWidth(&b, tb, 0); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\a") {
		t.Errorf("raw control characters in %q", b.String())
	}
	if !strings.Contains(b.String(), `\x1b[2J\x1b[Hgone`) {
		t.Errorf("escapes missing: %s", b.String())
	}
}
