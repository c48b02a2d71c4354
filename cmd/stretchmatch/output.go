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
	Format string // table, csv, json or markdown; empty: table on a terminal, CSV otherwise
	File   string // -o: write here instead of standard output
	Lang   string
	Excel  bool
}

func addOutputFlags(cmd *cobra.Command, o *outputOptions) {
	f := cmd.Flags()
	f.StringVar(&o.Format, "format", "", "output format: {table|csv|json|markdown} (default: table on a terminal, csv otherwise)")
	f.StringVarP(&o.File, "output", "o", "", "write the output to `FILE` (atomically) instead of standard output")
	f.StringVar(&o.Lang, "lang", "en", "language of labels: {en|fr}")
	f.BoolVar(&o.Excel, "excel", false, "CSV for Excel: byte-order mark and ';' delimiter")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "csv", "json", "markdown"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"en", "fr"}, cobra.ShellCompDirectiveNoFileComp))
}

// language returns the chosen language, or a usage error.
func (o *outputOptions) language() (reports.Lang, error) {
	l, ok := reports.ParseLang(o.Lang)
	if !ok {
		return l, usageErrorf("--lang %q: choose en or fr", o.Lang)
	}
	return l, nil
}

// format returns the chosen format: the flag, else the extension of -o,
// else table on a terminal and CSV otherwise.
func (o *outputOptions) format(ios *iostreams) (string, error) {
	switch o.Format {
	case "table", "csv", "json", "markdown":
		return o.Format, nil
	case "md":
		return "markdown", nil
	case "":
	default:
		return "", usageErrorf("--format %q: choose table, csv, json or markdown", o.Format)
	}
	if o.File != "" {
		switch strings.ToLower(filepath.Ext(o.File)) {
		case ".json":
			return "json", nil
		case ".md", ".markdown":
			return "markdown", nil
		case ".txt":
			return "table", nil
		}
		return "csv", nil
	}
	if ios.OutIsTerminal {
		return "table", nil
	}
	return "csv", nil
}

// check validates the flags before any work is done.
func (o *outputOptions) check(ios *iostreams) error {
	if _, err := o.language(); err != nil {
		return err
	}
	_, err := o.format(ios)
	return err
}

// writeTables renders the tables in the chosen format to standard output or,
// with -o, atomically to a file that must not be one of inputs.
func writeTables(ios *iostreams, o *outputOptions, inputs []string, tables ...*reports.Table) error {
	format, err := o.format(ios)
	if err != nil {
		return err
	}
	render := func(w io.Writer) error { return renderTables(w, format, o.Excel, tables) }
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

func renderTables(w io.Writer, format string, excel bool, tables []*reports.Table) error {
	for i, t := range tables {
		var err error
		switch format {
		case "table":
			if len(tables) > 1 && t.Title != "" {
				if i > 0 {
					fmt.Fprintln(w)
				}
				fmt.Fprintln(w, t.Title)
			}
			err = reports.WriteText(w, t)
		case "markdown":
			if i > 0 {
				fmt.Fprintln(w)
			}
			if len(tables) > 1 && t.Title != "" {
				fmt.Fprintf(w, "## %s\n\n", t.Title)
			}
			err = reports.WriteMarkdown(w, t)
		case "json":
			if len(tables) > 1 {
				err = writeJSONObject(w, tables)
				return err
			}
			err = reports.WriteJSON(w, t)
		default:
			if i > 0 {
				fmt.Fprintln(w)
			}
			err = data.WriteCSV(w, t.Keys(), t.Rows, data.CSVOptions{Excel: excel, OmitBOM: i > 0})
		}
		if err != nil {
			return err
		}
	}
	return nil
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
