//go:build !unix

package data

import "os"

// lockFolder opens dir; systems without flock have no folder lock.
func lockFolder(dir string) (*os.File, error) { return os.Open(dir) }

// flockNB does nothing on systems without flock.
func flockNB(*os.File) error { return nil }

// removeIfUnheld leaves temporary files alone where they cannot be told
// from the files of a running process.
func removeIfUnheld(string) {}
