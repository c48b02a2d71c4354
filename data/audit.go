package data

import (
	"fmt"
	"strings"
)

// auditFields finds, in the header of people.csv, the columns that the
// configuration names for the equity audit (pack.equity_columns), matching
// names as every header is matched (case, spaces, accents and underscores
// aside). It returns the field index of each, in the configuration's
// order, and reports a column that is not in the file. nil when none is
// configured or the header could not be read.
func auditFields(fs *fileState, names []string) []int {
	if len(names) == 0 || fs.h == nil {
		return nil
	}
	out := make([]int, len(names))
	for i, name := range names {
		out[i] = -1
		want := HeaderKey(strings.TrimSpace(name))
		for f, field := range fs.h.names {
			if HeaderKey(strings.TrimSpace(field)) == want {
				out[i] = f
				break
			}
		}
		if out[i] < 0 {
			fs.c.add(fs.h.line, fs.h.width+1, fmt.Sprintf("missing column %q, named in pack.equity_columns of the configuration", name),
				"add the column to people.csv, or remove it from pack.equity_columns")
		}
	}
	return out
}

// auditValues returns the cells of rec at the given field indexes, trimmed;
// an index of -1 gives an empty value. nil when there is no index.
func auditValues(rec *record, fields []int) []string {
	if len(fields) == 0 {
		return nil
	}
	out := make([]string, len(fields))
	for i, f := range fields {
		if f >= 0 && f < len(rec.fields) {
			out[i] = strings.TrimSpace(rec.fields[f])
		}
	}
	return out
}
