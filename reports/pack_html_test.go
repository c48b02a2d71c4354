package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// renderHTML writes p and parses the page back.
func renderHTML(t *testing.T, p *Pack) (string, *html.Node) {
	t.Helper()
	var b bytes.Buffer
	if err := WritePackHTML(&b, p); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("the page does not parse: %v", err)
	}
	return b.String(), doc
}

// elements returns the element nodes under n, in document order, that keep
// returns true for.
func elements(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && keep(d) {
			out = append(out, d)
		}
	}
	return out
}

func tagged(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	return slices.Contains(strings.Fields(v), class)
}

func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// packTables returns the non-nil tables of p, in order.
func packTables(p *Pack) []*Table {
	var out []*Table
	for i := range p.Sections {
		out = append(out, p.Sections[i].tables()...)
	}
	return out
}

// checkTables checks that doc holds one table per table of p, with its id,
// its class, its data-rows and as many body rows and header cells, numbers
// marked as such.
func checkTables(t *testing.T, p *Pack, doc *html.Node) {
	t.Helper()
	want := packTables(p)
	got := elements(doc, tagged("table"))
	if len(got) != len(want) {
		t.Fatalf("%d tables on the page, want %d", len(got), len(want))
	}
	for i, tbl := range want {
		n := got[i]
		if id, _ := attr(n, "id"); id != tbl.Name {
			t.Errorf("table %d: id %q, want %q", i, id, tbl.Name)
		}
		if !hasClass(n, "pack-table") {
			t.Errorf("table %s: no class pack-table", tbl.Name)
		}
		if rows, _ := attr(n, "data-rows"); rows != strconv.Itoa(len(tbl.Rows)) {
			t.Errorf("table %s: data-rows %q, want %d", tbl.Name, rows, len(tbl.Rows))
		}
		var bodyRows []*html.Node
		for _, tbody := range elements(n, tagged("tbody")) {
			bodyRows = append(bodyRows, elements(tbody, tagged("tr"))...)
		}
		if len(bodyRows) != len(tbl.Rows) {
			t.Errorf("table %s: %d body rows, want %d", tbl.Name, len(bodyRows), len(tbl.Rows))
		}
		heads := elements(n, tagged("th"))
		if len(heads) != len(tbl.Columns) {
			t.Fatalf("table %s: %d header cells, want %d", tbl.Name, len(heads), len(tbl.Columns))
		}
		for c, col := range tbl.Columns {
			if text(heads[c]) != col.Label {
				t.Errorf("table %s: header %d is %q, want %q", tbl.Name, c, text(heads[c]), col.Label)
			}
			if hasClass(heads[c], "num") != (col.Kind == Number) {
				t.Errorf("table %s: header %q: class num is %v, want %v", tbl.Name, col.Label, col.Kind != Number, col.Kind == Number)
			}
		}
		for r, tr := range bodyRows {
			cells := elements(tr, tagged("td"))
			if len(cells) != len(tbl.Columns) {
				t.Fatalf("table %s row %d: %d cells, want %d", tbl.Name, r, len(cells), len(tbl.Columns))
			}
			for c, td := range cells {
				if got := text(td); got != tbl.Rows[r][c] {
					t.Errorf("table %s row %d col %d: %q, want %q", tbl.Name, r, c, got, tbl.Rows[r][c])
				}
				if hasClass(td, "num") != (tbl.Columns[c].Kind == Number) {
					t.Errorf("table %s row %d col %d: class num is wrong", tbl.Name, r, c)
				}
			}
		}
	}
}

func TestWritePackHTMLTables(t *testing.T) {
	for _, p := range []*Pack{smallPack(EN), smallPack(FR), samplePack(EN)} {
		t.Run(string(p.Lang)+"/"+p.Title, func(t *testing.T) {
			_, doc := renderHTML(t, p)
			checkTables(t, p, doc)
		})
	}
}

func TestWritePackHTMLLang(t *testing.T) {
	for _, c := range []struct {
		lang     Lang
		want     string
		contents string
	}{{EN, "en", "Contents"}, {FR, "fr", "Sommaire"}, {"", "en", "Contents"}} {
		p := smallPack(c.lang)
		_, doc := renderHTML(t, p)
		root := elements(doc, tagged("html"))[0]
		if got, _ := attr(root, "lang"); got != c.want {
			t.Errorf("lang %q: <html lang=%q>, want %q", c.lang, got, c.want)
		}
		nav := elements(doc, tagged("nav"))
		if len(nav) != 1 || !strings.Contains(text(nav[0]), c.contents) {
			t.Errorf("lang %q: the contents are not titled %q", c.lang, c.contents)
		}
	}
}

// TestWritePackHTMLSelfContained checks that the page asks for nothing
// outside itself: no script, no external element, every link an anchor of
// the page, no url() or @import in the CSS.
func TestWritePackHTMLSelfContained(t *testing.T) {
	p := samplePack(EN)
	p.Sections = append(p.Sections, smallPack(FR).Sections...)
	page, doc := renderHTML(t, p)

	ids := map[string]bool{}
	for _, n := range elements(doc, func(n *html.Node) bool { _, ok := attr(n, "id"); return ok }) {
		id, _ := attr(n, "id")
		if ids[id] {
			t.Errorf("id %q is used twice", id)
		}
		ids[id] = true
	}
	scripts := elements(doc, tagged("script"))
	if len(scripts) != 1 || text(scripts[0]) != packScript {
		t.Errorf("the page has %d <script> elements, want the one sorting and filtering script", len(scripts))
	}
	sum := sha256.Sum256([]byte(packScript))
	csp := "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "';"
	metas := elements(doc, func(n *html.Node) bool { v, _ := attr(n, "http-equiv"); return v == "Content-Security-Policy" })
	if len(metas) != 1 {
		t.Fatalf("%d CSP meta elements, want 1", len(metas))
	}
	if got, _ := attr(metas[0], "content"); !strings.HasPrefix(got, csp) {
		t.Errorf("CSP %q, want it to begin with %q", got, csp)
	}
	for _, tag := range []string{"link", "img", "iframe", "object", "embed", "base", "form", "video", "audio", "source"} {
		if n := elements(doc, tagged(tag)); len(n) > 0 {
			t.Errorf("the page has a <%s> element", tag)
		}
	}
	links := 0
	for _, n := range elements(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			switch a.Key {
			case "src", "srcset", "action", "formaction", "xlink:href", "poster", "background":
				t.Errorf("<%s %s=%q>: nothing may be loaded", n.Data, a.Key, a.Val)
			case "href":
				links++
				if !strings.HasPrefix(a.Val, "#") || !ids[a.Val[1:]] {
					t.Errorf("<%s href=%q> is not an anchor of the page", n.Data, a.Val)
				}
			}
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=…>: no event handler allowed", n.Data, a.Key)
			}
		}
	}
	if links == 0 {
		t.Error("the contents have no link")
	}
	for _, bad := range []string{"url(", "@import", "http://", "https://", "//fonts."} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
}

func TestWritePackHTMLPrintCSS(t *testing.T) {
	_, doc := renderHTML(t, smallPack(EN))
	styles := elements(doc, tagged("style"))
	if len(styles) != 1 {
		t.Fatalf("%d <style> elements, want 1", len(styles))
	}
	css := text(styles[0])
	squeezed := strings.Join(strings.Fields(css), "")
	for _, want := range []string{
		"@page{size:A4landscape;margin:",
		"@mediaprint{",
		"thead{display:table-header-group;}",
		"tr,th,td{break-inside:avoid;page-break-inside:avoid;}",
		".pack-section{break-before:page;",
		"table.pack-table.wide{font-size:7pt;}",
		"position:sticky;top:0;",
		"tbodytr:nth-child(even)",
		".pack-table.num{text-align:right;",
		"overflow:auto;",
		"sans-serif",
		`content:"Page"counter(page)`,
	} {
		if !strings.Contains(squeezed, want) {
			t.Errorf("the CSS lacks %q", want)
		}
	}
}

func TestWritePackHTMLEscapes(t *testing.T) {
	p := smallPack(EN)
	p.Title = `Review <b>"Q3"</b> & co`
	p.Sections[0].Intro = "<img src=x onerror=alert(1)>"
	p.Sections[0].Charts[0].Labels[0] = "<script>x</script>"
	page, doc := renderHTML(t, p)
	if strings.Count(page, "<script") != 1 || strings.Contains(page, "<img") || strings.Contains(page, "<b>") {
		t.Error("markup from the pack reached the page unescaped")
	}
	// The cell may break after its ">" and "/": the text reads back whole.
	if !strings.Contains(page, "&lt;script&gt;<wbr>alert(1)&lt;/<wbr>script&gt;") {
		t.Error("the <script> cell is not escaped as text")
	}
	cells := elements(doc, func(n *html.Node) bool { return n.Data == "td" && text(n) == "<script>alert(1)</script>" })
	if len(cells) != 1 {
		t.Errorf("%d cells read back as the <script> text, want 1", len(cells))
	}
	if n := elements(doc, tagged("h1")); len(n) != 1 || text(n[0]) != p.Title {
		t.Errorf("the title does not read back as %q", p.Title)
	}
	if n := elements(doc, func(n *html.Node) bool { return hasClass(n, "intro") }); len(n) != 1 || text(n[0]) != p.Sections[0].Intro {
		t.Error("the intro does not read back as text")
	}
	checkTables(t, p, doc)
}

func TestWritePackHTMLCharts(t *testing.T) {
	p := samplePack(FR)
	p.Sections[0].Charts = append(p.Sections[0].Charts, Chart{Title: "Nothing yet"})
	_, doc := renderHTML(t, p)
	var want []Chart
	for i := range p.Sections {
		want = append(want, p.Sections[i].Charts...)
	}
	svgs := elements(doc, tagged("svg"))
	if len(svgs) != len(want) {
		t.Fatalf("%d svg, want %d", len(svgs), len(want))
	}
	ids := map[string]*html.Node{}
	for _, n := range elements(doc, func(n *html.Node) bool { _, ok := attr(n, "id"); return ok }) {
		id, _ := attr(n, "id")
		ids[id] = n
	}
	for i, c := range want {
		svg := svgs[i]
		if role, _ := attr(svg, "role"); role != "img" {
			t.Errorf("chart %q: role %q, want img", c.Title, role)
		}
		labelled, _ := attr(svg, "aria-labelledby")
		refs := strings.Fields(labelled)
		if len(refs) == 0 {
			t.Errorf("chart %q: no aria-labelledby", c.Title)
		}
		for _, ref := range refs {
			if ids[ref] == nil {
				t.Errorf("chart %q: aria-labelledby names %q, which is not on the page", c.Title, ref)
			}
		}
		if title := ids[refs[0]]; title == nil || title.Data != "title" || text(title) != c.Title {
			t.Errorf("chart %q: the first label is not a <title> holding the chart's title", c.Title)
		}
		bars := elements(svg, func(n *html.Node) bool { return n.Data == "rect" && hasClass(n, "bar") })
		if len(bars) != len(c.Values) {
			t.Errorf("chart %q: %d bars, want %d", c.Title, len(bars), len(c.Values))
		}
		for _, b := range bars {
			for _, k := range []string{"x", "y", "width", "height"} {
				v, _ := attr(b, k)
				if i := strings.IndexByte(v, '.'); i < 0 || len(v)-i != 2 {
					t.Errorf("chart %q: bar %s=%q is not written with one decimal", c.Title, k, v)
				}
			}
		}
	}
}

func TestWritePackHTMLDeterministic(t *testing.T) {
	first, _ := renderHTML(t, samplePack(EN))
	second, _ := renderHTML(t, samplePack(EN))
	if first != second {
		t.Error("two writes of the same pack differ")
	}
}

func TestWritePackHTMLRepeatedNames(t *testing.T) {
	one := &Table{Name: "moves", Title: "One", Columns: []Column{{Key: "a", Label: "A"}}}
	two := &Table{Name: "moves", Title: "Two", Columns: []Column{{Key: "a", Label: "A"}}}
	three := &Table{Name: "section-moves", Title: "Three", Columns: []Column{{Key: "a", Label: "A"}}}
	p := &Pack{Title: "T", Sections: []Section{{Name: "moves", Title: "Moves", Tables: []*Table{one, two, three}}}}
	_, doc := renderHTML(t, p)
	var got []string
	for _, n := range elements(doc, tagged("table")) {
		id, _ := attr(n, "id")
		got = append(got, id)
	}
	if want := []string{"moves", "moves-2", "section-moves-2"}; !slices.Equal(got, want) {
		t.Errorf("table ids %q, want %q", got, want)
	}
}

func TestNewSVGChart(t *testing.T) {
	c := Chart{Title: "Load", Labels: []string{"a", "b", "c", "d"}, Values: []float64{1, 4, -2, 9}, Max: 4, Unit: "%"}
	sc := newSVGChart(&c, "x", "none")
	widths := make([]string, len(sc.Bars))
	for i, b := range sc.Bars {
		widths[i] = b.W
	}
	full := sc.Bars[1].W
	if widths[3] != full {
		t.Errorf("a value above Max draws %s, want the full %s", widths[3], full)
	}
	if widths[2] != "0.0" {
		t.Errorf("a negative value draws %s, want 0.0", widths[2])
	}
	w1, _ := strconv.ParseFloat(widths[0], 64)
	w4, _ := strconv.ParseFloat(full, 64)
	if d := w4/4 - w1; d > 0.1 || d < -0.1 {
		t.Errorf("bar of 1 is %s wide, want a quarter of %s", widths[0], full)
	}
	if sc.Bars[3].Value != "9%" || sc.Desc != "a: 1%; b: 4%; c: -2%; d: 9%" {
		t.Errorf("values %q, desc %q", sc.Bars[3].Value, sc.Desc)
	}
	defer func() {
		if recover() == nil {
			t.Error("a chart with more labels than values did not panic")
		}
	}()
	newSVGChart(&Chart{Labels: []string{"a"}}, "y", "none")
}

func TestChartValue(t *testing.T) {
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{
		{3, "", "3"},
		{2.5, "%", "2.5%"},
		{0.125, "pairs", "0.13 pairs"},
		{0.1 + 0.2, "", "0.3"},
		{-0, "", "0"},
		{1e6, "", "1000000"},
	} {
		if got := chartValue(c.v, c.unit); got != c.want {
			t.Errorf("chartValue(%v, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}
