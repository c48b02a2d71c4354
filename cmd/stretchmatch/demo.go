package main

import (
	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

type demoOptions struct {
	IO     *iostreams
	Output outputOptions
}

func newDemoCmd(ios *iostreams, runF func(*demoOptions) error) *cobra.Command {
	opts := &demoOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run on the embedded sample organisation; no files needed",
		Long: `Load the embedded sample organisation (a fictional company of about 250
people), check it as validate would, and print what it holds.`,
		Example: `  stretchmatch demo
  stretchmatch demo --lang fr --format markdown`,
		Args: usageArgs(cobra.NoArgs),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			if err := opts.Output.check(ios); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runDemo(opts)
		}),
	}
	addOutputFlags(cmd, &opts.Output)
	return cmd
}

func runDemo(opts *demoOptions) error {
	cfg := model.Default()
	in, err := data.SampleInputs()
	if err != nil {
		return err
	}
	ds, _, err := data.Load(in, data.ReadOptions{Config: &cfg})
	if err != nil {
		return err
	}
	lang, _ := opts.Output.language()
	return writeTables(opts.IO, &opts.Output, nil, reports.DatasetTable(ds, lang))
}
