//go:build unix

package data

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockFolder takes the exclusive lock of the folder dir (flock on the
// folder itself, so no lock file is left behind) and returns the open
// folder, whose Close releases the lock. When another process or
// transaction holds the lock, the error says so at once. On a file system
// that has no locks (some network file systems) the folder is written
// without one.
func lockFolder(dir string) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot write into %s: %w", dir, reasonErr{err})
	}
	if err := flockNB(f); err != nil {
		if errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.ENOSYS) {
			return f, nil // a file system without locks: write unlocked
		}
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("cannot write into %s: another stretchmatch run is writing into this folder (wait for it to finish, or choose another output folder)", dir)
		}
		return nil, fmt.Errorf("cannot lock %s: %w", dir, err)
	}
	return f, nil
}

// flockNB takes an exclusive lock on f without waiting.
func flockNB(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err != syscall.EINTR {
			return err
		}
	}
}

// removeIfUnheld removes the temporary file path unless a running process
// holds its lock (the process writing it).
func removeIfUnheld(path string) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	if flockNB(f) == nil {
		os.Remove(path)
	}
}
