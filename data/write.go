package data

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CSVOptions tunes WriteCSV.
type CSVOptions struct {
	// Excel writes for spreadsheets set up for French and other locales that
	// use ';' as list separator: a UTF-8 byte-order mark, ';' between
	// fields and CRLF line ends. Otherwise the output is plain UTF-8 with
	// ',' and LF.
	Excel bool
	// OmitBOM leaves out the byte-order mark of Excel mode.
	OmitBOM bool
	// Numbers marks the columns that hold numbers. In Excel mode, a cell
	// of such a column that is a plain decimal number ("52.4", "-0.776")
	// is written with a decimal comma ("52,4"), as spreadsheets set up for
	// ';' read numbers. Other cells, and every cell outside Excel mode,
	// are written as they are. A nil or short slice marks no column.
	Numbers []bool
}

// WriteCSV writes a header row and rows as CSV to w.
//
// Every cell, header included, is neutralised against CSV injection
// (OWASP): a text cell that begins with '=', '+', '-', '@', a tab or a
// carriage return gets a single quote in front, so a spreadsheet shows it
// as text instead of running it as a formula. A cell that is a plain number
// ("-3.5", "+2", "-12", "-0,75": an optional sign, digits, and at most one
// '.' or ',' followed by digits) is a number, not a formula, and is written
// unchanged. Cells holding the delimiter, quotes or line breaks are quoted
// as RFC 4180 says.
//
// A row whose length differs from the header's is an error of the caller;
// nothing more is written after it. Write errors of w are returned.
func WriteCSV(w io.Writer, header []string, rows [][]string, opt CSVOptions) error {
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	if opt.Excel {
		if !opt.OmitBOM {
			if _, err := bw.WriteString("\uFEFF"); err != nil {
				return err
			}
		}
		cw.Comma = ';'
		cw.UseCRLF = true
	}
	buf := make([]string, len(header))
	write := func(rec []string, comma bool) error {
		for i, s := range rec {
			if comma && i < len(opt.Numbers) && opt.Numbers[i] {
				s = DecimalComma(s)
			}
			buf[i] = Neutralize(s)
		}
		return cw.Write(buf)
	}
	if err := write(header, false); err != nil {
		return err
	}
	for i, row := range rows {
		if len(row) != len(header) {
			cw.Flush()
			bw.Flush()
			return fmt.Errorf("data: CSV row %d has %d cells but the header has %d", i+1, len(row), len(header))
		}
		if err := write(row, opt.Excel); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// DecimalComma returns s with its decimal point turned into a comma when s
// is a plain decimal number (an optional sign, digits, '.', digits), and s
// unchanged otherwise.
func DecimalComma(s string) string {
	i := strings.IndexByte(s, '.')
	if i < 0 || !isPlainNumber(s) {
		return s
	}
	return s[:i] + "," + s[i+1:]
}

// Neutralize returns the cell as WriteCSV writes it: with a single quote in
// front when it begins with '=', '+', '-', '@', a tab or a carriage return
// and is not a plain number; unchanged otherwise.
func Neutralize(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if isPlainNumber(s) {
			return s
		}
		return "'" + s
	}
	return s
}

// Restore undoes [Neutralize]: a cell that Neutralize would have written
// as it is ("'=SUM(A1)", "'-x", "'@risk") loses its leading quote, so that
// the tool reads its own outputs back as they were before being written.
// Any other cell, "'3" or "'abc" among them, is returned unchanged.
func Restore(s string) string {
	if len(s) >= 2 && s[0] == '\'' && Neutralize(s[1:]) == s {
		return s[1:]
	}
	return s
}

// restoreNeutralized applies [Restore] to every field read from a CSV file.
func restoreNeutralized(fields []string) {
	for i, f := range fields {
		if len(f) >= 2 && f[0] == '\'' {
			fields[i] = Restore(f)
		}
	}
}

// isPlainNumber reports whether s is an optional sign, digits, and at most
// one decimal mark ('.' or ',') followed by digits.
func isPlainNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits, mark := 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case (c == '.' || c == ',') && !mark && digits > 0:
			mark = true
			digits = 0 // need digits after the mark
		default:
			return false
		}
	}
	return digits > 0
}

// WriteFileAtomic writes the file at path through write, atomically: it
// writes a temporary file in the same folder, syncs it to disk and renames
// it over path. When anything fails (including write returning an error or
// panicking) the temporary file is removed and an existing file at path is
// left untouched, so no half-written output ever exists.
//
// WriteFileAtomic refuses, with an error and without writing anything, to
// write over one of inputs: paths are compared after filepath.Abs and
// filepath.EvalSymlinks where possible, and by file identity (os.SameFile)
// when both exist. Empty and "-" inputs are ignored. A new file gets mode
// 0644; an existing file keeps its mode.
func WriteFileAtomic(path string, inputs []string, write func(io.Writer) error) error {
	target := canonicalPath(path)
	targetInfo, statErr := os.Stat(path)
	if statErr == nil && targetInfo.IsDir() {
		return fmt.Errorf("data: cannot write %s: it is a folder (give the name of a file)", path)
	}
	for _, in := range inputs {
		if in == "" || in == "-" {
			continue
		}
		same := canonicalPath(in) == target
		if !same && statErr == nil {
			if inInfo, err := os.Stat(in); err == nil && os.SameFile(inInfo, targetInfo) {
				same = true
			}
		}
		if same {
			return fmt.Errorf("data: refusing to write %s: it is the input file %s (choose another output file: inputs are never overwritten)", path, in)
		}
	}

	mode := fs.FileMode(0o644)
	if statErr == nil {
		mode = targetInfo.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("data: cannot write %s: %w (check that the folder %s exists and is writable)", path, reasonErr{err}, dir)
	}
	tmp := f.Name()
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("data: cannot write %s: %w", path, err)
	}
	if err := f.Chmod(mode); err != nil {
		return fmt.Errorf("data: cannot write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("data: cannot write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("data: cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("data: cannot write %s: %w", path, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// reasonErr is a file error shown without the path of the temporary file,
// which the message does not need; it still unwraps to the error.
type reasonErr struct{ err error }

func (e reasonErr) Error() string { return reason(e.err) }
func (e reasonErr) Unwrap() error { return e.err }

// canonicalPath returns path made absolute, with symbolic links resolved
// when the file (or else its folder) exists.
func canonicalPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if realDir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(realDir, filepath.Base(abs))
	}
	return abs
}

// syncDir makes a rename durable where the system allows syncing a folder;
// failures are ignored, as the rename itself has succeeded.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}
