package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/reports"
)

// outputOptions are the flags shared by every command that prints tables.
type outputOptions struct {
	Format string // table, csv, json, markdown, html or xlsx; empty: from -o, else table on a terminal, CSV otherwise
	File   string // -o: write here instead of standard output
	Lang   string
	Excel  bool
	Table  string // --table: print this table only

	command string   // name of the command, for the title of documents
	tables  []string // names of the command's tables, main first, when declared
}

// The output formats, and the extension of -o that names each one.
var (
	outputFormats    = []string{"table", "csv", "json", "markdown", "html", "xlsx"}
	outputExtensions = []struct{ ext, format string }{
		{".csv", "csv"}, {".md", "markdown"}, {".markdown", "markdown"}, {".json", "json"},
		{".txt", "table"}, {".html", "html"}, {".htm", "html"}, {".xlsx", "xlsx"},
	}
)

func addOutputFlags(cmd *cobra.Command, o *outputOptions) {
	o.command = cmd.Name()
	f := cmd.Flags()
	f.StringVar(&o.Format, "format", "", "output format: {table|csv|json|markdown|html|xlsx} (default: from the extension of -o, else table on a terminal, csv otherwise)")
	f.StringVarP(&o.File, "output", "o", "", "write the output to `FILE` (atomically) in the format its extension names: {.csv|.md|.json|.txt|.html|.xlsx}")
	f.StringVar(&o.Lang, "lang", "en", "language of labels: {en|fr}")
	f.BoolVar(&o.Excel, "excel", false, "CSV for Excel: byte-order mark, ';' delimiter and decimal comma")
	f.StringVar(&o.Table, "table", "", "print only the table `NAME` (CSV holds the main table unless --table names another)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(outputFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"en", "fr"}, cobra.ShellCompDirectiveNoFileComp))
}

// declareTables names the tables a command prints, main first: --table is
// checked against them before any work, and the command's help lists them.
// A capability that adds a table to a command appends its name here and
// its table to the list the command passes to writeTables.
func declareTables(cmd *cobra.Command, o *outputOptions, names ...string) {
	o.tables = names
	cmd.Long += "\n\nTables (--table NAME; CSV holds the first, the main one, unless --table\nnames another; --out DIR writes each as NAME.csv):\n  " + strings.Join(names, ", ")
	_ = cmd.RegisterFlagCompletionFunc("table", cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp))
}

// language returns the chosen language, or a usage error.
func (o *outputOptions) language() (reports.Lang, error) {
	return parseLang(o.Lang)
}

// format returns the chosen format: the flag, else the extension of -o,
// else table on a terminal and CSV otherwise. A --format that contradicts
// the extension of -o, or an -o whose extension names no format when
// --format is not given, is a usage error.
func (o *outputOptions) format(ios *iostreams) (string, error) {
	format := strings.ToLower(o.Format)
	switch format {
	case "md":
		format = "markdown"
	case "txt", "text":
		format = "table"
	case "", "table", "csv", "json", "markdown", "html", "xlsx":
	default:
		return "", usageErrorf("--format %q: choose %s or %s", o.Format, strings.Join(outputFormats[:len(outputFormats)-1], ", "), outputFormats[len(outputFormats)-1])
	}
	if o.File != "" && o.File != "-" {
		ext := strings.ToLower(filepath.Ext(o.File))
		byExt := ""
		for _, e := range outputExtensions {
			if e.ext == ext {
				byExt = e.format
			}
		}
		switch {
		case byExt == "" && format == "":
			return "", usageErrorf("-o %s: the extension %q names no format (end the file name with .csv, .md, .json, .txt, .html or .xlsx, or give --format)", o.File, ext)
		case byExt != "" && format != "" && format != byExt:
			return "", usageErrorf("-o %s is a %s file but --format asks for %s (leave out --format, or change the extension)", o.File, byExt, format)
		case format == "":
			return byExt, nil
		}
		return format, nil
	}
	switch {
	case format == "xlsx" && ios.OutIsTerminal:
		return "", usageErrorf("--format xlsx writes a workbook, not text for a terminal (add -o FILE.xlsx)")
	case format != "":
		return format, nil
	case ios.OutIsTerminal:
		return "table", nil
	}
	return "csv", nil
}

// check validates the flags before any work is done.
func (o *outputOptions) check(ios *iostreams) error {
	if _, err := o.language(); err != nil {
		return err
	}
	if o.Table != "" && o.tables != nil && !contains(o.tables, o.Table) {
		return usageErrorf("--table %q: %s prints the tables %s", o.Table, o.command, strings.Join(o.tables, ", "))
	}
	_, err := o.format(ios)
	return err
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// writeTables renders the tables in the chosen format to standard output or,
// with -o, atomically to a file that must not be one of inputs. The first
// table is the command's main one: the only one in CSV, unless --table
// picks another. JSON holds every table (one object keyed by table name
// when there are several), as do the table, Markdown, HTML and Excel
// formats; --table keeps one in every format.
func writeTables(ios *iostreams, o *outputOptions, inputs []string, tables ...*reports.Table) error {
	format, err := o.format(ios)
	if err != nil {
		return err
	}
	tables, err = o.pick(format, tables)
	if err != nil {
		return err
	}
	lang, _ := o.language()
	render := func(w io.Writer) error {
		return renderTables(w, format, o.Excel, terminalWidth(ios, o, format), o.document(lang, tables))
	}
	if o.File == "" || o.File == "-" {
		var buf bytes.Buffer
		if err := render(&buf); err != nil {
			return err
		}
		_, err := ios.Out.Write(buf.Bytes())
		return err
	}
	return data.WriteFileAtomic(o.File, inputs, render)
}

// pick returns the tables the format holds: the one --table names, else
// the main table for CSV and every table for the other formats.
func (o *outputOptions) pick(format string, tables []*reports.Table) ([]*reports.Table, error) {
	if o.Table == "" {
		if format == "csv" && len(tables) > 1 {
			return tables[:1], nil
		}
		return tables, nil
	}
	names := make([]string, len(tables))
	for i, t := range tables {
		if t.Name == o.Table {
			return []*reports.Table{t}, nil
		}
		names[i] = t.Name
	}
	return nil, usageErrorf("--table %q: %s prints the tables %s", o.Table, o.command, strings.Join(names, ", "))
}

// document lays out the tables as a document titled after the command.
func (o *outputOptions) document(lang reports.Lang, tables []*reports.Table) *reports.Pack {
	return reports.TablesPack("stretchmatch "+o.command, "stretchmatch "+version, lang, tables)
}

// terminalWidth is the width text tables must fit: the terminal's when the
// table goes to a terminal, 0 (no limit) otherwise.
func terminalWidth(ios *iostreams, o *outputOptions, format string) int {
	if format != "table" || (o.File != "" && o.File != "-") || !ios.OutIsTerminal {
		return 0
	}
	return ios.Width
}

// renderTables writes the tables of doc in format. Width limits text
// tables (0: no limit).
func renderTables(w io.Writer, format string, excel bool, width int, doc *reports.Pack) error {
	var tables []*reports.Table
	for i := range doc.Sections {
		tables = append(tables, doc.Sections[i].Tables...)
	}
	switch format {
	case "html":
		return reports.WritePackHTML(w, doc)
	case "xlsx":
		return withScratch(func(dir string) error { return reports.WritePackXLSXIn(w, doc, dir) })
	case "json":
		if len(tables) > 1 {
			return writeJSONObject(w, tables)
		}
	}
	for i, t := range tables {
		var err error
		switch format {
		case "table":
			if len(tables) > 1 && t.Title != "" {
				if i > 0 {
					fmt.Fprintln(w)
				}
				fmt.Fprintln(w, reports.VisibleControls(t.Title))
			}
			err = reports.WriteTextWidth(w, t, width)
		case "markdown":
			if i > 0 {
				fmt.Fprintln(w)
			}
			if len(tables) > 1 && t.Title != "" {
				fmt.Fprintf(w, "## %s\n\n", reports.MarkdownText(t.Title))
			}
			err = reports.WriteMarkdown(w, t)
		case "json":
			err = reports.WriteJSON(w, t)
		default:
			err = writeTableCSV(w, t, excel)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// writeTableCSV writes one table as CSV: keys as header, numbers with a
// decimal comma when excel is set.
func writeTableCSV(w io.Writer, t *reports.Table, excel bool) error {
	numbers := make([]bool, len(t.Columns))
	for i, c := range t.Columns {
		numbers[i] = c.Kind == reports.Number
	}
	return data.WriteCSV(w, t.Keys(), t.Rows, data.CSVOptions{Excel: excel, Numbers: numbers})
}

// writeJSONObject writes several tables as one JSON object keyed by table
// name, in the order given.
func writeJSONObject(w io.Writer, tables []*reports.Table) error {
	io.WriteString(w, "{\n")
	for i, t := range tables {
		var buf bytes.Buffer
		if err := reports.WriteJSON(&buf, t); err != nil {
			return err
		}
		sep := ","
		if i == len(tables)-1 {
			sep = ""
		}
		fmt.Fprintf(w, "%q: %s%s\n", t.Name, strings.TrimRight(buf.String(), "\n"), sep)
	}
	_, err := io.WriteString(w, "}\n")
	return err
}
