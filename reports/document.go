package reports

// TablesPack lays out the tables a command prints as a document, for the
// HTML page and the workbook a command writes with -o FILE.html or
// -o FILE.xlsx: one section per table, titled by the table, in the order
// given (nil tables are skipped). The document has the pack's style; its
// title and run line are title and subtitle.
func TablesPack(title, subtitle string, lang Lang, tables []*Table) *Pack {
	p := &Pack{Title: title, Subtitle: subtitle, Lang: lang}
	for _, t := range tables {
		if t == nil {
			continue
		}
		p.Sections = append(p.Sections, Section{Name: t.Name, Title: t.Title, Tables: []*Table{t}})
	}
	return p
}
