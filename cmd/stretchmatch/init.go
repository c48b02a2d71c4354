package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

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
the same for the same --seed, for trials and benchmarks.`,
		Example: `  stretchmatch init review-q3
  stretchmatch validate review-q3
  stretchmatch init trial --synthetic 50000 --seed 7`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if cmd.Flags().Changed("synthetic") && opts.Synthetic < 1 || opts.Synthetic > synthetic.MaxPeople {
				return usageErrorf("--synthetic %d: give a number of people from 1 to %d", opts.Synthetic, synthetic.MaxPeople)
			}
			if (cmd.Flags().Changed("seed") || cmd.Flags().Changed("mentor-capacity")) && opts.Synthetic == 0 {
				return usageErrorf("--seed and --mentor-capacity go with --synthetic")
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
		files, err = syntheticFiles(synthetic.Options{People: opts.Synthetic, Seed: opts.Seed, MentorCapacity: opts.Capacity})
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
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", opts.Dir, err)
	}
	for _, f := range files {
		body := f.body
		err := data.WriteFileAtomic(filepath.Join(opts.Dir, f.name), nil, func(w io.Writer) error {
			_, err := w.Write(body)
			return err
		})
		if err != nil {
			return err
		}
	}
	fmt.Fprintf(opts.IO.ErrOut, "wrote %d files into %s; next: stretchmatch validate %s\n", len(files), opts.Dir, opts.Dir)
	return nil
}

// sampleFiles returns the embedded sample's CSV files.
func sampleFiles() ([]initFile, error) {
	sample := data.SampleFS()
	entries, err := fs.ReadDir(sample, ".")
	if err != nil {
		return nil, err
	}
	var files []initFile
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".csv" {
			continue
		}
		b, err := fs.ReadFile(sample, e.Name())
		if err != nil {
			return nil, err
		}
		files = append(files, initFile{e.Name(), b})
	}
	return files, nil
}

// syntheticFiles generates an organisation and encodes it.
func syntheticFiles(opt synthetic.Options) ([]initFile, error) {
	ds, err := synthetic.Generate(opt)
	if err != nil {
		return nil, err
	}
	in, err := data.EncodeDataset(ds)
	if err != nil {
		return nil, err
	}
	var files []initFile
	for _, src := range []*data.Source{in.People, in.Positions, in.Moves, in.Mentors, in.Mentees, in.History} {
		files = append(files, initFile{src.Name, src.Data})
	}
	cv, err := data.EncodeCodev(synthetic.Codev(ds, opt.Seed))
	if err != nil {
		return nil, err
	}
	return append(files, initFile{cv.Name, cv.Data}), nil
}
