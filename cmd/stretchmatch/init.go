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
)

type initOptions struct {
	IO    *iostreams
	Dir   string
	Force bool
}

func newInitCmd(ios *iostreams, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Write the sample input files and a commented default config into DIR",
		Long: `Write the sample organisation's input files (people.csv, positions.csv,
moves.csv, mentors.csv, mentees.csv, history.csv) and a commented default
configuration (config.yaml) into DIR, creating it if needed, as templates to
fill with your own export. Existing files are left alone unless --force.`,
		Example: `  stretchmatch init review-q3
  stretchmatch validate review-q3`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runInit(opts)
		}),
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite files that already exist in DIR")
	return cmd
}

// initFile is one file init writes.
type initFile struct {
	name string
	body []byte
}

func runInit(opts *initOptions) error {
	var files []initFile
	sample := data.SampleFS()
	entries, err := fs.ReadDir(sample, ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".csv" {
			continue
		}
		b, err := fs.ReadFile(sample, e.Name())
		if err != nil {
			return err
		}
		files = append(files, initFile{e.Name(), b})
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
