package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/model"
)

// Hardening: writes that fail midway, outputs that name an input, huge and
// hostile inputs, and determinism of loading and writing.

// errAfter passes at most n bytes to w, then fails with err, as a disk that
// fills up does.
type errAfter struct {
	w   io.Writer
	n   int
	err error
}

func (e *errAfter) Write(p []byte) (int, error) {
	if len(p) <= e.n {
		e.n -= len(p)
		return e.w.Write(p)
	}
	k, _ := e.w.Write(p[:e.n])
	e.n = 0
	return k, e.err
}

// bigRows returns n rows of three cells, more than the 64 KiB that
// WriteFileAtomic buffers, so that a failure happens after bytes reached
// the temporary file.
func bigRows(n int) [][]string {
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{fmt.Sprint(i), strings.Repeat("name ", 20), "-3.5"}
	}
	return rows
}

// checkUntouched checks that dir holds exactly the names want and that
// path holds the bytes old.
func checkUntouched(t *testing.T, dir string, want []string, path string, old []byte) {
	t.Helper()
	if got := dirEntries(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
	if path == "" {
		return
	}
	if b, err := os.ReadFile(path); err != nil || !bytes.Equal(b, old) {
		t.Errorf("existing file changed: %d bytes (%v), want the %d bytes written before", len(b), err, len(old))
	}
}

func TestWriteFileAtomicFailsMidway(t *testing.T) {
	old := []byte("move_id,value\nM1,1.00\n")
	boom := errors.New("render failed")
	tests := []struct {
		name  string
		write func(io.Writer) error
		want  error
	}{{
		name: "writer error after 1 MB",
		write: func(w io.Writer) error {
			for range 1 << 10 {
				if _, err := w.Write(bytes.Repeat([]byte("x"), 1<<10)); err != nil {
					return err
				}
			}
			return boom
		},
		want: boom,
	}, {
		name: "disk full in the middle of a row",
		write: func(w io.Writer) error {
			return WriteCSV(&errAfter{w: w, n: 300_017, err: syscall.ENOSPC}, []string{"id", "name", "x"}, bigRows(20000), CSVOptions{})
		},
		want: syscall.ENOSPC,
	}, {
		name: "disk full on the first byte",
		write: func(w io.Writer) error {
			return WriteCSV(&errAfter{w: w, err: syscall.ENOSPC}, []string{"id"}, [][]string{{"1"}}, CSVOptions{Excel: true})
		},
		want: syscall.ENOSPC,
	}, {
		name: "ragged row after many good ones",
		write: func(w io.Writer) error {
			rows := append(bigRows(5000), []string{"short"})
			return WriteCSV(w, []string{"id", "name", "x"}, rows, CSVOptions{})
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Run("existing file", func(t *testing.T) {
				dir := t.TempDir()
				out := filepath.Join(dir, "plan.csv")
				if err := os.WriteFile(out, old, 0o600); err != nil {
					t.Fatal(err)
				}
				err := WriteFileAtomic(out, nil, tt.write)
				if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
				checkUntouched(t, dir, []string{"plan.csv"}, out, old)
				if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
					t.Errorf("mode changed to %v", st.Mode())
				}
			})
			t.Run("new file", func(t *testing.T) {
				dir := t.TempDir()
				err := WriteFileAtomic(filepath.Join(dir, "plan.csv"), nil, tt.write)
				if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
				checkUntouched(t, dir, nil, "", nil)
			})
		})
	}
}

func TestWriteFileAtomicPanicLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "pairs.csv")
	old := []byte("mentee_id\n")
	os.WriteFile(out, old, 0o644)
	var got any
	func() {
		defer func() { got = recover() }()
		WriteFileAtomic(out, nil, func(w io.Writer) error {
			w.Write(bytes.Repeat([]byte("y"), 200<<10))
			panic("bug in a renderer")
		})
	}()
	if got != "bug in a renderer" {
		t.Errorf("recovered %v, want the writer's panic passed on", got)
	}
	checkUntouched(t, dir, []string{"pairs.csv"}, out, old)
}

// TestWriteCSVDevFull writes to a real full device: the error of the final
// flush must come back, not be lost in a buffer.
func TestWriteCSVDevFull(t *testing.T) {
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer f.Close()
	for _, rows := range [][][]string{{{"1"}}, bigRows(2000)[:2000:2000]} {
		header := []string{"id"}
		if len(rows[0]) == 3 {
			header = []string{"id", "name", "x"}
		}
		if err := WriteCSV(f, header, rows, CSVOptions{}); !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("%d rows: err = %v, want ENOSPC", len(rows), err)
		}
	}
}

func TestWriteFileAtomicReadOnlyFolderKeepsFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no POSIX permissions")
	}
	old := []byte("move_id\nM1\n")
	dir, run := readOnlyFolder(t, func(dir string) { os.WriteFile(filepath.Join(dir, "scores.csv"), old, 0o644) })
	if !run {
		return
	}
	out := filepath.Join(dir, "scores.csv")
	called := false
	err := WriteFileAtomic(out, nil, func(io.Writer) error { called = true; return nil })
	want := "data: cannot write " + out + ": permission denied (check that the folder " + dir + string(filepath.Separator) + " exists and is writable)"
	if err == nil || err.Error() != want || !errors.Is(err, os.ErrPermission) || called {
		t.Errorf("err = %v, called = %v\nwant %s", err, called, want)
	}
	checkUntouched(t, dir, []string{"scores.csv"}, out, old)
}

// TestWriteFileAtomicUnwritableTargets does not depend on permissions:
// the target is a folder, or its folder is a regular file or missing.
func TestWriteFileAtomicUnwritableTargets(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "people.csv")
	old := []byte("id,name\n1,Ann\n")
	os.WriteFile(file, old, 0o644)
	sub := filepath.Join(dir, "out.csv")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "keep"), []byte("k"), 0o644)
	sep := string(filepath.Separator)

	tests := []struct{ path, want string }{
		{sub, "data: cannot write " + sub + ": it is a folder (give the name of a file)"},
		{filepath.Join(file, "plan.csv"), "data: cannot write " + filepath.Join(file, "plan.csv") + ": not a directory (check that the folder " + file + sep + " exists and is writable)"},
		{filepath.Join(dir, "no", "plan.csv"), "data: cannot write " + filepath.Join(dir, "no", "plan.csv") + ": no such file or directory (check that the folder " + filepath.Join(dir, "no") + sep + " exists and is writable)"},
	}
	for _, tt := range tests {
		called := false
		err := WriteFileAtomic(tt.path, nil, func(w io.Writer) error { called = true; _, err := io.WriteString(w, "x"); return err })
		if err == nil || err.Error() != tt.want || called {
			t.Errorf("%s: err = %v, called = %v\nwant %s", tt.path, err, called, tt.want)
		}
	}
	checkUntouched(t, dir, []string{"out.csv", "people.csv"}, file, old)
	checkUntouched(t, sub, []string{"keep"}, "", nil)
}

// TestWriteFileAtomicRefusesInputSpellings names the input and the output
// in every way the command line may: relative with "./", through "..", a
// symbolic link to the file or to its folder, and a hard link.
func TestWriteFileAtomicRefusesInputSpellings(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.Mkdir("in", 0o755)
	in := filepath.Join("in", "people.csv")
	old := []byte("id,name\n1,Ann\n")
	if err := os.WriteFile(in, old, 0o644); err != nil {
		t.Fatal(err)
	}
	spellings := []string{
		in,
		"./" + in,
		"in/./people.csv",
		"in//people.csv",
		"out/../in/people.csv",
		filepath.Join(dir, in),
	}
	if runtime.GOOS != "windows" {
		if err := os.Symlink("in/people.csv", "link.csv"); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("in", "linkdir"); err != nil {
			t.Fatal(err)
		}
		spellings = append(spellings, "link.csv", "linkdir/people.csv")
	}
	if err := os.Link(in, "hard.csv"); err == nil {
		spellings = append(spellings, "hard.csv")
	}
	os.Mkdir("out", 0o755)
	for _, out := range spellings {
		for _, input := range []string{in, out} {
			called := false
			err := WriteFileAtomic(out, []string{"", "-", "other.csv", input}, func(io.Writer) error { called = true; return nil })
			want := fmt.Sprintf("data: refusing to write %s: it is the input file %s (choose another output file: inputs are never overwritten)", out, input)
			if err == nil || err.Error() != want || called {
				t.Errorf("output %s, input %s: err = %v\nwant %s", out, input, err, want)
			}
		}
	}
	if b, _ := os.ReadFile(in); !bytes.Equal(b, old) {
		t.Errorf("input changed: %q", b)
	}
	// A different file next to the input is written.
	if err := WriteFileAtomic("./in/plan.csv", []string{in, "link.csv"}, func(w io.Writer) error { _, err := io.WriteString(w, "ok\n"); return err }); err != nil {
		t.Errorf("writing next to the input: %v", err)
	}
	// An input that does not exist yet still may not be the output.
	if err := WriteFileAtomic("in/mentors.csv", []string{"./in/mentors.csv"}, func(io.Writer) error { return nil }); err == nil {
		t.Errorf("wrote over the path of an absent input")
	}
	if _, err := os.Stat("in/mentors.csv"); err == nil {
		t.Errorf("in/mentors.csv was created")
	}
}

// --- inputs ---

// TestLoadHugeCell: a cell longer than a spreadsheet cell holds is refused
// at its line and column (it would be cut in the workbook); one at the
// limit is kept whole.
func TestLoadHugeCell(t *testing.T) {
	big := strings.Repeat("é", 5<<20) // 10 MB of UTF-8
	wide := ReadOptions{Limits: Limits{MaxLine: 32 << 20}}
	t.Run("a 5 million character cell is refused", func(t *testing.T) {
		got := problemLines(t, Inputs{People: src("people.csv", "id,name,team\n1,\""+big+"\n"+big+"\",T\n2,Bob,\n")}, wide)
		want := []string{"people.csv:2:2: the cell has 10485761 characters, more than 32767 (shorten it: a spreadsheet cell holds at most 32767 characters, and the committee workbook could not show it whole)"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("problems (-want +got):\n%s", diff)
		}
	})
	t.Run("limit and limit+1", func(t *testing.T) {
		at := strings.Repeat("é", SheetCellChars)
		ds := mustLoad(t, Inputs{People: src("people.csv", "id,name\n1,"+at+"\n")}, ReadOptions{})
		if ds.People[0].Name != at {
			t.Errorf("the cell at the limit was not kept whole")
		}
		got := problemLines(t, Inputs{People: src("people.csv", "id,name\n1,Ann\n2,"+at+"x\n")}, ReadOptions{})
		want := []string{"people.csv:3:2: the cell has 32768 characters, more than 32767 (shorten it: a spreadsheet cell holds at most 32767 characters, and the committee workbook could not show it whole)"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("problems (-want +got):\n%s", diff)
		}
	})
}

func TestLoadLongLines(t *testing.T) {
	many := strings.Repeat(",y", 200_000)
	t.Run("row far wider than the header", func(t *testing.T) {
		got := problemLines(t, Inputs{People: src("people.csv", "id,name\n1,Ann\n2,Bob"+many+"\n")}, ReadOptions{})
		want := []string{`people.csv:3:3: row has 200002 fields but the header has 2 (check for a missing or extra comma, and put cells that contain one in quotes)`}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("problems (-want +got):\n%s", diff)
		}
	})
	t.Run("header of 200002 columns", func(t *testing.T) {
		text := "id,name" + many + "\n1,Ann" + strings.Repeat(",", 200_000) + "\n"
		ds, notes, err := Load(Inputs{People: src("people.csv", text)}, ReadOptions{})
		if err != nil || len(ds.People) != 1 || ds.People[0].Name != "Ann" {
			t.Fatalf("err = %v, ds = %+v", err, ds)
		}
		if len(notes) != 3 || notes[1] != `people.csv: recognised columns: "id" (column 1), "name" (column 2)` ||
			!strings.HasPrefix(notes[2], `people.csv: ignored columns not used by stretchmatch: "y" (column 3), "y" (column 4), `) ||
			!strings.HasSuffix(notes[2], `"y" (column 200002)`) {
			t.Errorf("notes = %.200q", notes)
		}
	})
	t.Run("a 10 MB line is refused at its line", func(t *testing.T) {
		long := strings.Repeat("a", 10<<20)
		got := problemLines(t, Inputs{People: src("people.csv", "id;name\n1;"+long+"\n2;Bob\n")}, ReadOptions{})
		want := []string{"people.csv:2:1: the line is 10485762 bytes long, more than the limit of 1 MiB (check that this is a CSV export; raise the limit with --max-line-length if the line is right)"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("problems (-want +got):\n%s", diff)
		}
	})
	t.Run("line limit and limit+1", func(t *testing.T) {
		lim := ReadOptions{Limits: Limits{MaxLine: 16}}
		mustLoad(t, Inputs{People: src("people.csv", "id,name\n1,Ann Ahlberg-Le\n")}, lim) // 16 bytes
		got := problemLines(t, Inputs{People: src("people.csv", "id,name\n1,Ann Ahlberg-Lee\n2,Bob\n")}, lim)
		want := []string{"people.csv:2:1: the line is 17 bytes long, more than the limit of 16 bytes (check that this is a CSV export; raise the limit with --max-line-length if the line is right)"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("problems (-want +got):\n%s", diff)
		}
	})
}

// millionPeople writes a people.csv of n people, each managed by the
// person n/10 rows above, and returns its path.
func millionPeople(t *testing.T, n int) string {
	path := filepath.Join(t.TempDir(), "people.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString("id,name,manager_id,grade,country,languages\n")
	countries := []string{"FR", "DE", "US", "JP"}
	for i := range n {
		mgr := ""
		if i > 0 {
			mgr = fmt.Sprintf("E%07d", (i-1)/10)
		}
		fmt.Fprintf(&b, "E%07d,Person %d,%s,%d,%s,fr|en\n", i, i, mgr, 1+i%9, countries[i%4])
		if b.Len() > 1<<20 {
			f.Write(b.Bytes())
			b.Reset()
		}
	}
	f.Write(b.Bytes())
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadMillionPeople(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a 1,000,000-row file")
	}
	const n = 1_000_000
	path := millionPeople(t, n)
	start := time.Now()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ds, _, err := Load(Inputs{People: &Source{Name: "people.csv", Data: b}}, ReadOptions{})
	runtime.ReadMemStats(&after)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatalf("Load: %.500v", err)
	}
	if len(ds.People) != n {
		t.Fatalf("%d people, want %d", len(ds.People), n)
	}
	last := ds.People[n-1]
	if last.ID != "E0999999" || last.Name != "Person 999999" || last.ManagerID != "E0099999" ||
		last.Grade != model.Int(1+(n-1)%9) || last.Country != "JP" || last.Line != n+1 || !slices.Equal(last.Languages, []string{"fr", "en"}) {
		t.Errorf("last person %+v", last)
	}
	// The memory obtained from the system bounds the peak of the heap;
	// what stays in use is the dataset and the file.
	peak := after.Sys - before.Sys
	inUse := after.HeapInuse
	t.Logf("%d rows (%d MB) in %v: %d MB obtained from the system, %d MB heap in use, %d MB allocated in all",
		n, len(b)>>20, elapsed.Round(time.Millisecond), peak>>20, inUse>>20, (after.TotalAlloc-before.TotalAlloc)>>20)
	const limit = 1500 << 20
	if peak > limit || inUse > limit {
		t.Errorf("memory not bounded: %d MB from the system, %d MB in use, want under %d MB", peak>>20, inUse>>20, limit>>20)
	}
	runtime.KeepAlive(ds)
}

func TestLoadEmptyAndHeaderOnlyFiles(t *testing.T) {
	people := src("people.csv", basePeople)
	headers := map[string]string{
		FilePositions: "id,title\n",
		FileMoves:     "person_id,position_id\r\n",
		FileMentors:   "\xEF\xBB\xBFperson_id;capacity\n\n;\n",
		FileMentees:   "person_id\n",
		FileHistory:   "mentee_id\tmentor_id\n",
	}
	set := func(in *Inputs, file string, s *Source) {
		switch file {
		case FilePositions:
			in.Positions = s
		case FileMoves:
			in.Moves = s
		case FileMentors:
			in.Mentors = s
		case FileMentees:
			in.Mentees = s
		case FileHistory:
			in.History = s
		}
	}
	what := map[string]string{FilePositions: "positions", FileMoves: "moves", FileMentors: "mentors", FileMentees: "mentees", FileHistory: "pairs"}
	for _, file := range Files()[1:] {
		t.Run(file+" header only", func(t *testing.T) {
			in := Inputs{People: people, Positions: src(FilePositions, basePositions)}
			set(&in, file, src(file, headers[file]))
			ds, notes, err := Load(in, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want := file + ": no " + what[file] + " (the file has only its header)"
			if !slices.Contains(notes, want) {
				t.Errorf("notes %q lack %q", notes, want)
			}
			if len(ds.People) != 6 || (file != FilePositions && len(ds.Positions) != 2) || ds.Moves != nil || ds.Mentors != nil || ds.Mentees != nil || ds.History != nil {
				t.Errorf("dataset %+v", ds)
			}
		})
		for _, body := range []string{"", "\n\r\n  \t", "\xEF\xBB\xBF", "sep=;\r\n"} {
			t.Run(fmt.Sprintf("%s empty %q", file, body), func(t *testing.T) {
				in := Inputs{People: people}
				set(&in, file, src(file, body))
				got := problemLines(t, in, ReadOptions{})
				want := []string{file + ":1:1: file is empty (export the table again with its header row, or leave the file out)"}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("problems (-want +got):\n%s", diff)
				}
			})
		}
	}
	t.Run("people.csv header only, with blank rows", func(t *testing.T) {
		got := problemLines(t, Inputs{People: src("people.csv", "sep=;\nid;name\n;\n\n")}, ReadOptions{})
		want := []string{"people.csv:2:1: the file has a header but no people (add one row per person below the header)"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("problems (-want +got):\n%s", diff)
		}
	})
}

func TestLoadBinaryGarbage(t *testing.T) {
	const hint = " (open it in Excel or LibreOffice and save it as CSV UTF-8, comma- or semicolon-separated)"
	nul := func(at string) string {
		return "people.csv:" + at + ": unreadable encoding: the file contains NUL bytes (UTF-16 or not a text file)" + hint
	}
	missing := []string{
		`people.csv:1:2: missing required column "id" (add a column named id to the header; other accepted names include employee id, person id, employee number, worker id)`,
		`people.csv:1:2: missing required column "name" (add a column named name to the header; other accepted names include nom, full name, employee name, display name)`,
	}
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 64<<10)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	text := slices.Clone(random) // no NUL, only bytes Windows-1252 maps
	for i, c := range text {
		switch c {
		case 0, 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			text[i] = 'x'
		case '\r': // a lone CR is a problem of its own
			text[i] = 'z'
		}
		// Windows-1252 text holds no valid UTF-8 multi-byte sequence: no
		// two non-ASCII bytes in a row.
		if i > 0 && text[i] >= 0x80 && text[i-1] >= 0x80 {
			text[i] = 'y'
		}
	}
	tests := []struct {
		name string
		data string
		want []string // exact problems; when prefix is set, the first ones
	}{
		{"random bytes", string(random), []string{nul(randomNUL(random))}},
		{"NUL bytes only", "\x00\x00\x00\x00", []string{nul("1:1")}},
		{"NUL inside a cell", "id,name\n1,A\x00nn\n", []string{nul("2:2")}},
		{"PNG image", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", []string{nul("3:1")}},
		{"gzip archive", "\x1f\x8b\x08\x00\x00\x00\x00\x00", []string{nul("1:1")}},
		{"random Windows-1252 text", string(text), nil},
		{"invalid UTF-8 that is not Windows-1252", "id,name\n1,Ann\n2,B\x81b\n", []string{
			"people.csv:3:2: unreadable encoding: byte 0x81 is neither UTF-8 nor Windows-1252 (the file is in another encoding)" + hint}},
		{"Shift-JIS", "id,name\n1,\x93\xfa\x96\x7b\x8f\xea\n", []string{
			"people.csv:2:2: unreadable encoding: byte 0x8F is neither UTF-8 nor Windows-1252 (the file is in another encoding)" + hint}},
		{"lone CR lines with a byte not in Windows-1252", "id,name\r1,Ann\r2,\x9D\r", []string{
			"people.csv:3:2: unreadable encoding: byte 0x9D is neither UTF-8 nor Windows-1252 (the file is in another encoding)" + hint}},
		{"PDF header", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", missing},
		{"only quotes", `""""""""` + "\n\"", []string{missing[0], missing[1],
			`people.csv:2:1: the quote that opens this cell is never closed (close the quote at the end of the cell and double the quotes inside it: "5"" screen")`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemLines(t, Inputs{People: src("people.csv", tt.data)}, ReadOptions{})
			if tt.want == nil {
				// Random text decoded as Windows-1252 has no id or name column.
				// (The header is the first line without a syntax error.)
				for _, m := range missing {
					m = m[strings.Index(m, ": missing"):]
					if !slices.ContainsFunc(got, func(p string) bool { return strings.HasSuffix(p, m) }) {
						t.Errorf("problems %.300q, want %q", got, m)
					}
				}
				for _, p := range got {
					if !strings.HasPrefix(p, "people.csv:") || strings.ContainsAny(p, "\n\r") || len(p) > 1000 {
						t.Errorf("bad problem %.200q", p)
					}
				}
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("random bytes without NUL", func(t *testing.T) {
		// They hold valid UTF-8 sequences by chance, so they are UTF-8
		// with invalid bytes: the first places, then a count.
		got := problemLines(t, Inputs{People: src("people.csv", string(bytes.ReplaceAll(random, []byte{0}, []byte{1})))}, ReadOptions{})
		if len(got) != maxEncodingProblems+1 || !strings.HasPrefix(got[0], "people.csv:1:1: unreadable encoding: bytes 0x88 0x9A are not valid UTF-8 (") ||
			!strings.Contains(got[maxEncodingProblems], "more places with bytes that are not valid UTF-8") {
			t.Errorf("problems %.400q", got)
		}
	})
	t.Run("Windows-1252 is still read", func(t *testing.T) {
		ds := mustLoad(t, Inputs{People: src("people.csv", "id;nom\n1;H\xe9l\xe8ne \x80\x9c\n")}, ReadOptions{})
		if ds.People[0].Name != "Hélène €œ" {
			t.Errorf("name %q", ds.People[0].Name)
		}
	})
}

// --- determinism ---

// sampleInputs returns the embedded sample organisation as sources.
func sampleInputs(t *testing.T) Inputs {
	t.Helper()
	read := func(name string) *Source {
		b, err := os.ReadFile(filepath.Join("sample", name))
		if err != nil {
			t.Fatal(err)
		}
		return &Source{Name: name, Data: b}
	}
	return Inputs{People: read(FilePeople), Positions: read(FilePositions), Moves: read(FileMoves),
		Mentors: read(FileMentors), Mentees: read(FileMentees), History: read(FileHistory)}
}

// peopleCSV writes the people of ds as CSV through WriteFileAtomic and
// returns the bytes written.
func peopleCSV(t *testing.T, ds *model.Dataset, path string) []byte {
	t.Helper()
	rows := make([][]string, len(ds.People))
	for i, p := range ds.People {
		grade := ""
		if p.Grade.OK {
			grade = fmt.Sprint(p.Grade.V)
		}
		rows[i] = []string{p.ID, p.Name, p.ManagerID, p.Country, grade, strings.Join(p.Languages, "|")}
	}
	err := WriteFileAtomic(path, nil, func(w io.Writer) error {
		return WriteCSV(w, []string{"id", "name", "manager_id", "country", "grade", "languages"}, rows, CSVOptions{Excel: true})
	})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLoadAndWriteAreDeterministic(t *testing.T) {
	in := sampleInputs(t)
	dir := t.TempDir()
	ds1, notes1, err1 := Load(in, ReadOptions{})
	ds2, notes2, err2 := Load(in, ReadOptions{})
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if diff := cmp.Diff(ds1, ds2); diff != "" || !slices.Equal(notes1, notes2) {
		t.Fatalf("two loads differ:\n%s", diff)
	}
	b1 := peopleCSV(t, ds1, filepath.Join(dir, "a.csv"))
	b2 := peopleCSV(t, ds2, filepath.Join(dir, "b.csv"))
	if !bytes.Equal(b1, b2) || len(b1) < 1000 {
		t.Fatalf("two writes differ or are short: %d and %d bytes", len(b1), len(b2))
	}
	// What was written reads back to the same people.
	back := mustLoad(t, Inputs{People: &Source{Name: "a.csv", Data: b1}}, ReadOptions{})
	if len(back.People) != len(ds1.People) {
		t.Fatalf("read back %d people, want %d", len(back.People), len(ds1.People))
	}
	for i, p := range back.People {
		q := ds1.People[i]
		if p.ID != q.ID || p.Name != q.Name || p.ManagerID != q.ManagerID || p.Grade != q.Grade || !slices.Equal(p.Languages, q.Languages) {
			t.Fatalf("row %d: read back %+v, want %+v", i, p, q)
		}
	}
}

// shuffleRows returns the CSV text with its data lines in a random order;
// the header stays first. The sample files have no cells spanning lines.
func shuffleRows(t *testing.T, b []byte, rng *rand.Rand) []byte {
	text := strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	lines := strings.Split(text, "\n")
	for _, l := range lines {
		if strings.Count(l, `"`)%2 != 0 || len(lines) < 3 {
			t.Fatalf("not a CSV file of one line per row")
		}
	}
	rows := lines[1:]
	for {
		rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
		if !slices.Equal(rows, strings.Split(text, "\n")[1:]) {
			break
		}
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}

func TestShuffledRowsLoadTheSameDataset(t *testing.T) {
	in := sampleInputs(t)
	want := mustLoad(t, in, ReadOptions{})
	rng := rand.New(rand.NewPCG(7, 11))
	shuffled := in
	shuffled.People = &Source{Name: FilePeople, Data: shuffleRows(t, in.People.Data, rng)}
	shuffled.Positions = &Source{Name: FilePositions, Data: shuffleRows(t, in.Positions.Data, rng)}
	got := mustLoad(t, shuffled, ReadOptions{})
	if slices.EqualFunc(got.People, want.People, func(a, b model.Person) bool { return a.ID == b.ID }) {
		t.Fatalf("people not shuffled")
	}
	norm := func(ds *model.Dataset) *model.Dataset {
		c := *ds
		c.People = slices.Clone(ds.People)
		c.Positions = slices.Clone(ds.Positions)
		for i := range c.People {
			c.People[i].Line = 0
		}
		for i := range c.Positions {
			c.Positions[i].Line = 0
		}
		slices.SortFunc(c.People, func(a, b model.Person) int { return strings.Compare(a.ID, b.ID) })
		slices.SortFunc(c.Positions, func(a, b model.Position) int { return strings.Compare(a.ID, b.ID) })
		return &c
	}
	if diff := cmp.Diff(norm(want), norm(got)); diff != "" {
		t.Errorf("shuffled rows give another dataset (-want +got):\n%s", diff)
	}
	// Lines follow the rows: each person's line holds their id.
	lines := strings.Split(string(shuffled.People.Data), "\n")
	for _, p := range got.People {
		if !strings.HasPrefix(lines[p.Line-1], p.ID+",") {
			t.Fatalf("person %s on line %d: %q", p.ID, p.Line, lines[p.Line-1])
		}
	}
}

// randomNUL returns "LINE:COLUMN" of the first NUL byte of b, counting
// LF-separated lines and the fields of the detected delimiter outside
// quotes.
func randomNUL(b []byte) string {
	i := bytes.IndexByte(b, 0)
	line := bytes.Count(b[:i], []byte{'\n'}) + 1
	start := bytes.LastIndexAny(b[:i], "\r\n") + 1
	col, quoted, delim := 1, false, byte(detectDelimiter(b))
	for _, c := range b[start:i] {
		if c == '"' {
			quoted = !quoted
		} else if c == delim && !quoted {
			col++
		}
	}
	return fmt.Sprintf("%d:%d", line, col)
}
