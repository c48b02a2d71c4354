package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// packNames are the files of a pack, the run record last.
var packNames = []string{"scores.csv", "pairs.csv", "mentor_load.csv", "report.md", "report.html", "run.json"}

// stagePack writes the pack version v into dir through a transaction.
func stagePack(dir string, v string, inputs ...string) error {
	tx, err := StageFiles(dir, inputs)
	if err != nil {
		return err
	}
	defer tx.Abort()
	for _, n := range packNames {
		if err := tx.Add(n, []byte(n+" "+v+"\n")); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// checkPack fails unless dir holds exactly the pack version v and nothing
// else (no staging folder, no temporary file).
func checkPack(t *testing.T, dir, v string, extra ...string) {
	t.Helper()
	want := append(slices.Clone(packNames), extra...)
	slices.Sort(want)
	if got := dirEntries(t, dir); !slices.Equal(got, want) {
		t.Fatalf("folder holds %v, want %v", got, want)
	}
	for _, n := range packNames {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil || string(b) != n+" "+v+"\n" {
			t.Errorf("%s holds %q (%v), want version %s", n, b, err, v)
		}
	}
}

func TestStagedWritesAllFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := stagePack(dir, "v1"); err != nil {
		t.Fatal(err)
	}
	checkPack(t, dir, "v1")
	if err := stagePack(dir, "v2"); err != nil {
		t.Fatal(err)
	}
	checkPack(t, dir, "v2")
}

// TestStagedFailureAtEveryPosition makes the write fail at each file of
// the pack in turn, both while staging (a folder in the file's place) and
// while renaming into place: the old pack stays whole every time.
func TestStagedFailureAtEveryPosition(t *testing.T) {
	dir := t.TempDir()
	if err := stagePack(dir, "v1"); err != nil {
		t.Fatal(err)
	}
	for i, name := range packNames {
		t.Run("staging "+name, func(t *testing.T) {
			target := filepath.Join(dir, name)
			os.Rename(target, target+".keep")
			os.Mkdir(target, 0o755)
			err := stagePack(dir, "v2")
			os.Remove(target)
			os.Rename(target+".keep", target)
			want := "cannot write " + target + ": it is a folder"
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("err = %v, want %s…", err, want)
			}
			checkPack(t, dir, "v1")
		})
		t.Run(fmt.Sprintf("rename %d %s", i, name), func(t *testing.T) {
			faultBeforeRename = func(n string) error {
				if n == name {
					return syscall.ENOSPC
				}
				return nil
			}
			defer func() { faultBeforeRename = func(string) error { return nil } }()
			err := stagePack(dir, "v2")
			if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "nothing was changed in "+dir) {
				t.Fatalf("err = %v", err)
			}
			checkPack(t, dir, "v1")
		})
	}
	// A rename failure in a fresh folder leaves no file and no folder.
	fresh := filepath.Join(dir, "fresh")
	faultBeforeRename = func(n string) error {
		if n == "run.json" {
			return syscall.EIO
		}
		return nil
	}
	err := stagePack(fresh, "v1")
	faultBeforeRename = func(string) error { return nil }
	if !errors.Is(err, syscall.EIO) {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Lstat(fresh); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the new folder was left behind: %v", err)
	}
}

// TestStagedRefusesSpecialTargets: a symbolic link, a FIFO or a device in
// the place of a pack file is refused before anything is replaced.
func TestStagedRefusesSpecialTargets(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := t.TempDir()
	if err := stagePack(dir, "v1"); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "elsewhere.md")
	os.WriteFile(other, []byte("keep"), 0o644)
	target := filepath.Join(dir, "report.md")
	cases := []struct {
		name string
		make func() error
		want string
	}{
		{"symlink", func() error { return os.Symlink(other, target) }, "it is a symbolic link"},
		{"fifo", func() error { return syscall.Mkfifo(target, 0o644) }, "it is not a regular file (a FIFO)"},
		{"char device", func() error { return syscall.Mknod(target, syscall.S_IFCHR|0o666, 1<<8|3) }, "it is not a regular file (a character device)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			os.Rename(target, target+".keep")
			defer os.Rename(target+".keep", target)
			if err := c.make(); err != nil {
				t.Skipf("cannot make a %s here: %v", c.name, err)
			}
			defer os.Remove(target)
			err := stagePack(dir, "v2")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
			st, _ := os.Lstat(target)
			if st == nil || st.Mode().IsRegular() {
				t.Errorf("%s was replaced", c.name)
			}
		})
	}
	checkPack(t, dir, "v1")
	if b, _ := os.ReadFile(other); string(b) != "keep" {
		t.Errorf("the file behind the link changed: %q", b)
	}
}

// TestStagedRefusesInputs: an input reached through a hard link or a
// symbolic link to the output folder is never written.
func TestStagedRefusesInputs(t *testing.T) {
	base := t.TempDir()
	in := filepath.Join(base, "in")
	os.Mkdir(in, 0o755)
	people := filepath.Join(in, "people.csv")
	os.WriteFile(people, []byte("id,name\n"), 0o644)
	out := filepath.Join(base, "out")
	os.Mkdir(out, 0o755)
	if err := os.Link(people, filepath.Join(out, "pairs.csv")); err != nil {
		t.Skip("no hard links here")
	}
	err := stagePack(out, "v1", people)
	want := "refusing to write " + filepath.Join(out, "pairs.csv") + ": it is the input file " + people
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
	if got := dirEntries(t, out); !slices.Equal(got, []string{"pairs.csv"}) {
		t.Errorf("out holds %v", got)
	}
	// The output folder named through a link to the input folder, the
	// input named through another link.
	edited := filepath.Join(in, "report.md")
	os.WriteFile(edited, []byte("id,name\n"), 0o644)
	link := filepath.Join(base, "link")
	os.Symlink(in, link)
	os.Symlink(edited, filepath.Join(base, "edited.md"))
	err = stagePack(link, "v1", filepath.Join(base, "edited.md"))
	if err == nil || !strings.Contains(err.Error(), "refusing to write") {
		t.Fatalf("through a link: err = %v", err)
	}
	for _, f := range []string{people, edited} {
		if b, _ := os.ReadFile(f); string(b) != "id,name\n" {
			t.Errorf("input %s changed: %q", f, b)
		}
	}
	if got := dirEntries(t, in); !slices.Equal(got, []string{"people.csv", "report.md"}) {
		t.Errorf("in holds %v", got)
	}
}

func TestStagedLock(t *testing.T) {
	dir := t.TempDir()
	first, err := StageFiles(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = StageFiles(dir, nil)
	want := "cannot write into " + dir + ": another stretchmatch run is writing into this folder (wait for it to finish, or choose another output folder)"
	if err == nil || err.Error() != want {
		t.Fatalf("second transaction: err = %v\nwant %s", err, want)
	}
	first.Abort()
	if err := stagePack(dir, "v1"); err != nil {
		t.Fatalf("after the first ended: %v", err)
	}
	checkPack(t, dir, "v1")
}

// TestStagedCleansCrashLeftovers plants what killed runs leave: a staging
// folder with its commit marker (rolled forward), one without (removed),
// and temporary files of single-file writes (removed).
func TestStagedCleansCrashLeftovers(t *testing.T) {
	dir := t.TempDir()
	if err := stagePack(dir, "v1"); err != nil {
		t.Fatal(err)
	}
	// Killed while renaming: scores.csv and pairs.csv were already in
	// place, the rest still staged.
	crashed := filepath.Join(dir, stagingPrefix+"123")
	os.Mkdir(crashed, 0o700)
	for _, n := range packNames {
		dst := filepath.Join(crashed, n)
		if n == "scores.csv" || n == "pairs.csv" {
			dst = filepath.Join(dir, n)
		}
		os.WriteFile(dst, []byte(n+" v2\n"), 0o644)
	}
	os.WriteFile(filepath.Join(crashed, commitMarker), []byte(strings.Join(packNames, "\n")+"\n"), 0o600)
	// Killed while staging.
	unfinished := filepath.Join(dir, stagingPrefix+"456")
	os.Mkdir(unfinished, 0o700)
	os.WriteFile(filepath.Join(unfinished, "report.md"), []byte("half"), 0o644)
	os.WriteFile(filepath.Join(dir, ".report.html.1234567.tmp"), []byte("half"), 0o644)

	tx, err := StageFiles(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	tx.Abort()
	checkPack(t, dir, "v2")
}

// TestStagedFollowsUmask: files get 0666 and folders 0777 less the umask,
// and a file replaced keeps a narrower mode.
func TestStagedFollowsUmask(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no umask")
	}
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "out")
	if err := stagePack(dir, "v1"); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", st.Mode().Perm())
	}
	for _, n := range packNames {
		if st, _ := os.Stat(filepath.Join(dir, n)); st.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", n, st.Mode().Perm())
		}
	}
	syscall.Umask(0o022)
	os.Chmod(filepath.Join(dir, "pairs.csv"), 0o640)
	if err := stagePack(dir, "v2"); err != nil {
		t.Fatal(err)
	}
	for n, want := range map[string]os.FileMode{"pairs.csv": 0o640, "scores.csv": 0o600} {
		if st, _ := os.Stat(filepath.Join(dir, n)); st.Mode().Perm() != want {
			t.Errorf("%s mode %v, want %v", n, st.Mode().Perm(), want)
		}
	}
	f := filepath.Join(dir, "single.csv")
	syscall.Umask(0o077)
	if err := WriteFileAtomic(f, nil, writeString("x")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(f); st.Mode().Perm() != 0o600 {
		t.Errorf("WriteFileAtomic mode %v, want 0600", st.Mode().Perm())
	}
}

// TestAbortWrites is what a signal handler does: staged files are removed,
// the folder keeps its old pack, and later writes are refused.
func TestAbortWrites(t *testing.T) {
	dir := t.TempDir()
	if err := stagePack(dir, "v1"); err != nil {
		t.Fatal(err)
	}
	tx, err := StageFiles(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Add("scores.csv", []byte("new")); err != nil {
		t.Fatal(err)
	}
	defer func() {
		writes.Lock()
		writes.stopped = false
		writes.Unlock()
	}()
	if n := AbortWrites(); n != 1 {
		t.Errorf("AbortWrites removed %d, want 1", n)
	}
	if err := tx.Commit(); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Commit after AbortWrites: %v", err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "x.csv"), nil, writeString("x")); !errors.Is(err, ErrInterrupted) {
		t.Errorf("WriteFileAtomic after AbortWrites: %v", err)
	}
	checkPack(t, dir, "v1")
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// TestWriteFileAtomicWritesThroughSpecials: a FIFO and a character device
// are written through and stay what they are; a symbolic link to a regular
// file stays a link and its file gets the new content; a link to nothing
// is refused.
func TestWriteFileAtomicWritesThroughSpecials(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := t.TempDir()
	t.Run("fifo", func(t *testing.T) {
		fifo := filepath.Join(dir, "fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip(err)
		}
		got := make(chan string)
		go func() {
			b, _ := os.ReadFile(fifo)
			got <- string(b)
		}()
		if err := WriteFileAtomic(fifo, nil, writeString("through the pipe\n")); err != nil {
			t.Fatal(err)
		}
		if s := <-got; s != "through the pipe\n" {
			t.Errorf("reader got %q", s)
		}
		if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("the FIFO was replaced: %v", st.Mode())
		}
	})
	t.Run("char device", func(t *testing.T) {
		null := filepath.Join(dir, "null")
		if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Skipf("mknod: %v (needs root)", err)
		}
		if err := WriteFileAtomic(null, nil, writeString("gone")); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Lstat(null); st.Mode()&os.ModeCharDevice == 0 {
			t.Errorf("the device was replaced: %v", st.Mode())
		}
		if slices.ContainsFunc(dirEntries(t, dir), func(n string) bool { return strings.HasSuffix(n, ".tmp") }) {
			t.Errorf("temporary file left: %v", dirEntries(t, dir))
		}
	})
	t.Run("symlink to a file", func(t *testing.T) {
		real := filepath.Join(dir, "real.csv")
		os.WriteFile(real, []byte("old"), 0o640)
		link := filepath.Join(dir, "link.csv")
		os.Symlink("real.csv", link)
		if err := WriteFileAtomic(link, nil, writeString("new")); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link was replaced")
		}
		if b, _ := os.ReadFile(real); string(b) != "new" {
			t.Errorf("the linked file holds %q", b)
		}
		if st, _ := os.Stat(real); st.Mode().Perm() != 0o640 {
			t.Errorf("mode %v, want 0640", st.Mode().Perm())
		}
	})
	t.Run("dangling symlink", func(t *testing.T) {
		link := filepath.Join(dir, "dangling.csv")
		os.Symlink("nowhere.csv", link)
		err := WriteFileAtomic(link, nil, writeString("x"))
		if err == nil || !strings.Contains(err.Error(), "symbolic link to a file that does not exist") {
			t.Fatalf("err = %v", err)
		}
		if _, err := os.Lstat(filepath.Join(dir, "nowhere.csv")); err == nil {
			t.Errorf("the link's target was created")
		}
	})
}

// TestWriteFileAtomicRemovesLeftovers: a temporary file that a killed
// process left is removed by the next write of the same file, one held by
// a running writer is not.
func TestWriteFileAtomicRemovesLeftovers(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.html")
	left := filepath.Join(dir, ".report.html.157.tmp")
	os.WriteFile(left, []byte("half"), 0o644)
	held := filepath.Join(dir, ".report.html.158.tmp")
	os.WriteFile(held, []byte("busy"), 0o644)
	f, _ := os.Open(held)
	defer f.Close()
	if err := flockNB(f); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, ".notes.1.tmp")
	os.WriteFile(other, []byte("not ours"), 0o644)
	if err := WriteFileAtomic(out, nil, writeString("ok")); err != nil {
		t.Fatal(err)
	}
	want := []string{".notes.1.tmp", ".report.html.158.tmp", "report.html"}
	if got := dirEntries(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
}
