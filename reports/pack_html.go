package reports

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
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
)

// htmlPack is what the page template reads.
type htmlPack struct {
	Lang, Title, Subtitle string
	Contents, Page, None  string
	Sections              []htmlSection
}

type htmlSection struct {
	ID, Title, Intro string
	Tables           []htmlTable
	Charts           []svgChart
	ListTables       bool // list the tables in the contents
}

type htmlTable struct {
	ID, Title  string
	ShowTitle  bool
	Wide       bool
	Heads      []htmlCell
	Body       [][]htmlCell
	BodyHTML   template.HTML // Body rendered (see bodyHTML)
	Rows       int
	EmptyLabel string
}

type htmlCell struct {
	Text  string
	Class string // "num", "long" or ""
}

func newHTMLPack(p *Pack) htmlPack {
	hp := htmlPack{
		Lang:     htmlLang(p.Lang),
		Title:    p.Title,
		Subtitle: p.Subtitle,
		Contents: packT(p.Lang, "pack_contents"),
		Page:     packT(p.Lang, "pack_page"),
		None:     packT(p.Lang, "pack_none"),
	}
	ids := uniqueNamer{fit: func(base, suffix string) string {
		if suffix == "" {
			return base
		}
		return base + "-" + suffix
	}}
	ids.reserve("contents")
	ids.reserve("contents-title")
	for i := range p.Sections {
		s := &p.Sections[i]
		hs := htmlSection{
			ID:    ids.name("section-" + htmlID(s.Name, fmt.Sprint(i+1))),
			Title: s.Title,
			Intro: s.Intro,
		}
		ids.reserve(hs.ID + "-title")
		tables := s.tables()
		hs.ListTables = len(tables) > 1
		for j, t := range tables {
			checkRows(t)
			hs.Tables = append(hs.Tables, newHTMLTable(t, ids.name(htmlID(t.Name, fmt.Sprintf("table-%d-%d", i+1, j+1))), showTableTitle(s, t, len(tables))))
		}
		for j := range s.Charts {
			id := ids.name(fmt.Sprintf("%s-chart-%d", hs.ID, j+1))
			ids.reserve(id + "-title")
			ids.reserve(id + "-desc")
			hs.Charts = append(hs.Charts, newSVGChart(&s.Charts[j], id, hp.None))
		}
		hp.Sections = append(hp.Sections, hs)
	}
	return hp
}

func newHTMLTable(t *Table, id string, showTitle bool) htmlTable {
	classes := make([]string, len(t.Columns))
	for c, col := range t.Columns {
		if col.Kind == Number {
			classes[c] = "num"
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
		ID:        id,
		Title:     t.Title,
		ShowTitle: showTitle,
		Wide:      len(t.Columns) >= wideColumns,
		Rows:      len(t.Rows),
	}
	for c, col := range t.Columns {
		ht.Heads = append(ht.Heads, htmlCell{Text: col.Label, Class: classes[c]})
	}
	for _, row := range t.Rows {
		cells := make([]htmlCell, len(row))
		for c, v := range row {
			cells[c] = htmlCell{Text: v, Class: classes[c]}
		}
		ht.Body = append(ht.Body, cells)
	}
	ht.BodyHTML = bodyHTML(ht.Body)
	return ht
}

// packPage is the page template. Everything it prints goes through
// html/template's contextual escaping.
var packPage = template.Must(template.New("pack").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="stretchmatch">
<title>{{.Title}}</title>
<style>
:root {
  --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --head: #e8eef5;
  --zebra: #f5f8fb; --hover: #fdf6e3; --accent: #2f5d8a;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 15px; line-height: 1.45;
}
main { max-width: 1440px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
.pack-header { border-bottom: 3px solid var(--accent); padding-bottom: .75rem; margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .35rem; color: var(--accent); }
.subtitle { margin: 0; color: var(--muted); }
h2 { font-size: 1.35rem; margin: 0 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.toc { width: fit-content; min-width: 22rem; max-width: 100%; background: var(--zebra); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; }
.toc h2 { font-size: 1.1rem; border: 0; padding: 0; margin: 0 0 .5rem; }
.toc ol { margin: 0; padding-left: 1.5rem; }
.toc ul { margin: .15rem 0 .25rem; padding-left: 1.25rem; font-size: .92em; list-style: circle; }
.toc li { margin: .15rem 0; }
a { color: var(--accent); }
.pack-section { margin-top: 2.75rem; }
.intro { max-width: 60rem; margin: 0 0 1rem; }
.empty { color: var(--muted); font-style: italic; margin: .5rem 0 0; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; margin: 0 0 1.25rem; }
.chart { margin: 0; break-inside: avoid; page-break-inside: avoid; }
.chart figcaption { font-weight: 600; font-size: .95rem; margin-bottom: .25rem; }
.chart svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
.table-wrap { overflow: auto; max-height: 75vh; width: fit-content; max-width: 100%; border: 1px solid var(--line); border-radius: 6px; margin-bottom: 1rem; }
.table-wrap:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
table.pack-table { border-collapse: separate; border-spacing: 0; min-width: 24rem; font-size: .9rem; scroll-margin-top: 3rem; }
table.pack-table.wide { font-size: .82rem; }
.pack-table th, .pack-table td { padding: .4rem .65rem; text-align: left; vertical-align: top; white-space: nowrap; border-bottom: 1px solid var(--line); }
.pack-table th {
  position: sticky; top: 0; z-index: 1; background: var(--head); font-weight: 600;
  border-bottom: 2px solid #9fb3c8;
}
.pack-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.pack-table .long { white-space: normal; }
.pack-table td.long > div { min-width: 16rem; max-width: 30rem; }
.pack-table tbody tr:nth-child(even) td { background: var(--zebra); }
.pack-table tbody tr:hover td { background: var(--hover); }
.pack-table tbody tr:last-child td { border-bottom: 0; }
@page {
  size: A4 landscape;
  margin: 12mm 10mm 14mm 10mm;
  @bottom-right { content: "{{.Page}} " counter(page) " / " counter(pages); font-family: system-ui, "Segoe UI", Roboto, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; color: #52606d; }
}
@media print {
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  .pack-section { break-before: page; page-break-before: always; margin-top: 0; }
  h2, h3, .intro { break-after: avoid; page-break-after: avoid; }
  .table-wrap { overflow: visible; max-height: none; border: 0; border-radius: 0; }
  table.pack-table { font-size: 8.5pt; border-collapse: collapse; }
  table.pack-table.wide { font-size: 7pt; }
  .pack-table th, .pack-table td { padding: 2pt 4pt; }
  .pack-table td.long > div { min-width: 0; max-width: none; }
  .pack-table th { position: static; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  .pack-table tbody tr:hover td { background: inherit; }
  .pack-table tbody tr:nth-child(even):hover td { background: var(--zebra); }
}
</style>
</head>
<body>
<main>
<header class="pack-header">
<h1>{{.Title}}</h1>
{{- with .Subtitle}}
<p class="subtitle">{{.}}</p>
{{- end}}
</header>
{{- if .Sections}}
<nav class="toc" id="contents" aria-labelledby="contents-title">
<h2 id="contents-title">{{.Contents}}</h2>
<ol>
{{- range .Sections}}
<li><a href="#{{.ID}}">{{.Title}}</a>
{{- if .ListTables}}
<ul>
{{- range .Tables}}
<li><a href="#{{.ID}}">{{.Title}}</a></li>
{{- end}}
</ul>
{{- end -}}
</li>
{{- end}}
</ol>
</nav>
{{- end}}
{{- range .Sections}}
<section class="pack-section" id="{{.ID}}" aria-labelledby="{{.ID}}-title">
<h2 id="{{.ID}}-title">{{.Title}}</h2>
{{- with .Intro}}
<p class="intro">{{.}}</p>
{{- end}}
{{- if .Charts}}
<div class="charts">
{{- range .Charts}}
<figure class="chart">
<figcaption aria-hidden="true">{{.Title}}</figcaption>
<svg class="bar-chart" role="img" aria-labelledby="{{.ID}}-title {{.ID}}-desc" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" data-bars="{{len .Bars}}">
<title id="{{.ID}}-title">{{.Title}}</title>
<desc id="{{.ID}}-desc">{{.Desc}}</desc>
{{- range .Bars}}
<g><title>{{.Tip}}</title><text x="{{.LabelX}}" y="{{.TextY}}" text-anchor="end" font-size="12" fill="#1f2933">{{.Label}}</text><rect class="bar" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="2" fill="#3b6ea5"/><text x="{{.ValueX}}" y="{{.TextY}}" font-size="12" fill="#52606d">{{.Value}}</text></g>
{{- end}}
{{- with .Empty}}
<text x="8" y="20" font-size="12" font-style="italic" fill="#52606d">{{.}}</text>
{{- end}}
{{- if .Bars}}
<line x1="{{.AxisX}}" y1="0" x2="{{.AxisX}}" y2="{{.Height}}" stroke="#9fb3c8" stroke-width="1"/>
{{- end}}
</svg>
</figure>
{{- end}}
</div>
{{- end}}
{{- range .Tables}}
{{- if .ShowTitle}}
<h3>{{.Title}}</h3>
{{- end}}
<div class="table-wrap" role="region" tabindex="0"{{with .Title}} aria-label="{{.}}"{{end}}>
<table id="{{.ID}}" class="pack-table{{if .Wide}} wide{{end}}" data-rows="{{.Rows}}">
<thead>
<tr>{{range .Heads}}<th scope="col"{{with .Class}} class="{{.}}"{{end}}>{{.Text}}</th>{{end}}</tr>
</thead>
<tbody>{{.BodyHTML}}
</tbody>
</table>
</div>
{{- if not .Body}}
<p class="empty">{{$.None}}</p>
{{- end}}
{{- end}}
</section>
{{- end}}
</main>
</body>
</html>
`))
