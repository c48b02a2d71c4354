package main

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/data/synthetic"
)

type initOptions struct {
	IO        *iostreams
	Dir       string
	Force     bool
	Synthetic int
	Seed      uint64
	Capacity  int
	Previous  bool
}

func newInitCmd(ios *iostreams, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Write the sample input files and a commented default config into DIR",
		Long: `Write the sample organisation's input files (people.csv, positions.csv,
moves.csv, mentors.csv, mentees.csv, history.csv, codev.csv) and a commented default
configuration (config.yaml) into DIR, creating it if needed, as templates to
fill with your own export. Existing files are left alone unless --force.

--synthetic N writes instead a generated organisation of N people (a
management tree with realistic spans, divisions, countries on several
continents, positions, candidate moves, mentors, mentees and history, and
codev.csv with one person in ten volunteering for codevelopment groups),
the same for the same --seed, for trials and benchmarks. With --previous, the
generated organisation is last quarter's: its pack (run.json, plan.csv,
pairs.csv, groups.csv, group_sessions.csv and copies of its inputs) goes
into DIR/previous, and DIR gets this quarter's input files (some chosen
moves realised through position_id, some replaced by a grade change, some
people gone) and an activity.csv for the pairs and the groups, to try
'stretchmatch followup DIR/previous DIR'.

The sample always comes with its previous quarter: DIR/previous and
DIR/activity.csv.`,
		Example: `  stretchmatch init review-q3
  stretchmatch validate review-q3
  stretchmatch init trial --synthetic 50000 --seed 7
  stretchmatch init trial --synthetic 2000 --previous`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if cmd.Flags().Changed("synthetic") && opts.Synthetic < 1 || opts.Synthetic > synthetic.MaxPeople {
				return usageErrorf("--synthetic %d: give a number of people from 1 to %d", opts.Synthetic, synthetic.MaxPeople)
			}
			if (cmd.Flags().Changed("seed") || cmd.Flags().Changed("mentor-capacity")) && opts.Synthetic == 0 {
				return usageErrorf("--seed and --mentor-capacity go with --synthetic")
			}
			if opts.Previous && opts.Synthetic == 0 {
				return usageErrorf("--previous goes with --synthetic: the sample always has its previous quarter")
			}
			if opts.Capacity < 0 {
				return usageErrorf("--mentor-capacity %d: give a number ≥ 1", opts.Capacity)
			}
			if runF != nil {
				return runF(opts)
			}
			return runInit(opts)
		}),
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite files that already exist in DIR")
	cmd.Flags().IntVar(&opts.Synthetic, "synthetic", 0, "write a generated organisation of `N` people instead of the sample")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 1, "seed of the generated organisation (with --synthetic)")
	cmd.Flags().IntVar(&opts.Capacity, "mentor-capacity", 0, "capacity of every generated mentor (with --synthetic; default: 1 to 3 at random)")
	cmd.Flags().BoolVar(&opts.Previous, "previous", false, "with --synthetic: make the generated organisation last quarter's, writing its pack into DIR/previous, and this quarter's people.csv and activity.csv")
	return cmd
}

// initFile is one file init writes.
type initFile struct {
	name string
	body []byte
}

func runInit(opts *initOptions) error {
	var files []initFile
	var err error
	if opts.Synthetic > 0 {
		files, err = syntheticFiles(synthetic.Options{People: opts.Synthetic, Seed: opts.Seed, MentorCapacity: opts.Capacity}, opts.Previous)
	} else {
		files, err = sampleFiles()
	}
	if err != nil {
		return err
	}
	files = append(files, initFile{"config.yaml", data.DefaultConfigYAML()})

	if !opts.Force {
		for _, f := range files {
			p := filepath.Join(opts.Dir, f.name)
			if _, err := os.Stat(p); err == nil {
				return fmt.Errorf("%s already exists: choose an empty directory, or use --force to overwrite", p)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	out := make([]outputFile, len(files))
	for i, f := range files {
		out[i] = outputFile{f.name, f.body}
	}
	// The sample's previous quarter lives in a sub-folder: one transaction
	// per folder, the sub-folders first, DIR itself last.
	byDir := map[string][]outputFile{}
	var dirs []string
	for _, f := range out {
		d := filepath.Dir(f.Name)
		if _, ok := byDir[d]; !ok {
			dirs = append(dirs, d)
		}
		byDir[d] = append(byDir[d], outputFile{filepath.Base(f.Name), f.Body})
	}
	slices.SortFunc(dirs, func(a, b string) int { return cmp.Compare(b, a) })
	for _, d := range dirs {
		if err := writeFiles(filepath.Join(opts.Dir, d), nil, byDir[d]); err != nil {
			return err
		}
	}
	fmt.Fprintf(opts.IO.ErrOut, "wrote %d files into %s; next: stretchmatch validate %s\n", len(files), opts.Dir, opts.Dir)
	return nil
}

// sampleFiles returns the embedded sample's CSV files, then its previous
// quarter's pack (previous/, to try followup on).
func sampleFiles() ([]initFile, error) {
	sample := data.SampleFS()
	var files []initFile
	for _, dir := range []string{".", "previous"} {
		entries, err := fs.ReadDir(sample, dir)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if ext := filepath.Ext(e.Name()); e.IsDir() || ext != ".csv" && (dir == "." || ext != ".json") {
				continue
			}
			name := path.Join(dir, e.Name())
			b, err := fs.ReadFile(sample, name)
			if err != nil {
				return nil, err
			}
			files = append(files, initFile{filepath.FromSlash(name), b})
		}
	}
	return files, nil
}

// syntheticFiles generates an organisation and encodes it; with previous,
// as last quarter's (see syntheticPrevious).
func syntheticFiles(opt synthetic.Options, previous bool) ([]initFile, error) {
	ds, err := synthetic.Generate(opt)
	if err != nil {
		return nil, err
	}
	in, err := data.EncodeDataset(ds)
	if err != nil {
		return nil, err
	}
	cv := synthetic.Codev(ds, opt.Seed)
	if previous {
		return syntheticPrevious(ds, in, cv)
	}
	enc, err := data.EncodeCodev(cv)
	if err != nil {
		return nil, err
	}
	var files []initFile
	for _, src := range []*data.Source{in.People, in.Positions, in.Moves, in.Mentors, in.Mentees, in.History, enc} {
		files = append(files, initFile{src.Name, src.Data})
	}
	return files, nil
}
