// Command lapbench times the assignment solver on the benchmark kit's
// .lapm matrices and OR-Library files, and prints the side-by-side table
// with scipy. It is a development tool, not part of the product; see
// docs/benchmarks.md for the exact commands.
//
// Usage:
//
//	lapbench run DIR [-only a,b] [-reps 5] [-budget 30s]
//	    solve DIR/NAME.lapm for every name in DIR/manifest.tsv (or -only),
//	    printing "name lib runs median_ms min_ms cost note" rows (the
//	    format of the kit's merge.py); loading is not timed
//	lapbench orlib FILE.txt OUT.lapm
//	    write an OR-Library file as a dense .lapm (+Inf for missing pairs)
//	lapbench orlibrun FILE.txt [-reps 5]
//	    time the sparse constructor path on an OR-Library file
//	lapbench table SCIPY.tsv OURS.tsv
//	    print a Markdown table of both medians and their ratio
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/stretchmatch/stretchmatch/matcher/assign"
	"github.com/stretchmatch/stretchmatch/matcher/assign/internal/lapm"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "run":
		err = run(os.Args[2:], os.Stdout)
	case "orlib":
		err = convert(os.Args[2:])
	case "orlibrun":
		err = orlibRun(os.Args[2:], os.Stdout)
	case "table":
		err = table(os.Args[2:], os.Stdout)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "lapbench:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: lapbench {run DIR|orlib FILE OUT|orlibrun FILE|table SCIPY OURS} [flags]")
	os.Exit(2)
}

// timeSolves solves p up to reps times (fewer once budget is spent, at
// least once) and returns the median and minimum wall times and the last
// solution.
func timeSolves(p *assign.Problem, reps int, budget time.Duration) (med, low time.Duration, runs int, s *assign.Solution, err error) {
	var times []time.Duration
	var spent time.Duration
	for len(times) < reps && (len(times) == 0 || spent < budget) {
		t0, c0 := time.Now(), cpuTime()
		s, err = assign.Solve(p, assign.Options{})
		dt := time.Since(t0)
		if useCPU {
			dt = cpuTime() - c0
		}
		if err != nil {
			return 0, 0, 0, nil, err
		}
		times = append(times, dt)
		spent += dt
	}
	slices.Sort(times)
	return times[len(times)/2], times[0], len(times), s, nil
}

// useCPU makes timeSolves report process CPU time instead of wall time,
// which shared machines disturb less (set by -clock cpu).
var useCPU bool

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func ms(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 2, 64) }

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	only := fs.String("only", "", "comma-separated instance names")
	reps := fs.Int("reps", 5, "solves per instance")
	budget := fs.Duration("budget", 30*time.Second, "time per instance after which no new solve starts")
	clock := fs.String("clock", "wall", "wall or cpu (process CPU time)")
	if len(args) < 1 {
		usage()
	}
	dir := args[0]
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	useCPU = *clock == "cpu"
	var names []string
	if *only != "" {
		names = strings.Split(*only, ",")
	} else {
		f, err := os.Open(filepath.Join(dir, "manifest.tsv"))
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if p := strings.Split(sc.Text(), "\t"); p[0] != "name" && p[0] != "" {
				names = append(names, p[0])
			}
		}
		f.Close()
	}
	for _, name := range names {
		mat, err := lapm.ReadFile(filepath.Join(dir, name+".lapm"))
		if err != nil {
			return err
		}
		p := assign.NewDense(mat.N, mat.M, mat.Cost)
		med, low, runs, s, err := timeSolves(p, *reps, *budget)
		if err != nil {
			fmt.Fprintf(out, "%s\tstretchmatch\t0\t-\t-\tERR\t%v\n", name, err)
			continue
		}
		fmt.Fprintf(out, "%s\tstretchmatch\t%d\t%s\t%s\t%s\t\n", name, runs, ms(med), ms(low), costString(s.Total, mat.Flags&lapm.FlagIntegral != 0))
	}
	return nil
}

func costString(total float64, integral bool) string {
	if integral {
		return strconv.FormatFloat(total, 'f', 0, 64)
	}
	return strconv.FormatFloat(total, 'f', 9, 64)
}

func readORLib(name string) (*lapm.ORLib, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return lapm.ReadORLib(f, strings.HasPrefix(filepath.Base(name), "assignp"))
}

func convert(args []string) error {
	if len(args) != 2 {
		usage()
	}
	o, err := readORLib(args[0])
	if err != nil {
		return err
	}
	f, err := os.Create(args[1])
	if err != nil {
		return err
	}
	if err := lapm.Write(f, o.Dense()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func orlibRun(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("orlibrun", flag.ExitOnError)
	reps := fs.Int("reps", 5, "solves")
	if len(args) < 1 {
		usage()
	}
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	o, err := readORLib(args[0])
	if err != nil {
		return err
	}
	p := assign.NewSparse(o.N, o.N, o.Start, o.Cols, o.Cost)
	med, low, runs, s, err := timeSolves(p, *reps, 30*time.Second)
	if err != nil {
		return err
	}
	name := strings.TrimSuffix(filepath.Base(args[0]), ".txt")
	fmt.Fprintf(out, "%s\tstretchmatch-sparse\t%d\t%s\t%s\t%s\t\n", name, runs, ms(med), ms(low), costString(s.Total, true))
	return nil
}

// table joins scipy_bench.py rows with lapbench rows by name.
func table(args []string, out io.Writer) error {
	if len(args) != 2 {
		usage()
	}
	read := func(name string, cols ...int) (map[string][]string, []string, error) {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		rows := map[string][]string{}
		var order []string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			p := strings.Split(sc.Text(), "\t")
			if len(p) < 6 || p[0] == "name" || strings.HasPrefix(p[0], "#") {
				continue
			}
			var r []string
			for _, c := range cols {
				r = append(r, p[c])
			}
			if _, ok := rows[p[0]]; !ok {
				order = append(order, p[0])
			}
			rows[p[0]] = r
		}
		return rows, order, sc.Err()
	}
	sp, order, err := read(args[0], 2, 3, 5, 7) // n, m, median, cost
	if err != nil {
		return err
	}
	ours, _, err := read(args[1], 3, 5) // median, cost
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "| instance | n × m | scipy ms | stretchmatch ms | speed-up | same optimum |")
	fmt.Fprintln(out, "|---|---|---:|---:|---:|---|")
	for _, name := range order {
		s, o := sp[name], ours[name]
		if o == nil {
			continue
		}
		a, _ := strconv.ParseFloat(s[2], 64)
		b, _ := strconv.ParseFloat(o[0], 64)
		same := "yes"
		if s[3] != o[1] {
			same = "NO: " + o[1] + " vs " + s[3]
		}
		fmt.Fprintf(out, "| %s | %s×%s | %s | %s | %.2f× | %s |\n", name, s[0], s[1], s[2], o[0], a/b, same)
	}
	return nil
}
