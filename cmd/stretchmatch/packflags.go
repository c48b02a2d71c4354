package main

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/reports"
)

// packFlags are the flags that say what the committee pack is: its title,
// period, organisation and date, and how many rows its long tables show.
type packFlags struct {
	Title, Period, Organisation, Date string
	Rows                              string
}

func addPackFlags(cmd *cobra.Command, o *packFlags) {
	f := cmd.Flags()
	f.StringVar(&o.Title, "title", "", "title of the committee pack (default \"Committee pack: quarterly talent review\")")
	f.StringVar(&o.Period, "period", "", "review period printed on every page of the pack, e.g. \"2026 Q3\"")
	f.StringVar(&o.Organisation, "organisation", "", "organisation printed on every page of the pack")
	f.StringVar(&o.Date, "date", "", "date of the pack, `YYYY-MM-DD` (default: SOURCE_DATE_EPOCH when set, else no date)")
	f.StringVar(&o.Rows, "rows", "", "most rows of each long table in the HTML and Markdown pack: `N` or all (default "+
		strconv.Itoa(reports.DefaultRowLimit)+"); every row stays in report.xlsx and the CSV files")
	_ = cmd.RegisterFlagCompletionFunc("rows", cobra.FixedCompletions([]string{"all"}, cobra.ShellCompDirectiveNoFileComp))
}

// options checks the flags and returns the options of the pack, or a
// usage error. getenv reads SOURCE_DATE_EPOCH.
func (o *packFlags) options(getenv func(string) string) (reports.PackOptions, error) {
	p := reports.PackOptions{
		Title: strings.TrimSpace(o.Title), Period: strings.TrimSpace(o.Period),
		Organisation: strings.TrimSpace(o.Organisation), RowLimit: reports.DefaultRowLimit,
	}
	switch r := strings.TrimSpace(o.Rows); r {
	case "":
	case "all":
		p.RowLimit = 0
	default:
		n, err := strconv.Atoi(r)
		if err != nil || n < 1 {
			return p, usageErrorf("--rows %q: give a number of rows ≥ 1, or all", o.Rows)
		}
		p.RowLimit = n
	}
	if o.Date != "" {
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(o.Date))
		if err != nil {
			return p, usageErrorf("--date %q: give the date as YYYY-MM-DD, e.g. 2026-09-30", o.Date)
		}
		p.Date = d.Format(time.DateOnly)
	} else if e := getenv("SOURCE_DATE_EPOCH"); e != "" {
		secs, err := strconv.ParseInt(strings.TrimSpace(e), 10, 64)
		if err != nil {
			return p, usageErrorf("SOURCE_DATE_EPOCH=%q: give a number of seconds since 1970-01-01 UTC, or unset it", e)
		}
		p.Date = time.Unix(secs, 0).UTC().Format(time.DateOnly)
	}
	return p, nil
}

// check validates the flags before any work is done.
func (o *packFlags) check() error {
	_, err := o.options(os.Getenv)
	return err
}
