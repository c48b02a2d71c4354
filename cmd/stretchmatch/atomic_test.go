package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchmatch/stretchmatch/data"
)

// holdMain is the helper command "stretchmatch-hold OUT": it stages a pack
// into OUT with the signal handling of the real command, says "staged" on
// standard output, and commits when its standard input closes. It lets
// tests stop a process in the middle of a write, or hold the lock of OUT
// while another process runs.
func holdMain() {
	defer catchSignals(os.Stderr, os.Exit).stop()
	tx, err := data.StageFiles(os.Args[1], nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, n := range runFiles {
		if err := tx.Add(n, []byte("held "+n+"\n")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Println("staged")
	io.Copy(io.Discard, os.Stdin)
	if err := tx.Commit(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// commandPath returns a command of the test binary under the name that
// makes testscript.Main run it.
func commandPath(t *testing.T, name string) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), name)
	if err := os.Symlink(exe, bin); err != nil {
		t.Skipf("cannot link the test binary: %v", err)
	}
	return bin
}

// snapshot returns the files of dir and their bytes, failing on any
// staging folder or temporary file.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range es {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("%s left in %s", e.Name(), dir)
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = string(b)
	}
	return m
}

// startHold starts stretchmatch-hold on out and waits until it has staged
// its files.
func startHold(t *testing.T, hold, out string) (*exec.Cmd, io.WriteCloser, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(hold, out)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "staged\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper said %q, stderr %s", line, stderr.String())
	}
	return cmd, stdin, &stderr
}

func exitCodeOf(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// TestSIGTERMMidWrite stops a process whose files are staged but not yet
// in place: it exits 143 with a message, the staging folder is gone and
// the earlier pack is untouched.
func TestSIGTERMMidWrite(t *testing.T) {
	hold := commandPath(t, "stretchmatch-hold")
	dir := t.TempDir()
	in := sampleDir(t, dir)
	out := filepath.Join(dir, "out")
	if code := Run([]string{"run", in, "--out", out}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatalf("first run: exit %d", code)
	}
	before := snapshot(t, out)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP} {
		cmd, stdin, stderr := startHold(t, hold, out)
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		stdin.Close()
		if code := exitCodeOf(err); code != 128+int(sig) {
			t.Errorf("%v: exit %d, want %d", sig, code, 128+int(sig))
		}
		name := map[syscall.Signal]string{syscall.SIGTERM: "SIGTERM", syscall.SIGINT: "SIGINT", syscall.SIGHUP: "SIGHUP"}[sig]
		want := "stretchmatch: stopped by " + name + "; files being written were removed, earlier output is unchanged\n"
		if stderr.String() != want {
			t.Errorf("%v: stderr %q, want %q", sig, stderr.String(), want)
		}
		if after := snapshot(t, out); !mapsEqual(before, after) {
			t.Errorf("%v: the pack changed", sig)
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestConcurrentRunsLock: while one process holds OUT, a real run on it
// fails at once (exit 1, a clear message) and changes nothing; the holder
// then completes its pack, and a run after it succeeds.
func TestConcurrentRunsLock(t *testing.T) {
	hold := commandPath(t, "stretchmatch-hold")
	sm := commandPath(t, "stretchmatch")
	dir := t.TempDir()
	in := sampleDir(t, dir)
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	cmd, stdin, holdErr := startHold(t, hold, out)

	run := exec.Command(sm, "run", in, "--out", out)
	var stderr bytes.Buffer
	run.Stderr = &stderr
	err := run.Run()
	if code := exitCodeOf(err); code != 1 {
		t.Errorf("contending run: exit %d, want 1", code)
	}
	want := "stretchmatch: cannot write into " + out + ": another stretchmatch run is writing into this folder (wait for it to finish, or choose another output folder)\n"
	if stderr.String() != want {
		t.Errorf("stderr %q\nwant %q", stderr.String(), want)
	}
	// Only the holder's staging folder is there.
	if es, _ := os.ReadDir(out); len(es) != 1 || !strings.HasPrefix(es[0].Name(), ".stretchmatch-staging-") {
		t.Errorf("the folder holds %v", es)
	}

	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("holder: %v %s", err, holdErr)
	}
	got := snapshot(t, out)
	for _, n := range runFiles {
		if got[n] != "held "+n+"\n" {
			t.Errorf("holder's %s = %q", n, got[n])
		}
	}
	run = exec.Command(sm, "run", in, "--out", out)
	if outb, err := run.CombinedOutput(); err != nil {
		t.Fatalf("run after the holder: %v\n%s", err, outb)
	}
	if got := snapshot(t, out); !strings.Contains(got["run.json"], `"chosen_moves": 31`) || len(got) != len(runFiles) {
		t.Errorf("final pack: %v", slices.Sorted(mapKeys(got)))
	}
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestConcurrentAndKilledRunsNeverMix races real processes on one folder:
// two runs that write different packs at once, and runs stopped by SIGTERM
// at random moments. After each round the folder holds exactly one of the
// packs, whole, and nothing else; a run that lost the lock exits 1.
func TestConcurrentAndKilledRunsNeverMix(t *testing.T) {
	if testing.Short() {
		t.Skip("starts many processes")
	}
	sm := commandPath(t, "stretchmatch")
	dir := t.TempDir()
	in := sampleDir(t, dir)
	ref := func(lang string) map[string]string {
		out := filepath.Join(dir, "ref-"+lang)
		if code := Run([]string{"run", in, "--out", out, "--lang", lang}, nil, io.Discard, io.Discard); code != 0 {
			t.Fatalf("reference run: exit %d", code)
		}
		return snapshot(t, out)
	}
	packs := []map[string]string{ref("en"), ref("fr")}
	out := filepath.Join(dir, "out")
	check := func(round string) {
		got := snapshot(t, out)
		if len(got) == 0 {
			return // nothing written yet
		}
		if !mapsEqual(got, packs[0]) && !mapsEqual(got, packs[1]) {
			t.Fatalf("%s: the folder holds a mixed pack", round)
		}
	}
	rng := rand.New(rand.NewPCG(12, 0))
	for i := range 6 {
		a := exec.Command(sm, "run", in, "--out", out, "--lang", "en")
		b := exec.Command(sm, "run", in, "--out", out, "--lang", "fr")
		var ea, eb bytes.Buffer
		a.Stderr, b.Stderr = &ea, &eb
		a.Start()
		b.Start()
		errA, errB := a.Wait(), b.Wait()
		for _, r := range []struct {
			err error
			msg string
		}{{errA, ea.String()}, {errB, eb.String()}} {
			switch code := exitCodeOf(r.err); {
			case code == 0:
			case code == 1 && strings.Contains(r.msg, "another stretchmatch run is writing into this folder"):
			case code == 1 && strings.Contains(r.msg, "une autre exécution de stretchmatch écrit dans ce dossier"):
			default:
				t.Errorf("round %d: exit %d, %s", i, code, r.msg)
			}
		}
		check(fmt.Sprintf("concurrent round %d", i))

		k := exec.Command(sm, "run", in, "--out", out, "--lang", []string{"en", "fr"}[i%2])
		var ek bytes.Buffer
		k.Stderr = &ek
		k.Start()
		time.Sleep(time.Duration(rng.IntN(150)) * time.Millisecond)
		k.Process.Signal(syscall.SIGTERM)
		err := k.Wait()
		if code := exitCodeOf(err); code != 0 && code != 143 && code != -1 {
			t.Errorf("killed round %d: exit %d, %s", i, code, ek.String())
		}
		check(fmt.Sprintf("killed round %d", i))
	}
}

// TestRunFollowsUmask: under umask 077 every file of the pack is 0600 and
// the folder 0700 (they used to be 0644 whatever the umask).
func TestRunFollowsUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	in := sampleDir(t, dir)
	out := filepath.Join(dir, "out")
	if code := Run([]string{"run", in, "--out", out}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", st.Mode().Perm())
	}
	for _, n := range runFiles {
		if st, err := os.Stat(filepath.Join(out, n)); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v (%v), want 0600", n, st.Mode().Perm(), err)
		}
	}
	f := filepath.Join(dir, "scores.csv")
	if code := Run([]string{"score", in, "-o", f}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatalf("score -o: exit %d", code)
	}
	if st, _ := os.Stat(f); st.Mode().Perm() != 0o600 {
		t.Errorf("-o file mode %v, want 0600", st.Mode().Perm())
	}
}

// TestOutputOntoSpecialFiles: -o onto a FIFO and onto a character device
// made in a temporary folder writes through them; neither is replaced.
func TestOutputOntoSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	in := sampleDir(t, dir)
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	got := make(chan []byte)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- b
	}()
	var errOut bytes.Buffer
	if code := Run([]string{"score", in, "-o", fifo, "--format", "csv"}, nil, io.Discard, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if b := <-got; !bytes.HasPrefix(b, []byte("move_id,person_id,")) {
		t.Errorf("the reader got %.60q", b)
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", st.Mode())
	}
	null := filepath.Join(dir, "null")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skipf("mknod: %v (needs root)", err)
	}
	if code := Run([]string{"score", in, "-o", null, "--format", "csv"}, nil, io.Discard, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if st, _ := os.Lstat(null); st.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device was replaced: %v", st.Mode())
	}
}

// TestRunRefusesLinkedInputBeforeWriting: an output file that is a link to
// an input (symbolic or hard) is refused before any file is replaced.
func TestRunRefusesLinkedInputBeforeWriting(t *testing.T) {
	dir := t.TempDir()
	in := sampleDir(t, dir)
	out := filepath.Join(dir, "out")
	if code := Run([]string{"run", in, "--out", out}, nil, io.Discard, io.Discard); code != 0 {
		t.Fatal("first run failed")
	}
	before := snapshot(t, out)
	movesBefore, _ := os.ReadFile(filepath.Join(in, "moves.csv"))
	plan := filepath.Join(out, "plan.csv")
	for _, link := range []func() error{
		func() error { return os.Symlink(filepath.Join(in, "moves.csv"), plan) },
		func() error { return os.Link(filepath.Join(in, "moves.csv"), plan) },
	} {
		os.Remove(plan)
		if err := link(); err != nil {
			t.Skip(err)
		}
		var errOut bytes.Buffer
		if code := Run([]string{"run", in, "--out", out, "--lang", "fr"}, nil, io.Discard, &errOut); code != 1 {
			t.Errorf("exit %d", code)
		}
		if !strings.Contains(errOut.String(), "impossible d'écrire "+plan) && !strings.Contains(errOut.String(), "refus d'écrire "+plan) {
			t.Errorf("stderr %q", errOut.String())
		}
		os.Remove(plan)
		os.WriteFile(plan, []byte(before["plan.csv"]), 0o644)
		if after := snapshot(t, out); !mapsEqual(before, after) {
			t.Errorf("files were replaced")
		}
	}
	if moves, _ := os.ReadFile(filepath.Join(in, "moves.csv")); !bytes.Equal(moves, movesBefore) {
		t.Errorf("the input changed")
	}
}

// TestScratchFolderRemoved: the private folder for the workbook writer's
// temporary files is 0700, gone when the work is done, and gone too when a
// caught signal's cleanup runs while it is still in use.
func TestScratchFolderRemoved(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	var done string
	err := withScratch(func(dir string) error {
		done = dir
		if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
			t.Errorf("scratch folder %v (%v), want mode 0700", st, err)
		}
		return os.WriteFile(filepath.Join(dir, "sheet"), []byte("held"), 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(done); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("scratch folder left after use: %v", err)
	}
	withScratch(func(dir string) error {
		os.WriteFile(filepath.Join(dir, "sheet"), []byte("held"), 0o600)
		removeScratch()
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a signal's cleanup left the scratch folder in use: %v", err)
		}
		return nil
	})
}
