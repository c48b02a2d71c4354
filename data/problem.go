package data

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Problem is one thing wrong with the input, located in its file.
//
// Line is the physical line of the file (1-based, counting every line
// break, including those inside quoted cells); 0 means the problem concerns
// the whole file. Col is the 1-based field index on that line, that is the
// column number a spreadsheet shows (A = 1, B = 2, …), not a byte offset;
// 0 means the problem concerns the whole line (for example a required column
// that is missing from the header). In a YAML file Col is the character
// column of the key.
type Problem struct {
	File string // the file as shown to the user, e.g. "people.csv" or "in/people.csv"
	Line int
	Col  int
	Msg  string // what is wrong
	Hint string // what to do about it; may be empty
}

// String formats the problem as "FILE:LINE:COLUMN: Msg (Hint)". LINE and
// COLUMN are left out when they are 0 ("people.csv: file is empty (…)";
// "people.csv:1: missing required column …"), and so is the hint when empty.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Line))
		if p.Col > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Col))
		}
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(p.Hint)
		b.WriteByte(')')
	}
	return b.String()
}

// Problems is a list of problems, in the order they should be shown: by file
// (people, positions, moves, mentors, mentees, history), then line, then
// column. It is the error returned by [Load], [ReadInputs], [LoadConfig] and
// [ReadMatrix] when any problem was found; use errors.As to get it back.
type Problems []Problem

// Error returns one problem per line, in order, without a trailing newline.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// maxQuoted is the length, in characters, beyond which quoteCell shortens
// a value.
const maxQuoted = 60

// quoteCell returns s quoted as in Go source, for a problem message. A value
// longer than maxQuoted characters is cut to its first characters followed
// by "…" and its length, so that a huge cell gives a message of one
// readable line: "xxxx…" (10485760 characters).
func quoteCell(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	n, cut := 0, len(s)
	for i := range s {
		if n == maxQuoted-20 {
			cut = i
			break
		}
		n++
	}
	return strconv.Quote(s[:cut]+"…") + fmt.Sprintf(" (%d characters)", utf8.RuneCountInString(s))
}

// collector gathers the problems of one file in the order they were found
// and sorts them by line and column on request. Problems found at the same
// place keep the order in which they were found.
type collector struct {
	file string
	list []Problem
}

// add records a problem found in the file's content. Every such problem
// has a place: a problem of the whole file is put at line 1, column 1, and
// a problem of a whole line at its column 1.
func (c *collector) add(line, col int, msg, hint string) {
	c.list = append(c.list, Problem{File: c.file, Line: max(line, 1), Col: max(col, 1), Msg: msg, Hint: hint})
}

// addFile records a problem about the file as a whole that has no place in
// it, such as a file that is missing.
func (c *collector) addFile(msg, hint string) {
	c.list = append(c.list, Problem{File: c.file, Msg: msg, Hint: hint})
}

func (c *collector) sorted() []Problem {
	sort.SliceStable(c.list, func(i, j int) bool {
		a, b := c.list[i], c.list[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return c.list
}
