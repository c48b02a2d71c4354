package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write(FilePeople, basePeople)
	write(FileMentors, "person_id\n1\n")
	other := write("other-mentees.csv", "person_id\n4\n")

	t.Run("standard names, optional files absent, override and stdin", func(t *testing.T) {
		in, err := ReadInputs(dir, map[string]string{RoleMentees: other, RoleHistory: "-"},
			strings.NewReader("mentee_id,mentor_id\n4,1\n"))
		if err != nil {
			t.Fatal(err)
		}
		want := Inputs{
			People:  &Source{Name: filepath.Join(dir, FilePeople), Data: []byte(basePeople)},
			Mentors: &Source{Name: filepath.Join(dir, FileMentors), Data: []byte("person_id\n1\n")},
			Mentees: &Source{Name: other, Data: []byte("person_id\n4\n")},
			History: &Source{Name: "history.csv (standard input)", Data: []byte("mentee_id,mentor_id\n4,1\n")},
		}
		if diff := cmp.Diff(want, in); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if _, _, err := Load(in, ReadOptions{}); err != nil {
			t.Errorf("Load: %v", err)
		}
	})
	t.Run("problems", func(t *testing.T) {
		empty := t.TempDir()
		_, err := ReadInputs(empty, map[string]string{
			RoleMoves:   filepath.Join(empty, "nope.csv"),
			RoleMentors: "-", RoleMentees: "-",
			RoleHistory: empty,
		}, strings.NewReader(""))
		var ps Problems
		if !errors.As(err, &ps) {
			t.Fatalf("err = %v", err)
		}
		want := strings.Join([]string{
			filepath.Join(empty, "people.csv") + ": file not found (put people.csv in the input folder, or name it with --people FILE)",
			filepath.Join(empty, "nope.csv") + ": file not found (check the name, or put moves.csv in the input folder)",
			"mentees.csv (standard input): standard input is already read as mentors.csv (only one file can be read from standard input, named -)",
			empty + ":1:1: this is a folder, not a file (give the path of the file itself)",
		}, "\n")
		if diff := cmp.Diff(want, ps.Error()); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("missing folder", func(t *testing.T) {
		_, err := ReadInputs(filepath.Join(dir, "nope"), nil, nil)
		want := filepath.Join(dir, "nope") + ": folder not found (give the folder that holds people.csv and the other input files)"
		if err == nil || err.Error() != want {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("unknown role is a caller error", func(t *testing.T) {
		_, err := ReadInputs(dir, map[string]string{"peoples": "x"}, nil)
		var ps Problems
		if err == nil || errors.As(err, &ps) || err.Error() != `data: unknown input role "peoples"` {
			t.Errorf("err = %v", err)
		}
	})
}
