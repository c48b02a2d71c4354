package reports

import (
	"html/template"
	"strings"
)

// bodyHTML renders the rows of a table's body, each "\n<tr>…</tr>", as
// the page template would with contextual escaping, but in one pass over
// the cells: the body is most of a large pack, and rendering it cell by
// cell through the template costs several times more. Cell text is
// escaped as html/template escapes element content; the classes are the
// fixed names of htmlCell.
func bodyHTML(body [][]htmlCell) template.HTML {
	size := 0
	for _, row := range body {
		size += 10
		for _, c := range row {
			size += len(c.Text) + 24
		}
	}
	var b strings.Builder
	b.Grow(size)
	for _, row := range body {
		b.WriteString("\n<tr>")
		for _, c := range row {
			b.WriteString("<td")
			if c.Class != "" {
				b.WriteString(` class="`)
				b.WriteString(c.Class)
				b.WriteByte('"')
			}
			b.WriteByte('>')
			if c.Class == "long" {
				b.WriteString("<div>")
				escapeText(&b, c.Text)
				b.WriteString("</div>")
			} else {
				escapeText(&b, c.Text)
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	return template.HTML(b.String())
}

// escapeText writes s escaped for HTML element content, byte for byte as
// html/template does: NUL becomes U+FFFD, and " & ' + < > become
// character references; everything else, invalid UTF-8 included, is kept.
func escapeText(b *strings.Builder, s string) {
	done := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[done:i])
		b.WriteString(repl)
		done = i + 1
	}
	b.WriteString(s[done:])
}
