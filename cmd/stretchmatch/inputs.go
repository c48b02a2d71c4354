package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

// inputOptions are the flags shared by every command that reads the input
// files of a review cycle.
type inputOptions struct {
	Dir        string
	Files      map[string]*string // role (standard file name) -> --flag value
	ConfigFile string
	Delimiter  string
	Verbose    bool
	// Redact: problems name people by their pseudonym (the command's
	// --redact).
	Redact bool
}

// inputFlags maps each --flag to the standard file it replaces. The flag
// names are the roles of data.ReadInputs.
var inputFlags = []struct{ flag, file string }{
	{"people", data.FilePeople},
	{"positions", data.FilePositions},
	{"moves", data.FileMoves},
	{"mentors", data.FileMentors},
	{"mentees", data.FileMentees},
	{"history", data.FileHistory},
}

func addInputFlags(cmd *cobra.Command, o *inputOptions) {
	f := cmd.Flags()
	o.Files = make(map[string]*string, len(inputFlags))
	for _, in := range inputFlags {
		o.Files[in.file] = f.String(in.flag, "", fmt.Sprintf("read %s from `FILE` instead of DIR ('-' = standard input)", in.file))
	}
	f.StringVar(&o.ConfigFile, "config", "", "YAML `FILE` overriding weights, thresholds and rules")
	f.StringVar(&o.Delimiter, "delimiter", "", "force the CSV delimiter: {comma|semicolon|tab} (default: detected from the header line)")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "say which encoding, delimiter and columns were recognised")
	_ = cmd.RegisterFlagCompletionFunc("delimiter", cobra.FixedCompletions([]string{"comma", "semicolon", "tab"}, cobra.ShellCompDirectiveNoFileComp))
}

// delimiter returns the forced delimiter, 0 for detection, or a usage error.
func (o *inputOptions) delimiter() (rune, error) {
	switch o.Delimiter {
	case "":
		return 0, nil
	case ",", "comma":
		return ',', nil
	case ";", "semicolon":
		return ';', nil
	case "\t", "tab", `\t`:
		return '\t', nil
	}
	return 0, usageErrorf("--delimiter %q: choose comma, semicolon or tab", o.Delimiter)
}

// check validates the flags before any work is done.
func (o *inputOptions) check() error {
	if _, err := o.delimiter(); err != nil {
		return err
	}
	stdin := 0
	for _, in := range inputFlags {
		if *o.Files[in.file] == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return usageErrorf("only one input file can be read from standard input ('-')")
	}
	return nil
}

// loaded is what a command has read: the sources (for hashes and for never
// overwriting an input), the dataset and the configuration in force.
type loaded struct {
	Inputs  data.Inputs
	Config  model.Config
	Dataset *model.Dataset
	Paths   []string // paths of the files read, to refuse as outputs
	// Delimiter is the --delimiter forced, 0 when detected per file.
	Delimiter rune
	// ConfigSource is the --config file as read, nil without --config: the
	// run record hashes it.
	ConfigSource *data.Source
}

// load reads the configuration and every input file and checks them all.
// Problems in the data come back as data.Problems.
func (o *inputOptions) load(stdin io.Reader, errOut io.Writer) (*loaded, error) {
	delim, err := o.delimiter()
	if err != nil {
		return nil, err
	}
	l := &loaded{Config: model.Default(), Delimiter: delim}
	if o.ConfigFile != "" {
		b, err := os.ReadFile(o.ConfigFile)
		if err != nil {
			return nil, fmt.Errorf("cannot read the configuration: %w (check the path given to --config)", err)
		}
		l.Paths = append(l.Paths, o.ConfigFile)
		l.ConfigSource = &data.Source{Name: o.ConfigFile, Data: b}
		if l.Config, err = data.LoadConfig(*l.ConfigSource); err != nil {
			return nil, err
		}
	}
	override := make(map[string]string)
	for _, in := range inputFlags {
		if v := *o.Files[in.file]; v != "" {
			override[in.flag] = v
		}
	}
	if l.Inputs, err = data.ReadInputs(o.Dir, override, stdin); err != nil {
		return nil, err
	}
	l.Paths = append(l.Paths, inputPaths(o.Dir, override)...)
	ds, notes, err := data.Load(l.Inputs, data.ReadOptions{Delimiter: delim, Config: &l.Config,
		PersonName: reports.Namer{Redact: o.Redact}.Name})
	if o.Verbose {
		for _, n := range notes {
			fmt.Fprintln(errOut, n)
		}
	}
	if err != nil {
		return nil, err
	}
	l.Dataset = ds
	return l, nil
}

// inputPaths lists the paths of every file a command may read, present or
// not, so that no output is ever written over one of them.
func inputPaths(dir string, override map[string]string) []string {
	var paths []string
	for _, in := range inputFlags {
		if p, ok := override[in.flag]; ok {
			if p != "-" {
				paths = append(paths, p)
			}
			continue
		}
		if dir != "" {
			paths = append(paths, dir+string(os.PathSeparator)+in.file)
		}
	}
	return paths
}
