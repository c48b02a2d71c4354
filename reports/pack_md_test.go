package reports

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// updateGoldens rewrites the golden files of the package's tests instead of
// comparing with them: go test ./reports -update
var updateGoldens = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkGolden compares got with testdata/name, or rewrites the file under
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGoldens {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", name, diff)
	}
}

func TestWritePackMarkdownGolden(t *testing.T) {
	for _, lang := range []Lang{EN, FR} {
		t.Run(string(lang), func(t *testing.T) {
			var first, second bytes.Buffer
			if err := WritePackMarkdown(&first, smallPack(lang)); err != nil {
				t.Fatal(err)
			}
			if err := WritePackMarkdown(&second, smallPack(lang)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Error("two writes of the same pack differ")
			}
			checkGolden(t, "pack_"+string(lang)+".md.golden", first.Bytes())
		})
	}
}

func TestWritePackMarkdownEmptyPack(t *testing.T) {
	var b bytes.Buffer
	if err := WritePackMarkdown(&b, &Pack{Title: "Nothing yet"}); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "# Nothing yet\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPackWritersPanicOnShortRow(t *testing.T) {
	writers := []struct {
		name  string
		write func(io.Writer, *Pack) error
	}{{"markdown", WritePackMarkdown}, {"html", WritePackHTML}, {"xlsx", WritePackXLSX}}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			tbl := &Table{Name: "bad", Columns: []Column{{Key: "a"}, {Key: "b"}}, Rows: [][]string{{"only one"}}}
			var out bytes.Buffer
			defer func() {
				if recover() == nil {
					t.Error("a row with a missing cell did not panic")
				}
				if out.Len() > 0 {
					t.Errorf("%d bytes written before the panic", out.Len())
				}
			}()
			_ = w.write(&out, &Pack{Sections: []Section{{Tables: []*Table{tbl}}}})
		})
	}
}

func TestSluggerMatchesGitHubAnchors(t *testing.T) {
	var g slugger
	for _, c := range []struct{ heading, want string }{
		{"Summary", "summary"},
		{"Mouvements évalués", "mouvements-évalués"},
		{"Summary", "summary-1"},
		{"Q3 review — draft", "q3-review--draft"},
		{"Summary", "summary-2"},
		{"summary-1", "summary-1-1"},
		{"C & S (scores)", "c--s-scores"},
		{"mentor_load", "mentor_load"},
	} {
		if got := g.add(c.heading); got != c.want {
			t.Errorf("slug of %q = %q, want %q", c.heading, got, c.want)
		}
	}
}

func TestMDText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain words", "plain words"},
		{"a *b* _c_ `d` [e](f) <g> #h | i", `a \*b\* \_c\_ \` + "`d\\`" + ` \[e\](f) &lt;g&gt; \#h \| i`},
		{"- not a list", `\- not a list`},
		{"+1 point", `\+1 point`},
		{"12. not a list", `12\. not a list`},
		{"12 moves", "12 moves"},
		{"two\nlines", "two lines"},
		{`back\slash`, `back\\slash`},
	} {
		if got := mdText(c.in); got != c.want {
			t.Errorf("mdText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
