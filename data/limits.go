package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"unicode/utf8"
)

// Limits bound what is read from one input file, so that a wrong file (a
// device, a log, a binary) fails cleanly instead of filling the memory. The
// zero value of a field means its default.
type Limits struct {
	// MaxFileSize is the largest file read, in bytes.
	MaxFileSize int64
	// MaxLine is the longest physical line, in bytes.
	MaxLine int
	// MaxCell is the longest cell, in characters; at most [SheetCellChars].
	MaxCell int
}

// Default limits.
const (
	DefaultMaxFileSize = 256 << 20 // bytes
	DefaultMaxLine     = 1 << 20   // bytes
	// SheetCellChars is the most characters a spreadsheet cell holds
	// (Excel, LibreOffice): a longer cell could not be written whole into
	// the committee workbook, so it is refused when read.
	SheetCellChars = 32767
)

// DefaultLimits returns the limits used when none are given.
func DefaultLimits() Limits {
	return Limits{MaxFileSize: DefaultMaxFileSize, MaxLine: DefaultMaxLine, MaxCell: SheetCellChars}
}

// withDefaults returns l with every zero field set to its default.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = d.MaxFileSize
	}
	if l.MaxLine <= 0 {
		l.MaxLine = d.MaxLine
	}
	if l.MaxCell <= 0 || l.MaxCell > SheetCellChars {
		l.MaxCell = d.MaxCell
	}
	return l
}

// ReadFileLimited reads the file at path into memory, reading at most
// max bytes (0: [DefaultMaxFileSize]) whatever the file is (a device such
// as /dev/zero, a FIFO). A problem is returned as [Problems] naming path:
// a folder given as a file (at 1:1), a file larger than max (at the line
// where the limit was reached), a file that cannot be read. A missing file,
// or one below a path that is not a folder, is the error of os.Open.
func ReadFileLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return nil, err
		}
		return nil, Problems{{File: path, Msg: "cannot read the file: " + reason(err), Hint: "check that it is a readable file"}}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, Problems{folderProblem(path)}
	}
	b, p := readLimitedSized(f, path, max, sizeOf(f))
	if p != nil {
		return nil, Problems{*p}
	}
	return b, nil
}

// folderProblem is the problem of a folder given where a file is expected.
func folderProblem(path string) Problem {
	return Problem{File: path, Line: 1, Col: 1, Msg: "this is a folder, not a file", Hint: "give the path of the file itself"}
}

// sizeOf returns the size of a regular file, 0 for others.
func sizeOf(f *os.File) int64 {
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		return st.Size()
	}
	return 0
}

// readLimited reads r to its end, or fails once more than max bytes (0:
// the default) came, without reading further.
func readLimited(r io.Reader, name string, max int64) ([]byte, *Problem) {
	return readLimitedSized(r, name, max, 0)
}

// readLimitedSized is readLimited for a source of about size bytes (0:
// unknown), read with one allocation when the size is right.
func readLimitedSized(r io.Reader, name string, max, size int64) ([]byte, *Problem) {
	if max <= 0 {
		max = DefaultMaxFileSize
	}
	var buf bytes.Buffer
	if size > 0 && size <= max {
		buf.Grow(int(size) + bytes.MinRead)
	}
	n, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if err != nil {
		return nil, &Problem{File: name, Msg: "cannot read the file: " + reason(err), Hint: "check that it is a readable file"}
	}
	if n > max {
		b := buf.Bytes()[:max]
		return nil, &Problem{File: name, Line: bytes.Count(b, []byte{'\n'}) + 1, Col: 1,
			Msg:  fmt.Sprintf("the file is larger than %s, the limit", byteSize(max)),
			Hint: "check that this is the right file; raise the limit with --max-file-size if it is"}
	}
	return buf.Bytes(), nil
}

// byteSize writes n bytes the way people read sizes.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// maxLineProblems caps the problems reported for long lines or cells.
const maxLineProblems = 20

// checkLines reports to c every physical line of t longer than max bytes
// (up to a cap) and returns whether there was none.
func checkLines(t *csvText, max int, c *collector) bool {
	b, line, bad := t.body, t.lineOffset+1, 0
	for len(b) > 0 {
		n := bytes.IndexByte(b, '\n')
		if n < 0 {
			n = len(b)
		}
		if n > max {
			bad++
			if bad <= maxLineProblems {
				c.add(line, 1, fmt.Sprintf("the line is %d bytes long, more than the limit of %s", n, byteSize(int64(max))),
					"check that this is a CSV export; raise the limit with --max-line-length if the line is right")
			}
		}
		if n == len(b) {
			break
		}
		b, line = b[n+1:], line+1
	}
	return bad == 0
}

// longCells reports the cells of rec longer than max characters and
// returns whether there was any.
func longCells(rec *record, max int, c *collector) bool {
	found := false
	for i, f := range rec.fields {
		if len(f) <= max {
			continue
		}
		if n := utf8.RuneCountInString(f); n > max {
			found = true
			hint := "shorten it, or raise the limit with --max-cell-length"
			if max == SheetCellChars {
				hint = fmt.Sprintf("shorten it: a spreadsheet cell holds at most %d characters, and the committee workbook could not show it whole", SheetCellChars)
			}
			c.add(rec.lineOf(i), i+1, fmt.Sprintf("the cell has %d characters, more than %d", n, max), hint)
		}
	}
	return found
}

// ReadAllLimited reads r, such as standard input, to its end within max
// bytes (0: [DefaultMaxFileSize]); more is a [Problems] naming name.
func ReadAllLimited(r io.Reader, name string, max int64) ([]byte, error) {
	b, p := readLimited(r, name, max)
	if p != nil {
		return nil, Problems{*p}
	}
	return b, nil
}

// readFSLimited reads the file name of fsys within max bytes (0: the
// default); a larger file is an error saying so.
func readFSLimited(fsys fs.FS, name string, max int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if max <= 0 {
		max = DefaultMaxFileSize
	}
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if n > max {
		return nil, fmt.Errorf("the file is larger than %s, the limit", byteSize(max))
	}
	return buf.Bytes(), nil
}
