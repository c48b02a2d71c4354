package data

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// ErrInterrupted is returned by writes started after [AbortWrites]: the
// process is stopping on a signal and writes nothing more.
var ErrInterrupted = errors.New("interrupted: nothing more is written")

// Names used inside an output folder.
const (
	// stagingPrefix begins the name of the staging folder of a transaction.
	stagingPrefix = ".stretchmatch-staging-"
	// commitMarker, inside a staging folder, lists the files in the order
	// they are renamed into place; it exists only once every file is
	// written and synced, so a crash after it can be rolled forward.
	commitMarker = ".commit"
	// backupDir, inside a staging folder, holds hard links to the files
	// being replaced, so a failed rename can be undone.
	backupDir = ".old"
)

// writes tracks the transactions and temporary files in progress, so that
// a signal can remove them all before the process exits.
var writes = struct {
	sync.Mutex
	stopped bool
	staged  map[*Staged]bool
	temps   map[string]bool
}{staged: map[*Staged]bool{}, temps: map[string]bool{}}

// AbortWrites removes every staging folder and temporary file of the
// transactions in progress, and makes every later write fail with
// [ErrInterrupted]. It waits for a transaction that is renaming its files
// into place to finish, so a folder holds either its old files or its new
// ones. It is meant for a signal handler, just before the process exits;
// it returns how many transactions and temporary files it removed.
func AbortWrites() int {
	writes.Lock()
	defer writes.Unlock()
	writes.stopped = true
	n := 0
	for s := range writes.staged {
		os.RemoveAll(s.stage)
		n++
	}
	for tmp := range writes.temps {
		os.Remove(tmp)
		n++
	}
	return n
}

// Staged is a set of files written into one folder as one transaction:
// every file is written and synced into a staging folder inside the
// folder, and the files are renamed into place only by [Staged.Commit],
// once all of them are written. Until then, and when anything fails, the
// folder's files are untouched.
//
// While a Staged is open it holds an exclusive lock on the folder, so a
// second transaction on the same folder, in this process or another one,
// fails at once instead of mixing its files with this one's.
//
// Files get the mode 0666 less the umask, like the files of every Unix
// tool; a file replaced keeps its mode when that is narrower.
type Staged struct {
	dir     string
	stage   string
	lock    *os.File
	inputs  []fileID
	names   []string
	closed  bool
	missing map[string]bool // names that had no file in dir before the commit
	created bool            // dir was created by StageFiles
	done    bool            // committed
}

// fileID identifies a file by device and inode, and by its canonical path.
type fileID struct {
	name string // as given, for messages
	path string // canonical
	info fs.FileInfo
}

func identify(name string) fileID {
	id := fileID{name: name, path: canonicalPath(name)}
	if st, err := os.Stat(name); err == nil {
		id.info = st
	}
	return id
}

// SameFile reports whether the paths a and b name one file: the same path
// once made absolute with symbolic links resolved, or the same device and
// inode (a hard link). A path that does not exist is compared by name.
func SameFile(a, b string) bool {
	st, err := os.Stat(b)
	if err != nil {
		st = nil
	}
	return identify(a).same(canonicalPath(b), st)
}

// same reports whether path (canonical cp, stat st) is the file id.
func (id fileID) same(cp string, st fs.FileInfo) bool {
	if id.path == cp {
		return true
	}
	return id.info != nil && st != nil && os.SameFile(id.info, st)
}

// StageFiles begins a transaction writing files into dir, creating dir
// (mode 0777 less the umask) when it does not exist. No file of dir may
// end up being one of inputs (compared after resolving symbolic links, and
// by device and inode, which catches hard links); empty and "-" inputs are
// ignored.
//
// StageFiles takes the lock of dir, then cleans what an earlier run that
// was killed left there: a staging folder whose files were all written is
// rolled forward (its files renamed into place), any other is removed, as
// are temporary files of [WriteFileAtomic] that no process holds. When
// another transaction holds the lock, the error says so at once.
func StageFiles(dir string, inputs []string) (*Staged, error) {
	if err := checkFolder(dir); err != nil {
		return nil, err
	}
	_, statErr := os.Stat(dir)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("cannot create the folder %s: %w (check that the folder above it exists and is writable)", dir, reasonErr{err})
	}
	lock, err := lockFolder(dir)
	if err != nil {
		return nil, err
	}
	s := &Staged{dir: dir, lock: lock, missing: map[string]bool{}, created: statErr != nil}
	for _, in := range inputs {
		if in != "" && in != "-" {
			s.inputs = append(s.inputs, identify(in))
		}
	}
	recoverFolder(dir)
	writes.Lock()
	defer writes.Unlock()
	if writes.stopped {
		lock.Close()
		return nil, ErrInterrupted
	}
	stage, err := os.MkdirTemp(dir, stagingPrefix)
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("cannot write into %s: %w (check that the folder is writable)", dir, reasonErr{err})
	}
	s.stage = stage
	writes.staged[s] = true
	return s, nil
}

// checkFolder refuses a dir that exists and is not a folder.
func checkFolder(dir string) error {
	st, err := os.Stat(dir)
	if err == nil && !st.IsDir() {
		return fmt.Errorf("cannot write into %s: it is a file, not a folder (give the name of a folder)", dir)
	}
	return nil
}

// Add writes the file name of the transaction, with body, into the
// staging folder and syncs it. name is a plain file name. The target is
// checked first: a folder, a symbolic link, a device or a FIFO in its
// place, or an input file, is an error and nothing is staged.
func (s *Staged) Add(name string, body []byte) error {
	if s.closed {
		return errors.New("data: Add on a finished transaction")
	}
	if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") {
		return fmt.Errorf("data: bad output file name %q", name)
	}
	if slices.Contains(s.names, name) {
		return fmt.Errorf("data: output file %q added twice", name)
	}
	target := filepath.Join(s.dir, name)
	mode, err := s.checkTarget(target)
	if err != nil {
		return err
	}
	writes.Lock()
	if writes.stopped {
		writes.Unlock()
		return ErrInterrupted
	}
	f, err := os.OpenFile(filepath.Join(s.stage, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	writes.Unlock()
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", target, reasonErr{err})
	}
	if err := writeClose(f, body, mode); err != nil {
		return fmt.Errorf("cannot write %s: %w", target, reasonErr{err})
	}
	s.names = append(s.names, name)
	return nil
}

// checkTarget checks what is at target now and returns the mode the new
// file must not exceed (0 when there is no file).
func (s *Staged) checkTarget(target string) (fs.FileMode, error) {
	lst, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		s.missing[filepath.Base(target)] = true
		return 0, s.checkInput(target, nil)
	}
	if err != nil {
		return 0, fmt.Errorf("cannot write %s: %w", target, reasonErr{err})
	}
	switch t := lst.Mode().Type(); {
	case t&fs.ModeDir != 0:
		return 0, fmt.Errorf("cannot write %s: it is a folder (move it away, or choose another output folder)", target)
	case t&fs.ModeSymlink != 0:
		return 0, fmt.Errorf("cannot write %s: it is a symbolic link, which the pack would replace (remove the link, or choose another output folder)", target)
	case t != 0:
		return 0, fmt.Errorf("cannot write %s: it is not a regular file (%s) (remove it, or choose another output folder)", target, typeName(t))
	}
	if err := s.checkInput(target, lst); err != nil {
		return 0, err
	}
	return lst.Mode().Perm(), nil
}

func (s *Staged) checkInput(target string, st fs.FileInfo) error {
	cp := canonicalPath(target)
	for _, in := range s.inputs {
		if in.same(cp, st) {
			return fmt.Errorf("refusing to write %s: it is the input file %s (choose another output folder: inputs are never overwritten)", target, in.name)
		}
	}
	return nil
}

// typeName names a non-regular file type.
func typeName(t fs.FileMode) string {
	switch {
	case t&fs.ModeCharDevice != 0:
		return "a character device"
	case t&fs.ModeDevice != 0:
		return "a device"
	case t&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case t&fs.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

// writeSync writes body to f, narrows its mode to limit when limit is not
// 0, and syncs it.
func writeSync(f *os.File, body []byte, limit fs.FileMode) error {
	bw := bufio.NewWriterSize(f, 64<<10)
	_, err := bw.Write(body)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && limit != 0 {
		if st, serr := f.Stat(); serr == nil && st.Mode().Perm()&^limit != 0 {
			err = f.Chmod(st.Mode().Perm() & limit)
		}
	}
	if err == nil {
		err = f.Sync()
	}
	return err
}

// writeClose is writeSync followed by closing f.
func writeClose(f *os.File, body []byte, limit fs.FileMode) error {
	err := writeSync(f, body, limit)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Names returns the names of the files added so far, in order.
func (s *Staged) Names() []string { return slices.Clone(s.names) }

// Commit renames every staged file into place, in the order they were
// added (so the file added last, such as a run record, is renamed last),
// then removes the staging folder and releases the lock. When a rename
// fails, the files already renamed are put back as they were and the
// error is returned. A signal during Commit waits for it to finish.
func (s *Staged) Commit() error {
	if s.closed {
		return errors.New("data: Commit on a finished transaction")
	}
	writes.Lock()
	defer writes.Unlock()
	defer s.finish()
	if writes.stopped {
		return ErrInterrupted
	}
	if err := writeMarker(s.stage, s.names); err != nil {
		return fmt.Errorf("cannot write into %s: %w", s.dir, reasonErr{err})
	}
	os.Mkdir(filepath.Join(s.stage, backupDir), 0o700)
	for _, name := range s.names {
		if !s.missing[name] {
			// A hard link keeps the old file for a rollback; without one
			// (a file system that has none) the rename still replaces it.
			os.Link(filepath.Join(s.dir, name), filepath.Join(s.stage, backupDir, name))
		}
	}
	for i, name := range s.names {
		if err := commitRename(s.stage, s.dir, name); err != nil {
			s.rollback(s.names[:i])
			return fmt.Errorf("cannot write %s: %w (nothing was changed in %s)", filepath.Join(s.dir, name), reasonErr{err}, s.dir)
		}
	}
	syncDir(s.dir)
	s.done = true
	return nil
}

// commitRename renames the staged file name into dir.
func commitRename(stage, dir, name string) error {
	if err := faultBeforeRename(name); err != nil {
		return err
	}
	return os.Rename(filepath.Join(stage, name), filepath.Join(dir, name))
}

// faultBeforeRename, in tests, fails the rename of a given file.
var faultBeforeRename = func(string) error { return nil }

// rollback puts back the files of names, already renamed into place.
func (s *Staged) rollback(names []string) {
	os.Remove(filepath.Join(s.stage, commitMarker))
	for _, name := range names {
		target := filepath.Join(s.dir, name)
		if s.missing[name] {
			os.Remove(target)
			continue
		}
		os.Rename(filepath.Join(s.stage, backupDir, name), target)
	}
	syncDir(s.dir)
}

// Abort removes the staging folder and releases the lock; the folder's
// files are untouched (a folder that StageFiles created is removed again
// when it is empty). It does nothing after Commit or another Abort, so
// it can be deferred.
func (s *Staged) Abort() {
	if s.closed {
		return
	}
	writes.Lock()
	defer writes.Unlock()
	s.finish()
}

// finish removes the staging folder and releases the lock; writes is
// locked.
func (s *Staged) finish() {
	s.closed = true
	os.RemoveAll(s.stage)
	delete(writes.staged, s)
	s.lock.Close()
	if s.created && !s.done {
		os.Remove(s.dir)
	}
}

// writeMarker writes the commit marker listing names, and syncs the
// staging folder so the staged files and the marker are on disk.
func writeMarker(stage string, names []string) error {
	f, err := os.OpenFile(filepath.Join(stage, commitMarker), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if err := writeClose(f, []byte(strings.Join(names, "\n")+"\n"), 0); err != nil {
		return err
	}
	syncDir(stage)
	return nil
}

// recoverFolder cleans the leftovers of killed runs in dir, whose lock the
// caller holds: staging folders (rolled forward when their commit marker
// says every file was written) and temporary files of [WriteFileAtomic]
// that no running process holds.
func recoverFolder(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		switch {
		case strings.HasPrefix(name, stagingPrefix) && e.IsDir():
			rollForward(path, dir)
			os.RemoveAll(path)
		case isTempName(name) && e.Type().IsRegular():
			removeIfUnheld(path)
		}
	}
}

// rollForward finishes the commit of a staging folder whose marker exists:
// the files still staged are renamed into place in the marker's order.
func rollForward(stage, dir string) {
	b, err := os.ReadFile(filepath.Join(stage, commitMarker))
	if err != nil || len(b) == 0 || b[len(b)-1] != '\n' {
		return
	}
	for _, name := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") {
			return
		}
		if _, err := os.Lstat(filepath.Join(stage, name)); err == nil {
			os.Rename(filepath.Join(stage, name), filepath.Join(dir, name))
		}
	}
	syncDir(dir)
}
