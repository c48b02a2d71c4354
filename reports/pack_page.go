package reports

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
)

// packScript makes the tables of the page sortable (a span with the button
// role in each header cell, not a form control, which Chromium leaves out
// of the header repeated on printed pages; aria-sort says the order) and filterable (a search box above
// each long table). It reads its labels from the body's data attributes, so
// that its text, and the hash the Content Security Policy allows, never
// change. Without it the page reads the same, unsorted and unfiltered.
const packScript = `(function () {
  "use strict";
  var body = document.body;
  var sortLabel = body.getAttribute("data-sort-label") || "Sort";
  var filterLabel = body.getAttribute("data-filter-label") || "Filter";
  function key(cell, num) {
    var t = cell ? cell.textContent.trim() : "";
    if (!num) { return t.toLowerCase(); }
    var v = parseFloat(t.replace(/\s/g, "").replace(",", "."));
    return isNaN(v) ? -Infinity : v;
  }
  function sortable(table) {
    var head = table.tHead && table.tHead.rows[0];
    var tbody = table.tBodies[0];
    if (!head || !tbody) { return; }
    var heads = head.cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      if (th.classList.contains("strip")) { return; }
      var b = document.createElement("span");
      b.className = "sort";
      b.title = sortLabel;
      b.setAttribute("role", "button");
      b.tabIndex = 0;
      while (th.firstChild) { b.appendChild(th.firstChild); }
      th.appendChild(b);
      b.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); b.click(); }
      });
      b.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var num = th.classList.contains("num");
        var rows = Array.prototype.slice.call(tbody.rows);
        var keys = rows.map(function (r, i) { return { row: r, k: key(r.cells[col], num), i: i }; });
        keys.sort(function (a, b) {
          var d = a.k < b.k ? -1 : (a.k > b.k ? 1 : 0);
          return (asc ? d : -d) || a.i - b.i;
        });
        keys.forEach(function (x) { tbody.appendChild(x.row); });
      });
    });
  }
  function filterable(table) {
    var wrap = table.parentNode;
    var tbody = table.tBodies[0];
    if (!tbody || tbody.rows.length <= Number(table.getAttribute("data-filter-from") || 1e9)) { return; }
    var label = document.createElement("label");
    label.className = "filter";
    label.textContent = filterLabel + " ";
    var input = document.createElement("input");
    input.type = "search";
    label.appendChild(input);
    wrap.parentNode.insertBefore(label, wrap);
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(tbody.rows, function (r) {
        r.hidden = q !== "" && r.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.pack-table"), function (t) {
    sortable(t);
    filterable(t);
  });
})();`

// packCSP is the page's Content Security Policy: nothing is loaded from
// anywhere, inline styles are allowed, and the only script allowed is
// packScript, by its hash.
var packCSP = func() string {
	sum := sha256.Sum256([]byte(packScript))
	return "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" +
		base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
}()

// packPage is the page template. Everything it prints goes through
// html/template's contextual escaping; the script is part of the template
// text, not data.
var packPage = template.Must(template.New("pack").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="generator" content="stretchmatch">
<title>{{.Title}}</title>
<style>
:root {
  --ink: #1f2933; --muted: #4a5866; --line: #d9e2ec; --head: #e8eef5;
  --zebra: #f5f8fb; --hover: #fdf6e3; --accent: #1d4f7c; --warn: #a33d00;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 15px; line-height: 1.45;
}
main { max-width: 1440px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
.pack-header { border-bottom: 3px solid var(--accent); padding-bottom: .75rem; margin-bottom: 1.25rem; }
.conf-mark { display: inline-block; float: right; border: 2px solid var(--warn); color: var(--warn); font-weight: 700; padding: .1rem .5rem; border-radius: 4px; font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .35rem; color: var(--accent); }
.subtitle, .identity { margin: 0; color: var(--muted); }
.identity span + span::before { content: " · "; }
h2 { font-size: 1.35rem; margin: 0 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.toc { width: fit-content; min-width: 22rem; max-width: 100%; background: var(--zebra); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin-top: 2rem; }
.toc h2 { font-size: 1.1rem; border: 0; padding: 0; margin: 0 0 .5rem; }
.toc ol { margin: 0; padding-left: 1.5rem; }
.toc ul { margin: .15rem 0 .25rem; padding-left: 1.25rem; font-size: .92em; list-style: circle; }
.toc li { margin: .15rem 0; }
a { color: var(--accent); }
.pack-section { margin-top: 2.75rem; }
.pack-section.lead { margin-top: 0; }
.intro { max-width: 60rem; margin: 0 0 1rem; }
.empty, .more, .sheet-only { color: var(--muted); font-style: italic; margin: .25rem 0 1rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; margin: 0 0 1.25rem; }
.chart { margin: 0; break-inside: avoid; page-break-inside: avoid; }
.chart figcaption { font-weight: 600; font-size: .95rem; margin-bottom: .25rem; }
.chart svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
.lead .blocks { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0 1.5rem; align-items: start; }
.lead .block:first-child { grid-row: span 4; }
.lead .blocks h3 { margin-top: .5rem; }
.table-wrap { overflow: auto; max-height: 75vh; width: fit-content; max-width: 100%; border: 1px solid var(--line); border-radius: 6px; margin-bottom: 1rem; }
.table-wrap:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
table.pack-table { border-collapse: separate; border-spacing: 0; min-width: 24rem; font-size: .9rem; scroll-margin-top: 3rem; }
table.pack-table.wide { font-size: .82rem; }
.pack-table th, .pack-table td { padding: .4rem .65rem; text-align: left; vertical-align: top; white-space: nowrap; border-bottom: 1px solid var(--line); }
.pack-table th {
  position: sticky; top: 0; z-index: 1; background: var(--head); font-weight: 600;
  border-bottom: 2px solid #9fb3c8;
}
.pack-table th[aria-sort="ascending"] .sort::after { content: " ▲"; }
.pack-table th[aria-sort="descending"] .sort::after { content: " ▼"; }
.pack-table .sort { cursor: pointer; }
.pack-table .sort:focus-visible { outline: 2px solid var(--accent); }
.pack-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.pack-table .long { white-space: normal; }
.pack-table td.long > div { min-width: 16rem; max-width: 30rem; }
.pack-table tbody tr:nth-child(even) td { background: var(--zebra); }
.pack-table tbody tr:hover td { background: var(--hover); }
.pack-table tbody tr:last-child td { border-bottom: 0; }
.pack-table tr:target td { background: #fff3bf; }
.strip-cells { display: inline-flex; gap: 1px; vertical-align: middle; }
.strip-cells i { display: inline-block; width: 7px; height: 12px; border: 1px solid #9fb3c8; }
.strip-cells i.s0 { background: #ffffff; }
.strip-cells i.s1 { background: #c6dbef; }
.strip-cells i.s2 { background: #6baed6; }
.strip-cells i.s3 { background: #2171b5; }
.strip-cells i.s4 { background: #08306b; }
.filter { display: block; margin: 0 0 .35rem; font-size: .9rem; color: var(--muted); }
.filter input { font: inherit; padding: .15rem .35rem; }
@page {
  size: A4 landscape;
  margin: 14mm 10mm 13mm 10mm;
{{.PageBoxes}}
}
@media print {
  body { font-size: 9pt; line-height: 1.3; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  .toc, .filter { display: none; }
  .pack-header { margin-bottom: .5rem; padding-bottom: .3rem; }
  h1 { font-size: 16pt; }
  h2 { font-size: 13pt; margin-bottom: .4rem; }
  h3 { font-size: 10.5pt; margin: .6rem 0 .3rem; }
  .pack-section { break-before: page; page-break-before: always; margin-top: 0; }
  .pack-section.lead { break-before: auto; page-break-before: auto; }
  .pack-section.run-on { break-before: auto; page-break-before: auto; margin-top: 1.2rem; }
  h2, h3, .intro { break-after: avoid; page-break-after: avoid; }
  .table-wrap { overflow: visible; max-height: none; border: 0; border-radius: 0; width: auto; max-width: 100%; margin-bottom: .4rem; }
  table.pack-table { font-size: 8pt; border-collapse: collapse; min-width: 0; max-width: 100%; }
  table.pack-table.wide { font-size: 7pt; }
  .pack-table th, .pack-table td { padding: 1.5pt 3.5pt; white-space: normal; overflow-wrap: break-word; }
  .pack-table th { white-space: normal; overflow-wrap: normal; }
  .pack-table td.num, .pack-table th.num, .pack-table td.strip { white-space: nowrap; overflow-wrap: normal; }
  .pack-table td.long > div { min-width: 0; max-width: none; }
  .pack-table th { position: static; }
  .pack-table .sort::after { content: none; }
  thead { display: table-header-group; }
  tfoot { display: table-footer-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  .pack-table tbody tr:hover td { background: inherit; }
  .pack-table tbody tr:nth-child(even):hover td { background: var(--zebra); }
  .strip-cells i { width: 5px; height: 9px; }
  .charts { gap: .4rem 1.5rem; margin-bottom: .6rem; }
  .chart { max-width: calc(50% - .75rem); }
  .chart svg { max-height: 110mm; width: auto; }
}
</style>
</head>
<body data-sort-label="{{.SortLabel}}" data-filter-label="{{.FilterLbl}}">
<main>
<header class="pack-header">
{{- with .Confidential}}
<p class="conf-mark">{{.}}</p>
{{- end}}
<h1>{{.Title}}</h1>
{{- with .Subtitle}}
<p class="subtitle">{{.}}</p>
{{- end}}
{{- with .Identity}}
<p class="identity">{{range .}}<span>{{.}}</span>{{end}}</p>
{{- end}}
</header>
{{- with .Lead}}{{template "section" .}}{{end}}
{{- if .All}}
<nav class="toc" id="contents" aria-labelledby="contents-title">
<h2 id="contents-title">{{.Contents}}</h2>
<ol>
{{- range .All}}
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
{{- range .Sections}}{{template "section" .}}{{end}}
</main>
<script>` + packScript + `</script>
</body>
</html>
{{define "section"}}
<section class="pack-section{{if .Lead}} lead{{end}}{{if .RunOn}} run-on{{end}}" id="{{.ID}}" aria-labelledby="{{.ID}}-title">
<h2 id="{{.ID}}-title">{{.Title}}</h2>
{{- with .Intro}}
<p class="intro">{{.}}</p>
{{- end}}
{{- if or .Charts .Scatters}}
<div class="charts">
{{- range .Charts}}{{template "chart" .}}{{end}}
{{- range .Scatters}}{{template "scatter" .}}{{end}}
</div>
{{- end}}
{{- if .Lead}}
<div class="blocks">
{{- range .Tables}}<div class="block">{{template "table" .}}</div>{{end}}
</div>
{{- else}}
{{- range .Tables}}{{template "table" .}}{{end}}
{{- end}}
{{- with .SheetOnly}}
<p class="sheet-only">{{.}}</p>
{{- end}}
</section>
{{- end -}}
{{define "table"}}
{{- if .ShowTitle}}
<h3>{{.Title}}</h3>
{{- end}}
<div class="table-wrap" role="region" tabindex="0"{{with .Title}} aria-label="{{.}}"{{end}}>
<table id="{{.ID}}" class="pack-table{{if .Wide}} wide{{end}}" data-rows="{{.Rows}}"{{if .Filter}} data-filter-from="{{.FilterFrom}}"{{end}}>
<thead>
<tr>{{range .Heads}}<th scope="col"{{with .Class}} class="{{.}}"{{end}}>{{.Text}}</th>{{end}}</tr>
</thead>
<tbody>
{{- range .Body}}
<tr{{with .ID}} id="{{.}}"{{end}}{{if .Keep}} class="keep"{{end}}>
{{- $link := .Link}}
{{- range $i, $c := .Cells}}
<td{{with $c.Class}} class="{{.}}"{{end}}>
{{- if $c.Strip}}<span class="strip-cells" role="img" aria-label="{{$c.Text}}">{{range $c.Strip}}<i class="s{{.Shade}}" title="{{.Tip}}"></i>{{end}}</span>
{{- else if and (eq $i 0) $link}}<a href="#{{$link}}">{{template "text" $c}}</a>
{{- else if eq $c.Class "long"}}<div>{{template "text" $c}}</div>
{{- else}}{{template "text" $c}}{{end -}}
</td>
{{- end}}</tr>
{{- end}}
</tbody>
</table>
</div>
{{- with .More}}
<p class="more">{{.}}</p>
{{- end}}
{{- if not .Body}}
<p class="empty">{{$.EmptyLabel}}</p>
{{- end}}
{{- end -}}
{{define "text"}}{{if .Parts}}{{range $j, $p := .Parts}}{{if $j}}<wbr>{{end}}{{$p}}{{end}}{{else}}{{.Text}}{{end}}{{end -}}
{{define "chart"}}
<figure class="chart">
<figcaption aria-hidden="true">{{.Title}}</figcaption>
<svg class="bar-chart" role="img" aria-labelledby="{{.ID}}-title {{.ID}}-desc" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" data-bars="{{len .Bars}}">
<title id="{{.ID}}-title">{{.Title}}</title>
<desc id="{{.ID}}-desc">{{.Desc}}</desc>
{{- if .Flagged}}
<defs><pattern id="{{.ID}}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#d55e00"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>
{{- end}}
{{- range .Bars}}
<g><title>{{.Tip}}</title><text x="{{.LabelX}}" y="{{.TextY}}" text-anchor="end" font-size="12" fill="#1f2933">{{.Label}}</text>
{{- $b := .}}{{with .CapW}}<rect class="capacity" x="{{$b.X}}" y="{{$b.Y}}" width="{{.}}" height="{{$b.H}}" rx="2" fill="#ffffff" stroke="#0072b2" stroke-width="1"/>{{end -}}
<rect class="bar{{if .Flag}} flagged{{end}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="2" fill="{{if .Flag}}url(#{{$.ID}}-hatch){{else}}#0072b2{{end}}"/><text x="{{.ValueX}}" y="{{.TextY}}" font-size="12" fill="#4a5866">{{.Value}}</text></g>
{{- end}}
{{- with .Empty}}
<text x="8" y="20" font-size="12" font-style="italic" fill="#4a5866">{{.}}</text>
{{- end}}
{{- if .Bars}}
<line x1="{{.AxisX}}" y1="0" x2="{{.AxisX}}" y2="{{.Height}}" stroke="#9fb3c8" stroke-width="1"/>
{{- end}}
{{- with .Ref}}
<line class="ref" x1="{{.X}}" y1="0" x2="{{.X}}" y2="{{.Bottom}}" stroke="#1f2933" stroke-width="1.5" stroke-dasharray="4 3"/><text x="{{.X}}" y="{{.TextY}}" text-anchor="middle" font-size="11" fill="#1f2933">{{.Label}}</text>
{{- end}}
</svg>
</figure>
{{- end -}}
{{define "scatter"}}
<figure class="chart scatter">
<figcaption aria-hidden="true">{{.Title}}</figcaption>
<svg class="scatter-plot" role="img" aria-labelledby="{{.ID}}-title {{.ID}}-desc" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" data-marks="{{len .Points}}" data-marked="{{.Marked}}">
<title id="{{.ID}}-title">{{.Title}}</title>
<desc id="{{.ID}}-desc">{{.Desc}}</desc>
{{- range .Regions}}
<g class="region"><polygon points="{{.Points}}" fill="{{.Fill}}"/><text x="{{.LabelX}}" y="{{.LabelY}}" text-anchor="middle" font-size="12" font-weight="600" fill="#1f2933">{{.Label}}</text></g>
{{- end}}
<g class="axes" stroke="#4a5866" stroke-width="1"><line x1="{{.X0}}" y1="{{.Y0}}" x2="{{.X1}}" y2="{{.Y0}}"/><line x1="{{.X0}}" y1="{{.Y0}}" x2="{{.X0}}" y2="{{.Y1}}"/></g>
{{- range .Ticks}}
<text x="{{.X}}" y="{{.Y}}" text-anchor="{{.Anchor}}" font-size="11" fill="#4a5866">{{.Text}}</text>
{{- end}}
<text x="{{.XLabelX}}" y="{{.XLabelY}}" text-anchor="middle" font-size="12" fill="#1f2933">{{.XLabel}}</text>
<text x="{{.YLabelX}}" y="{{.YLabelY}}" text-anchor="middle" font-size="12" fill="#1f2933" transform="rotate(-90 {{.YLabelX}} {{.YLabelY}})">{{.YLabel}}</text>
{{- range .Points}}
{{- if .Marked}}
<path class="mark chosen" d="M{{.X}} {{.Top}}l5 5-5 5-5-5z" fill="#d55e00" stroke="#1f2933" stroke-width="1">{{with .Tip}}<title>{{.}}</title>{{end}}</path>
{{- else}}
<circle class="mark" cx="{{.X}}" cy="{{.Y}}" r="3" fill="none" stroke="#0072b2" stroke-width="1.2">{{with .Tip}}<title>{{.}}</title>{{end}}</circle>
{{- end}}
{{- end}}
<g class="legend" font-size="11" fill="#1f2933"><circle cx="{{.LegendX}}" cy="12" r="3" fill="none" stroke="#0072b2" stroke-width="1.2"/><text x="{{.LegendTextX}}" y="16">{{.PointLabel}}</text><path d="M{{.LegendX}} 22l5 5-5 5-5-5z" fill="#d55e00" stroke="#1f2933" stroke-width="1"/><text x="{{.LegendTextX}}" y="31">{{.MarkedLabel}}</text></g>
</svg>
</figure>
{{- end -}}
`))
