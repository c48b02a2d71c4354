package reports

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"
)

// longTable has n rows; the rows whose index is in keep are marked Keep.
func longTable(n int, keep ...int) *Table {
	t := &Table{Name: "long", Title: "Long", Source: "long.csv",
		Columns: []Column{{Key: "id", Label: "Id"}, {Key: "v", Label: "V", Kind: Number}}}
	k := map[int]bool{}
	for _, i := range keep {
		k[i] = true
	}
	for i := range n {
		t.AddMeta(RowMeta{Keep: k[i]}, "r"+strconv.Itoa(i), strconv.Itoa(i))
	}
	return t
}

func TestShownRows(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int
		keep  []int
		limit int
		want  []int
	}{
		{"no limit", 4, nil, 0, []int{0, 1, 2, 3}},
		{"under the limit", 3, []int{2}, 5, []int{0, 1, 2}},
		{"kept rows first, then the others in order", 8, []int{5, 7}, 4, []int{0, 1, 5, 7}},
		{"more kept rows than the limit", 8, []int{1, 3, 5, 7}, 3, []int{1, 3, 5}},
		{"limit of one", 5, []int{4}, 1, []int{4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, shownRows(longTable(tc.n, tc.keep...), tc.limit)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	whole := longTable(6)
	whole.Whole = true
	if got := shownRows(whole, 2); len(got) != 6 {
		t.Errorf("a summary table shows %d of its 6 rows under a limit of 2", len(got))
	}
}

func TestMoreRowsNote(t *testing.T) {
	tb := longTable(10)
	if got := moreRowsNote(EN, tb, 10, "long"); got != "" {
		t.Errorf("every row shown, note %q", got)
	}
	want := "4 of 10 rows shown; the 6 others are in report.xlsx (sheet long) and long.csv."
	if got := moreRowsNote(EN, tb, 4, "long"); got != want {
		t.Errorf("note %q, want %q", got, want)
	}
	tb.Source = ""
	want = "4 lignes sur 10 affichées ; les 6 autres sont dans report.xlsx (feuille long)."
	if got := moreRowsNote(FR, tb, 4, "long"); got != want {
		t.Errorf("note %q, want %q", got, want)
	}
}

// TestPackRowLimit checks the documents against the workbook: the HTML
// and Markdown show the kept rows and the note, the workbook every row.
func TestPackRowLimit(t *testing.T) {
	tb := longTable(30, 25, 29)
	p := &Pack{Title: "T", RowLimit: 5, Sections: []Section{{Name: "s", Title: "S", Tables: []*Table{tb}}}}
	_, doc := renderHTML(t, p)
	var ids []string
	for _, tr := range elements(elements(doc, tagged("tbody"))[0], tagged("tr")) {
		ids = append(ids, text(elements(tr, tagged("td"))[0]))
	}
	if diff := cmp.Diff([]string{"r0", "r1", "r2", "r25", "r29"}, ids); diff != "" {
		t.Errorf("HTML rows (-want +got):\n%s", diff)
	}
	notes := elements(doc, func(n *html.Node) bool { return hasClass(n, "more") })
	if len(notes) != 1 || !strings.Contains(text(notes[0]), "the 25 others are in report.xlsx (sheet long) and long.csv") {
		t.Errorf("HTML note: %d notes", len(notes))
	}
	var md bytes.Buffer
	if err := WritePackMarkdown(&md, p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| r29 | 29 |") || strings.Contains(md.String(), "| r3 |") ||
		!strings.Contains(md.String(), "the 25 others are in report.xlsx") {
		t.Errorf("Markdown rows or note wrong:\n%s", md.String())
	}
	_, f := renderXLSX(t, p)
	rows, _ := f.GetRows("long")
	if len(rows) != 31 {
		t.Errorf("workbook: %d rows, want the header and all 30", len(rows))
	}
}

// TestPackMedia checks that a workbook-only table is left out of the
// documents (which say where it is), and a document-only table out of the
// workbook.
func TestPackMedia(t *testing.T) {
	sheet := longTable(2)
	sheet.Name, sheet.Media = "full", SheetOnly
	doc := longTable(2)
	doc.Name, doc.Media = "view", DocOnly
	p := &Pack{Title: "T", Sections: []Section{{Name: "s", Title: "S", Tables: []*Table{doc, sheet}}}}
	page, _ := renderHTML(t, p)
	if strings.Contains(page, `id="full"`) || !strings.Contains(page, `id="view"`) || !strings.Contains(page, "Also in the workbook: full.") {
		t.Error("HTML: the workbook-only table is on the page, or the view is not, or no note says where the table is")
	}
	var md bytes.Buffer
	if err := WritePackMarkdown(&md, p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "*Also in the workbook: full.*") {
		t.Errorf("Markdown lacks the note:\n%s", md.String())
	}
	_, f := renderXLSX(t, p)
	if diff := cmp.Diff([]string{"full"}, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
}

func TestTextParts(t *testing.T) {
	for in, want := range map[string][]string{
		"plain":           nil,
		"not_chosen":      {"not_", "chosen"},
		"S01>P02":         {"S01>", "P02"},
		"a|b|c":           {"a|", "b|", "c"},
		"end_":            nil,
		"x=1|y=2, z/w_":   {"x=1|", "y=2,", " z/", "w_"},
		"mentee_in_line=": {"mentee_", "in_", "line="},
	} {
		if diff := cmp.Diff(want, textParts(in)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", in, diff)
		}
		if got := textParts(in); got != nil && strings.Join(got, "") != in {
			t.Errorf("%q: the parts do not join back", in)
		}
	}
}

func TestCSSString(t *testing.T) {
	for in, want := range map[string]string{
		"Page ":                      `"Page "`,
		"Confidential — HR":          `"Confidential — HR"`,
		`say "hi"`:                   `"say \22 hi\22 "`,
		`a\b`:                        `"a\5c b"`,
		"</style><script>x</script>": `"\3c /style\3e \3c script\3e x\3c /script\3e "`,
		"line\nbreak & co":           `"line\a break \26  co"`,
		"Q3: committee · ok":         `"Q3: committee · ok"`,
	} {
		if got := cssString(in); got != want {
			t.Errorf("cssString(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestPageBoxes checks that the running header holds the identity and the
// confidential mark, and that the title cannot break out of the CSS.
func TestPageBoxes(t *testing.T) {
	p := smallPack(EN)
	p.Title = `Review "Q3" </style><b>`
	p.Identity = Identity{Period: "2026 Q3", Organisation: "Northwind", Date: "2026-09-30", Confidential: "Strictly private"}
	page, doc := renderHTML(t, p)
	css := text(elements(doc, tagged("style"))[0])
	for _, want := range []string{
		`@top-left { content: "Review \22 Q3\22  \3c /style\3e \3c b\3e  · 2026 Q3 · Northwind";`,
		`@top-right { content: "Strictly private · 2026-09-30";`,
		`@bottom-right { content: "Page " counter(page) " / " counter(pages);`,
	} {
		if !strings.Contains(css, want) {
			t.Errorf("the CSS lacks %s", want)
		}
	}
	if strings.Contains(page, "<b>") {
		t.Error("the title reached the page as markup")
	}
	ident := elements(doc, func(n *html.Node) bool { return hasClass(n, "identity") })
	if len(ident) != 1 || text(ident[0]) != "Period: 2026 Q3Organisation: NorthwindDate: 2026-09-30" {
		t.Errorf("identity line: %d", len(ident))
	}
	var md bytes.Buffer
	if err := WritePackMarkdown(&md, p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "\n**Strictly private**\n\nPeriod: 2026 Q3 · Organisation: Northwind · Date: 2026-09-30\n") {
		t.Errorf("Markdown identity missing:\n%s", md.String()[:300])
	}
	// No identity: no header box but the page number, no identity line.
	p.Identity = Identity{}
	p.Title = ""
	page, _ = renderHTML(t, p)
	if strings.Contains(page, "@top-left") || strings.Contains(page, "@top-right") || strings.Contains(page, `class="identity"`) {
		t.Error("an empty identity still prints")
	}
}

func TestStrip(t *testing.T) {
	for v, want := range map[float64]int{0: 0, -1: 0, 0.01: 1, 0.25: 1, 0.26: 2, 0.5: 2, 0.75: 3, 0.76: 4, 1: 4, 2: 4} {
		if got := stripShade(v); got != want {
			t.Errorf("stripShade(%v) = %d, want %d", v, got, want)
		}
	}
	if got := stripText("0.00 0.25 0.50 0.75 1.00 x", 7); got != "·▂▄▆█··" {
		t.Errorf("stripText = %q", got)
	}
	col := Column{Key: "c", Label: "Criteria", Kind: Strip, Parts: []string{"one", "two"}}
	tb := &Table{Name: "strip", Columns: []Column{{Key: "id", Label: "Id"}, col}}
	tb.Add("a", "0.75 0.10")
	_, doc := renderHTML(t, &Pack{Title: "T", Sections: []Section{{Name: "s", Title: "S", Tables: []*Table{tb}}}})
	cells := elements(doc, func(n *html.Node) bool { return n.Data == "i" })
	if len(cells) != 2 {
		t.Fatalf("%d strip cells, want 2", len(cells))
	}
	for i, want := range []struct{ class, title string }{{"s3", "one: 0.75"}, {"s1", "two: 0.1"}} {
		c, _ := attr(cells[i], "class")
		ti, _ := attr(cells[i], "title")
		if c != want.class || ti != want.title {
			t.Errorf("cell %d: class %q title %q, want %q %q", i, c, ti, want.class, want.title)
		}
	}
	strip := elements(doc, func(n *html.Node) bool { return hasClass(n, "strip-cells") })
	if l, _ := attr(strip[0], "aria-label"); l != "one: 0.75; two: 0.1" {
		t.Errorf("accessible text %q", l)
	}
}

func TestSVGScatter(t *testing.T) {
	s := &Scatter{Title: "C × S", XMax: 100, YMax: 1, XTicks: []float64{0, 50, 100},
		Regions: []Region{{Label: "comfort", Shade: 0, Poly: [][2]float64{{0, 0}, {25, 0}, {25, 1}, {0, 1}}}},
		Points:  []Point{{X: 50, Y: 0.5, Marked: true, Label: "a"}, {X: 0, Y: 0, Label: "b"}, {X: 150, Y: -1, Label: "c"}}}
	sc := newSVGScatter(s, "sc")
	if len(sc.Points) != 3 || sc.Marked != 1 || !sc.Points[2].Marked {
		t.Fatalf("points %+v: the marked one must come last", sc.Points)
	}
	// The plot spans x 56–624 and y 336–40.
	if p := sc.Points[2]; p.X != "340.0" || p.Y != "188.0" {
		t.Errorf("(50, 0.5) drawn at (%s, %s), want the middle (340.0, 188.0)", p.X, p.Y)
	}
	if p := sc.Points[1]; p.X != "624.0" || p.Y != "336.0" {
		t.Errorf("(150, -1) drawn at (%s, %s), want the edge (624.0, 336.0)", p.X, p.Y)
	}
	if got := sc.Regions[0].Points; got != "56.0,336.0 198.0,336.0 198.0,40.0 56.0,40.0" {
		t.Errorf("region %s", got)
	}
	if len(sc.Ticks) != 3 || sc.Ticks[1].X != "340.0" {
		t.Errorf("ticks %+v", sc.Ticks)
	}
}

func TestBarChartCapacity(t *testing.T) {
	c := &Chart{Title: "load", Labels: []string{"a", "b"}, Values: []float64{1, 2}, Capacity: []float64{2, 4}}
	sc := newSVGChart(c, "load", "none")
	a, b := sc.Bars[0], sc.Bars[1]
	if a.Value != "1 / 2" || b.Value != "2 / 4" {
		t.Errorf("values %q %q", a.Value, b.Value)
	}
	aw, _ := strconv.ParseFloat(a.W, 64)
	acap, _ := strconv.ParseFloat(a.CapW, 64)
	bcap, _ := strconv.ParseFloat(b.CapW, 64)
	if math.Abs(aw*2-acap) > 0.1 || math.Abs(acap*2-bcap) > 0.1 {
		t.Errorf("widths: used %v of %v, capacity b %v: want used/capacity to scale with the largest capacity", aw, acap, bcap)
	}
}
