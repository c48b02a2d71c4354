package data

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNormalizeLanguage is the table of languages written as people write
// them: codes with or without region, three-letter codes, and names in the
// seven languages, in any case, with or without accents.
func TestNormalizeLanguage(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"fr", "fr"}, {"FR", "fr"}, {"fr-FR", "fr"}, {"fr_CA", "fr"}, {"fra", "fr"}, {"fre", "fr"},
		{"Français", "fr"}, {"francais", "fr"}, {"french", "fr"}, {"FRENCH", "fr"}, {"Französisch", "fr"},
		{"francés", "fr"}, {"francese", "fr"}, {"francês", "fr"}, {"Frans", "fr"},
		{"anglais", "en"}, {"Englisch", "en"}, {"English (US)", "en"}, {"en-GB", "en"}, {"inglés", "en"}, {"Engels", "en"},
		{"Deutsch", "de"}, {"allemand", "de"}, {"alemán", "de"}, {"tedesco", "de"}, {"alemão", "de"}, {"Duits", "de"}, {"ger", "de"},
		{"español", "es"}, {"Espagnol", "es"}, {"Spanisch", "es"}, {"castellano", "es"}, {"spagnolo", "es"}, {"Spaans", "es"},
		{"italien", "it"}, {"Italienisch", "it"}, {"italiano", "it"}, {"Italiaans", "it"},
		{"portugais", "pt"}, {"Portugiesisch", "pt"}, {"português", "pt"}, {"pt-BR", "pt"}, {"Portugees", "pt"},
		{"néerlandais", "nl"}, {"Niederländisch", "nl"}, {"neerlandés", "nl"}, {"olandese", "nl"}, {"Nederlands", "nl"}, {"flamand", "nl"},
		{"chinois", "zh"}, {"zh-Hant", "zh"}, {"Mandarin", "zh"}, {"japonais", "ja"}, {"arabe", "ar"}, {"russe", "ru"},
		{"polonais", "pl"}, {"Türkisch", "tr"}, {"suédois", "sv"}, {"  Catalan ", "ca"},
		{"pa", "pa"}, {"PA-IN", "pa"}, {"yo", "yo"}, {"nb", "no"}, {"nn-NO", "no"}, {"Bokmål", "no"},
	} {
		if got, ok := NormalizeLanguage(tt.in); !ok || got != tt.want {
			t.Errorf("NormalizeLanguage(%q) = %q, %v; want %q, true", tt.in, got, ok, tt.want)
		}
	}
	for _, in := range []string{"Klingon", "Elvish", "xx", "f", "fr fr", "français canadien"} {
		if got, ok := NormalizeLanguage(in); ok {
			t.Errorf("NormalizeLanguage(%q) = %q, want unknown", in, got)
		}
	}
}

// TestLanguageNamesUnambiguous checks that no name or code stands for two
// languages, and that every code has two letters.
func TestLanguageNamesUnambiguous(t *testing.T) {
	seen := map[string]string{}
	iso := strings.Fields(isoCodes)
	for _, l := range languageNames {
		if !slices.Contains(iso, l.code) {
			t.Errorf("code %q is not in isoCodes", l.code)
		}
		for _, n := range append([]string{l.code}, l.names...) {
			if n != foldLanguage(n) {
				t.Errorf("%s: name %q is not folded (%q)", l.code, n, foldLanguage(n))
			}
			if c, ok := seen[n]; ok && c != l.code {
				t.Errorf("%q is both %s and %s", n, c, l.code)
			}
			seen[n] = l.code
		}
	}
	if !slices.IsSorted(LanguageCodes()) || len(LanguageCodes()) != len(languageNames) {
		t.Errorf("codes: %v", LanguageCodes())
	}
}

// TestLanguagesCell reads the separators and reports unknown languages as
// warnings at their cell, without failing the load; matching then sees the
// same codes for the same languages however they were written.
func TestLanguagesCell(t *testing.T) {
	ds, notes, err := Load(Inputs{
		People:  src("people.csv", "id,name,languages\n1,Ann,Français|Anglais\n2,Bob,\"French, English\"\n3,Cleo,fr-FR;en-GB / Klingon\n4,Dan,\n"),
		Mentors: src("mentors.csv", "person_id,languages\n1,Englisch/Deutsch\n"),
	}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"fr", "en"}, {"fr", "en"}, {"fr", "en", "klingon"}, nil}
	for i, w := range want {
		if diff := cmp.Diff(w, ds.People[i].Languages); diff != "" {
			t.Errorf("person %d languages (-want +got):\n%s", i+1, diff)
		}
	}
	if diff := cmp.Diff([]string{"en", "de"}, ds.Mentors[0].Languages); diff != "" {
		t.Errorf("mentor languages (-want +got):\n%s", diff)
	}
	wantWarn := []string{`people.csv:4:3: warning: languages "Klingon" is not a language stretchmatch knows; compared as written (write an ISO 639-1 code such as fr or en, or the language's name in English, French, German, Spanish, Italian, Portuguese or Dutch)`}
	if diff := cmp.Diff(wantWarn, notes.Warnings()); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

// FuzzLanguagesCell checks that reading a languages cell never panics and
// gives codes with no repeats.
func FuzzLanguagesCell(f *testing.F) {
	for _, s := range []string{"fr|en", "Français, Anglais", "fr-FR;en-GB / Klingon", "English (US)", "", "||,;", "zh-Hant"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var c langCell
		_ = c.UnmarshalCSV(s)
		for i, v := range c.v {
			if slices.Contains(c.v[:i], v) {
				t.Fatalf("%q: repeated %q in %q", s, v, c.v)
			}
		}
		_, _ = c.warning()
	})
}

// readmeLanguageRow is the README's line for one language: its code and
// every name and three-letter code accepted for it.
func readmeLanguageRow(code string, names []string) string {
	var uniq []string
	for _, n := range names {
		if !slices.Contains(uniq, n) {
			uniq = append(uniq, n)
		}
	}
	return "| `" + code + "` | " + strings.Join(uniq, ", ") + " |"
}

// TestReadmeListsLanguages checks that the README lists every language
// known by name with all its accepted names.
func TestReadmeListsLanguages(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range languageNames {
		if row := readmeLanguageRow(l.code, l.names); !strings.Contains(string(b), row) {
			t.Errorf("README.md lacks the row:\n%s", row)
		}
	}
}
