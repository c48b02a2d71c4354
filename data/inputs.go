package data

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Roles of the input files, the keys of the overrides of [ReadInputs].
const (
	RolePeople    = "people"
	RolePositions = "positions"
	RoleMoves     = "moves"
	RoleMentors   = "mentors"
	RoleMentees   = "mentees"
	RoleHistory   = "history"
)

// Roles returns the input roles in file order.
func Roles() []string {
	return []string{RolePeople, RolePositions, RoleMoves, RoleMentors, RoleMentees, RoleHistory}
}

// ReadInputs reads the input files of a cycle into memory: each file is
// dir's file of standard name ([FilePeople], …) unless override maps its
// role ([RolePeople], …) to another path, "-" meaning stdin. dir may be ""
// for the current directory.
//
// A standard file missing from dir is simply absent (a nil Source), except
// people.csv, which is a problem. A file named by an override must exist.
// Unreadable files, a dir that does not exist, and more than one role read
// from stdin are problems too. When there is any problem the error is a
// [Problems] and the Inputs hold the files that could be read. An unknown
// role in override is an error of the caller (not a Problems).
//
// No file is read beyond lim's MaxFileSize (the default when lim is not
// given): a larger file, or an endless one such as /dev/zero, is a problem
// at the line where the limit was reached. A folder given as a file is a
// problem at its 1:1.
func ReadInputs(dir string, override map[string]string, stdin io.Reader, lim ...Limits) (Inputs, error) {
	var in Inputs
	maxSize := DefaultLimits().MaxFileSize
	if len(lim) > 0 {
		maxSize = lim[0].withDefaults().MaxFileSize
	}
	for role := range override {
		if indexOf(Roles(), role) < 0 {
			return in, fmt.Errorf("data: unknown input role %q", role)
		}
	}
	var ps Problems
	dirOK := true
	if dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			dirOK = false
			msg := "folder not found"
			if err == nil {
				msg = "not a folder"
			} else if !errors.Is(err, fs.ErrNotExist) {
				msg = "cannot open the folder: " + reason(err)
			}
			ps = append(ps, Problem{File: dir, Msg: msg, Hint: "give the folder that holds people.csv and the other input files"})
		}
	}
	stdinUsedBy := ""
	slots := [...]**Source{&in.People, &in.Positions, &in.Moves, &in.Mentors, &in.Mentees, &in.History}
	for i, role := range Roles() {
		std := Files()[i]
		path, explicit := override[role]
		if path == "-" {
			name := std + " (standard input)"
			switch {
			case stdinUsedBy != "":
				ps = append(ps, Problem{File: name, Msg: "standard input is already read as " + stdinUsedBy,
					Hint: "only one file can be read from standard input, named -"})
			case stdin == nil:
				ps = append(ps, Problem{File: name, Msg: "no standard input", Hint: "give a file name instead of -"})
			default:
				stdinUsedBy = std
				b, p := readLimited(stdin, name, maxSize)
				if p != nil {
					ps = append(ps, *p)
					continue
				}
				*slots[i] = &Source{Name: name, Data: b}
			}
			continue
		}
		if !explicit {
			if !dirOK {
				continue
			}
			path = filepath.Join(dir, std)
		}
		b, err := ReadFileLimited(path, maxSize)
		var fileProblems Problems
		switch {
		case errors.As(err, &fileProblems):
			ps = append(ps, fileProblems...)
		case err == nil:
			*slots[i] = &Source{Name: path, Data: b}
		case errors.Is(err, fs.ErrNotExist) && !explicit && role != RolePeople:
			// optional file left out
		case errors.Is(err, fs.ErrNotExist):
			hint := fmt.Sprintf("check the name, or put %s in the input folder", std)
			if role == RolePeople && !explicit {
				hint = "put people.csv in the input folder, or name it with --people FILE"
			}
			ps = append(ps, Problem{File: path, Msg: "file not found", Hint: hint})
		default:
			ps = append(ps, Problem{File: path, Msg: "cannot read the file: " + reason(err),
				Hint: "check that it is a readable file, not a folder"})
		}
	}
	if len(ps) > 0 {
		return in, ps
	}
	return in, nil
}

// reason returns the cause of a file error without the path, which the
// problem already names.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
