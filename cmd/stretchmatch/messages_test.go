package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/reports"
)

// verbs lists the fmt verbs of a format, in order.
func verbs(format string) []string {
	return regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`).FindAllString(format, -1)
}

// TestMessageCatalog walks every entry of the catalog: both languages have
// the same verbs in the same order, the French is not the English (but for
// units), every "[one|many]" is well formed and follows a count, and each
// entry prints in both languages for 0, 1 and 2 without a mark left.
func TestMessageCatalog(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range messageList {
		if seen[m.en] {
			t.Errorf("%q is twice in the catalog", m.en)
		}
		seen[m.en] = true
		if strings.Join(verbs(m.en), " ") != strings.Join(verbs(m.fr), " ") {
			t.Errorf("%q and %q have different verbs", m.en, m.fr)
		}
		if m.en == m.fr && m.en != "%.1f s" {
			t.Errorf("%q is not translated", m.en)
		}
		for _, f := range []string{m.en, m.fr} {
			if strings.Count(f, "[") != strings.Count(f, "]") || strings.Count(f, "[") != strings.Count(f, "|") {
				t.Errorf("%q: badly formed plural", f)
			}
			if i := strings.Index(f, "["); i >= 0 && !strings.Contains(f[:i], "%d") {
				t.Errorf("%q: a plural before any count", f)
			}
		}
		for _, n := range []int{0, 1, 2} {
			args := make([]any, len(verbs(m.en)))
			for i, v := range verbs(m.en) {
				switch v[len(v)-1] {
				case 'd':
					args[i] = n
				case 'f':
					args[i] = 1.5
				default:
					args[i] = "x"
				}
			}
			for _, lang := range []reports.Lang{reports.EN, reports.FR} {
				got := say(lang, m.en, args...)
				if strings.ContainsAny(got, "[]|\x00") || strings.Contains(got, "%!") {
					t.Errorf("%s %q with %d: %q", lang, m.en, n, got)
				}
			}
		}
	}
	// The plural rules of each language.
	for _, tt := range []struct {
		lang reports.Lang
		n    int
		want string
	}{
		{reports.EN, 0, "0 pairs (0 kept), 0 mentees unmatched, 0 earlier pairs broken"},
		{reports.EN, 1, "1 pair (1 kept), 1 mentee unmatched, 1 earlier pair broken"},
		{reports.FR, 0, "0 binôme (0 maintenu), 0 mentoré sans mentor, 0 binôme antérieur rompu"},
		{reports.FR, 1, "1 binôme (1 maintenu), 1 mentoré sans mentor, 1 binôme antérieur rompu"},
		{reports.FR, 2, "2 binômes (2 maintenus), 2 mentorés sans mentor, 2 binômes antérieurs rompus"},
	} {
		got := say(tt.lang, "%d [pair|pairs] (%d kept), %d [mentee|mentees] unmatched, %d earlier [pair|pairs] broken", tt.n, tt.n, tt.n, tt.n)
		if got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

// TestEveryMessageIsInTheCatalog reads the command files and checks that
// every text given to say or to a progress stage is in the catalog, so
// that none is left in English under --lang fr.
func TestEveryMessageIsInTheCatalog(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`(?:say\([a-zA-Z.]+, |\.stage\(|usageErrorf\()"((?:[^"\\]|\\.)*)"`)
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			found++
			en := strings.ReplaceAll(m[1], `\"`, `"`)
			if _, ok := messages[en]; !ok {
				t.Errorf("%s: %q is not in the message catalog", f, en)
			}
		}
	}
	if found < 15 {
		t.Errorf("only %d messages found in the source", found)
	}
}
