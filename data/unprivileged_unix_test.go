//go:build unix

package data

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// readOnlyEnv names, in the child process of readOnlyFolder, the folder to
// test.
const readOnlyEnv = "STRETCHMATCH_TEST_READONLY_DIR"

// readOnlyFolder returns a folder this test cannot write into, filled by
// setup while it still could, and whether the caller is to run its checks.
//
// For an ordinary user it is a temporary folder of mode 0555. Root writes
// anywhere, so as root the test runs again in a child process as the user
// nobody, against a folder root owns: then the parent gets false, having
// checked that the child passed, and must return.
func readOnlyFolder(t *testing.T, setup func(dir string)) (string, bool) {
	t.Helper()
	if dir := os.Getenv(readOnlyEnv); dir != "" {
		mustBeReadOnly(t, dir)
		return dir, true
	}
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		setup(dir)
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		mustBeReadOnly(t, dir)
		return dir, true
	}
	uid, gid := 65534, 65534
	if u, err := user.Lookup("nobody"); err == nil {
		uid, _ = strconv.Atoi(u.Uid)
		gid, _ = strconv.Atoi(u.Gid)
	}
	base, err := os.MkdirTemp("", "stretchmatch-readonly-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	dir := filepath.Join(base, "ro")
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	setup(dir)
	// The test binary, copied where nobody may run it.
	exe := filepath.Join(base, "test.bin")
	src, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	dst, err := os.OpenFile(exe, os.O_CREATE|os.O_WRONLY, 0o755)
	if err == nil {
		_, err = io.Copy(dst, src)
		dst.Close()
	}
	src.Close()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Dir = base
	cmd.Env = append(os.Environ(), readOnlyEnv+"="+dir, "TMPDIR=/tmp")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("--- PASS: "+t.Name())) {
		t.Fatalf("run as uid %d against the read-only folder: %v\n%s", uid, err, out)
	}
	t.Logf("checked as uid %d in a child process", uid)
	return dir, false
}

// mustBeReadOnly fails the test when a file can be created in dir.
func mustBeReadOnly(t *testing.T, dir string) {
	t.Helper()
	if f, err := os.CreateTemp(dir, "probe"); err == nil {
		f.Close()
		os.Remove(f.Name())
		t.Fatalf("%s is writable by uid %d: the test cannot check a read-only folder", dir, os.Geteuid())
	}
}
