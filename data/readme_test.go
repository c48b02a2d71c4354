package data

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeListsAliases checks that the README's alias tables name every
// column of every input file with all of its aliases, so that the list
// users read is the list the program accepts.
func TestReadmeListsAliases(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, f := range Files() {
		for _, c := range Columns(f) {
			name := c.Name
			if c.Required {
				name = "**" + name + "**"
			}
			row := "| " + name + " | " + strings.Join(c.Aliases, ", ") + " |"
			if !strings.Contains(readme, row) {
				t.Errorf("README.md lacks the row of %s column %s:\n%s", f, c.Name, row)
			}
		}
	}
}
