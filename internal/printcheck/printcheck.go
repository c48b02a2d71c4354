// Package printcheck reads back a committee pack printed to PDF and checks
// it against the HTML it was printed from: each section starts a page,
// each table shows all its column headers on the page it starts on and on
// every page it goes on to, and every page carries the running header and
// its number. The tests of the packages that print packs use it; it needs
// pdftotext (poppler-utils).
package printcheck

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Pages returns the text of each page of a PDF, as pdftotext lays it out.
func Pages(pdf string) ([]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext %s: %w", pdf, err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages, nil
}

// Table is a table of the page as the check sees it.
type Table struct {
	ID    string
	Heads []string // the words of its column headers
	First string   // the first word of its first row, up to where it may break
}

// Section is a section of the page: its title and tables in order.
type Section struct {
	Title  string
	Lead   bool // the summary, which must hold on page 1
	Tables []Table
}

// breakAfter are the characters after which the pack may break a cell.
const breakAfter = "_>|/,"

// Sections reads the sections and tables of a committee pack's HTML.
func Sections(page []byte) ([]Section, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, err
	}
	var out []Section
	for _, s := range find(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "pack-section") }) {
		sec := Section{Lead: hasClass(s, "lead")}
		if h := find(s, tag("h2")); len(h) > 0 {
			sec.Title = strings.TrimSpace(text(h[0]))
		}
		for _, tb := range find(s, func(n *html.Node) bool { return n.Data == "table" && hasClass(n, "pack-table") }) {
			t := Table{ID: attr(tb, "id")}
			for _, th := range find(tb, tag("th")) {
				if inside(th, "thead") {
					t.Heads = append(t.Heads, strings.Fields(text(th))...)
				}
			}
			if tds := find(tb, func(n *html.Node) bool { return n.Data == "td" && inside(n, "tbody") }); len(tds) > 0 {
				if f := strings.Fields(text(tds[0])); len(f) > 0 {
					t.First = f[0]
					if i := strings.IndexAny(t.First, breakAfter); i >= 0 {
						t.First = t.First[:i+1]
					}
				}
			}
			sec.Tables = append(sec.Tables, t)
		}
		out = append(out, sec)
	}
	return out, nil
}

// Check returns every problem of the printed pages against the sections:
// a section no page begins, a table no page shows with all its column
// headers and its first row, a page a table goes on to without its
// headers, a summary table off page 1, and a page without each of marks
// (the running header's texts) or its number "Page N / M" (page is the
// word the pack uses).
func Check(secs []Section, pages []string, page string, marks ...string) []string {
	var problems []string
	for i, pg := range pages {
		for _, m := range append(marks, fmt.Sprintf("%s %d / %d", page, i+1, len(pages))) {
			if !strings.Contains(pg, m) {
				problems = append(problems, fmt.Sprintf("page %d lacks %q", i+1, m))
			}
		}
	}
	words := make([]map[string]bool, len(pages))
	for i, pg := range pages {
		words[i] = map[string]bool{}
		for _, w := range strings.Fields(pg) {
			words[i][w] = true
		}
	}
	hasAll := func(pg int, want []string) bool {
		for _, w := range want {
			if !words[pg][w] {
				return false
			}
		}
		return true
	}
	type placed struct {
		t       Table
		start   int
		section int
	}
	var tables []placed
	starts := make([]int, len(secs))
	at := 0
	for i, s := range secs {
		starts[i] = pageWithLine(pages, at, s.Title)
		if starts[i] < 0 {
			problems = append(problems, fmt.Sprintf("section %q: no page from page %d begins it", s.Title, at+1))
			starts[i] = at
		}
		at = starts[i]
		for _, t := range s.Tables {
			found := -1
			for pg := at; pg < len(pages) && found < 0; pg++ {
				if strings.Contains(pages[pg], t.First) && hasAll(pg, t.Heads) {
					found = pg
				}
			}
			if found < 0 {
				problems = append(problems, fmt.Sprintf("table %s: no page from page %d shows all its column headers %q and its first row %q", t.ID, at+1, t.Heads, t.First))
				continue
			}
			if s.Lead && found != 0 {
				problems = append(problems, fmt.Sprintf("table %s of the summary starts on page %d: the summary must hold on page 1", t.ID, found+1))
			}
			at = found
			tables = append(tables, placed{t, found, i})
		}
	}
	for k, p := range tables {
		end := len(pages)
		if k+1 < len(tables) {
			end = tables[k+1].start
		}
		for s := p.section + 1; s < len(starts); s++ {
			end = min(end, starts[s])
		}
		for pg := p.start + 1; pg < end; pg++ {
			if !hasAll(pg, p.t.Heads) {
				problems = append(problems, fmt.Sprintf("table %s goes on to page %d without its column headers %q", p.t.ID, pg+1, p.t.Heads))
			}
		}
	}
	return problems
}

// pageWithLine returns the first page from page from that has a line
// reading title, or -1.
func pageWithLine(pages []string, from int, title string) int {
	for pg := from; pg < len(pages); pg++ {
		for _, line := range strings.Split(pages[pg], "\n") {
			if strings.TrimSpace(line) == title {
				return pg
			}
		}
	}
	return -1
}

func find(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && ok(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// inside tells whether n is within an element named name.
func inside(n *html.Node, name string) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == name {
			return true
		}
	}
	return false
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// Print prints the HTML file page to pdf with headless Chromium (at
// chromium), A4 landscape as the page's CSS asks, with a fresh profile in
// profile and no network.
func Print(chromium, page, pdf, profile string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("chromium --print-to-pdf: %w\n%s", err, stderr.String())
	}
	return nil
}

// Limits reads the page-count table of a Markdown file (docs/printing.md):
// for each pack named in the first column, the pages it prints in and the
// most it may print in.
func Limits(md string) map[string][2]int {
	out := map[string][2]int{}
	for _, line := range strings.Split(md, "\n") {
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		if len(cells) < 3 {
			continue
		}
		var pages, most int
		_, err1 := fmt.Sscanf(strings.TrimSpace(cells[1]), "%d", &pages)
		_, err2 := fmt.Sscanf(strings.TrimSpace(cells[2]), "%d", &most)
		if err1 == nil && err2 == nil {
			out[strings.Trim(strings.TrimSpace(cells[0]), "`")] = [2]int{pages, most}
		}
	}
	return out
}
