package main

import (
	"errors"
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
	// DecisionsFile is --decisions; "" reads DIR/decisions.csv if present.
	DecisionsFile string
	Delimiter     string
	Verbose       bool
	Limits        limitFlags
	// CodevFile and CodevHistoryFile replace DIR's codev.csv and
	// codev_history.csv.
	CodevFile, CodevHistoryFile string
	// Redact shows pseudonyms instead of names in the messages of the
	// load too (set from the command's --redact).
	Redact bool

	cmd *cobra.Command // the command, whose --lang the warnings follow
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
	o.cmd = cmd
	f := cmd.Flags()
	o.Files = make(map[string]*string, len(inputFlags))
	for _, in := range inputFlags {
		o.Files[in.file] = f.String(in.flag, "", fmt.Sprintf("read %s from `FILE` instead of DIR ('-' = standard input)", in.file))
	}
	f.StringVar(&o.CodevFile, "codev", "", "read codev.csv (codevelopment volunteers) from `FILE` instead of DIR ('-' = standard input)")
	f.StringVar(&o.CodevHistoryFile, "codev-history", "", "read codev_history.csv (earlier groups) from `FILE` instead of DIR ('-' = standard input)")
	f.StringVar(&o.ConfigFile, "config", "", "YAML `FILE` overriding weights, thresholds and rules (default: DIR/config.yaml when present)")
	f.StringVar(&o.Delimiter, "delimiter", "", "force the CSV delimiter: {comma|semicolon|tab} (default: detected from the header line)")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "say which encoding, delimiter and columns were recognised")
	addDecisionFlag(cmd, o)
	addLimitFlags(cmd, &o.Limits)
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
	if _, err := o.Limits.limits(); err != nil {
		return err
	}
	stdin := 0
	for _, in := range inputFlags {
		if *o.Files[in.file] == "-" {
			stdin++
		}
	}
	for _, f := range []string{o.CodevFile, o.CodevHistoryFile} {
		if f == "-" {
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
	// ConfigSource is the configuration file as read (--config, else
	// DIR/config.yaml), nil when the defaults are in force: the run record
	// hashes it.
	ConfigSource *data.Source
	// Decisions are the committee's decisions (decisions.csv), read from
	// DecisionsSource; empty without the file.
	Decisions       model.Decisions
	DecisionsSource *data.Source
	// ErrOut receives warnings, such as a plan file that leaves moves out.
	ErrOut io.Writer
	// Warnings are the values read that may not mean what was meant
	// (FILE:LINE:COLUMN: warning: …), already shown on standard error.
	Warnings []string
	// Limits bound what is read from each file.
	Limits data.Limits
	// Codev holds the codevelopment volunteers and earlier groups, nil
	// when there is no codev.csv; CodevSource and CodevHistorySource are
	// the files as read (nil when absent).
	Codev                           *model.Codev
	CodevSource, CodevHistorySource *data.Source
}

// readInputFile reads a file other than the six inputs (configuration,
// plan) within the size limit; what and hint word the error of a missing
// or unreadable file.
func readInputFile(path string, lim data.Limits, what, hint string) ([]byte, error) {
	b, err := data.ReadFileLimited(path, lim.MaxFileSize)
	var ps data.Problems
	if err != nil && !errors.As(err, &ps) {
		return nil, fmt.Errorf("cannot read %s: %w (%s)", what, err, hint)
	}
	return b, err
}

// load reads the configuration and every input file and checks them all.
// Problems in the data come back as data.Problems.
func (o *inputOptions) load(stdin io.Reader, errOut io.Writer) (*loaded, error) {
	delim, err := o.delimiter()
	if err != nil {
		return nil, err
	}
	lim, err := o.Limits.limits()
	if err != nil {
		return nil, err
	}
	if lang := commandLang(o.cmd); lang == reports.FR && o.cmd != nil {
		errOut = localizedWriter{errOut, lang} // notes and warnings in French
	}
	l := &loaded{Config: model.Default(), Delimiter: delim, ErrOut: errOut, Limits: lim}
	if cf := o.configFile(); cf != "" {
		b, err := readInputFile(cf, lim, "the configuration", "check the path given to --config")
		if err != nil {
			return nil, err
		}
		if o.Verbose {
			fmt.Fprintf(errOut, "configuration: %s\n", cf)
		}
		l.Paths = append(l.Paths, cf)
		l.ConfigSource = &data.Source{Name: cf, Data: b}
		if l.Config, err = data.LoadConfig(*l.ConfigSource); err != nil {
			return nil, err
		}
	} else if o.Verbose {
		fmt.Fprintln(errOut, "configuration: the defaults (no config.yaml in DIR, no --config)")
	}
	override := make(map[string]string)
	for _, in := range inputFlags {
		if v := *o.Files[in.file]; v != "" {
			override[in.flag] = v
		}
	}
	if l.Inputs, err = data.ReadInputs(o.Dir, override, stdin, lim); err != nil {
		return nil, err
	}
	l.Paths = append(l.Paths, inputPaths(o.Dir, override)...)
	ropt := data.ReadOptions{Delimiter: delim, Config: &l.Config, Limits: lim}
	if o.Redact {
		ropt.ShowName = func(id, _ string) string { return reports.Pseudonym(id) }
	}
	ds, notes, err := data.Load(l.Inputs, ropt)
	if o.Redact && ds != nil {
		if r := pseudonymReplacer(ds.People); r != nil {
			setRedactor(o.cmd, r)
			errOut = redactingWriter{errOut, r}
			l.ErrOut = errOut
		}
	}
	err = o.loadCodev(l, ds, stdin, &notes, err)
	l.Warnings = notes.Warnings()
	shown := l.Warnings // warnings are shown always, every note with --verbose
	if o.Verbose {
		shown = notes
	}
	lang := ""
	if o.cmd != nil {
		if f := o.cmd.Flags().Lookup("lang"); f != nil {
			if l, ok := reports.ParseLang(f.Value.String()); ok {
				lang = string(l)
			}
		}
	}
	for _, n := range shown {
		fmt.Fprintln(errOut, data.LocalizedNote(n, lang))
	}
	if err != nil {
		return nil, err
	}
	l.Dataset = ds
	if err := o.loadDecisions(l, errOut); err != nil {
		return nil, err
	}
	return l, nil
}

// loadCodev reads and checks codev.csv and codev_history.csv when present,
// adding their problems to those of the other files (err, from data.Load).
func (o *inputOptions) loadCodev(l *loaded, ds *model.Dataset, stdin io.Reader, notes *data.Notes, err error) error {
	codevPath, histPath := o.CodevFile, o.CodevHistoryFile
	var readErr error
	l.CodevSource, l.CodevHistorySource, readErr = data.ReadCodevInputs(o.Dir, codevPath, histPath, stdin)
	for _, p := range []struct{ flag, std string }{{codevPath, data.FileCodev}, {histPath, data.FileCodevHistory}} {
		switch {
		case p.flag != "" && p.flag != "-":
			l.Paths = append(l.Paths, p.flag)
		case p.flag == "" && o.Dir != "":
			l.Paths = append(l.Paths, o.Dir+string(os.PathSeparator)+p.std)
		}
	}
	var ps data.Problems
	errors.As(err, &ps)
	if err != nil && ps == nil {
		return err
	}
	var more data.Problems
	if errors.As(readErr, &more) {
		ps = append(ps, more...)
	}
	if l.CodevSource != nil {
		cv, cnotes, cerr := data.LoadCodev(l.CodevSource, l.CodevHistorySource, ds, data.ReadOptions{Delimiter: l.Delimiter})
		*notes = append(*notes, cnotes...)
		if errors.As(cerr, &more) {
			ps = append(ps, more...)
		} else if cerr != nil {
			return cerr
		}
		l.Codev = cv
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
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
