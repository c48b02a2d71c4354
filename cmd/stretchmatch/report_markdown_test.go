package main

import (
	"bytes"
	"encoding/csv"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// hostile are cell values that would turn into links, images, HTML,
// autolinks or other syntax in Markdown if they were not escaped.
var hostile = []string{
	"![i](http://x/p.png)", "[x](http://x)", "<img src=x onerror=alert(1)>", "<script>alert(1)</script>",
	"http://evil.example/a", "https://evil.example", "www.evil.example", "mail@evil.example", "mailto:a@evil.example",
	"<http://evil.example>", "&lt;b&gt; &#60;i&#62;", "[ref]: http://evil.example", "[ref]", "~~strike~~",
	"`code`", "**bold** _em_", "a | b", `back\slash`, "# heading", "> quote", "- item", "1. item",
	"<!-- comment -->", "[x][ref]", "![alt][ref]", "x<br>y", "javascript:alert(1)", "\x1b[31mred\x1b[0m",
}

// TestReportMarkdownHasOnlyItsOwnSyntax writes report.md for the sample
// with names, divisions, teams, titles and the input folder's name made of
// Markdown syntax, renders it with goldmark (CommonMark and GitHub's
// extensions: tables, strikethrough, autolinks) and checks the tree: no
// image, no autolink, no raw HTML, no strikethrough, and no link but the
// contents' links to the page's own headings.
func TestReportMarkdownHasOnlyItsOwnSyntax(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in_[p](http:__e.x)_<b>_![q](y)")
	runOK(t, "init", dir)
	poison(t, filepath.Join(dir, "people.csv"), "name", "division", "team", "function")
	poison(t, filepath.Join(dir, "positions.csv"), "title", "division")
	for _, lang := range []string{"en", "fr"} {
		md := runOK(t, "report", dir, "--lang", lang)
		src := []byte(md)
		doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
		links := 0
		err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.Link:
				links++
				if !bytes.HasPrefix(n.Destination, []byte("#")) {
					t.Errorf("%s: a link to %q", lang, n.Destination)
				}
			case *ast.Image:
				t.Errorf("%s: an image of %q", lang, n.Destination)
			case *ast.AutoLink:
				t.Errorf("%s: an autolink to %q", lang, n.URL(src))
			case *ast.RawHTML:
				t.Errorf("%s: raw HTML %q", lang, n.Segments.Value(src))
			case *ast.HTMLBlock:
				t.Errorf("%s: an HTML block %q", lang, n.Lines().Value(src))
			case *east.Strikethrough:
				t.Errorf("%s: strikethrough %q", lang, n.Text(src))
			}
			return ast.WalkContinue, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// The data is shown as it was written: many of the values appear,
		// whole, in the text of the cells.
		var page bytes.Buffer
		if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(src, &page); err != nil {
			t.Fatal(err)
		}
		shown := 0
		for _, h := range hostile {
			if strings.Contains(page.String(), html.EscapeString(h)) {
				shown++
			}
		}
		if shown < 12 {
			t.Errorf("%s: only %d of the %d values are shown as written", lang, shown, len(hostile))
		}
		if links == 0 {
			t.Errorf("%s: no link at all: the contents are missing", lang)
		}
		if strings.ContainsRune(md, '\x1b') {
			t.Errorf("%s: a raw escape character in report.md", lang)
		}
	}
}

// poison rewrites the given columns of a CSV file with the hostile values,
// one per row in turn.
func poison(t *testing.T, path string, columns ...string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	k := 0
	for _, name := range columns {
		c := indexOf(recs[0], name)
		if c < 0 {
			t.Fatalf("%s has no column %s", path, name)
		}
		for r := 1; r < len(recs); r++ {
			recs[r][c] = hostile[k%len(hostile)] + " " + recs[r][c]
			k++
		}
	}
	var out bytes.Buffer
	if err := csv.NewWriter(&out).WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
