package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// endless yields "1,Ann\n" forever.
type endless struct{ n int }

func (e *endless) Read(p []byte) (int, error) {
	const row = "1,Ann\n"
	for i := range p {
		p[i] = row[e.n%len(row)]
		e.n++
	}
	return len(p), nil
}

// TestReadInputsEndlessInput reads a generator of endless bytes from
// standard input and /dev/zero as a file: both fail cleanly at the limit,
// having read no more than the limit and one byte.
func TestReadInputsEndlessInput(t *testing.T) {
	gen := &endless{}
	_, err := ReadInputs("", map[string]string{RolePeople: "-"}, gen, Limits{MaxFileSize: 1 << 20})
	want := "people.csv (standard input):174763:1: the file is larger than 1 MiB, the limit (check that this is the right file; raise the limit with --max-file-size if it is)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	if gen.n > 1<<20+64<<10 {
		t.Errorf("read %d bytes for a limit of 1 MiB", gen.n)
	}
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "people.csv"), []byte("id,name\n1,Ann\n"), 0o644)
	_, err = ReadInputs(dir, map[string]string{RoleHistory: "/dev/zero"}, nil, Limits{MaxFileSize: 4096})
	want = "/dev/zero:1:1: the file is larger than 4 KiB, the limit (check that this is the right file; raise the limit with --max-file-size if it is)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestReadFileLimitedAtTheLimit(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "people.csv")
	body := "id,name\n1,Ann\n" // 14 bytes
	os.WriteFile(f, []byte(body), 0o644)
	if b, err := ReadFileLimited(f, 14); err != nil || string(b) != body {
		t.Errorf("at the limit: %q, %v", b, err)
	}
	_, err := ReadFileLimited(f, 13)
	if err == nil || !strings.HasPrefix(err.Error(), f+":2:1: the file is larger than 13 bytes, the limit") {
		t.Errorf("limit-1: %v", err)
	}
	_, err = ReadFileLimited(dir, 0)
	if diff := cmp.Diff(dir+":1:1: this is a folder, not a file (give the path of the file itself)", errString(err)); diff != "" {
		t.Error(diff)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
