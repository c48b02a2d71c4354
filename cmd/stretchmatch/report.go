package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/reports"
)

type reportOptions struct {
	IO     *iostreams
	Input  inputOptions
	Cycle  cycleFlags
	OutDir string // --out: write report.md, report.html and report.xlsx here
	File   string // -o: write one format, chosen by the extension
	Format string // markdown or html on standard output
	Lang   string
	Redact bool
}

func newReportCmd(ios *iostreams, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "report [DIR] [--out OUT | -o FILE]",
		Short: "Build the committee pack: Markdown, HTML and Excel",
		Long: `Run the whole cycle on the input files of DIR (score, plan, match) and build
the committee pack: summary (moves by band, strategic moves, moves chosen,
share of mentees matched, fit quartiles), moves, plan, pairs, exceptions,
equity (by division, grade and gender when given), mentor load and the run
record (tool version, configuration in force, SHA-256 of every input).

Without --out or -o, the pack is printed on standard output in Markdown
(--format html for the HTML page). --out OUT writes report.md, report.html
and report.xlsx into OUT; -o FILE writes one file, in the format of its
extension: .md, .html or .xlsx. Files are written atomically. The HTML page
is self-contained and prints on A4 landscape; the workbook has one sheet per
table. --plan FILE builds the pack for the moves chosen in a plan.csv the
committee edited, instead of planning anew.`,
		Example: `  stretchmatch report review-q3
  stretchmatch report review-q3 --out pack --lang fr
  stretchmatch report review-q3 -o committee.xlsx --redact`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Input.Dir = dirArg(args)
			if err := checkCycleFlags(&opts.Input, &opts.Cycle, opts.Lang); err != nil {
				return err
			}
			if _, err := opts.format(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runReport(opts)
		}),
	}
	addInputFlags(cmd, &opts.Input)
	addCycleFlags(cmd, &opts.Cycle)
	f := cmd.Flags()
	f.StringVar(&opts.OutDir, "out", "", "write report.md, report.html and report.xlsx into `OUT`")
	f.StringVarP(&opts.File, "output", "o", "", "write the pack to `FILE`, in the format of its extension: {.md|.html|.xlsx}")
	f.StringVar(&opts.Format, "format", "", "format on standard output: {markdown|html} (default markdown)")
	addLangFlag(cmd, &opts.Lang)
	f.BoolVar(&opts.Redact, "redact", false, "replace every person's name with a stable pseudonym")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"markdown", "html"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// format returns the file of the pack to produce for -o or standard output
// (report.md, report.html or report.xlsx), or a usage error.
func (o *reportOptions) format() (string, error) {
	if o.OutDir != "" && (o.File != "" || o.Format != "") {
		return "", usageErrorf("--out writes every format: give either --out or -o/--format")
	}
	if o.File != "" && o.Format != "" {
		return "", usageErrorf("-o picks the format from the file's extension: leave out --format")
	}
	if o.File != "" {
		switch strings.ToLower(filepath.Ext(o.File)) {
		case ".md", ".markdown":
			return fileReportMD, nil
		case ".html", ".htm":
			return fileReportHTML, nil
		case ".xlsx":
			return fileReportXLSX, nil
		}
		return "", usageErrorf("-o %s: end the file name with .md, .html or .xlsx", o.File)
	}
	switch o.Format {
	case "", "markdown", "md":
		return fileReportMD, nil
	case "html":
		return fileReportHTML, nil
	}
	return "", usageErrorf("--format %q: choose markdown or html", o.Format)
}

func runReport(opts *reportOptions) error {
	opts.Input.Redact = opts.Redact
	l, err := opts.Input.load(opts.IO.In, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	c, err := runCycle(l, opts.Cycle, newProgress(opts.IO, opts.Cycle.Progress))
	if err != nil {
		return err
	}
	lang, _ := parseLang(opts.Lang)
	files, err := renderPack(c.committeePack(lang, reports.Namer{Redact: opts.Redact}))
	if err != nil {
		return err
	}
	if opts.OutDir != "" {
		if err := writeFiles(opts.OutDir, c.Paths, files); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.ErrOut, "wrote %s into %s\n", strings.Join(fileNames(files), ", "), opts.OutDir)
		return nil
	}
	want, _ := opts.format()
	var body []byte
	for _, f := range files {
		if f.Name == want {
			body = f.Body
		}
	}
	if opts.File == "" {
		_, err := opts.IO.Out.Write(body)
		return err
	}
	return data.WriteFileAtomic(opts.File, c.Paths, func(w io.Writer) error {
		_, err := w.Write(body)
		return err
	})
}
