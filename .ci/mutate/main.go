// Command mutate checks that the test suite catches wrong numbers: it applies
// each deliberate mutation of mutations.go (a file, an exact original text,
// its replacement) to a copy of the source tree, runs the go test packages
// that should catch it, one after the other until one fails, restores the
// file, and prints a table of the mutations caught and survived. A mutation
// whose original text is not in the file (the code has changed) is reported
// as "does not apply" and must be brought up to date.
//
// Run from the repository root:
//
//	go run ./.ci/mutate              # every mutation, full test suite
//	go run ./.ci/mutate -short       # go test -short: quicker, may miss some
//	go run ./.ci/mutate -run redact  # the mutations whose name contains "redact"
//	go run ./.ci/mutate -check       # only check that every mutation applies
//	go run ./.ci/mutate -update      # bless the goldens from the mutated code first
//
// The exit code is 0 when every mutation that applies is caught, 1 otherwise.
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

func main() {
	short := flag.Bool("short", false, "run the tests with -short")
	only := flag.String("run", "", "only the mutations whose name contains this text (several: separated by |)")
	failfast := flag.Bool("failfast", false, "stop each package's tests at the first failure: faster, and \"caught by\" names one test")
	verbose := flag.Bool("v", false, "print the output of the test that caught each mutation")
	check := flag.Bool("check", false, "only check that every mutation applies, without running the tests")
	bless := flag.Bool("update", false, "regenerate the golden files from the mutated code (go test -update) before running the tests, cmd/stretchmatch's first")
	flag.Parse()

	root, err := os.Getwd()
	if err != nil {
		fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		fatal(fmt.Errorf("run from the repository root: %w", err))
	}
	if *check {
		bad := 0
		for _, m := range mutations {
			b, err := os.ReadFile(filepath.Join(root, m.file))
			if err != nil || !strings.Contains(string(b), m.from) {
				fmt.Printf("does not apply: %s (%s)\n", m.name, m.file)
				bad++
			}
		}
		fmt.Printf("%d mutations, %d do not apply\n", len(mutations), bad)
		if bad > 0 {
			os.Exit(1)
		}
		return
	}
	tmp, err := os.MkdirTemp("", "stretchmatch-mutate-")
	if err != nil {
		fatal(err)
	}
	defer os.RemoveAll(tmp)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		os.RemoveAll(tmp)
		os.Exit(2)
	}()
	if err := copyTree(root, tmp); err != nil {
		fatal(err)
	}
	goldens := snapshotGoldens(tmp)

	fmt.Println("| # | mutation | file | result | caught by | time |")
	fmt.Println("|---:|---|---|---|---|---:|")
	survived, stale := 0, 0
	n := 0
	for _, m := range mutations {
		if !selected(m.name, *only) {
			continue
		}
		n++
		start := time.Now()
		result, by, out := apply(tmp, m, testFlags(*short, *failfast), *bless, goldens)
		switch result {
		case "survived":
			survived++
		case "does not apply", "does not build":
			stale++
		}
		fmt.Printf("| %d | %s | %s | %s | %s | %.0fs |\n", n, m.name, m.file, result, by, time.Since(start).Seconds())
		if *verbose && out != "" {
			fmt.Println(indent(out))
		}
	}
	fmt.Printf("\n%d mutations: %d caught, %d survived, %d do not apply or do not build\n", n, n-survived-stale, survived, stale)
	if survived > 0 || stale > 0 {
		os.Exit(1)
	}
}

// apply mutates the file of m in the tree at dir, runs m's packages, and
// restores the file.
func apply(dir string, m mutation, flags []string, bless bool, goldens map[string][]byte) (result, by, out string) {
	path := filepath.Join(dir, m.file)
	orig, err := os.ReadFile(path)
	if err != nil {
		return "does not apply", "no file", ""
	}
	if !strings.Contains(string(orig), m.from) {
		return "does not apply", "original text not found", ""
	}
	mutated := strings.ReplaceAll(string(orig), m.from, m.to)
	if err := os.WriteFile(path, []byte(mutated), 0o644); err != nil {
		fatal(err)
	}
	defer func() {
		if err := os.WriteFile(path, orig, 0o644); err != nil {
			fatal(err)
		}
	}()
	if strings.HasSuffix(m.file, ".go") {
		vet := exec.Command("go", "build", "./...")
		vet.Dir = dir
		if b, err := vet.CombinedOutput(); err != nil {
			return "does not build", "", string(b)
		}
	}
	if bless {
		// Rewrite every golden file from the mutated code first, as a
		// careless "go test -update" would: the tests must fail anyway.
		up := exec.Command("go", "test", "-count=1", "./cmd/stretchmatch", "-run", "^(TestScripts|TestRunReportGolden)$", "-update")
		up.Dir = dir
		up.CombinedOutput()
		defer restoreGoldens(dir, goldens)
	}
	pkgs := m.pkgs
	if bless && pkgs[0] != "./cmd/stretchmatch" {
		// The goldens and their oracle checks first.
		pkgs = []string{"./cmd/stretchmatch"}
		for _, p := range m.pkgs {
			if p != pkgs[0] {
				pkgs = append(pkgs, p)
			}
		}
	}
	for _, pkg := range pkgs {
		args := append([]string{"test", "-count=1", "-timeout=15m"}, flags...)
		cmd := exec.Command("go", append(args, pkg)...)
		cmd.Dir = dir
		b, err := cmd.CombinedOutput()
		if err != nil {
			return "caught", pkg + " " + firstFailure(string(b)), string(b)
		}
	}
	return "survived", "", ""
}

// testFlags are the go test flags that -short and -failfast add.
func testFlags(short, failfast bool) []string {
	var flags []string
	if short {
		flags = append(flags, "-short")
	}
	if failfast {
		flags = append(flags, "-failfast")
	}
	return flags
}

// firstFailure returns the names of the failing top-level tests in go
// test's output (the first four).
func firstFailure(out string) string {
	var names []string
	for _, line := range strings.Split(out, "\n") {
		if t, ok := strings.CutPrefix(line, "--- FAIL: "); ok && len(names) < 4 {
			names = append(names, strings.Fields(t)[0])
		}
	}
	if len(names) > 0 {
		return strings.Join(names, ", ")
	}
	if strings.Contains(out, "panic:") {
		return "(panic)"
	}
	return "(build)"
}

// copyTree copies the source tree at src into dst, leaving out .git.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		info, err := in.Stat()
		if err != nil {
			return err
		}
		out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, info.Mode().Perm())
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// selected reports whether name contains one of the |-separated texts of
// only (every name when only is empty).
func selected(name, only string) bool {
	if only == "" {
		return true
	}
	for _, o := range strings.Split(only, "|") {
		if o != "" && strings.Contains(name, o) {
			return true
		}
	}
	return false
}

// snapshotGoldens reads every file under the testdata folders of the
// packages that -update rewrites.
func snapshotGoldens(dir string) map[string][]byte {
	out := map[string][]byte{}
	for _, sub := range []string{"cmd/stretchmatch/testdata", "reports/testdata"} {
		filepath.WalkDir(filepath.Join(dir, sub), func(path string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				b, err := os.ReadFile(path)
				if err != nil {
					fatal(err)
				}
				out[path] = b
			}
			return nil
		})
	}
	return out
}

// restoreGoldens writes the golden files back.
func restoreGoldens(dir string, goldens map[string][]byte) {
	for path, b := range goldens {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			fatal(err)
		}
	}
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > 30 {
		lines = append(lines[:30], "    …")
	}
	return "    " + strings.Join(lines, "\n    ")
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "mutate:", err)
	os.Exit(2)
}
