package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestValidateSaysTheEncoding: validate says which file was read as
// Windows-1252, and a UTF-8 file with one invalid byte is an error at the
// byte, not a silent switch of encoding.
func TestValidateSaysTheEncoding(t *testing.T) {
	dir := t.TempDir()
	people := filepath.Join(dir, "people.csv")
	os.WriteFile(people, []byte("id;nom\n1;H\xe9l\xe8ne\n"), 0o644)
	var out, errOut bytes.Buffer
	if code := Run([]string{"validate", dir}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	want := people + ": read as Windows-1252, not UTF-8\nok: no problems found\n"
	if errOut.String() != want {
		t.Errorf("stderr %q\nwant %q", errOut.String(), want)
	}

	os.WriteFile(people, []byte("id,name\n1,Hélène\n2,Bo\xe9\n"), 0o644)
	errOut.Reset()
	if code := Run([]string{"validate", dir}, nil, &out, &errOut); code != 1 {
		t.Fatalf("exit %d", code)
	}
	want = people + ":3:2: unreadable encoding: byte 0xE9 is not valid UTF-8 (the rest of the file is UTF-8: retype the character there, or save the file again as CSV UTF-8)\nstretchmatch: 1 problem found; nothing was written\n"
	if errOut.String() != want {
		t.Errorf("stderr %q\nwant %q", errOut.String(), want)
	}
}
