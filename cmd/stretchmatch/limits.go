package main

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
)

// limitFlags bound what is read from each input file.
type limitFlags struct {
	FileSize string // --max-file-size, such as 256MiB
	Line     int
	Cell     int
}

func addLimitFlags(cmd *cobra.Command, o *limitFlags) {
	f := cmd.Flags()
	f.StringVar(&o.FileSize, "max-file-size", "256MiB", "read no input file larger than `SIZE` (bytes, or with KiB, MiB, GiB)")
	f.IntVar(&o.Line, "max-line-length", data.DefaultMaxLine, "refuse input lines longer than `BYTES`")
	f.IntVar(&o.Cell, "max-cell-length", data.SheetCellChars, "refuse input cells longer than `N` characters (at most 32767, what a spreadsheet cell holds)")
}

// limits returns the limits the flags give, or a usage error.
func (o *limitFlags) limits() (data.Limits, error) {
	size, ok := parseSize(o.FileSize)
	if !ok {
		return data.Limits{}, usageErrorf("--max-file-size %q: give a size in bytes, such as 1048576, 512KiB, 256MiB or 2GiB", o.FileSize)
	}
	if o.Line < 1 {
		return data.Limits{}, usageErrorf("--max-line-length %d: give a number of bytes ≥ 1", o.Line)
	}
	if o.Cell < 1 || o.Cell > data.SheetCellChars {
		return data.Limits{}, usageErrorf("--max-cell-length %d: give a number of characters from 1 to %d (what a spreadsheet cell holds)", o.Cell, data.SheetCellChars)
	}
	return data.Limits{MaxFileSize: size, MaxLine: o.Line, MaxCell: o.Cell}, nil
}

// parseSize reads a positive size in bytes, with an optional unit K, M, G
// (KiB, MiB, GiB, powers of 1024; KB, MB, GB the same).
func parseSize(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	mult := int64(1)
	upper := strings.ToUpper(s)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(upper, u.suffix) {
			mult, s = u.mult, strings.TrimSpace(s[:len(s)-len(u.suffix)])
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 || n > (1<<62)/mult {
		return 0, false
	}
	return n * mult, true
}
