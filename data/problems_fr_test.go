package data

import (
	"strings"
	"testing"
)

// TestFrenchCatalog walks every entry of the French catalog of messages
// and hints: its example matches it (and no entry before it), and the
// French differs from the English and holds no pattern syntax.
func TestFrenchCatalog(t *testing.T) {
	for name, entries := range map[string][]frenchEntry{"messages": frenchMessages, "hints": frenchHints} {
		for i, e := range entries {
			if !e.re.MatchString(e.example) {
				t.Errorf("%s: example %q does not match %q", name, e.example, e.en)
				continue
			}
			for _, before := range entries[:i] {
				if before.re.MatchString(e.example) {
					t.Errorf("%s: example %q is taken by the earlier %q", name, e.example, before.en)
				}
			}
			got, ok := translate(entries, e.example)
			if !ok || got == e.example || strings.ContainsAny(got, "$\\") && !strings.Contains(e.example, "\\") {
				t.Errorf("%s: %q gives %q", name, e.example, got)
			}
		}
	}
}

// TestProblemsInFrench loads bad files and checks that every message and
// hint comes out in French, with the values of the data kept.
func TestProblemsInFrench(t *testing.T) {
	_, notes, err := Load(Inputs{
		People: src("people.csv", "id,name,manager_id,grade,country,languages\n1,Ann,,B,FR,fr\n1,Bob,9,3,XX,Klingon\n3,Cleo,3,,FR,\n"),
		Moves:  src("moves.csv", "person_id,position_id,pressure\n1,P1,high\n3,P1,6\n"),
	}, ReadOptions{})
	ps, ok := err.(Problems)
	if !ok || len(ps) < 6 {
		t.Fatalf("problems: %v", err)
	}
	english := []string{" is ", " not ", "write ", "give ", "first used", "the id of", " or "}
	for _, p := range ps {
		fr := p.Localized("fr")
		if fr == p.String() {
			t.Errorf("not translated: %s", fr)
		}
		for _, w := range english {
			if strings.Contains(strings.TrimPrefix(fr, p.File), w) {
				t.Errorf("English %q left in %s", w, fr)
			}
		}
		if p.Localized("en") != p.String() {
			t.Errorf("English changed: %s", p.Localized("en"))
		}
	}
	want := `people.csv:2:4: grade "B" n'est pas un nombre entier (écrivez un nombre entier, plus élevé pour plus d'ancienneté, ou laissez la cellule vide)`
	found := false
	for _, p := range ps {
		found = found || p.Localized("fr") == want
	}
	if !found {
		t.Errorf("no %s in:\n%s", want, ps.Error())
	}
	w := notes.Warnings()
	if len(w) != 1 || LocalizedNote(w[0], "fr") != `people.csv:3:6: avertissement : langues "Klingon" inconnues de stretchmatch ; comparées telles qu'écrites (écrivez un code ISO 639-1 comme fr ou en, ou le nom de la langue en français, anglais, allemand, espagnol, italien, portugais ou néerlandais)` {
		t.Errorf("warning: %q → %q", w, LocalizedNote(w[0], "fr"))
	}
}
