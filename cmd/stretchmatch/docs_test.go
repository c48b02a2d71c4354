package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestDocsUpToDate regenerates the man pages and the Markdown reference and
// compares them with the ones committed under docs/: a change of a command
// or a flag must come with `stretchmatch docs docs`.
func TestDocsUpToDate(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	if code := Run([]string{"docs", dir}, nil, &out, &errOut); code != 0 {
		t.Fatalf("docs: exit %d: %s", code, errOut.String())
	}
	for _, sub := range []string{"man", "reference"} {
		want, err := os.ReadDir(filepath.Join("..", "..", "docs", sub))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("docs/%s holds %d pages, the commands give %d: run `go run ./cmd/stretchmatch docs docs`", sub, len(want), len(got))
		}
		for _, e := range got {
			a, err := os.ReadFile(filepath.Join(dir, sub, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join("..", "..", "docs", sub, e.Name()))
			if err != nil || !bytes.Equal(a, b) {
				t.Errorf("docs/%s/%s is out of date: run `go run ./cmd/stretchmatch docs docs`", sub, e.Name())
			}
		}
	}
}
