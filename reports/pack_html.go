package reports

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode/utf8"
)

// WritePackHTML writes p as one self-contained HTML5 page: inline CSS, no
// script, no font, no image or link outside the page (a Content Security
// Policy forbids any), every text escaped. It reads well on screen (sticky
// table headers, zebra rows, numbers right-aligned, wide tables scrolling in
// their box) and prints on A4 landscape: one section per page, table headers
// repeated on every page, rows never split, small type for wide tables, page
// numbers in the margin.
//
// Each section has the id "section-" + its Name; each table has its Name
// as id, the class "pack-table" and a data-rows attribute holding its number
// of body rows. Ids keep ASCII letters, digits, '-', '_' and '.', turn any
// other character into '-', and take a "-2", "-3"… suffix when already
// used. Each chart is an inline SVG with one rect of class "bar" per value.
// The output depends only on p, so reruns are byte-identical.
//
// WritePackHTML panics if a table row does not have one cell per column or a
// chart does not have one value per label.
func WritePackHTML(w io.Writer, p *Pack) error {
	var buf bytes.Buffer
	if err := packPage.Execute(&buf, newHTMLPack(p)); err != nil {
		return fmt.Errorf("reports: pack %q: %w", p.Title, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Thresholds of the layout.
const (
	wideColumns = 9  // a table with this many columns or more is printed small
	longCell    = 40 // a text column with a cell this long (in runes) or longer wraps
	filterRows  = 8  // a table with more rows than this gets a filter box (script on)
)

// htmlPack is what the page template reads.
type htmlPack struct {
	Lang, Title, Subtitle string
	Contents, Page, None  string
	CSP                   string
	PageBoxes             template.CSS // the running header and the page numbers
	Identity              []string     // period, organisation, date, as shown under the title
	Confidential          string
	SortLabel, FilterLbl  string
	Lead                  *htmlSection // page 1
	Sections              []htmlSection
	All                   []htmlSection // Lead and Sections, for the contents
}

type htmlSection struct {
	ID, Title, Intro string
	Tables           []htmlTable
	Charts           []svgChart
	Scatters         []svgScatter
	ListTables       bool // list the tables in the contents
	Lead             bool
	RunOn            bool
	SheetOnly        string // the tables left to the workbook, or ""
}

type htmlTable struct {
	ID, Title  string
	ShowTitle  bool
	Wide       bool
	Heads      []htmlCell
	Body       []htmlRow
	Rows       int
	Filter     bool
	FilterFrom int
	More       string
	EmptyLabel string
}

type htmlRow struct {
	ID, Link string
	Keep     bool
	Cells    []htmlCell
}

type htmlCell struct {
	Text  string
	Class string // "num", "long", "strip" or ""
	Strip []stripCell
	Parts []string // Text cut where a line may break (after _ > | / ,), or nil
}

// breakAfter are the characters after which a cell's text may go on the
// next line, so that ids and lists never need to be broken mid-word.
const breakAfter = "_>|/,"

// textParts cuts s after each of breakAfter; nil when there is no cut.
func textParts(s string) []string {
	if !strings.ContainsAny(s, breakAfter) {
		return nil
	}
	var parts []string
	for s != "" {
		i := strings.IndexAny(s, breakAfter)
		if i < 0 || i == len(s)-1 {
			break
		}
		parts = append(parts, s[:i+1])
		s = s[i+1:]
	}
	if len(parts) == 0 {
		return nil
	}
	return append(parts, s)
}

type stripCell struct {
	Shade int
	Tip   string
}

func newHTMLPack(p *Pack) htmlPack {
	id := p.Identity
	hp := htmlPack{
		Lang:         htmlLang(p.Lang),
		Title:        p.Title,
		Subtitle:     p.Subtitle,
		Contents:     packT(p.Lang, "pack_contents"),
		Page:         packT(p.Lang, "pack_page"),
		None:         packT(p.Lang, "pack_none"),
		Confidential: id.Confidential,
		CSP:          packCSP,
		SortLabel:    docT(p.Lang, "doc_sort"),
		FilterLbl:    docT(p.Lang, "doc_filter"),
	}
	for _, kv := range [][2]string{{"doc_period", id.Period}, {"doc_organisation", id.Organisation}, {"doc_date", id.Date}} {
		if kv[1] != "" {
			hp.Identity = append(hp.Identity, docT(p.Lang, kv[0])+docT(p.Lang, "doc_colon")+kv[1])
		}
	}
	hp.PageBoxes = pageBoxes(strings.Join(filled(p.Title, id.Period, id.Organisation), " · "),
		strings.Join(filled(id.Confidential, id.Date), " · "), hp.Page)
	sheets := packSheetNames(p)
	ids := uniqueNamer{fit: func(base, suffix string) string {
		if suffix == "" {
			return base
		}
		return base + "-" + suffix
	}}
	ids.reserve("contents")
	ids.reserve("contents-title")
	for i := range p.Sections {
		hs := newHTMLSection(p, i, &ids, sheets)
		hs.Lead = i == 0
		hp.All = append(hp.All, hs)
	}
	dropDeadLinks(hp.All)
	if len(hp.All) > 0 {
		hp.Lead = &hp.All[0]
		hp.Sections = hp.All[1:]
	}
	return hp
}

func newHTMLSection(p *Pack, i int, ids *uniqueNamer, sheets map[*Table]string) htmlSection {
	s := &p.Sections[i]
	hs := htmlSection{
		ID:    ids.name("section-" + htmlID(s.Name, fmt.Sprint(i+1))),
		Title: s.Title,
		Intro: s.Intro,
		RunOn: s.RunOn,
	}
	ids.reserve(hs.ID + "-title")
	var tables []*Table
	var left []string
	for _, t := range s.tables() {
		if inDocument(t) {
			tables = append(tables, t)
		} else {
			left = append(left, sheets[t])
		}
	}
	if len(left) > 0 {
		hs.SheetOnly = fmt.Sprintf(docT(p.Lang, "doc_not_shown"), strings.Join(left, ", "))
	}
	hs.ListTables = len(tables) > 1
	for j, t := range tables {
		checkRows(t)
		ht := newHTMLTable(t, ids.name(htmlID(t.Name, fmt.Sprintf("table-%d-%d", i+1, j+1))), showTableTitle(s, t, len(tables)), p.RowLimit)
		ht.More = moreRowsNote(p.Lang, t, len(ht.Body), sheets[t])
		ht.EmptyLabel = packT(p.Lang, "pack_none")
		hs.Tables = append(hs.Tables, ht)
	}
	for j := range s.Charts {
		id := ids.name(fmt.Sprintf("%s-chart-%d", hs.ID, j+1))
		ids.reserve(id + "-title")
		ids.reserve(id + "-desc")
		ids.reserve(id + "-hatch")
		hs.Charts = append(hs.Charts, newSVGChart(&s.Charts[j], id, packT(p.Lang, "pack_none")))
	}
	for j := range s.Scatters {
		id := ids.name(fmt.Sprintf("%s-scatter-%d", hs.ID, j+1))
		ids.reserve(id + "-title")
		ids.reserve(id + "-desc")
		hs.Scatters = append(hs.Scatters, newSVGScatter(&s.Scatters[j], id))
	}
	return hs
}

// filled returns the strings of ss that are not empty.
func filled(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func newHTMLTable(t *Table, id string, showTitle bool, limit int) htmlTable {
	classes := make([]string, len(t.Columns))
	for c, col := range t.Columns {
		switch col.Kind {
		case Number:
			classes[c] = "num"
			continue
		case Strip:
			classes[c] = "strip"
			continue
		}
		for _, row := range t.Rows {
			if utf8.RuneCountInString(row[c]) >= longCell {
				classes[c] = "long"
				break
			}
		}
	}
	ht := htmlTable{
		ID:         id,
		Title:      t.Title,
		ShowTitle:  showTitle,
		Wide:       len(t.Columns) >= wideColumns,
		Filter:     len(t.Rows) > filterRows,
		FilterFrom: filterRows,
	}
	for c, col := range t.Columns {
		ht.Heads = append(ht.Heads, htmlCell{Text: col.Label, Class: classes[c]})
	}
	for _, r := range shownRows(t, limit) {
		row := t.Rows[r]
		m := t.meta(r)
		hr := htmlRow{ID: m.ID, Link: m.Link, Keep: m.Keep, Cells: make([]htmlCell, len(row))}
		for c, v := range row {
			hr.Cells[c] = htmlCell{Text: v, Class: classes[c], Parts: textParts(v)}
			if t.Columns[c].Kind == Strip {
				hr.Cells[c] = stripHTML(t.Columns[c], v)
			}
		}
		ht.Body = append(ht.Body, hr)
	}
	ht.Rows = len(ht.Body)
	return ht
}

// stripHTML lays a Strip cell out as small shaded cells, each with its
// part's label and value as tooltip; the whole as accessible text.
func stripHTML(col Column, cell string) htmlCell {
	vals := stripValues(cell, len(col.Parts))
	hc := htmlCell{Class: "strip"}
	tips := make([]string, len(vals))
	for i, v := range vals {
		tips[i] = col.Parts[i] + ": " + chartValue(v, "")
		hc.Strip = append(hc.Strip, stripCell{Shade: stripShade(v), Tip: tips[i]})
	}
	hc.Text = strings.Join(tips, "; ")
	return hc
}

// pageFont is the type of the running header and the page numbers.
const pageFont = `font-family: system-ui, "Segoe UI", Roboto, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt;`

// pageBoxes returns the margin boxes of the printed page: left and right
// of the running header, and the page numbers at the bottom right.
func pageBoxes(left, right, page string) template.CSS {
	var b strings.Builder
	if left != "" {
		fmt.Fprintf(&b, "  @top-left { content: %s; %s color: #4a5866; }\n", cssString(left), pageFont)
	}
	if right != "" {
		fmt.Fprintf(&b, "  @top-right { content: %s; %s font-weight: 700; color: #a33d00; }\n", cssString(right), pageFont)
	}
	fmt.Fprintf(&b, "  @bottom-right { content: %s counter(page) \" / \" counter(pages); %s color: #4a5866; }", cssString(page+" "), pageFont)
	// The whole is built from escaped strings and constants only.
	return template.CSS(b.String())
}

// cssString quotes s as a CSS string: quotes, backslashes, angle brackets,
// ampersands and control characters become CSS escapes, so that the
// string can neither end early nor close the style element.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r < 0x20 || r == 0x7f || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dropDeadLinks removes the links of rows whose target is not on the page:
// a row left out by the row limit, or a table the pack does not have.
func dropDeadLinks(sections []htmlSection) {
	ids := make(map[string]bool)
	for _, s := range sections {
		ids[s.ID] = true
		for _, t := range s.Tables {
			ids[t.ID] = true
			for _, r := range t.Body {
				if r.ID != "" {
					ids[r.ID] = true
				}
			}
		}
	}
	for _, s := range sections {
		for _, t := range s.Tables {
			for i := range t.Body {
				if !ids[t.Body[i].Link] {
					t.Body[i].Link = ""
				}
			}
		}
	}
}
