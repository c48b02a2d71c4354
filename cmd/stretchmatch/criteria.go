package main

import (
	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

type criteriaOptions struct {
	IO         *iostreams
	Output     outputOptions
	ConfigFile string
}

func newCriteriaCmd(ios *iostreams, runF func(*criteriaOptions) error) *cobra.Command {
	opts := &criteriaOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "criteria",
		Short: "Print the catalog of development criteria",
		Long: `Print the fifteen criteria moves are scored on: the eleven learning situations
(list A) and the four conditions of a strategic move (list B), with their ids,
English and French labels, source (rated by managers in moves.csv, or derived
from the data), proxy or derivation, and weight in force.`,
		Example: `  stretchmatch criteria
  stretchmatch criteria --lang fr --format markdown
  stretchmatch criteria --config review.yaml --format csv -o criteria.csv`,
		Args: usageArgs(cobra.NoArgs),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			if err := opts.Output.check(ios); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runCriteria(opts)
		}),
	}
	addOutputFlags(cmd, &opts.Output)
	declareTables(cmd, &opts.Output, "criteria")
	cmd.Flags().StringVar(&opts.ConfigFile, "config", "", "YAML `FILE` whose weights to show")
	return cmd
}

func runCriteria(opts *criteriaOptions) error {
	cfg := model.Default()
	var inputs []string
	if opts.ConfigFile != "" {
		b, err := readInputFile(opts.ConfigFile, data.DefaultLimits(), "the configuration", "check the path given to --config")
		if err != nil {
			return err
		}
		if cfg, err = data.LoadConfig(data.Source{Name: opts.ConfigFile, Data: b}); err != nil {
			return err
		}
		inputs = append(inputs, opts.ConfigFile)
	}
	lang, _ := opts.Output.language()
	return writeTables(opts.IO, &opts.Output, inputs, reports.CriteriaTable(&cfg, lang))
}
