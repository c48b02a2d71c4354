package data

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
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

// WriteFileAtomic writes the file at path through write, atomically: the
// output is rendered in memory, written to a temporary file in the same
// folder, synced to disk and renamed over path. When anything fails
// (including write returning an error or panicking) the temporary file is
// removed and an existing file at path is left untouched, so no
// half-written output ever exists. The target is checked before write is
// called: a folder, or a folder that cannot be written, is an error.
//
// A target that is not a regular file (a character device such as
// /dev/null, a FIFO, standard output named /dev/stdout or /proc/self/fd/N)
// is written through: opened and written, never replaced. A symbolic link
// to a regular file is written through too: the file it points to is
// replaced atomically and the link stays; a link to nothing is refused.
//
// WriteFileAtomic refuses, with an error and without writing anything, to
// write over one of inputs: paths are compared after filepath.Abs and
// filepath.EvalSymlinks where possible, and by device and inode (which
// catches hard links) when both exist. Empty and "-" inputs are ignored.
// A new file gets mode 0666 less the umask; a file replaced keeps its mode
// when that is narrower. A temporary file left by a killed process is
// removed by the next write of the same file.
func WriteFileAtomic(path string, inputs []string, write func(io.Writer) error) error {
	t, err := resolveTarget(path)
	if err != nil {
		return err
	}
	for _, in := range inputs {
		if in == "" || in == "-" {
			continue
		}
		if identify(in).same(canonicalPath(t.path), t.info) {
			return fmt.Errorf("data: refusing to write %s: it is the input file %s (choose another output file: inputs are never overwritten)", path, in)
		}
	}
	if t.through {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		return writeThrough(path, buf.Bytes())
	}
	tmp, err := createTemp(t.path)
	if err != nil {
		return fmt.Errorf("data: cannot write %s: %w (check that the folder %s exists and is writable)", path, reasonErr{err}, t.dir)
	}
	committed := false
	defer func() {
		if !committed {
			tmp.discard()
		}
	}()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	var limit fs.FileMode
	if t.info != nil {
		limit = t.info.Mode().Perm()
	}
	if err := writeSync(tmp.f, buf.Bytes(), limit); err != nil {
		return fmt.Errorf("data: cannot write %s: %w", path, reasonErr{err})
	}
	if err := tmp.commit(t.path); err != nil {
		return fmt.Errorf("data: cannot write %s: %w", path, reasonErr{err})
	}
	committed = true
	syncDir(t.dir)
	return nil
}

// target is where WriteFileAtomic writes.
type target struct {
	path    string      // the file replaced: path, or the file a link points to
	dir     string      // its folder, for messages and the temporary file
	info    fs.FileInfo // the file replaced, nil when it does not exist
	through bool        // not a regular file: written through
}

// resolveTarget finds what writing path means.
func resolveTarget(path string) (target, error) {
	t := target{path: path}
	st, err := os.Stat(path)
	switch {
	case err == nil && st.IsDir():
		return t, fmt.Errorf("data: cannot write %s: it is a folder (give the name of a file)", path)
	case err == nil && (!st.Mode().IsRegular() || isStreamPath(path)):
		t.info, t.through = st, true
		return t, nil
	case err == nil:
		t.info = st
		if lst, lerr := os.Lstat(path); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
			real, rerr := filepath.EvalSymlinks(path)
			if rerr != nil {
				return t, fmt.Errorf("data: cannot write %s: the symbolic link cannot be followed: %w (write to the file itself)", path, reasonErr{rerr})
			}
			t.path = real
		}
	case errors.Is(err, fs.ErrNotExist):
		if lst, lerr := os.Lstat(path); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
			return t, fmt.Errorf("data: cannot write %s: it is a symbolic link to a file that does not exist (remove the link, or write to the file itself)", path)
		}
	}
	t.dir = filepath.Dir(t.path) + string(filepath.Separator)
	return t, nil
}

// isStreamPath reports whether path names a stream of this process
// (/dev/stdout, /dev/fd/1, /proc/self/fd/1…), to be written through even
// when it leads to a regular file, as a shell redirection does.
func isStreamPath(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, p := range []string{"/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"} {
		if abs == p || (strings.HasSuffix(p, "/") && strings.HasPrefix(abs, p)) {
			return true
		}
	}
	return false
}

// writeThrough writes body to the non-regular file path (a device, a FIFO,
// a stream), appending as a shell's ">>" does so that a stream that leads
// to a regular file is not cut.
func writeThrough(path string, body []byte) error {
	writes.Lock()
	stopped := writes.stopped
	writes.Unlock()
	if stopped {
		return ErrInterrupted
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return fmt.Errorf("data: cannot write %s: %w", path, reasonErr{err})
	}
	_, err = f.Write(body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("data: cannot write %s: %w", path, reasonErr{err})
	}
	return nil
}

// tempFile is the temporary file of an atomic write. It is locked while
// open, so the next write can tell a leftover of a killed process from
// the file of a running one.
type tempFile struct {
	f    *os.File
	name string
}

// tempSuffix ends the name of every temporary file.
const tempSuffix = ".tmp"

// isTempName reports whether name is that of a temporary file of an atomic
// write: "." + file name + "." + digits + ".tmp".
func isTempName(name string) bool {
	if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, tempSuffix) {
		return false
	}
	core := strings.TrimSuffix(name, tempSuffix)
	dot := strings.LastIndexByte(core, '.')
	if dot <= 1 || dot == len(core)-1 {
		return false
	}
	for _, c := range core[dot+1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// createTemp creates the temporary file for path, with mode 0666 less the
// umask, after removing the leftovers of earlier writes of path that no
// running process holds.
func createTemp(path string) (*tempFile, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if n := e.Name(); isTempName(n) && strings.HasPrefix(n, "."+base+".") && e.Type().IsRegular() {
				removeIfUnheld(filepath.Join(dir, n))
			}
		}
	}
	writes.Lock()
	defer writes.Unlock()
	if writes.stopped {
		return nil, ErrInterrupted
	}
	for range 100 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+tempSuffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		flockNB(f)
		writes.temps[name] = true
		return &tempFile{f: f, name: name}, nil
	}
	return nil, errors.New("no free temporary file name")
}

// discard removes the temporary file.
func (t *tempFile) discard() {
	writes.Lock()
	defer writes.Unlock()
	t.f.Close()
	os.Remove(t.name)
	delete(writes.temps, t.name)
}

// commit renames the temporary file, already written and synced, to path,
// then closes it.
func (t *tempFile) commit(path string) error {
	writes.Lock()
	defer writes.Unlock()
	if writes.stopped {
		return ErrInterrupted
	}
	if err := os.Rename(t.name, path); err != nil {
		return err
	}
	delete(writes.temps, t.name)
	return t.f.Close()
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
