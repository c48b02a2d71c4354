package data

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestNeutralize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"=SUM(A1:A2)", "'=SUM(A1:A2)"},
		{"+33 1 23", "'+33 1 23"},
		{"-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"},
		{"@SUM(1)", "'@SUM(1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-", "'-"},
		{"-3.", "'-3."},
		{"-.5", "'-.5"},
		{"--1", "'--1"},
		{"-1e5", "'-1e5"},
		{"+2-1", "'+2-1"},
		// plain numbers are numbers, not formulas
		{"-3.5", "-3.5"},
		{"-12", "-12"},
		{"+2", "+2"},
		{"-0,75", "-0,75"},
		{"3.5", "3.5"},
		// other text is untouched
		{"", ""},
		{"Ann Lee", "Ann Lee"},
		{"a=b", "a=b"},
		{" =x", " =x"},
	} {
		if got := Neutralize(tt.in); got != tt.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteCSV(t *testing.T) {
	header := []string{"id", "name", "score"}
	rows := [][]string{
		{"1", "=HYPERLINK(\"x\")", "-3.5"},
		{"2", "Lee, Ann", "@x"},
		{"3", "two\nlines", "-12"},
		{"4", "say \"hi\"", "+x"},
		{"5", "a;b", "\tx"},
	}
	tests := []struct {
		name string
		opt  CSVOptions
		want string
	}{{
		name: "plain",
		want: "id,name,score\n" +
			"1,\"'=HYPERLINK(\"\"x\"\")\",-3.5\n" +
			"2,\"Lee, Ann\",'@x\n" +
			"3,\"two\nlines\",-12\n" +
			"4,\"say \"\"hi\"\"\",'+x\n" +
			"5,a;b,'\tx\n",
	}, {
		name: "Excel",
		opt:  CSVOptions{Excel: true},
		want: "\xEF\xBB\xBFid;name;score\r\n" +
			"1;\"'=HYPERLINK(\"\"x\"\")\";-3.5\r\n" +
			"2;Lee, Ann;'@x\r\n" +
			"3;\"two\r\nlines\";-12\r\n" +
			"4;\"say \"\"hi\"\"\";'+x\r\n" +
			"5;\"a;b\";'\tx\r\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteCSV(&b, header, rows, tt.opt); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestWriteCSVRoundTripsThroughLoad(t *testing.T) {
	// What WriteCSV writes in Excel mode, Load reads back.
	var b bytes.Buffer
	err := WriteCSV(&b, []string{"id", "name", "learning_orientation"},
		[][]string{{"1", "Hélène; \"Dubœuf\"", "3,5"}, {"2", "two\nlines", ""}}, CSVOptions{Excel: true})
	if err != nil {
		t.Fatal(err)
	}
	ds := mustLoad(t, Inputs{People: &Source{Name: "people.csv", Data: b.Bytes()}}, ReadOptions{})
	if ds.People[0].Name != "Hélène; \"Dubœuf\"" || ds.People[0].LearningOrientation.V != 3.5 || ds.People[1].Name != "two\nlines" {
		t.Errorf("round trip: %+v", ds.People)
	}
}

func TestWriteCSVRaggedRowIsAnError(t *testing.T) {
	var b bytes.Buffer
	err := WriteCSV(&b, []string{"a", "b"}, [][]string{{"1", "2"}, {"3"}}, CSVOptions{})
	if err == nil || err.Error() != "data: CSV row 2 has 1 cells but the header has 2" {
		t.Errorf("err = %v", err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteCSVReportsWriteErrors(t *testing.T) {
	if err := WriteCSV(failingWriter{}, []string{"a"}, [][]string{{"1"}}, CSVOptions{}); err == nil || err.Error() != "disk full" {
		t.Errorf("err = %v", err)
	}
}

// dirEntries returns the names in dir.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "scores.csv")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}

	t.Run("writes a new file with mode 0644", func(t *testing.T) {
		if err := WriteFileAtomic(out, nil, write("v1\n")); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(out); string(b) != "v1\n" {
			t.Errorf("content %q", b)
		}
		if st, _ := os.Stat(out); runtime.GOOS != "windows" && st.Mode().Perm() != 0o644 {
			t.Errorf("mode %v", st.Mode())
		}
	})
	t.Run("replaces an existing file", func(t *testing.T) {
		if err := WriteFileAtomic(out, nil, write("v2\n")); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(out); string(b) != "v2\n" {
			t.Errorf("content %q", b)
		}
	})
	t.Run("a writer error keeps the existing file byte-identical", func(t *testing.T) {
		err := WriteFileAtomic(out, nil, func(w io.Writer) error {
			io.WriteString(w, strings.Repeat("partial", 100000))
			return errors.New("boom")
		})
		if err == nil || err.Error() != "boom" {
			t.Fatalf("err = %v", err)
		}
		if b, _ := os.ReadFile(out); string(b) != "v2\n" {
			t.Errorf("existing file changed: %q", b[:min(len(b), 20)])
		}
	})
	t.Run("a writer error leaves no new file", func(t *testing.T) {
		fresh := filepath.Join(dir, "plan.csv")
		err := WriteFileAtomic(fresh, nil, func(w io.Writer) error { return errors.New("boom") })
		if err == nil {
			t.Fatal("no error")
		}
		if _, err := os.Stat(fresh); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("file exists after a failed write: %v", err)
		}
	})
	t.Run("a panicking writer leaves no temporary file", func(t *testing.T) {
		func() {
			defer func() { recover() }()
			WriteFileAtomic(filepath.Join(dir, "panic.csv"), nil, func(w io.Writer) error { panic("bug") })
		}()
	})
	t.Run("refuses to overwrite an input", func(t *testing.T) {
		in := filepath.Join(dir, "people.csv")
		os.WriteFile(in, []byte("id,name\n"), 0o644)
		wd, _ := os.Getwd()
		rel, err := filepath.Rel(wd, in)
		if err != nil {
			t.Skip("no relative path to the temporary folder")
		}
		link := filepath.Join(dir, "link.csv")
		symlinkErr := os.Symlink(in, link)
		for _, spelling := range []string{
			in,
			filepath.Join(dir, ".", "sub", "..", "people.csv"),
			rel,
		} {
			err := WriteFileAtomic(spelling, []string{"-", in}, write("oops"))
			if err == nil || !strings.Contains(err.Error(), "refusing to write") {
				t.Errorf("%s: err = %v", spelling, err)
			}
			// The input named another way is refused too.
			err = WriteFileAtomic(in, []string{spelling}, write("oops"))
			if err == nil || !strings.Contains(err.Error(), "refusing to write") {
				t.Errorf("input %s: err = %v", spelling, err)
			}
		}
		if symlinkErr == nil {
			if err := WriteFileAtomic(link, []string{in}, write("oops")); err == nil {
				t.Errorf("wrote through a symbolic link to the input")
			}
			if err := WriteFileAtomic(in, []string{link}, write("oops")); err == nil {
				t.Errorf("wrote over the target of an input symbolic link")
			}
		}
		if b, _ := os.ReadFile(in); string(b) != "id,name\n" {
			t.Errorf("input changed: %q", b)
		}
	})
	t.Run("no temporary files are left", func(t *testing.T) {
		for _, name := range dirEntries(t, dir) {
			if strings.HasSuffix(name, ".tmp") {
				t.Errorf("leftover %s in %v", name, dirEntries(t, dir))
			}
		}
	})
}

func TestWriteFileAtomicReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no POSIX permissions")
	}
	dir, run := readOnlyFolder(t, func(string) {})
	if !run {
		return
	}
	called := false
	err := WriteFileAtomic(filepath.Join(dir, "x.csv"), nil, func(io.Writer) error { called = true; return nil })
	if err == nil || !strings.Contains(err.Error(), "data: cannot write") || called {
		t.Errorf("err = %v, called = %v", err, called)
	}
}

func TestWriteFileAtomicMissingFolder(t *testing.T) {
	err := WriteFileAtomic(filepath.Join(t.TempDir(), "no", "x.csv"), nil, func(io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "data: cannot write") {
		t.Errorf("err = %v", err)
	}
}

func TestWriteFileAtomicOverFolder(t *testing.T) {
	dir := t.TempDir()
	err := WriteFileAtomic(dir, nil, func(io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "it is a folder") {
		t.Errorf("err = %v", err)
	}
}
