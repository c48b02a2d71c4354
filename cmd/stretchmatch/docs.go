package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// docsDate is the date printed in the man pages: the release date of the
// version, fixed so that the pages are the same on every run.
var docsDate = time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)

type docsOptions struct {
	IO   *iostreams
	Dir  string
	Root *cobra.Command
}

func newDocsCmd(ios *iostreams, runF func(*docsOptions) error) *cobra.Command {
	opts := &docsOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "docs DIR",
		Short: "Write the man pages and the Markdown reference of every command",
		Long: `Write a man page for every command into DIR/man (section 1, such as
stretchmatch-run.1) and a Markdown reference page into DIR/reference (such
as stretchmatch_run.md). Pages carry a fixed date, so the same version
always writes the same bytes; each file is written atomically.`,
		Example: `  stretchmatch docs docs
  man -l docs/man/stretchmatch-run.1`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			opts.Root = cmd.Root()
			if runF != nil {
				return runF(opts)
			}
			return runDocs(opts)
		}),
	}
	return cmd
}

func runDocs(opts *docsOptions) error {
	var man, md []outputFile
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		if !c.IsAvailableCommand() || c.IsAdditionalHelpTopicCommand() {
			return nil
		}
		c.DisableAutoGenTag = true
		if !strings.Contains(c.Long, exitCodesHelp) {
			c.Long += "\n" + exitCodesHelp // as the help shows them
		}
		var buf bytes.Buffer
		header := &doc.GenManHeader{
			Section: "1",
			Date:    &docsDate,
			Source:  "stretchmatch " + version,
			Manual:  "stretchmatch manual",
		}
		if err := doc.GenMan(c, header, &buf); err != nil {
			return err
		}
		man = append(man, outputFile{strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1", buf.Bytes()})
		var mbuf bytes.Buffer
		if err := doc.GenMarkdown(c, &mbuf); err != nil {
			return err
		}
		md = append(md, outputFile{strings.ReplaceAll(c.CommandPath(), " ", "_") + ".md", mbuf.Bytes()})
		for _, sub := range c.Commands() {
			if err := walk(sub); err != nil {
				return err
			}
		}
		return nil
	}
	// Every page links to its parent and children: turn the tags off on the
	// whole tree before any page is written.
	disableAutoGenTag(opts.Root)
	if err := walk(opts.Root); err != nil {
		return fmt.Errorf("cannot generate the documentation: %w", err)
	}
	if err := writeFiles(filepath.Join(opts.Dir, "man"), nil, man); err != nil {
		return err
	}
	if err := writeFiles(filepath.Join(opts.Dir, "reference"), nil, md); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "wrote %d man pages into %s and %d Markdown pages into %s\n",
		len(man), filepath.Join(opts.Dir, "man"), len(md), filepath.Join(opts.Dir, "reference"))
	return nil
}

func disableAutoGenTag(c *cobra.Command) {
	c.DisableAutoGenTag = true
	for _, sub := range c.Commands() {
		disableAutoGenTag(sub)
	}
}
