package main

import (
	"fmt"
	"io"
	"os"
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
	Follow followupFlags
	Pack   packFlags
}

func newReportCmd(ios *iostreams, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "report [DIR] [--out OUT | -o FILE]",
		Short: "Build the committee pack: Markdown, HTML and Excel",
		Long: `Run the whole cycle on the input files of DIR (score, plan, match) and build
the committee pack.

Without --out or -o, the pack is printed on standard output in Markdown
(--format html for the HTML page). --out OUT writes report.md, report.html
and report.xlsx into OUT; -o FILE writes one file, in the format of its
extension: .md, .html or .xlsx. Files are written atomically. The HTML page
is self-contained and prints on A4 landscape; the workbook has one sheet per
table. --plan FILE builds the pack for the moves chosen in a plan.csv the
committee edited, instead of planning anew.

Page 1 of the pack is a one-page summary: key figures, the bands chart, the
exceptions that need a decision (each linking to its detail) and, when
there are any, the committee's decisions and their price. Then one line per
person (with the criteria as a strip and a challenge × support chart), the
pairs, the exceptions, the equity audit (rates and impact ratios by gender,
division, grade band, country and the columns pack.equity_columns names,
flagged below 0.8), mentor load (used / capacity), the plan and the run
record (tool version, configuration in force, SHA-256 of every input). The
full-number tables (every move with its fifteen criteria, the plan of every
candidate) are in the workbook only. --title, --period and
--organisation say what the pack is; with the confidential mark of the
configuration (pack.confidential, default "Confidential — HR") they head
every printed page. The pack is dated only with --date or SOURCE_DATE_EPOCH,
so that reruns stay byte-identical. Long tables show the rows the committee
must see first, up to --rows N (default 100), then say how many more rows
are in report.xlsx and which CSV file; --rows all shows every row.
--previous PREV adds the "Last quarter" section, following up last
quarter's pack PREV with DIR's activity.csv, as run --previous does (see
stretchmatch followup).`,
		Example: `  stretchmatch report review-q3
  stretchmatch report review-q3 --out pack --lang fr
  stretchmatch report review-q3 -o committee.xlsx --redact
  stretchmatch report review-q3 --out pack --title "Talent review" --period "2026 Q3" --organisation "Northwind" --date 2026-09-30
  stretchmatch report review-q3 -o pack.html --rows all
  stretchmatch report review-q3 --out pack --previous results-q2 --as-of 2026-09-30`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Input.Dir = dirArg(args)
			if err := checkCycleFlags(&opts.Input, &opts.Cycle, opts.Lang); err != nil {
				return err
			}
			if _, err := opts.format(); err != nil {
				return err
			}
			if err := opts.Follow.check(); err != nil {
				return err
			}
			if err := opts.Pack.check(); err != nil {
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
	f.StringVar(&opts.Follow.Prev, "previous", "", "add a \"Last quarter\" section following up the pack `PREV` of last quarter (see followup)")
	addFollowupFlags(cmd, &opts.Follow)
	addPackFlags(cmd, &opts.Pack)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"markdown", "html"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// format returns the file of the pack to produce for -o or standard output
// (report.md, report.html or report.xlsx), or a usage error.
func (o *reportOptions) format() (string, error) {
	if o.OutDir != "" && (o.File != "" || o.Format != "") {
		return "", usageErrorf("--out writes every format: give either --out or -o/--format")
	}
	if o.File != "" {
		var file, name string
		switch strings.ToLower(filepath.Ext(o.File)) {
		case ".md", ".markdown":
			file, name = fileReportMD, "markdown"
		case ".html", ".htm":
			file, name = fileReportHTML, "html"
		case ".xlsx":
			file, name = fileReportXLSX, "xlsx"
		default:
			return "", usageErrorf("-o %s: end the file name with .md, .html or .xlsx", o.File)
		}
		if f := strings.ToLower(o.Format); f != "" && f != name && !(f == "md" && name == "markdown") {
			return "", usageErrorf("-o %s is a %s file but --format asks for %s (leave out --format, or change the extension)", o.File, name, o.Format)
		}
		return file, nil
	}
	switch strings.ToLower(o.Format) {
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
	if opts.Follow.Prev != "" {
		opts.Follow.CodevHistory = opts.Input.CodevHistoryFile
		if err := c.followUp(opts.Input.Dir, opts.Follow); err != nil {
			return err
		}
	}
	lang, _ := parseLang(opts.Lang)
	po, _ := opts.Pack.options(os.Getenv)
	c.PackOptions = &po
	files, err := renderPack(c.committeePack(lang, reports.Namer{Redact: opts.Redact}))
	if err != nil {
		return err
	}
	if opts.OutDir != "" {
		if err := writeFiles(opts.OutDir, c.Paths, files); err != nil {
			return err
		}
		fmt.Fprintln(opts.IO.ErrOut, say(lang, "wrote %s into %s", strings.Join(fileNames(files), ", "), opts.OutDir))
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
