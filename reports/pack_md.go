package reports

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// WritePackMarkdown writes p as one Markdown document: the title, the run
// line, a table of contents linking to the sections, then each section with
// its intro and its tables (written by [WriteMarkdown]). A table gets its
// own "###" heading when the section holds several tables or when its title
// differs from the section's; a table without rows is followed by a short
// "nothing to report" line. Charts are left out. The output depends only on
// p, so reruns are byte-identical.
//
// WritePackMarkdown panics if a table row does not have one cell per column.
func WritePackMarkdown(w io.Writer, p *Pack) error {
	var b strings.Builder
	var slugs slugger
	slugs.add(p.Title)

	b.WriteString("# " + mdText(p.Title) + "\n")
	if p.Subtitle != "" {
		b.WriteString("\n*" + mdText(p.Subtitle) + "*\n")
	}
	writeMDIdentity(&b, p)
	sheets := packSheetNames(p)

	contents := packT(p.Lang, "pack_contents")
	slugs.add(contents)
	// The anchors of the sections are known only once every heading before
	// them has been counted: lay the body out first, then the contents.
	var body strings.Builder
	anchors := make([]string, len(p.Sections))
	for i := range p.Sections {
		s := &p.Sections[i]
		anchors[i] = slugs.add(s.Title)
		body.WriteString("\n## " + mdText(s.Title) + "\n")
		if s.Intro != "" {
			body.WriteString("\n" + mdText(s.Intro) + "\n")
		}
		for _, f := range s.Figures {
			body.WriteString("\n- " + mdText(f) + "\n")
		}
		var tables, left []*Table
		for _, t := range s.tables() {
			if inDocument(t) {
				tables = append(tables, t)
			} else {
				left = append(left, t)
			}
		}
		for _, t := range tables {
			if showTableTitle(s, t, len(tables)) {
				slugs.add(t.Title)
				body.WriteString("\n### " + mdText(t.Title) + "\n")
			}
			body.WriteString("\n")
			view := mdView(t, p.RowLimit)
			if err := WriteMarkdown(&body, view); err != nil {
				return err
			}
			if len(t.Rows) == 0 {
				body.WriteString("\n*" + mdText(packT(p.Lang, "pack_none")) + "*\n")
			}
			if note := moreRowsNote(p.Lang, t, len(view.Rows), sheets[t]); note != "" {
				body.WriteString("\n*" + mdText(note) + "*\n")
			}
		}
		if len(left) > 0 {
			names := make([]string, len(left))
			for i, t := range left {
				names[i] = sheets[t]
			}
			body.WriteString("\n*" + mdText(fmt.Sprintf(docT(p.Lang, "doc_not_shown"), strings.Join(names, ", "))) + "*\n")
		}
	}

	if len(p.Sections) > 0 {
		b.WriteString("\n## " + mdText(contents) + "\n\n")
		for i := range p.Sections {
			b.WriteString("- [" + mdLinkText(p.Sections[i].Title) + "](#" + anchors[i] + ")\n")
		}
	}
	b.WriteString(body.String())
	_, err := io.WriteString(w, b.String())
	return err
}

// mdTextEscaper escapes the characters that could start Markdown syntax
// inside a paragraph or a heading, and turns line breaks into spaces.
var mdTextEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`,
	"!", `\!`, "~", `\~`, "&", `\&`, "@", `\@`, "://", `\://`, "www.", `www\.`, "WWW.", `WWW\.`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

// mdText escapes s for a one-line paragraph or heading: inline syntax is
// escaped, line breaks become spaces, and a leading character that would
// start a list or a block is escaped; control characters are shown as
// escapes (see [VisibleControls]).
func mdText(s string) string {
	s = VisibleControls(mdTextEscaper.Replace(s))
	if s != "" && strings.ContainsRune("-+=", rune(s[0])) {
		s = `\` + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') {
		s = s[:i] + `\` + s[i:]
	}
	return s
}

// mdLinkText escapes s for the text of a link in a list item.
func mdLinkText(s string) string { return VisibleControls(mdTextEscaper.Replace(s)) }

// slugger computes the anchors that GitHub and most Markdown renderers give
// headings: lower case, punctuation dropped, spaces turned into hyphens, and
// "-1", "-2"… appended to repeats.
type slugger struct {
	seen map[string]int
}

// add records a heading of text s and returns its anchor.
func (g *slugger) add(s string) string {
	if g.seen == nil {
		g.seen = make(map[string]int)
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r), unicode.IsNumber(r), unicode.IsMark(r), r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	base := b.String()
	slug := base
	for {
		if _, ok := g.seen[slug]; !ok {
			break
		}
		g.seen[base]++
		slug = base + "-" + strconv.Itoa(g.seen[base])
	}
	g.seen[slug] = 0
	return slug
}

// writeMDIdentity writes the confidentiality mark and the identity lines
// (period, organisation, date) of p under its title.
func writeMDIdentity(b *strings.Builder, p *Pack) {
	id := p.Identity
	var parts []string
	for _, kv := range [][2]string{{"doc_period", id.Period}, {"doc_organisation", id.Organisation}, {"doc_date", id.Date}} {
		if kv[1] != "" {
			parts = append(parts, docT(p.Lang, kv[0])+docT(p.Lang, "doc_colon")+kv[1])
		}
	}
	if id.Confidential != "" {
		b.WriteString("\n**" + mdText(id.Confidential) + "**\n")
	}
	if len(parts) > 0 {
		b.WriteString("\n" + mdText(strings.Join(parts, " · ")) + "\n")
	}
}

// mdView returns the rows of t that the Markdown document shows (see
// [shownRows]), with each Strip cell drawn as block characters.
func mdView(t *Table, limit int) *Table {
	rows := shownRows(t, limit)
	v := &Table{Name: t.Name, Title: t.Title, Columns: t.Columns, Rows: make([][]string, len(rows))}
	for i, r := range rows {
		row := t.Rows[r]
		for c, col := range t.Columns {
			if col.Kind == Strip {
				row = slices.Clone(row)
				row[c] = stripText(row[c], len(col.Parts))
			}
		}
		v.Rows[i] = row
	}
	return v
}
